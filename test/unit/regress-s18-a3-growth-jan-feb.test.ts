/**
 * A3 (session 18), FAILS on main, no patch: NBS monthly year-to-date data has no 1月 on its own. January and
 * February are published together (1—2月) for industrial output, investment and retail sales, the three monthly
 * series of FACTS.md §4. Two effects:
 * - the cumulative axis gets an empty "1月" slot in every year;
 * - basis="single" draws February as a gap, so the first two months of the year are lost.
 * The single value of 1—2月 is the 1—2月 value itself (labelled 1—2月), and 3月 = 1—3月 − 1—2月.
 */
import { describe, expect, it } from 'vitest';
import { buildGrowthModel, parseGrowthData } from '../../src/components/growth-chart/growth-chart.model.js';

const raw = {
  series: [{ id: 'retail', name: '社会消费品零售总额', unit: '亿元', basis: 'cumulative', points: [
    { period: '2022-01/2022-11', value: 300 },
    { period: '2022-01/2022-12', value: 330 },
    { period: '2023-01/2023-02', value: 52 },
    { period: '2023-01/2023-03', value: 80 },
  ] }],
};
const model = (basis?: 'single') =>
  buildGrowthModel(parseGrowthData(raw).value!.series, { kind: 'value-growth', width: 640, height: 320, lang: 'zh-CN', ...(basis ? { basis } : {}) });

describe('monthly data with 1—2月 combined', () => {
  it('no empty 1月 slot on the cumulative axis', () => {
    expect(model().categories.map((c) => c.key)).toEqual(['2022-01/2022-11', '2022-01/2022-12', '2023-01/2023-02', '2023-01/2023-03']);
  });
  it('basis="single": 1—2月 shows its value, 3月 = 80 − 52 = 28', () => {
    const m = model('single');
    const text = m.categories.map((c) => `${c.tooltip.title} ${c.tooltip.rows[0].text}`);
    expect(text).toContain('2023年1—2月 社会消费品零售总额：52亿元，—');
    expect(text).toContain('2023年3月 社会消费品零售总额：28亿元，—');
  });
});
