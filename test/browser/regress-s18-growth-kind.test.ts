// V1 (session 18): 6bc8c14 made a removed or unknown `kind` ATTRIBUTE draw the default value-growth chart fully (its
// plot class, the growth line's own colour, the export's file name). Frameworks set it as a PROPERTY: React 19 and Vue
// set a custom element's prop as a property when the element has one (`'kind' in el`), so
// `<civic-growth-chart kind={view === 'cmp' ? 'compare' : undefined}>` sets `el.kind = undefined` when the view goes
// back to the default. The property path has no converter: the plot lost its class again (growth line in the bars'
// colour) and the reflected attribute read "undefined". And `kind="Compare"`, written as people write attributes
// (F1 made format="CSV" read as csv for the same reason), silently drew value-growth.
// A1 s18 (the attribute, below): first contact found the same bug for a removed or unknown attribute:
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
const plotClass = (el: CivicGrowthChart) => el.shadowRoot!.querySelector('svg[part~="plot"]')!.getAttribute('class');
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

describe('V1 s18: <civic-growth-chart> kind set as a property, or written in another case', function () {
  this.timeout(60_000);
  let fresh: CivicGrowthChart;
  before(async () => {
    fresh = await make();
  });
  after(() => fresh.remove());

  for (const value of [undefined, null, ''] as const)
    it(`kind="compare", then el.kind = ${JSON.stringify(value)} (React 19 / Vue going back to the default): the value-growth chart`, async () => {
      const el = await make('compare');
      (el as unknown as { kind: unknown }).kind = value;
      await el.updateComplete;
      await el.whenDrawn();
      expect(el.kind, 'kind').to.equal('value-growth');
      expect(plotClass(el), 'plot class').to.equal(plotClass(fresh));
      expect(lineStroke(el), 'growth line colour').to.equal(lineStroke(fresh));
      expect(el.getAttribute('kind'), 'reflected attribute').to.equal('value-growth');
      el.remove();
    });

  for (const [written, kind] of [['Compare', 'compare'], [' trend ', 'trend'], ['COMPARE', 'compare']] as const)
    it(`kind="${written}" is the ${kind} chart`, async () => {
      const el = await make(written);
      const plain = await make(kind);
      expect(el.kind).to.equal(kind);
      expect(plotClass(el), 'plot class').to.equal(plotClass(plain));
      el.remove();
      plain.remove();
    });
});
