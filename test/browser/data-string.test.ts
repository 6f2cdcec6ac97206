// A `data` string (F, session 16): it was read as CSV whatever it held, so `el.data = 'hello'` (or JSON text, or an
// empty string) gave an empty table: the KPI tile, grid and board and the growth chart fired civic-load over
// 暂无数据, the chain graph said "got an array of 0". Now a string is JSON text, else CSV text (README, Data: CSV is
// read wherever it comes from); text that is neither is a visible, translated error with civic-error, the last good
// picture kept. The chain graph, whose nodes and links have no CSV form, expects JSON text only. Data is illustrative.
import { expect, fixture, html } from '@open-wc/testing';
import { until } from './fixtures/wait.js';
import { pageProblems } from './fixtures/page-problems.js';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import '../../src/components/kpi-grid/kpi-grid.define.js';
import '../../src/components/rank-board/rank-board.define.js';
import '../../src/components/growth-chart/growth-chart.define.js';
import '../../src/components/chain-graph/chain-graph.define.js';
import '../../src/components/grid-map/grid-map.define.js';
import type { CivicErrorDetail } from '../../src/core/events/error-event.js';

type DataEl = HTMLElement & { data?: unknown; updateComplete: Promise<unknown>; whenDrawn(): Promise<void>; stale: boolean };

const ELEMENTS: Array<[string, Record<string, string>]> = [
  ['civic-kpi-tile', { motion: 'reduce' }],
  ['civic-kpi-grid', { motion: 'reduce' }],
  ['civic-rank-board', { interval: '0' }],
  ['civic-growth-chart', {}],
  ['civic-grid-map', { renderer: 'canvas', 'geometry-src': '/test/fixtures/grid-map/small.geojson' }],
  ['civic-chain-graph', { renderer: 'svg' }],
];

function record(el: HTMLElement): { loads: number; errors: CivicErrorDetail[] } {
  const r = { loads: 0, errors: [] as CivicErrorDetail[] };
  el.addEventListener('civic-load', () => r.loads++);
  el.addEventListener('civic-error', (e) => r.errors.push((e as CustomEvent<CivicErrorDetail>).detail));
  return r;
}

async function mount(tag: string, attrs: Record<string, string>, data: unknown): Promise<{ el: DataEl; rec: ReturnType<typeof record> }> {
  const el = document.createElement(tag) as DataEl;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  const rec = record(el);
  el.data = data;
  await fixture(html`<div style="width: 640px">${el}</div>`);
  await until(() => rec.loads + rec.errors.length > 0, `<${tag}> reported a load or an error`);
  await el.whenDrawn();
  return { el, rec };
}

const statusOf = (el: Element) => el.shadowRoot!.querySelector('[part~="status"]');

describe('a data string', function () {
  this.timeout(60000);
  let warn: typeof console.warn;
  beforeEach(() => {
    warn = console.warn;
    console.warn = () => undefined;
  });
  afterEach(() => {
    console.warn = warn;
  });

  for (const [tag, attrs] of ELEMENTS) {
    const jsonOnly = tag === 'civic-chain-graph';
    for (const text of ['hello', '']) {
      it(`<${tag}> data = ${JSON.stringify(text)}: a translated error saying what was expected, no civic-load`, async () => {
        const problems = pageProblems();
        const { el, rec } = await mount(tag, attrs, text);
        problems.stop();
        expect(rec.loads, 'no civic-load').to.equal(0);
        expect(rec.errors).to.have.length(1);
        const e = rec.errors[0];
        expect(e.partial).to.equal(false);
        expect([e.kind, e.issues[0].code]).to.deep.equal(jsonOnly ? ['json', 'json'] : ['validation', 'text']);
        expect(e.message).to.contain(jsonOnly ? 'expected an object or JSON text' : 'expected JSON or CSV text');
        const status = statusOf(el)!;
        expect(status.getAttribute('role')).to.equal('alert');
        await until(() => status.isConnected && statusOf(el)!.textContent!.includes(jsonOnly ? '数据不是有效的 JSON' : '数据应为 JSON 或 CSV 文本'), 'the translated reason');
        el.setAttribute('lang', 'en');
        await until(() => statusOf(el)?.textContent?.includes(jsonOnly ? 'The data is not valid JSON' : 'The data should be JSON or CSV text'), 'the reason in English');
        expect(problems.list).to.deep.equal([]);
      });
    }
  }

  it('JSON text is read as JSON, CSV text as CSV', async () => {
    const json = await mount('civic-rank-board', { interval: '0' }, JSON.stringify({ rows: [{ name: '中山路', value: 3 }] }));
    expect(json.rec.loads).to.equal(1);
    expect(json.el.shadowRoot!.textContent).to.contain('中山路');
    const csv = await mount('civic-rank-board', { interval: '0' }, 'name,value\n胜利路,5\n');
    expect(csv.rec.loads).to.equal(1);
    expect(csv.el.shadowRoot!.textContent).to.contain('胜利路');
    const tile = await mount('civic-kpi-tile', { motion: 'reduce' }, '42');
    expect(tile.rec.loads).to.equal(1);
    const graph = await mount('civic-chain-graph', { renderer: 'svg' }, JSON.stringify({ chains: [{ id: 'c', name: '链', leader: 'a' }], nodes: [{ id: 'a', name: '龙头甲', type: 'leader', chain: 'c' }], links: [] }));
    expect(graph.rec.loads).to.equal(1);
  });

  it('after good data, text that is neither keeps the picture with the error banner', async () => {
    const { el, rec } = await mount('civic-rank-board', { interval: '0' }, { rows: [{ name: '中山路', value: 3 }] });
    el.data = 'hello';
    await until(() => rec.errors.length === 1, 'civic-error');
    await el.whenDrawn();
    expect(rec.errors[0].keptPrevious).to.equal(true);
    expect(el.stale).to.equal(true);
    expect(el.shadowRoot!.textContent).to.contain('中山路');
    expect(statusOf(el)).to.exist;
  });
});
