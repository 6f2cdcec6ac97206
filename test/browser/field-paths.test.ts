// Field paths read what the user sees (issue 12): every data element honours its field attributes on a
// `{ code, msg, data }` envelope — paths written against the response as devtools shows it (`data.list[].gdp`) and
// against the unwrapped data (`list[].gdp`) — and on the same data without an envelope; the envelope's error
// handling stays on (a non-success code is an `api` error). Data here is illustrative (invented).
import { expect, fixture, html } from '@open-wc/testing';
import { until } from './fixtures/wait.js';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import '../../src/components/kpi-grid/kpi-grid.define.js';
import '../../src/components/rank-board/rank-board.define.js';
import '../../src/components/growth-chart/growth-chart.define.js';
import '../../src/components/chain-graph/chain-graph.define.js';
import '../../src/components/grid-map/grid-map.define.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';
import type { CivicKpiGrid } from '../../src/components/kpi-grid/kpi-grid.js';
import type { CivicRankBoard } from '../../src/components/rank-board/rank-board.js';
import type { CivicGrowthChart } from '../../src/components/growth-chart/growth-chart.js';
import type { CivicChainGraph } from '../../src/components/chain-graph/chain-graph.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';
import type { CivicErrorEvent } from '../../src/core/events/error-event.js';

type DataEl = HTMLElement & { data?: unknown; updateComplete: Promise<unknown>; dataStatus: string };

/**
 * Resolves with the civic-load of `el`, or its first civic-error (listening before the data is set). A partial error
 * can come before the load (civic-load waits for the picture): it is the outcome too, so a test expecting a clean load
 * fails on it.
 */
function outcome(el: HTMLElement): Promise<{ type: string; detail: Record<string, unknown> }> {
  return new Promise((resolve) => {
    const on = (e: Event) => {
      el.removeEventListener('civic-load', on);
      el.removeEventListener('civic-error', on);
      resolve({ type: e.type, detail: (e as CustomEvent).detail });
    };
    el.addEventListener('civic-load', on);
    el.addEventListener('civic-error', on);
  });
}

/** Mounts `el` (attributes already set), sets `data`, and returns the first outcome. */
async function feed<T extends DataEl>(el: T, data: unknown): Promise<{ type: string; detail: Record<string, unknown> }> {
  const o = outcome(el);
  el.data = data;
  await fixture(html`<div style="width: 640px">${el}</div>`);
  const r = await o;
  await el.updateComplete;
  return r;
}

