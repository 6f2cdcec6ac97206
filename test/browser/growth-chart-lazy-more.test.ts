// Issue 16 (weight): the growth chart's compare/trend builders, long-format reader, export menu, table twin and keyed
// mark updates are one lazy chunk (growth-chart.more.ts). A chart that needs it before it has loaded still draws
// within the update that `updateComplete` reports: this file is a fresh page (nothing loaded the chunk), and its first
// chart needs the chunk twice over (kind="trend", long-format rows).
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/components/growth-chart/growth-chart.define.js';
import type { CivicGrowthChart } from '../../src/components/growth-chart/growth-chart.js';

const ROWS = [
  { province: '甲省', period: '2021', value: 100, growth: 2 },
  { province: '甲省', period: '2022', value: 110, growth: 3 },
  { province: '乙省', period: '2021', value: 80, growth: 1 },
  { province: '乙省', period: '2022', value: 84, growth: 5 },
];

describe('growth chart parts loaded on demand (issue 16)', () => {
  // Redraws without animation (the keyed update, not a d3 transition); the page is shared with the next file: reset.
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));
  // First in this file: nothing has loaded the chunk yet.
  it('a first basis="single" chart draws derived single quarters (the deriver is in the chunk) when updateComplete resolves', async () => {
    const cum = (period: string, value: number) => ({ period, value, growth: null });
    const data = { series: [{ id: 'gdp', name: '地区生产总值', unit: '亿元', basis: 'cumulative', points: [cum('2022-01/2022-03', 262), cum('2022-01/2022-06', 548.5), cum('2022-01/2022-09', 860.9)] }] };
    const el = await fixture<CivicGrowthChart>(html`<civic-growth-chart basis="single" style="width:480px" .data=${data}></civic-growth-chart>`);
    const bar = (key: string) => Number(el.shadowRoot!.querySelector(`g.marks rect.bar[data-key="${key}"]`)?.getAttribute('height'));
    // Q3 = 860.9 − 548.5 = 312.4; Q1 = 262.0 (the published cumulative values would give 860.9 / 262)
    expect(bar('2022Q3') / bar('2022Q1')).to.be.closeTo(312.4 / 262, 1e-3);
  });

  it('a first trend chart of long-format rows is drawn when updateComplete resolves', async () => {
    // fixture() resolves after the element's updateComplete.
    const el = await fixture<CivicGrowthChart>(html`<civic-growth-chart kind="trend" series-field="province" style="width:480px" .data=${ROWS}></civic-growth-chart>`);
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('g.marks path.line'), 'one line per province').to.have.length(2);
    expect([...root.querySelectorAll('[part~="legend"] button')].map((b) => b.textContent!.trim())).to.deep.equal(['甲省', '乙省']);
    // The next update (the keyed update of the marks, from the same chunk) is drawn when updateComplete resolves too.
    el.data = ROWS.map((r) => ({ ...r, growth: r.growth + 10 }));
    await el.updateComplete;
    expect(el.chartModel?.lines[0].points[1].value).to.equal(13);
    const d = root.querySelector('g.marks path.line')!.getAttribute('d');
    expect(d).to.equal(el.chartModel?.lines[0].d);
    await el.whenSettled();
    expect(root.querySelectorAll('[part~="toolbar"] button[data-format]'), 'export menu from the same chunk').to.have.length(3);
  });
});
