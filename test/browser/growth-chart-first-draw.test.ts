// The growth chart's first picture is built by its own path (growth-chart.plot.ts: drawFrame's `build`, buildMarks),
// not by the update path. Each node carries a record of the values written on it, which later updates compare with
// instead of reading the DOM: the first picture's records must say what is on the nodes, and be the records the update
// path leaves for the same data, or a later update would skip a write it needs.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/components/growth-chart/growth-chart.define.js';
import type { CivicGrowthChart } from '../../src/components/growth-chart/growth-chart.js';

type Recorded = Element & { __gc?: Record<string, string>; __data__?: unknown };

const series = (periods: string[], name = '地区生产总值（示例）') => ({
  series: [
    { id: 'gdp', name, unit: '亿元', points: periods.map((period, i) => ({ period, value: 100 + i * 7, growth: (i % 4) - 1, illustrative: i % 2 === 0 })) },
    { id: 'inv', name: '固定资产投资', unit: '%', points: periods.map((period, i) => ({ period, value: null, growth: (i % 3) - 0.5 })) },
  ],
});
const years = (n: number) => Array.from({ length: n }, (_, i) => `${2015 + i}`);
const quarters = (n: number) => Array.from({ length: n }, (_, i) => `${2015 + Math.floor(i / 4)}Q${(i % 4) + 1}`);
const compare = {
  series: ['工业增加值占地区生产总值比重', '社会消费品零售总额同比增长', '规模以上工业企业营业收入', '一般公共预算收入', '城镇居民人均可支配收入', '进出口总额'].map((name, k) => ({ id: `s${k}`, name, unit: '%', points: [{ period: '2022', value: 10 + k, growth: k - 1.5 }] })),
};
/** [name, data, kind, width, a selector the case's picture must have (the label shape it covers)] */
const CASES: [string, unknown, string, number, string][] = [
  ['one-line year labels', series(years(6)), 'value-growth', 600, '.x-axis > text:not([transform]):not(:has(tspan))'],
  ['two-line quarter labels', series(quarters(6)), 'value-growth', 600, '.x-axis > text > tspan'],
  ['rotated labels', series(years(12)), 'value-growth', 260, '.x-axis > text[transform]'],
  ['40 quarters, year labels', series(quarters(40)), 'value-growth', 600, '.x-axis > text'],
  ['compare: rotated, shortened labels with a <title>', compare, 'compare', 300, '.x-axis > text[transform] > title'],
];

/** Every element of the plot with its record: tag, sorted attributes, own text, sorted record. */
function records(el: CivicGrowthChart): string[] {
  const svg = el.shadowRoot!.querySelector('svg[part~="plot"]')!;
  return [...svg.querySelectorAll('*')].map((n) => {
    const attrs = [...n.attributes].map((a) => `${a.name}=${a.value}`).sort().join(' ');
    const own = [...n.childNodes].filter((c) => c.nodeType === Node.TEXT_NODE).map((c) => c.textContent).join('');
    const rec = Object.entries((n as Recorded).__gc ?? {}).map(([k, v]) => `${k}=${v}`).sort().join(' ');
    return `${n.localName} [${attrs}] "${own}" {${rec}}`;
  });
}

async function draw(data: unknown, kind: string, width: number): Promise<CivicGrowthChart> {
  const el = await fixture<CivicGrowthChart>(html`<civic-growth-chart style="width:${width}px" kind=${kind} .data=${data}></civic-growth-chart>`);
  await el.whenDrawn();
  return el;
}

describe('civic-growth-chart first picture: records of written values', () => {
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));

  for (const [name, data, kind, width, has] of CASES) {
    it(`${name}: each record says what is on its node`, async () => {
      const el = await draw(data, kind, width);
      const svg = el.shadowRoot!.querySelector('svg[part~="plot"]')!;
      expect(svg.querySelector(has), has).to.not.equal(null);
      const drawn = [...svg.querySelectorAll<Recorded>('g.marks *, .grid, .zero, .axis-left *, .axis-right *, .x-axis *, .annotations *')];
      expect(drawn.length).to.be.greaterThan(10);
      for (const n of drawn) {
        const rec = n.__gc;
        expect(rec, `${n.localName}.${n.getAttribute('class')} has a record`).to.not.equal(undefined);
        for (const [k, v] of Object.entries(rec!)) {
          if (k === '$shape') continue;
          if (k === '$t') expect(n.textContent, `text of ${n.localName}`).to.equal(v);
          else expect(n.getAttribute(k), `${n.localName}.${n.getAttribute('class')} ${k}`).to.equal(v);
        }
        for (const a of n.attributes) expect(rec, `${n.localName} ${a.name} recorded`).to.have.property(a.name, a.value);
      }
      for (const n of svg.querySelectorAll<Recorded>('g.marks rect, g.marks circle, g.marks path')) expect(n.__data__, 'bound data').to.not.equal(undefined);
    });
  }

  it('the first picture has the nodes, attributes and records an update to the same data leaves', async () => {
    for (const [, data, kind, width] of CASES) {
      const other = kind === 'compare' ? { series: compare.series.slice(2).reverse() } : series(years(3), '其他');
      const el = await draw(other, kind, width);
      el.data = data;
      await el.whenDrawn();
      const fresh = await draw(data, kind, width);
      expect(records(fresh)).to.deep.equal(records(el));
      el.remove();
      fresh.remove();
    }
  });
});
