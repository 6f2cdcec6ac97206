import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/kpi-tile/kpi-tile.define.js';
import { DELTA_COLORS, DELTA_FORMATS, MOTIONS, QUALIFIERS } from '../src/components/kpi-tile/kpi-tile.types.js';
import { elementArgs } from './support/element-args.js';

/**
 * Figures are FACTS.md §3 (Western vocational-education base, 2022): 17 colleges, 170,000+ students, 40,000+
 * graduates a year, 1,300+ training bases … Previous values, targets and trends are illustrative and carry the
 * 示例数据 marker.
 */
interface Args {
  label: string;
  value: string;
  unit: string;
  qualifier: string;
  precision?: number;
  previous: string;
  target: string;
  deltaLabel: string;
  deltaColors: string;
  deltaFormat: string;
  caption: string;
  source: string;
  sparkline: string;
  thresholds: string;
  illustrative: boolean;
  motion: string;
  width: number;
  export: boolean;
}

const meta: Meta<Args> = {
  title: 'Components/KPI tile',
  component: 'civic-kpi-tile',
  argTypes: {
    qualifier: { control: 'select', options: ['', ...QUALIFIERS] },
    deltaColors: { control: 'inline-radio', options: [...DELTA_COLORS] },
    deltaFormat: { control: 'inline-radio', options: [...DELTA_FORMATS] },
    motion: { control: 'inline-radio', options: [...MOTIONS] },
    width: { control: { type: 'range', min: 160, max: 1200, step: 10 } },
  },
  args: {
    label: '在校学生',
    value: '170000',
    unit: '人',
    qualifier: 'over',
    previous: '',
    target: '',
    deltaLabel: '',
    deltaColors: 'red-up',
    deltaFormat: 'percent',
    caption: '',
    source: '2022 年永川区党建工作报道 (2022 report)',
    sparkline: '',
    thresholds: '',
    illustrative: false,
    motion: 'auto',
    width: 260,
    export: false,
  },
  // Every arg named after a property of the element (any attribute's control) is applied; `width` is the story's.
  render: (a) => html`<civic-kpi-tile style="width:${a.width}px" ${elementArgs(a)}></civic-kpi-tile>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Playground: Story = {};

/** The way the source states approximate figures: 超17万, 4万余, 1,300+. */
export const Qualifiers: Story = {
  render: () => html`<div style="display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:12px">
    <civic-kpi-tile label="大中专院校" value="17" unit="所"></civic-kpi-tile>
    <civic-kpi-tile label="在校学生" value="170000" unit="人" qualifier="over"></civic-kpi-tile>
    <civic-kpi-tile label="每年输送技能人才" value="40000" unit="名" qualifier="odd"></civic-kpi-tile>
    <civic-kpi-tile label="校企共建实训基地" value="1300" unit="个" qualifier="plus"></civic-kpi-tile>
  </div>`,
};

/** Deltas with arrows and words; red-up (Chinese boards) and green-up. Previous values are illustrative. */
export const Deltas: Story = {
  render: () => html`<div style="display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:12px">
    <civic-kpi-tile label="新签约项目（上期为示例）" value="80" unit="个" previous="72" delta-label="同比" illustrative></civic-kpi-tile>
    <civic-kpi-tile label="建成投产项目（上期为示例）" value="20" unit="个" previous="24" delta-label="环比" illustrative></civic-kpi-tile>
    <civic-kpi-tile delta-colors="green-up" label="green-up（示例）" value="80" unit="个" previous="72" delta-label="同比" illustrative></civic-kpi-tile>
    <civic-kpi-tile delta-colors="green-up" label="green-up（示例）" value="20" unit="个" previous="24" delta-label="环比" illustrative></civic-kpi-tile>
    <civic-kpi-tile label="签约项目总投资（上期为示例）" value="462" unit="亿元" previous="430" delta-format="both" delta-label="同比" illustrative></civic-kpi-tile>
    <civic-kpi-tile label="办结率（示例）" value="85.2" unit="%" previous="86" delta-label="环比" illustrative></civic-kpi-tile>
  </div>`,
};

/** Target progress, threshold status (icon + word), sparkline — all illustrative. */
export const TargetsAndTrends: Story = {
  render: () => html`<div style="display:grid;grid-template-columns:repeat(auto-fit,minmax(240px,1fr));gap:12px">
    <civic-kpi-tile label="实训基地（目标为示例）" value="1300" unit="个" qualifier="plus" target="1500" illustrative></civic-kpi-tile>
    <civic-kpi-tile label="办结率（示例）" value="85" unit="%" thresholds="90,80" illustrative></civic-kpi-tile>
    <civic-kpi-tile label="办结率（示例）" value="72" unit="%" thresholds="90,80" illustrative></civic-kpi-tile>
    <civic-kpi-tile label="在校学生（走势为示例）" value="170000" unit="人" qualifier="over" sparkline="142000 150000 155000 161000 166000 170000"
      .data=${{ historyIllustrative: true }}></civic-kpi-tile>
  </div>`,
};

/** Bad input: a dash and a per-tile note, never a crash or rendered markup. */
export const BadInput: Story = {
  parameters: { a11y: { test: 'todo' } },
  render: () => html`<div style="display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:12px">
    <civic-kpi-tile label="非数字" value="abc"></civic-kpi-tile>
    <civic-kpi-tile label="负数人数" value="-5" unit="人"></civic-kpi-tile>
    <civic-kpi-tile label="过大" value="1e20"></civic-kpi-tile>
    <civic-kpi-tile .data=${{ label: '<b>标记</b>', value: 3 }}></civic-kpi-tile>
    <civic-kpi-tile .data=${{ value: 3 }}></civic-kpi-tile>
  </div>`,
};

/** From 160 px to a wall: the figure shrinks to fit. */
export const Sizes: Story = {
  render: () => html`<div style="display:flex;flex-wrap:wrap;gap:12px;align-items:start">
    ${[160, 240, 400, 800].map((w) => html`<civic-kpi-tile style="width:${w}px" label="签约项目总投资" value="462" unit="亿元" precision="2"></civic-kpi-tile>`)}
    <civic-kpi-tile style="width:160px;--civic-kpi-tile-value-font-size:96px" label="长数值（示例）" value="123456.789" unit="亿元" precision="3" illustrative></civic-kpi-tile>
  </div>`,
};

/** Count-up on change (reduced motion shows the final value at once). */
export const LiveUpdate: Story = {
  render: () => {
    const id = `live-${Math.random().toString(36).slice(2)}`;
    setTimeout(() => {
      const el = document.getElementById(id) as HTMLElement & { value?: string };
      let v = 170000;
      const timer = setInterval(() => {
        if (!el.isConnected) return clearInterval(timer);
        v += Math.round(Math.random() * 2000);
        el.value = String(v);
      }, 2000);
    });
    return html`<civic-kpi-tile id=${id} style="width:280px" label="实时人数（示例）" value="170000" unit="人" illustrative></civic-kpi-tile>`;
  },
};

/** Themes and big-screen density. */
export const Themes: Story = {
  render: () => html`<div style="display:flex;gap:12px;flex-wrap:wrap">
    <civic-kpi-tile theme="light" style="width:240px" label="大中专院校" value="17" unit="所"></civic-kpi-tile>
    <div style="background:#0a1a2f;padding:12px"><civic-kpi-tile theme="dark" style="width:240px" label="大中专院校" value="17" unit="所" previous="15" delta-label="同比" illustrative></civic-kpi-tile></div>
    <div style="background:#0a1a2f;padding:12px"><civic-kpi-tile theme="dark" density="screen" style="width:360px" label="在校学生" value="170000" unit="人" qualifier="over"></civic-kpi-tile></div>
  </div>`,
};

/** Locales: the same figure in zh-CN and en. */
export const Locales: Story = {
  render: () => html`<div style="display:flex;gap:12px">
    <civic-kpi-tile lang="zh-CN" style="width:240px" label="在校学生" value="170000" unit="人" qualifier="over"></civic-kpi-tile>
    <civic-kpi-tile lang="en" style="width:240px" .data=${{ label: '在校学生', labelEn: 'Students enrolled', value: 170000, unit: '人', qualifier: 'over' }}></civic-kpi-tile>
  </div>`,
};

/** Data sources: property, inline JSON, src with field mapping; loading and error states. */
export const DataSources: Story = {
  render: () => html`<div style="display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:12px">
    <civic-kpi-tile .data=${{ label: '产业学院', value: 24, unit: '个', source: '2022 年永川区党建工作报道 (2022 report)' }}></civic-kpi-tile>
    <civic-kpi-tile><script type="application/json">{"label":"引进高层次人才","value":206,"unit":"人","caption":"含院士等"}</script></civic-kpi-tile>
    <civic-kpi-tile src="/data/kpis.json" value-field="items[].value" label-field="items[].label" unit-field="items[].unit"></civic-kpi-tile>
    <civic-kpi-tile src="/__pending__/kpi.json" label="加载中"></civic-kpi-tile>
  </div>`,
};

/**
 * PNG export: `export` shows the 导出图片 button (off by default: a tile is small, and a page of figures rarely
 * wants a button on each). The button fires the cancelable `civic-export` and downloads `civic-kpi-tile.png`;
 * `toPNG()` returns the image for scripts.
 */
export const Export: Story = {
  args: { export: true, label: '校企共建实训基地', value: '1300', unit: '个', qualifier: 'plus', previous: '1200', deltaLabel: '同比', target: '1500', sparkline: '900,1000,1100,1200,1300', illustrative: true, width: 300 },
};
