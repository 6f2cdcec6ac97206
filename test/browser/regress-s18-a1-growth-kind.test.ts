// A1 s18 (first contact): a growth chart whose `kind` attribute is removed (a page switching views back to the
// default) or given a kind it does not know draws the default `value-growth` bars and growth line (README), but it
// kept `kind` null / the unknown word: the plot lost its value-growth class, so the growth line took the first
// series colour — the colour of the bars under it — instead of the line colour, its legend swatch likewise, and the
// export's file name became civic-growth-chart-null.csv. The chart now looks like a chart created without `kind`.
import { expect } from '@open-wc/testing';
import '../../src/components/growth-chart/growth-chart.define.js';
import type { CivicGrowthChart } from '../../src/components/growth-chart/growth-chart.js';
import GROWTH from '../../demo/data/growth.json';

const make = async (kind?: string): Promise<CivicGrowthChart> => {
  const el = document.createElement('civic-growth-chart') as CivicGrowthChart;
  if (kind) el.setAttribute('kind', kind);
  el.style.cssText = 'display:block;width:600px';
  el.data = GROWTH as never;
  document.body.append(el);
  await el.whenDrawn();
  return el;
};
const lineStroke = (el: CivicGrowthChart) => {
  const line = el.shadowRoot!.querySelector('svg[part~="plot"] .line.c0');
  expect(line, 'growth line').to.exist;
  return getComputedStyle(line!).stroke;
};

describe('A1 s18: <civic-growth-chart> kind removed or unknown', function () {
  this.timeout(60_000);
  let fresh: CivicGrowthChart;
  before(async () => {
    fresh = await make();
  });
  after(() => fresh.remove());

  it('kind="compare" then removed: the value-growth chart again, growth line in its own colour, kind "value-growth"', async () => {
    const el = await make('compare');
    el.removeAttribute('kind');
    await el.updateComplete;
    await el.whenDrawn();
    expect(lineStroke(el), 'growth line colour').to.equal(lineStroke(fresh));
    expect(el.kind).to.equal('value-growth');
    el.remove();
  });

  it('kind="bars" (unknown): drawn as value-growth, like a chart without kind', async () => {
    const el = await make('bars');
    expect(lineStroke(el), 'growth line colour').to.equal(lineStroke(fresh));
    expect(el.kind).to.equal('value-growth');
    el.remove();
  });
});
