// Issue 16 (weight): the growth chart's first picture and its redraws without animation are written without d3; the
// keyed d3 joins with d3-transition (src/components/growth-chart/growth-chart.marks.ts) are loaded for animated
// redraws. This file imports only the define module, so a request for the marks module, d3-selection or
// d3-transition before the first picture came from element code.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/components/growth-chart/growth-chart.define.js';
import type { CivicGrowthChart } from '../../src/components/growth-chart/growth-chart.js';
import { until } from './fixtures/wait.js';
import { requestedPaths } from './fixtures/requests.js';
import { smallGrowth as data } from './fixtures/growth-small.js';

const LAZY = /\/src\/components\/growth-chart\/growth-chart\.marks\.[jt]s|\/node_modules\/d3-(transition|selection)\//;
const lazyRequests = () => requestedPaths(LAZY);

const bar = (el: CivicGrowthChart, key: string) => el.shadowRoot!.querySelector<SVGRectElement>(`g.marks rect.bar[data-key="${key}"]`)!;

describe('growth chart redraw code is not in the first load (issue 16)', () => {
  it('first picture and a redraw without animation request no d3 joins', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      let atFirstPicture: string[] | undefined;
      let heightAtFirst = NaN;
      const el = document.createElement('civic-growth-chart') as CivicGrowthChart;
      el.style.width = '560px';
      el.addEventListener(
        'civic-drawn',
        () => {
          atFirstPicture = lazyRequests();
          heightAtFirst = Number(bar(el, '2021').getAttribute('height'));
          el.data = data(60); // in the first picture's task: before anything scheduled after it
        },
        { once: true },
      );
      el.data = data(120);
      const box = await fixture<HTMLDivElement>(html`<div></div>`);
      box.append(el);
      await el.whenDrawn();
      expect(atFirstPicture, 'marks module / d3 requested before the first picture').to.deep.equal([]);
      await el.updateComplete;
      expect(Number(bar(el, '2021').getAttribute('height')), 'redrawn within its update').to.be.lessThan(heightAtFirst);
      expect(lazyRequests().filter((n) => !n.includes('growth-chart.marks')), 'd3 requested by a redraw without animation').to.deep.equal([]);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('an animated redraw gets the d3 joins (loading them if needed) and its picture completes', async () => {
    const el = await fixture<CivicGrowthChart>(html`<civic-growth-chart style="width:560px" .data=${data(120)}></civic-growth-chart>`);
    await el.whenDrawn();
    const before = Number(bar(el, '2021').getAttribute('height'));
    el.data = data(60);
    await el.whenDrawn();
    expect(lazyRequests().some((n) => n.includes('growth-chart.marks')), 'marks module loaded for the animated redraw').to.equal(true);
    expect((bar(el, '2021') as unknown as { __transition?: unknown }).__transition, 'a d3 transition runs').to.exist;
    await until(() => Number(bar(el, '2021').getAttribute('height')) < before - 1, 'the bar shrinks to its new value');
  });
});