function make<T extends DataEl>(tag: string, attrs: Record<string, string>): T {
  const el = document.createElement(tag) as T;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

const envelope = (data: unknown) => ({ code: 0, msg: 'success', data });
const LIST = [
  { orgName: '中山路街道', gdp: 120.5, cnt: 12, code: '500118002', unit: '亿元' },
  { orgName: '胜利路街道', gdp: 98.25, cnt: 30, code: '500118003', unit: '亿元' },
];

const part = (root: ParentNode | null | undefined, name: string) => root?.querySelector(`[part~="${name}"]`)?.textContent?.trim() ?? '';

describe('field paths: raw response and unwrapped envelope, every data element', function () {
  this.timeout(60000);
  let warn: typeof console.warn;
  beforeEach(() => {
    warn = console.warn;
    console.warn = () => undefined;
  });
  afterEach(() => {
    console.warn = warn;
  });

  describe('<civic-kpi-tile> value-field label-field unit-field', () => {
    const cases: Array<[string, unknown, Record<string, string>]> = [
      ['envelope, raw path', envelope({ stats: { total: 1234, name: '在册人数', u: '人' } }), { 'value-field': 'data.stats.total', 'label-field': 'data.stats.name', 'unit-field': 'data.stats.u' }],
      ['envelope, unwrapped path', envelope({ stats: { total: 1234, name: '在册人数', u: '人' } }), { 'value-field': 'stats.total', 'label-field': 'stats.name', 'unit-field': 'stats.u' }],
      ['no envelope', { stats: { total: 1234, name: '在册人数', u: '人' } }, { 'value-field': 'stats.total', 'label-field': 'stats.name', 'unit-field': 'stats.u' }],
      ['envelope, list path', envelope({ list: [{ total: 1234, name: '在册人数', u: '人' }] }), { 'value-field': 'data.list[].total', 'label-field': 'data.list[].name', 'unit-field': 'data.list[].u' }],
    ];
    for (const [name, data, attrs] of cases)
      it(name, async () => {
        const el = make<CivicKpiTile & DataEl>('civic-kpi-tile', { ...attrs, duration: '0' });
        const r = await feed(el, data);
        expect(r.type, JSON.stringify(r.detail)).to.equal('civic-load');
        await until(() => part(el.shadowRoot, 'number') === '1,234', 'the tile shows 1,234');
        expect(part(el.shadowRoot, 'label')).to.equal('在册人数');
        expect(part(el.shadowRoot, 'unit')).to.equal('人');
      });
  });

  describe('<civic-kpi-grid> value-field label-field unit-field id-field region-field', () => {
    const tiles = (el: CivicKpiGrid) => [...el.shadowRoot!.querySelectorAll<CivicKpiTile>('civic-kpi-tile')];
    const numbers = (el: CivicKpiGrid) => tiles(el).map((t) => part(t.shadowRoot, 'number'));
    const labels = (el: CivicKpiGrid) => tiles(el).map((t) => part(t.shadowRoot, 'label'));
    const list = (p: string) => ({ 'value-field': `${p}[].gdp`, 'label-field': `${p}[].orgName`, 'unit-field': `${p}[].unit`, 'id-field': `${p}[].code`, 'region-field': `${p}[].code` });
    const cases: Array<[string, unknown, Record<string, string>]> = [
      ['envelope, raw path data.list[].gdp', envelope({ list: LIST }), list('data.list')],
      ['envelope, unwrapped path list[].gdp', envelope({ list: LIST }), list('list')],
      ['no envelope, list[].gdp', { list: LIST }, list('list')],
      ['no envelope, column names on items', { items: LIST }, { 'value-field': 'gdp', 'label-field': 'orgName', 'unit-field': 'unit', 'id-field': 'code', 'region-field': 'code' }],
    ];
    for (const [name, data, attrs] of cases)
      it(name, async () => {
        const el = make<CivicKpiGrid & DataEl>('civic-kpi-grid', { ...attrs, duration: '0' });
        const r = await feed(el, data);
        expect(r.type, JSON.stringify(r.detail)).to.equal('civic-load');
        await until(() => numbers(el).join('|') === '120.5|98.25', `tiles show 120.5 and 98.25, got ${numbers(el).join('|')}`);
        expect(labels(el)).to.deep.equal(['中山路街道', '胜利路街道']);
        el.region = '500118003';
        await until(() => labels(el).join('|') === '胜利路街道', 'region-field drives the region filter');
      });
  });

  describe('<civic-rank-board> name-field value-field id-field region-field', () => {
    const rows = (el: CivicRankBoard, p: string) => [...el.shadowRoot!.querySelectorAll('[part~="row"]')].map((r) => part(r, p));
    const list = (p: string) => ({ 'name-field': `${p}[].orgName`, 'value-field': `${p}[].cnt`, 'id-field': `${p}[].code`, 'region-field': `${p}[].code` });
    const cases: Array<[string, unknown, Record<string, string>]> = [
      ['envelope, raw path data.list[].orgName', envelope({ list: LIST }), list('data.list')],
      ['envelope, unwrapped path list[].orgName', envelope({ list: LIST }), list('list')],
      ['no envelope', { list: LIST }, list('list')],
    ];
    for (const [name, data, attrs] of cases)
      it(name, async () => {
        const el = make<CivicRankBoard & DataEl>('civic-rank-board', { ...attrs, interval: '0' });
        const r = await feed(el, data);
        expect(r.type, JSON.stringify(r.detail)).to.equal('civic-load');
        await until(() => rows(el, 'name').join('|') === '胜利路街道|中山路街道', `ranked by cnt, got ${rows(el, 'name').join('|')}`);
        el.region = '500118002';
        await until(() => rows(el, 'name').join('|') === '中山路街道', 'region-field drives the region filter');
      });
  });

  describe('<civic-growth-chart> series-field period-field value-field growth-field region-field (long format)', () => {
    const long = [
      { province: '甲省', adcode: '110000', q: '2023Q1', gdp: 10, yoy: 4.1 },
      { province: '甲省', adcode: '110000', q: '2023Q2', gdp: 12, yoy: 4.5 },
      { province: '乙省', adcode: '120000', q: '2023Q1', gdp: 8, yoy: 3.2 },
      { province: '乙省', adcode: '120000', q: '2023Q2', gdp: 9, yoy: 3.6 },
    ];
    const fields = (p: string) => ({ 'series-field': `${p}province`, 'period-field': `${p}q`, 'value-field': `${p}gdp`, 'growth-field': `${p}yoy`, 'region-field': `${p}adcode` });
    const cases: Array<[string, unknown, Record<string, string>]> = [
      ['envelope, raw path data.list[].province', envelope({ list: long }), fields('data.list[].')],
      ['envelope, unwrapped path list[].province', envelope({ list: long }), fields('list[].')],
      ['no envelope, column names on a bare array', long, fields('')],
      ['envelope around a bare array, column names', envelope(long), fields('')],
    ];
    for (const [name, data, attrs] of cases)
      it(name, async () => {
        const el = make<CivicGrowthChart & DataEl>('civic-growth-chart', { ...attrs, kind: 'trend', measure: 'value' });
        const r = await feed(el, data);
        expect(r.type, JSON.stringify(r.detail)).to.equal('civic-load');
        expect(r.detail.count).to.equal(2);
        const csv = el.toCSV();
        expect(csv).to.contain('甲省').and.contain('乙省');
        expect(csv).to.match(/\b12\b/);
        el.region = '120000';
        await el.updateComplete;
        expect(el.toCSV()).to.contain('乙省').and.not.contain('甲省');
      });
  });

  describe('<civic-chain-graph> fields', () => {
    const payload = {
      chains: [{ code: 'auto', title: '汽车产业链（示例）', leader: 'L' }],
      nodes: [
        { code: 'L', title: '龙头企业（示例）', category: 'leader', chain: 'auto', tier: 'core' },
        { code: 'M', title: '配套企业（示例）', category: 'member', chain: 'auto', tier: 'upstream' },
      ],
      links: [{ from: 'M', to: 'L', kind: 'supply' }],
    };
    const attrs = { fields: 'id=code, name=title, type=category, source=from, target=to', renderer: 'svg' };
    for (const [name, data] of [
      ['envelope', envelope(payload)],
      ['no envelope', payload],
    ] as const)
      it(name, async () => {
        const el = make<CivicChainGraph & DataEl>('civic-chain-graph', attrs);
        const r = await feed(el, data);
        expect(r.type, JSON.stringify(r.detail)).to.equal('civic-load');
        await until(() => el.visibleNodeIds.length === 2, 'both nodes shown');
        expect([...el.visibleNodeIds].sort()).to.deep.equal(['L', 'M']);
      });
  });

  describe('<civic-grid-map> code-field name-field (geometry), metrics on an envelope', () => {
    let geo: { features: Array<{ properties: Record<string, unknown> }> };
    before(async () => {
      const raw = await (await fetch('/test/fixtures/grid-map/small.geojson')).json();
      // The same geometry with other property names: adcode / title instead of code / name.
      for (const f of raw.features) {
        f.properties.adcode = f.properties.code;
        f.properties.title = f.properties.name;
        delete f.properties.code;
        delete f.properties.name;
      }
      geo = raw;
    });
    const metrics = () => {
      const codes = geo.features.map((f) => String(f.properties.adcode)).filter((c) => c.length === 15);
      return { metrics: [{ key: 'households', label: '户数', unit: '户' }], rows: codes.map((c, i) => ({ code: c, households: 100 + i })) };
    };
    for (const name of ['envelope', 'no envelope'])
      it(name, async () => {
        const el = make<CivicGridMap & DataEl>('civic-grid-map', { 'code-field': 'adcode', 'name-field': 'title', renderer: 'canvas' });
        el.geometry = geo;
        const m = metrics();
        const r = await feed(el, name === 'envelope' ? envelope(m) : m);
        expect(r.type, JSON.stringify(r.detail)).to.equal('civic-load');
        await el.whenDrawn();
        expect(el.geometryIssues.filter((i) => i.severity === 'error')).to.deep.equal([]);
        expect(el.joinIssues.filter((i) => i.severity === 'error')).to.deep.equal([]);
        const coloured = el.legend.filter((l) => !/无数据|No data/.test(l.label)).reduce((n, l) => n + l.count, 0);
        expect(coloured).to.equal(m.rows.length);
      });
  });

  describe('the envelope error handling stays on with field paths', () => {
    it('a non-success code is an api error, not a path error', async () => {
      const el = make<CivicRankBoard & DataEl>('civic-rank-board', { 'name-field': 'data.list[].orgName', 'value-field': 'data.list[].cnt', interval: '0' });
      const r = await feed(el, { code: 401, msg: '未登录', data: null });
      expect(r.type).to.equal('civic-error');
      expect((r.detail as unknown as CivicErrorEvent['detail']).kind).to.equal('api');
      expect((r.detail as unknown as CivicErrorEvent['detail']).message).to.equal('未登录');
    });
  });
});
