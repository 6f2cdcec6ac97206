// S1 s18 (F2's probe of the demo wall at 360 px in English): the compare chart's axis title "Year-to-date growth,
// y/y (%) · Jan–Sep 2022" ran past the right edge of its SVG and was cut without an ellipsis. A title wider than the
// chart from where it starts now wraps onto more lines, every word inside the SVG and above the plot.
import { expect } from '@open-wc/testing';
import '../../src/components/growth-chart/growth-chart.define.js';
import type { CivicGrowthChart } from '../../src/components/growth-chart/growth-chart.js';
import GROWTH from '../../demo/data/growth.json';

const make = async (width: number, lang: string, kind = 'compare'): Promise<CivicGrowthChart> => {
  const el = document.createElement('civic-growth-chart') as CivicGrowthChart;
  el.setAttribute('kind', kind);
  el.setAttribute('lang', lang);
  el.style.cssText = `display:block;width:${width}px`;
  el.data = GROWTH as never;
  document.body.append(el);
  await el.whenDrawn();
  return el;
};

/** The axis title's text and how far its glyphs reach past the plot SVG's left and right edges (px; ≤ 0 is inside). */
const titleFit = (el: CivicGrowthChart) => {
  const svg = el.shadowRoot!.querySelector('svg[part~="plot"]') as SVGSVGElement;
  const t = svg.querySelector('.axis-left .axis-title') as SVGTextElement;
  expect(t, 'left axis title').to.exist;
  const box = svg.getBoundingClientRect();
  const r = document.createRange();
  r.selectNodeContents(t);
  const rects = [...r.getClientRects()];
  const spans = [...t.querySelectorAll('tspan')];
  return {
    lines: spans.length ? spans.map((s) => s.textContent ?? '') : [t.textContent ?? ''],
    over: Math.max(...rects.map((q) => q.right - box.right)),
    under: Math.max(...rects.map((q) => box.left - q.left)),
    top: Math.min(...rects.map((q) => q.top - box.top)),
  };
};

describe('S1 s18: <civic-growth-chart> axis title in a narrow chart', function () {
  this.timeout(60_000);
  for (const [width, lang] of [[296, 'en'], [240, 'en'], [296, 'zh-CN'], [600, 'en']] as const) {
    it(`compare at ${width} px, ${lang}: the whole title, inside the chart`, async () => {
      const el = await make(width, lang);
      const f = titleFit(el);
      const whole = lang === 'en' ? ['Year-to-date growth, y/y (%)', 'Jan–Sep 2022'] : ['1—9月'];
      // Every part of the title whole on one line (the period is never split), and nothing shortened.
      for (const w of whole) expect(f.lines.some((l) => l.includes(w)), `"${w}" on one line of ${JSON.stringify(f.lines)}`).to.be.true;
      expect(f.lines.join(' ')).not.to.contain('…');
      expect(f.over, 'past the right edge').to.be.at.most(0.5);
      expect(f.under, 'past the left edge').to.be.at.most(0.5);
      expect(f.top, 'above the top').to.be.at.least(-0.5);
      el.remove();
    });
  }
});
