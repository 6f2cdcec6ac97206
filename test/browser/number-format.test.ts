// One compact number rule in every element, both languages (issue 11): at least three significant digits
// (32193.2 亿元 → 3.22万亿元 / 3.22T yuan; 320.5 亿元 → 320.5亿元 / 32.05B yuan). See core/format/number.ts COMPACT_RULE.
import { expect, fixture, html } from '@open-wc/testing';
import { settled, until } from './fixtures/wait.js';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import '../../src/components/kpi-grid/kpi-grid.define.js';
import '../../src/components/rank-board/rank-board.define.js';
import '../../src/components/growth-chart/growth-chart.define.js';
import '../../src/components/grid-map/grid-map.define.js';
import '../../src/components/chain-graph/chain-graph.define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';

type Lang = 'zh-CN' | 'en';
const BIG = 32193.2; // 亿元
const EXPECT: Record<Lang, { big: string; mid: string; plain: string; legend: string }> = {
  // legend: the grid map's class bound between 320.5 and 32193.2 (in 亿元, the unit is in the legend title)
  'zh-CN': { big: '3.22万亿元', mid: '320.5亿元', plain: '3.22万亿', legend: '1.63万' },
  en: { big: '3.22T yuan', mid: '32.05B yuan', plain: '3.22T', legend: '16.26K' },
};
const text = (root: ParentNode | null | undefined, sel: string) => (root?.querySelector(sel)?.textContent ?? '').replace(/\s+/g, ' ').trim();
const tileText = (tile: Element) => {
  const r = tile.shadowRoot!;
  const t = ['number', 'suffix', 'unit'].map((p) => text(r, `[part~="${p}"]`));
  return `${t[0]}${t[1]}${t[2] ? (t[2] === '元' ? '' : ' ') + t[2] : ''}`;
};

describe('number formatting: the same compact rule in every element', function () {
  this.timeout(60000);

  for (const lang of ['zh-CN', 'en'] as const) {
    const want = EXPECT[lang];

    it(`${lang}: <civic-kpi-tile> shows ${want.big}`, async () => {
      const el = await fixture(html`<civic-kpi-tile lang=${lang} motion="reduce" label="GDP" value=${BIG} unit="亿元" precision="1"></civic-kpi-tile>`);
      await settled(el.parentElement!);
      expect(tileText(el)).to.equal(want.big);
    });

    it(`${lang}: <civic-kpi-grid> tiles show ${want.big}`, async () => {
      const el = await fixture(html`<civic-kpi-grid lang=${lang} motion="reduce"
        .data=${{ items: [{ id: 'gdp', label: 'GDP', labelEn: 'GDP', value: BIG, unit: '亿元', precision: 1 }] }}></civic-kpi-grid>`);
      await settled(el.parentElement!);
      const tile = el.shadowRoot!.querySelector('civic-kpi-tile')!;
      await until(() => tileText(tile) !== '', 'the tile shows its figure');
      expect(tileText(tile)).to.equal(want.big);
    });

    it(`${lang}: <civic-rank-board> shows ${want.mid} and ${want.big} (scaled units read at scale)`, async () => {
      const el = await fixture(html`<civic-rank-board lang=${lang} interval="0"
        .data=${{ unit: '亿元', rows: [{ id: 'a', name: '甲', value: BIG }, { id: 'b', name: '乙', value: 320.5 }] }}></civic-rank-board>`);
      await settled(el.parentElement!);
      const values = [...el.shadowRoot!.querySelectorAll('[part~="value"]')].map((v) => v.textContent!.trim());
      expect(values).to.deep.equal([want.big, want.mid]);
    });

    it(`${lang}: <civic-growth-chart> summary says ${want.big}`, async () => {
      const data = {
        series: [{ id: 'gdp', name: '地区生产总值', nameEn: 'GDP', unit: '亿元', basis: 'cumulative', points: [{ period: '2022-01/2022-09', value: BIG, growth: 4.3, illustrative: true }] }],
      };
      const el = await fixture(html`<civic-growth-chart lang=${lang} style="width:600px;height:320px" .data=${data}></civic-growth-chart>`);
      await settled(el.parentElement!);
      const label = el.shadowRoot!.querySelector('[part~="plot-area"]')!.getAttribute('aria-label')!;
      expect(label).to.contain(want.big);
    });

    it(`${lang}: <civic-grid-map> legend, table and tooltip values follow the rule`, async () => {
      const geo = await (await fetch('/test/fixtures/grid-map/small.geojson')).json();
      const metrics = {
        illustrative: true,
        metrics: [{ key: 'gdp', label: '产值', labelEn: 'Output', unit: '亿元', illustrative: true }],
        rows: [
          { code: '500118002007001', gdp: BIG },
          { code: '500118002007002', gdp: 320.5 },
        ],
      };
      const el = await fixture<CivicGridMap>(html`<civic-grid-map lang=${lang} renderer="canvas" table level="grid" classification="quantize" classes="2"
        .geometry=${geo} .data=${metrics}></civic-grid-map>`);
      await el.whenDrawn();
      const cells = [...el.shadowRoot!.querySelectorAll('[part~="table"] td.num')].map((c) => c.textContent!.trim());
      expect(cells).to.include(want.big);
      expect(cells).to.include(want.mid);
      // Legend bounds are figures in the metric's unit (亿元 in the title): 16256.85 → 1.63万 / 16.26K, not 1.6万 / 16.3K.
      const legend = text(el.shadowRoot, '[part~="legend"]');
      expect(legend).to.contain(`< ${want.legend}`);
      el.highlight('500118002007001');
      await el.updateComplete;
      expect(text(el.shadowRoot, '[part~="tooltip"]')).to.contain(want.big);
    });

    it(`${lang}: <civic-chain-graph> tooltip figures follow the rule`, async () => {
      const data = {
        chains: [{ id: 'c', name: '示例链', nameEn: 'Example chain', leader: 'a' }],
        nodes: [
          { id: 'a', name: '甲企业', nameEn: 'Firm A', type: 'leader', chain: 'c', tier: 'core', attrs: { output: 3.21932e12 }, flags: [], illustrative: true },
          { id: 'b', name: '乙企业', nameEn: 'Firm B', type: 'member', chain: 'c', tier: 'upstream', attrs: {}, flags: [], illustrative: true },
        ],
        links: [{ source: 'b', target: 'a', kind: 'supply' }],
      };
      const el = await fixture<HTMLElement & { highlight(id: string | null): void; updateComplete: Promise<unknown> }>(
        html`<civic-chain-graph lang=${lang} style="width:600px;height:400px" .data=${data}></civic-chain-graph>`,
      );
      await settled(el.parentElement!);
      el.highlight('a');
      await until(() => text(el.shadowRoot, '[part~="tooltip"]') !== '', 'the tooltip shows');
      expect(text(el.shadowRoot, '[part~="tooltip"]')).to.contain(want.plain);
    });
  }
});
