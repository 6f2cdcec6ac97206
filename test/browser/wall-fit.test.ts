// Issue 13, what the demo wall needed from the elements themselves (test/pages/wall-legibility.mjs measures the wall):
// a KPI tile's unit and qualifier never go under the legibility floor when the figure is fitted small; a growth
// chart's rotated x labels are never cut by the chart's left edge (shortened with … and their full name instead). A
// y label drawn over the first rotated label is caught by the page check on the wall's own geometry.
import { expect, fixture, html } from '@open-wc/testing';
import { settled, until } from './fixtures/wait.js';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import '../../src/components/growth-chart/growth-chart.define.js';
import '../../src/components/grid-map/grid-map.define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';
import METRICS from '../fixtures/grid-map/metrics.json';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';
import type { CivicGrowthChart } from '../../src/components/growth-chart/growth-chart.js';
import GROWTH from '../../demo/data/growth.json';

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
const px = (el: Element) => parseFloat(getComputedStyle(el).fontSize);

describe('wall fit (issue 13)', () => {
  it('a narrow tile keeps its unit and qualifier at the floor (12 px on a page) and its value line inside', async () => {
    const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile lang="en" motion="reduce" style="width:150px" label="Students enrolled" value="170000" unit="人" qualifier="over"></civic-kpi-tile>`);
    await until(() => part(el, 'base').style.getPropertyValue('--_unit-min') !== '', 'the fit ran');
    await settled(el);
    expect(px(part(el, 'unit'))).to.be.at.least(12);
    expect(px(part(el, 'qualifier'))).to.be.at.least(12);
    expect(px(part(el, 'number'))).to.be.above(px(part(el, 'unit')));
    const v = part(el, 'value');
    expect(v.scrollWidth).to.be.at.most(v.clientWidth + 1);
  });

  it('follows --civic-min-text-size', async () => {
    const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile lang="en" motion="reduce" style="width:180px; --civic-min-text-size: 16px" label="Students enrolled" value="170000" unit="人" qualifier="over"></civic-kpi-tile>`);
    await until(() => part(el, 'base').style.getPropertyValue('--_unit-min') === '16px', 'the fit used the token');
    await settled(el);
    expect(px(part(el, 'unit'))).to.be.at.least(16);
    expect(px(part(el, 'qualifier'))).to.be.at.least(16);
  });

  // Widths at which the first rotated label used to reach past the chart's left edge.
  for (const [lang, width] of [['zh-CN', 280], ['en', 440]] as const)
    it(`a narrow value-growth chart (${lang}, ${width} px): rotated labels inside the SVG, shortened ones carry their full name`, async () => {
      const el = await fixture<CivicGrowthChart>(html`<civic-growth-chart lang=${lang} density="screen" style="width:${width}px; --civic-growth-chart-height: 230px; --civic-growth-chart-label-font-size: 16px" .data=${GROWTH} kind="value-growth"></civic-growth-chart>`);
      await until(() => el.shadowRoot!.querySelector('svg[part~="plot"] text.tick[transform]'), 'rotated x labels drawn');
      await settled(el);
      const svg = el.shadowRoot!.querySelector<SVGSVGElement>('svg[part~="plot"]')!;
      const box = svg.getBoundingClientRect();
      const rotated = [...svg.querySelectorAll<SVGTextElement>('text.tick[transform]')];
      expect(rotated.length).to.be.above(0);
      for (const t of rotated) {
        expect(t.getBoundingClientRect().left, `"${t.textContent}" inside the chart`).to.be.at.least(box.left - 1);
        if (t.textContent!.includes('…')) expect(t.querySelector('title')?.textContent ?? '').to.not.equal('');
      }
    });

  it('the English map toolbar stays one line at the wall width (the search box gives way)', async () => {
    const geo = await (await fetch('/test/fixtures/grid-map/small.geojson')).json();
    const el = await fixture<CivicGridMap>(html`<civic-grid-map lang="en" density="screen" style="width:760px" .geometry=${geo} .data=${METRICS} metric="households"></civic-grid-map>`);
    await el.whenDrawn();
    await settled(el);
    const bar = part(el, 'toolbar');
    const tops = [...bar.children].filter((c) => (c as HTMLElement).offsetWidth > 0).map((c) => Math.round(c.getBoundingClientRect().top + c.getBoundingClientRect().height / 2));
    expect(tops.length).to.be.at.least(3);
    expect(new Set(tops).size, `toolbar item centres ${tops.join(', ')}`).to.equal(1);
    expect(part(el, 'search').querySelector('input')!.getBoundingClientRect().width).to.be.at.least(100);
  });
});
