// "civic-load only when something valid is drawn" (issue 12): for every data element, a payload with nothing valid
// is an error — one civic-error with partial=false, no civic-load, a visible error state — never "loaded + partial
// error" over an empty picture. Plus long-format growth data from CSV (src) and JSON. Data is illustrative.
import { expect, fixture, html } from '@open-wc/testing';
import { until } from './fixtures/wait.js';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import '../../src/components/kpi-grid/kpi-grid.define.js';
import '../../src/components/rank-board/rank-board.define.js';
import '../../src/components/growth-chart/growth-chart.define.js';
import '../../src/components/chain-graph/chain-graph.define.js';
import '../../src/components/grid-map/grid-map.define.js';
import type { CivicGrowthChart } from '../../src/components/growth-chart/growth-chart.js';
import type { CivicErrorDetail } from '../../src/core/events/error-event.js';

type DataEl = HTMLElement & { data?: unknown; src?: string; updateComplete: Promise<unknown>; dataStatus: string; stale: boolean };

const CSV_URL = '/test/fixtures/growth-chart/long-provinces.illustrative.csv';
const JSON_URL = '/test/fixtures/growth-chart/long-provinces.illustrative.json';

/** Records civic-load and civic-error of `el` from now on. */
function record(el: HTMLElement): { loads: Event[]; errors: CivicErrorDetail[] } {
  const r = { loads: [] as Event[], errors: [] as CivicErrorDetail[] };
  el.addEventListener('civic-load', (e) => r.loads.push(e));
  el.addEventListener('civic-error', (e) => r.errors.push((e as CustomEvent<CivicErrorDetail>).detail));
  return r;
}

async function mount<T extends DataEl>(tag: string, attrs: Record<string, string>, data?: unknown): Promise<{ el: T; rec: ReturnType<typeof record> }> {
  const el = document.createElement(tag) as T;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  const rec = record(el);
  if (data !== undefined) el.data = data;
  await fixture(html`<div style="width: 640px">${el}</div>`);
  await until(() => rec.loads.length + rec.errors.length > 0, `<${tag}> reported a load or an error`);
  // Events are dispatched together after one update: let that update finish before counting.
  await el.updateComplete;
  return { el, rec };
}

function expectTotalFailure(el: DataEl, rec: ReturnType<typeof record>): void {
  expect(rec.loads, 'no civic-load').to.have.length(0);
  expect(rec.errors, 'one civic-error').to.have.length(1);
  expect(rec.errors[0].partial).to.equal(false);
  expect(rec.errors[0].kind).to.equal('validation');
  expect(el.dataStatus).to.equal('error');
  const status = el.shadowRoot!.querySelector('[part~="status"]');
  expect(status, 'a visible error state').to.exist;
  expect(status!.getAttribute('role')).to.equal('alert');
}

const BAD: Array<[string, Record<string, string>, unknown]> = [
  ['civic-kpi-tile', {}, { label: '地区生产总值', value: 'abc' }],
  ['civic-kpi-grid', {}, { items: [{ label: 'a', value: 'abc' }, { label: 'b', value: 1e20 }] }],
  ['civic-rank-board', { interval: '0' }, { rows: [{ name: '中山路', value: 'abc' }, { name: '胜利路' }] }],
  ['civic-growth-chart', {}, { series: [{ id: 'gdp', name: 'GDP', points: [{ period: 'Q9', value: 1 }, { period: '2023Q1', value: 'abc' }] }] }],
  ['civic-chain-graph', { renderer: 'svg' }, { chains: [], nodes: [{ name: 'no id' }, 42], links: [] }],
  ['civic-grid-map', { renderer: 'canvas' }, { metrics: [{ key: 'households', label: '户数' }], rows: [{ households: 1 }, { code: 7, households: 'x' }] }],
];

