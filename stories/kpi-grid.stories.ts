import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/kpi-grid/kpi-grid.define.js';
import { DELTA_COLORS } from '../src/components/kpi-tile/kpi-tile.types.js';
import { elementArgs } from './support/element-args.js';

/** `demo/data/kpis.json` (FACTS.md §3) and `kpis-economy.json` (FACTS.md §4), served at /data/. */
interface Args {
  src: string;
  columns: string;
  region: string;
  deltaColors: string;
  width: number;
  theme: string;
  export: boolean;
}

const meta: Meta<Args> = {
  title: 'Components/KPI grid',
  component: 'civic-kpi-grid',
  argTypes: {
    src: { control: 'inline-radio', options: ['/data/kpis.json', '/data/kpis-economy.json'] },
    deltaColors: { control: 'inline-radio', options: [...DELTA_COLORS] },
    width: { control: { type: 'range', min: 200, max: 1920, step: 10 } },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  args: { src: '/data/kpis.json', columns: '', region: '', deltaColors: 'red-up', width: 960, theme: 'light', export: false },
  render: (a) => html`<div style="width:${a.width}px;padding:12px;background:${a.theme === 'dark' ? '#0a1a2f' : 'transparent'}">
    <civic-kpi-grid ${elementArgs(a)}></civic-kpi-grid>
  </div>`,
};
export default meta;
type Story = StoryObj<Args>;

export const VocationalBase: Story = {};
export const Economy: Story = { args: { src: '/data/kpis-economy.json' } };
export const FourColumns: Story = { args: { columns: '4' } };
export const Narrow: Story = { args: { width: 320 } };
export const BigScreen: Story = {
  render: () => html`<div style="background:#0a1a2f;padding:24px"><civic-kpi-grid theme="dark" density="screen" columns="4" src="/data/kpis.json"></civic-kpi-grid></div>`,
};
export const English: Story = { render: () => html`<civic-kpi-grid lang="en" src="/data/kpis.json"></civic-kpi-grid>` };

/** Inline JSON, region filtering and illustrative data (a bad item: see the error stories). */
export const InlineWithRegions: Story = {
  render: () => html`<civic-kpi-grid region="500118002">
    <script type="application/json">
      { "title": "街道指标（示例）", "illustrative": true, "items": [
        { "label": "中山路街道（示例）", "value": 1200, "unit": "件", "region": "500118001" },
        { "label": "胜利路街道（示例）", "value": 1850, "unit": "件", "region": "500118002", "previous": 1700, "deltaLabel": "同比" },
        { "label": "萱花路社区（示例）", "value": 320, "unit": "件", "region": "500118002007" } ] }
    </script>
  </civic-kpi-grid>`,
};
export const ErrorState: Story = { render: () => html`<civic-kpi-grid .data=${{ groups: [] }}></civic-kpi-grid>` };
export const Empty: Story = { render: () => html`<civic-kpi-grid .data=${{ items: [] }}></civic-kpi-grid>` };

/** PNG export of the whole grid: `export` shows the 导出图片 button in the header (off by default). */
export const Export: Story = { args: { export: true } };
