// A parent's rate is Σ numerator / Σ denominator of its grids (aggregate 'ratio'), its tooltip and table twin say
// "n of m grids" when some grids have no value, and legend classes of whole-number data share no bound (A3 s18,
// finding 10 and the legend point), on screen in both languages.
import { expect, html } from '@open-wc/testing';
import '../../src/components/grid-map/grid-map.define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';
import { mapOf, part } from './fixtures/grid-map.js';

let SMALL: unknown;
const DATA = {
  metrics: [
    { key: 'reported', label: '上报事项', labelEn: 'Reported', aggregate: 'sum' },
    { key: 'done', label: '办结事项', labelEn: 'Resolved', aggregate: 'sum' },
    { key: 'rate', label: '办结率', labelEn: 'Rate', unit: '%', aggregate: 'ratio', numerator: 'done', denominator: 'reported', scale: 100 },
  ],
  // Community 007: 9 of 10 and 50 of 100 → 59 / 110 = 53.6 % (the mean of the two rates would be 70 %).
  // Community 008: one grid reports 40, the other has no figures → 40 "of 1 of 2 grids".
  rows: [
    { code: '500118002007001', reported: 10, done: 9, rate: 90 },
    { code: '500118002007002', reported: 100, done: 50, rate: 50 },
    { code: '500118002008001', reported: 40, done: 30, rate: 75 },
    { code: '500118002008002' },
  ],
};

const tipOf = async (el: CivicGridMap, code: string): Promise<string> => {
  el.highlight(code);
  await el.updateComplete;
  return part(el, 'tooltip')!.textContent!.replace(/\s+/g, ' ');
};
const tableValues = (el: CivicGridMap): string[] => [...el.shadowRoot!.querySelectorAll('[part~="table"] tbody tr')].map((tr) => tr.textContent!.replace(/\s+/g, ' '));

describe('<civic-grid-map>: parents aggregated as a statistician would', function () {
  this.timeout(60000);
  before(async () => {
    SMALL = await (await fetch('/test/fixtures/grid-map/small.geojson')).json();
  });

  it('a community’s rate is Σ resolved / Σ reported, and a partial sum says so (zh-CN)', async () => {
    const el = await mapOf(html`<civic-grid-map level="community" table .geometry=${SMALL} .data=${DATA} metric="rate"></civic-grid-map>`);
    expect(await tipOf(el, '500118002007')).to.contain('办结率: 53.6%');
    el.metric = 'reported';
    await el.updateComplete;
    const tip = await tipOf(el, '500118002008');
    expect(tip).to.contain('覆盖：2 个网格中 1 个有数据');
    expect(await tipOf(el, '500118002007')).not.to.contain('覆盖');
    const rows = tableValues(el);
    expect(rows.find((r) => r.includes('500118002008'))).to.contain('（2 个网格中 1 个有数据）');
    expect(rows.find((r) => r.includes('500118002007'))).not.to.contain('个网格中');
  });

  it('says the same in English', async () => {
    const el = await mapOf(html`<civic-grid-map lang="en" level="community" table .geometry=${SMALL} .data=${DATA} metric="reported"></civic-grid-map>`);
    expect(await tipOf(el, '500118002008')).to.contain('Covers 1 of 2 grids');
    expect(tableValues(el).find((r) => r.includes('500118002008'))).to.contain('(1 of 2 grids)');
  });

  it('legend classes of whole-number data share no bound (quantile breaks are fractional)', async () => {
    const rows = ['500118002007001', '500118002007002', '500118002008001', '500118002008002'].map((code, i) => ({ code, n: [10, 64, 341, 900][i] }));
    const el = await mapOf(html`<civic-grid-map classification="quantile" classes="4" .geometry=${SMALL} .data=${{ metrics: [{ key: 'n', label: 'n' }], rows }} metric="n"></civic-grid-map>`);
    const labels = [...part(el, 'legend')!.querySelectorAll('[part~="legend-item"] .label')].map((n) => n.textContent!.trim()).filter((l) => /\d/.test(l));
    expect(labels.length).to.equal(4);
    expect(labels.join(' | ')).not.to.match(/\d\.\d/);
    const nums = labels.map((l) => (l.match(/\d+/g) ?? []).map(Number));
    for (let i = 1; i < nums.length; i++) expect(nums[i][0], labels.join(' | ')).to.be.greaterThan(nums[i - 1][nums[i - 1].length - 1]);
  });
});
