// A content-sized growth chart (no height set) first connected inside a hidden container (display: none) and then
// shown: its first picture comes with the resize observation that shows it, without changing the host's size inside
// that observation step (the page would get a window error "ResizeObserver loop completed with undelivered
// notifications", found by H-audit).
import { expect, fixture, html } from '@open-wc/testing';
import { frames } from './fixtures/wait.js';
import '../../src/components/growth-chart/growth-chart.define.js';
import type { CivicGrowthChart } from '../../src/components/growth-chart/growth-chart.js';
import { SMALL_GROWTH } from './fixtures/growth-small.js';

const DATA = SMALL_GROWTH;

describe('civic-growth-chart shown after being hidden', () => {
  let errors: string[];
  const onError = (e: ErrorEvent) => void errors.push(e.message);
  beforeEach(() => {
    errors = [];
    window.addEventListener('error', onError);
  });
  afterEach(() => window.removeEventListener('error', onError));

  for (const lang of ['zh-CN', 'en']) {
    it(`content-sized (${lang}): draws when shown, no ResizeObserver loop error`, async () => {
      const wrap = await fixture<HTMLDivElement>(html`<div lang=${lang} style="width:560px;display:none"></div>`);
      const el = document.createElement('civic-growth-chart') as CivicGrowthChart;
      el.data = DATA;
      wrap.append(el);
      await frames(3);
      await el.updateComplete;
      const h0 = el.getBoundingClientRect().height;
      const drawn = el.whenDrawn();
      wrap.style.display = 'block';
      await drawn;
      await frames(3);
      expect(el.shadowRoot!.querySelectorAll('g.marks rect.bar').length, 'bars drawn').to.equal(3);
      expect(errors).to.deep.equal([]);
      expect(h0).to.equal(0);
    });
  }

  it('with a fixed height: drawn within the resize observation that shows it (the legend cannot grow the host)', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:560px;display:none"></div>`);
    const el = document.createElement('civic-growth-chart') as CivicGrowthChart;
    el.style.height = '400px';
    el.data = DATA;
    wrap.append(el);
    await frames(3);
    await el.updateComplete;
    // An observer made after the chart's is called after it in the same step, after the update its callback caused.
    const atShow = new Promise<number>((resolve) => {
      const ro = new ResizeObserver((es) => {
        if (es[0].contentRect.width < 1) return;
        ro.disconnect();
        resolve(el.shadowRoot!.querySelectorAll('g.marks rect.bar').length);
      });
      ro.observe(el);
    });
    await frames(2);
    wrap.style.display = 'block';
    expect(await atShow, 'bars drawn in the step that showed the chart').to.equal(3);
    await el.whenDrawn();
    await frames(3);
    expect(errors).to.deep.equal([]);
  });
});
