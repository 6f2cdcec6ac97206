// The words of the export menu, the table twin and the source line come apart from the shared strings (issue 16:
// core/i18n/translation.ts viewWords, so the KPI tile does not load them); the elements that show them say them in
// the page's language.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/growth-chart/growth-chart.define.js';
import '../../src/components/screen/screen.define.js';
import type { CivicGrowthChart } from '../../src/components/growth-chart/growth-chart.js';
import type { CivicScreen } from '../../src/components/screen/screen.js';

const DATA = { series: [{ id: 'gdp', name: 'GDP', unit: '亿元', points: [{ period: '2021', value: 120, growth: 3 }, { period: '2022', value: 130, growth: 4 }] }] };

async function chart(lang: string): Promise<CivicGrowthChart> {
  const box = await fixture<HTMLDivElement>(html`<div lang=${lang} style="width: 640px"></div>`);
  const el = document.createElement('civic-growth-chart') as CivicGrowthChart;
  el.data = DATA;
  box.append(el);
  await el.whenSettled();
  return el;
}

const texts = (root: ShadowRoot, sel: string) => [...root.querySelectorAll(sel)].map((n) => n.textContent!.trim());

describe('view words (export menu, table twin)', () => {
  for (const [lang, words] of [
    ['zh-CN', { table: '显示数据表', menu: ['导出 PNG', '导出 SVG', '导出 CSV'] }],
    ['en', { table: 'Show data table', menu: ['Export PNG', 'Export SVG', 'Export CSV'] }],
  ] as const) {
    it(`growth chart, ${lang}: the table toggle and the export menu`, async () => {
      const el = await chart(lang);
      expect(texts(el.shadowRoot!, '[part~="table-details"] summary')).to.deep.equal([words.table]);
      expect(texts(el.shadowRoot!, '[part~="toolbar"] button[data-format]')).to.deep.equal([...words.menu]);
    });
  }

  it('screen, en: the export button', async () => {
    const el = await fixture<CivicScreen>(html`<civic-screen lang="en" export-button tour="0" style="display:block;width:960px;height:540px"></civic-screen>`);
    await el.whenDrawn();
    const btn = el.shadowRoot!.querySelector('[part~="export"]')!;
    expect(btn.textContent!.trim()).to.equal('Export PNG');
  });
});
