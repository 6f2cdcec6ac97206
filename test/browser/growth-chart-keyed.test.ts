// Growth chart redraws without animation, keyed marks (issue 16, update speed): the usual update walks the bars and
// dots in step with the new data; a period that appears in the middle, a period that leaves and a second series still
// find their nodes by key, in period order, and the picture equals a fresh draw of the same data.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/components/growth-chart/growth-chart.define.js';
import type { CivicGrowthChart } from '../../src/components/growth-chart/growth-chart.js';

type Pt = { period: string; value: number; growth: number };
const series = (id: string, years: number[], k: number) => ({
  id,
  name: id === 'gdp' ? '地区生产总值（示例）' : '工业增加值（示例）',
  unit: '亿元',
  illustrative: true,
  points: years.map((y, i): Pt => ({ period: String(y), value: 100 + i * 7 * k + (id === 'gdp' ? 0 : 30), growth: ((i % 4) - 1) * k })),
});
const years = (from: number, to: number, skip?: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i).filter((y) => y !== skip);

function picture(el: CivicGrowthChart): string[] {
  const svg = el.shadowRoot!.querySelector('svg[part~="plot"]')!;
  return [...svg.querySelectorAll('*')].map((n) => {
    const attrs = [...n.attributes].map((a) => `${a.name}=${a.value}`).sort().join(' ');
    return `${n.localName} ${attrs} ${n.children.length === 0 ? n.textContent : ''}`;
  });
}
const keysOf = (el: CivicGrowthChart, sel: string) => [...el.shadowRoot!.querySelectorAll(sel)].map((n) => `${n.getAttribute('data-series')}|${n.getAttribute('data-key')}`);

describe('civic-growth-chart: keyed marks', () => {
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('a period added in the middle gets a new bar and dot in period order; the others keep their nodes', async () => {
    const el = await fixture<CivicGrowthChart>(html`<civic-growth-chart style="width:640px" .data=${{ series: [series('gdp', years(2015, 2022, 2018), 1)] }}></civic-growth-chart>`);
    await el.whenDrawn();
    const root = el.shadowRoot!;
    const bar2019 = root.querySelector('g.marks rect.bar[data-key="2019"]');
    const dot2022 = root.querySelector('g.marks circle.dot[data-key="2022"]');
    expect(root.querySelector('g.marks rect.bar[data-key="2018"]')).to.equal(null);
    const next = { series: [series('gdp', years(2015, 2022), 2)] };
    el.data = next;
    await el.whenDrawn();
    expect(root.querySelector('g.marks rect.bar[data-key="2019"]'), 'same bar node').to.equal(bar2019);
    expect(root.querySelector('g.marks circle.dot[data-key="2022"]'), 'same dot node').to.equal(dot2022);
    expect(keysOf(el, 'g.marks rect.bar')).to.deep.equal(years(2015, 2022).map((y) => `gdp|${y}`));
    expect(keysOf(el, 'g.marks circle.dot')).to.deep.equal(years(2015, 2022).map((y) => `gdp|${y}`));
    const fresh = await fixture<CivicGrowthChart>(html`<civic-growth-chart style="width:640px" .data=${next}></civic-growth-chart>`);
    await fresh.whenDrawn();
    expect(picture(el)).to.deep.equal(picture(fresh));
  });

  it('two series: a period leaving the first and a series hidden and shown again redraw like a fresh chart', async () => {
    const two = (k: number, skip?: number) => ({ series: [series('gdp', years(2015, 2022, skip), k), series('ind', years(2015, 2022), k)] });
    const el = await fixture<CivicGrowthChart>(html`<civic-growth-chart style="width:720px" .data=${two(1)}></civic-growth-chart>`);
    await el.whenDrawn();
    el.data = two(3, 2016);
    await el.whenDrawn();
    expect(keysOf(el, 'g.marks g.bars[data-series="gdp"] rect.bar')).to.deep.equal(years(2015, 2022, 2016).map((y) => `gdp|${y}`));
    el.toggleSeries('gdp', false);
    await el.whenDrawn();
    el.toggleSeries('gdp', true);
    await el.whenDrawn();
    const fresh = await fixture<CivicGrowthChart>(html`<civic-growth-chart style="width:720px" .data=${two(3, 2016)}></civic-growth-chart>`);
    await fresh.whenDrawn();
    expect(picture(el)).to.deep.equal(picture(fresh));
  });
});