describe('nothing valid → an error, never a load', function () {
  this.timeout(60000);
  let warn: typeof console.warn;
  beforeEach(() => {
    warn = console.warn;
    console.warn = () => undefined;
  });
  afterEach(() => {
    console.warn = warn;
  });

  for (const [tag, attrs, bad] of BAD) {
    it(`<${tag}>: civic-error (partial=false), no civic-load, a visible error`, async () => {
      const { el, rec } = await mount<DataEl>(tag, attrs, bad);
      expectTotalFailure(el, rec);
    });
  }

  it('after good data, a payload with nothing valid keeps the picture (stale), fires no load', async () => {
    const { el, rec } = await mount<DataEl>('civic-rank-board', { interval: '0' }, { rows: [{ name: '中山路', value: 3 }] });
    expect(rec.loads).to.have.length(1);
    el.data = { rows: [{ name: '中山路', value: 'abc' }] };
    await until(() => rec.errors.length === 1, 'the error');
    await el.updateComplete;
    expect(rec.loads).to.have.length(1);
    expect(rec.errors[0]).to.include({ partial: false, keptPrevious: true });
    expect(el.stale).to.equal(true);
    expect(el.shadowRoot!.querySelector('[part~="row"]')?.textContent).to.contain('中山路');
  });

  it('partly valid stays a partial success: the load and a partial error', async () => {
    const { el, rec } = await mount<DataEl>('civic-rank-board', { interval: '0' }, { rows: [{ name: '中山路', value: 3 }, { name: '胜利路', value: 'abc' }] });
    expect(rec.loads).to.have.length(1);
    expect(rec.errors).to.have.length(1);
    expect(rec.errors[0].partial).to.equal(true);
    expect(el.dataStatus).to.equal('complete');
  });

  describe('<civic-growth-chart> long-format data', () => {
    it('the provincial CSV without series-field (issue 12: "load 32 + partial error") is an error with no load', async () => {
      const { el, rec } = await mount<DataEl>('civic-growth-chart', { src: CSV_URL, format: 'csv' });
      expectTotalFailure(el, rec);
      expect(rec.errors[0].issues[0].path).to.equal('[0].series');
    });

    it('the same CSV with series-field and region-field: four provinces drawn, no error', async () => {
      const { el, rec } = await mount<CivicGrowthChart & DataEl>('civic-growth-chart', { src: CSV_URL, format: 'csv', 'series-field': 'province', 'region-field': 'code', kind: 'trend', measure: 'value' });
      expect(rec.errors).to.deep.equal([]);
      expect(rec.loads).to.have.length(1);
      expect((rec.loads[0] as CustomEvent).detail.count).to.equal(4);
      const legend = [...el.shadowRoot!.querySelectorAll('[part~="legend"] button')].map((b) => b.textContent!.trim());
      expect(legend.join(' ')).to.contain('甲省').and.contain('丁省');
      expect(el.shadowRoot!.querySelector('[part~="illustrative"]'), 'illustrative rows are marked').to.exist;
      el.region = '130000';
      await el.updateComplete;
      expect(el.toCSV()).to.contain('丙省').and.not.contain('甲省');
    });

    it('the same table as JSON in a { code, msg, data: { list } } envelope, paths as devtools shows them', async () => {
      const { el, rec } = await mount<CivicGrowthChart & DataEl>('civic-growth-chart', {
        src: JSON_URL,
        'series-field': 'data.list[].province',
        'period-field': 'data.list[].period',
        'value-field': 'data.list[].value',
        'growth-field': 'data.list[].growth',
        'region-field': 'data.list[].code',
        kind: 'value-growth',
        series: '乙省',
      });
      expect(rec.errors).to.deep.equal([]);
      expect((rec.loads[0] as CustomEvent).detail.count).to.equal(4);
      expect(el.toCSV()).to.contain('乙省');
      expect(el.shadowRoot!.querySelectorAll('g.marks rect.bar').length).to.equal(4);
    });

    it('series whose every point is a gap (no value, no rate) is an error, not an empty chart under a load', async () => {
      const rows = [
        { series: 'gdp', period: '2023Q1' },
        { series: 'gdp', period: '2023Q2', value: null },
      ];
      const { el, rec } = await mount<DataEl>('civic-growth-chart', {}, rows);
      expectTotalFailure(el, rec);
    });
  });
});
