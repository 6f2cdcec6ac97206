import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/growth-chart/growth-chart.define.js';
import { GROWTH_KINDS, GROWTH_MEASURES, GROWTH_SORTS } from '../src/components/growth-chart/growth-chart.types.js';
import { elementArgs } from './support/element-args.js';

/**
 * Demo data: `demo/data/growth.json` (served by Storybook at `/data/growth.json`). Jan–Sep 2022 figures are
 * FACTS.md §4 (GDP 860.9亿元 +4.3%, 3rd in the main metropolitan area; industry +7.8%, investment +5.6%,
 * retail +1.3%); every earlier point is illustrative and drawn hatched with the 示例数据 marker.
 */
const SRC = '/data/growth.json';

/** Inline sample for stories that must not depend on the network (same FACTS.md figures). */
const SAMPLE = {
  region: '500118',
  series: [
    {
      id: 'gdp',
      name: '地区生产总值',
      nameEn: 'GDP',
      unit: '亿元',
      basis: 'cumulative',
      points: [
        { period: '2021-01/2021-03', value: 248.6, growth: 17.2, illustrative: true },
        { period: '2021-01/2021-06', value: 521.4, growth: 12.6, illustrative: true },
        { period: '2021-01/2021-09', value: 812.3, growth: 9.8, illustrative: true },
        { period: '2021-01/2021-12', value: 1107.5, growth: 8.6, illustrative: true },
        { period: '2022-01/2022-03', value: 262.8, growth: 5.1, illustrative: true },
        { period: '2022-01/2022-06', value: 545, growth: 3.9, illustrative: true },
        { period: '2022-01/2022-09', value: 860.9, growth: 4.3, growthBasis: 'comparable', rank: { position: 3, scope: '主城都市区', scopeEn: 'main metropolitan area' } },
      ],
    },
    { id: 'industry', name: '规上工业产值', nameEn: 'Industrial output above designated size', unit: '亿元', basis: 'cumulative', points: [{ period: '2022-01/2022-09', value: null, growth: 7.8 }] },
    { id: 'investment', name: '固定资产投资', nameEn: 'Fixed-asset investment', unit: '亿元', basis: 'cumulative', points: [{ period: '2022-01/2022-09', value: null, growth: 5.6 }] },
    { id: 'retail', name: '社会消费品零售总额', nameEn: 'Retail sales of consumer goods', unit: '亿元', basis: 'cumulative', points: [{ period: '2022-01/2022-09', value: null, growth: 1.3 }] },
  ],
};

/** Entirely illustrative: negative growth and a bar below zero. */
const NEGATIVE = {
  illustrative: true,
  series: [
    {
      id: 'profit',
      name: '规上工业利润（示例）',
      nameEn: 'Industrial profits (illustrative)',
      unit: '亿元',
      basis: 'period',
      points: [
        { period: '2021Q1', value: 12.4, growth: 8.2 },
        { period: '2021Q2', value: 9.1, growth: -3.5 },
        { period: '2021Q3', value: -2.3, growth: -12.0, note: '原材料价格上涨（示例）', noteEn: 'Raw-material prices rose (illustrative)' },
        { period: '2021Q4', value: 6.0, growth: 1.5 },
        { period: '2022Q1', value: 10.2, growth: -17.7 },
        { period: '2022Q3', value: 11.8, growth: 5.0 },
      ],
    },
  ],
};

interface Args {
  data: unknown;
  kind: string;
  series: string;
  selected: string;
  reference?: number;
  sort: string;
  measure: string;
  basis: string;
  width: number;
}

const meta: Meta<Args> = {
  title: 'Components/Growth chart',
  component: 'civic-growth-chart',
  argTypes: {
    kind: { control: 'inline-radio', options: [...GROWTH_KINDS] },
    sort: { control: 'inline-radio', options: [...GROWTH_SORTS] },
    measure: { control: 'inline-radio', options: [...GROWTH_MEASURES] },
    basis: { control: 'inline-radio', options: ['published', 'single'] },
    width: { control: { type: 'range', min: 280, max: 1600, step: 10 } },
  },
  args: { data: SAMPLE, kind: 'value-growth', series: '', selected: '', sort: 'none', measure: 'growth', basis: 'published', width: 720 },
  render: (a) => html`<civic-growth-chart style="width:${a.width}px" ${elementArgs(a)}
    ><span slot="caption">永川区主要经济指标</span></civic-growth-chart
  >`,
};
export default meta;
type Story = StoryObj<Args>;

export const Playground: Story = {};

export const ValueGrowth: Story = { name: 'Kind: value-growth (GDP, 2nd axis)', args: { kind: 'value-growth', series: 'gdp' } };

export const Compare: Story = {
  name: 'Kind: compare with a reference line',
  render: () => html`<civic-growth-chart kind="compare" sort="desc" reference="4" reference-label="参考线（示例）" style="width:560px" .data=${SAMPLE}>
    <span slot="caption">2022年1—9月主要指标增速</span>
  </civic-growth-chart>`,
};

export const Trend: Story = { name: 'Kind: trend', args: { kind: 'trend' } };

export const SingleQuarter: Story = { name: 'Single quarters derived from cumulative values', args: { kind: 'value-growth', series: 'gdp', basis: 'single' } };

export const NegativeGrowth: Story = {
  name: 'Negative growth, a bar below zero, a note and a gap',
  render: () => html`<civic-growth-chart style="width:640px" .data=${NEGATIVE}></civic-growth-chart>`,
};

export const English: Story = {
  name: 'Locale: en',
  render: () => html`<civic-growth-chart lang="en" series="gdp" style="width:640px" .data=${SAMPLE}><span slot="caption">Yongchuan GDP</span></civic-growth-chart>`,
};

export const Dark: Story = {
  name: 'Theme: dark',
  render: () => html`<div style="background:#0a1a2f;padding:16px" theme="dark">
    <civic-growth-chart kind="compare" reference="4" style="width:560px" .data=${SAMPLE}></civic-growth-chart>
  </div>`,
};

export const BigScreen: Story = {
  name: 'Theme: dark big screen (density=screen)',
  render: () => html`<div style="background:#0a1a2f;padding:24px">
    <civic-growth-chart theme="dark" density="screen" series="gdp" style="width:1400px;--civic-growth-chart-height:28rem" .data=${SAMPLE}></civic-growth-chart>
  </div>`,
};

export const Narrow: Story = { name: 'Responsive: 280 px', args: { series: 'gdp', width: 280 } };

export const FromSrc: Story = {
  name: 'Data source: src (demo/data/growth.json)',
  render: () => html`<civic-growth-chart src=${SRC} series="gdp" style="width:640px"></civic-growth-chart>`,
};

export const InlineJson: Story = {
  name: 'Data source: inline JSON',
  render: () => html`<civic-growth-chart kind="compare" style="width:560px">
    <script type="application/json">
      ${JSON.stringify(SAMPLE)}
    </script>
  </civic-growth-chart>`,
};

export const TableOpen: Story = { name: 'Table twin open', render: () => html`<civic-growth-chart show-table series="gdp" style="width:640px" .data=${SAMPLE}></civic-growth-chart>` };

export const Empty: Story = { name: 'State: empty', render: () => html`<civic-growth-chart style="width:480px" .data=${{ series: [] }}></civic-growth-chart>` };

export const ErrorHttp: Story = { name: 'State: error (HTTP 404)', render: () => html`<civic-growth-chart src="/data/missing-growth.json" style="width:480px"></civic-growth-chart>` };

export const BadInput: Story = {
  name: 'State: partly invalid data (reported, valid part drawn)',
  render: () => html`<civic-growth-chart
    style="width:560px"
    .data=${{
      series: [
        {
          id: 'gdp',
          name: '地区生产总值（示例）',
          unit: '亿元',
          illustrative: true,
          points: [
            { period: '2022Q2', value: '286.5', growth: 3.1 },
            { period: '2022Q1', value: 262.8, growth: 5.1 },
            { period: '2022Q1', value: 999 },
            { period: '2022Q9', value: 1 },
            { period: '2022Q3', value: 312.4, unit: '人' },
          ],
        },
      ],
    }}
  ></civic-growth-chart>`,
};
