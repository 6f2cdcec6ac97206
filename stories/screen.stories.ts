import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/screen/screen.define.js';
import '../src/components/kpi-tile/kpi-tile.define.js';
import { SCALE_MODES } from '../src/components/screen/screen.types.js';
import { elementArgs } from './support/element-args.js';

/**
 * `<civic-screen>` lays a dashboard out at a design size (default 1920×1080) and scales it into whatever box it
 * gets. Here the box is a fixed-size div so the scaling is visible; on a wall page the screen is 100vw×100vh.
 * The KPI figures are FACTS.md §3 (西部职教基地, 2022); the layout is an example.
 */
const tiles = () => html`
  <civic-kpi-tile class="a" label="大中专院校" value="17" unit="所" source="FACTS.md §3"></civic-kpi-tile>
  <civic-kpi-tile class="b" label="在校学生" value="170000" unit="人" qualifier="over" source="FACTS.md §3"></civic-kpi-tile>
  <civic-kpi-tile class="c" label="每年输送技能人才" value="40000" unit="名" qualifier="odd" source="FACTS.md §3"></civic-kpi-tile>
  <civic-kpi-tile class="d" label="订单班和学徒制班" value="113" unit="个" source="FACTS.md §3"></civic-kpi-tile>
  <civic-kpi-tile class="e" label="新建特色专业" value="32" unit="个" source="FACTS.md §3"></civic-kpi-tile>
  <civic-kpi-tile class="f" label="校企共建实训基地" value="1300" unit="个" qualifier="plus" source="FACTS.md §3"></civic-kpi-tile>
`;

/** The content area is a CSS grid: columns/rows/areas come from custom properties on the screen. */
const gridStyle = '--civic-screen-columns: repeat(3, minmax(0, 1fr)); --civic-screen-rows: repeat(2, minmax(0, 1fr)); --civic-screen-gap: 24px; --civic-screen-padding: 24px;';

interface Args {
  scaleMode: string;
  designWidth: number;
  designHeight: number;
  heading: string;
  dataTime: string;
  timeZone: string;
  tour: number;
  idleCursor: number;
  theme: string;
  lang: string;
  boxWidth: number;
  boxHeight: number;
}

const meta: Meta<Args> = {
  title: 'Components/Screen',
  component: 'civic-screen',
  argTypes: {
    scaleMode: { control: 'inline-radio', options: [...SCALE_MODES] },
    theme: { control: 'inline-radio', options: ['dark', 'light'] },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    boxWidth: { control: { type: 'range', min: 320, max: 1920, step: 10 } },
    boxHeight: { control: { type: 'range', min: 180, max: 1080, step: 10 } },
  },
  args: {
    scaleMode: 'fit',
    designWidth: 1920,
    designHeight: 1080,
    heading: '西部职教基地 · 数据大屏',
    dataTime: '2022年',
    timeZone: 'Asia/Shanghai',
    tour: 0,
    idleCursor: 3,
    theme: 'dark',
    lang: 'zh-CN',
    boxWidth: 960,
    boxHeight: 540,
  },
  render: (a) => html`<div style="width:${a.boxWidth}px;height:${a.boxHeight}px">
    <civic-screen style=${gridStyle} lang=${a.lang} ${elementArgs(a)}>${tiles()}</civic-screen>
  </div>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Playground: Story = {};

/** The same 1920×1080 design in a 480×400 box: fit (letterbox), fill (stretched), width (scrolls). */
export const ScaleModes: Story = {
  render: () => html`<div style="display:flex;gap:16px;flex-wrap:wrap">
    ${SCALE_MODES.map(
      (m) => html`<figure style="margin:0">
        <figcaption style="font:14px sans-serif">scale-mode="${m}"</figcaption>
        <div style="width:480px;height:400px;border:1px solid #888">
          <civic-screen style=${gridStyle} scale-mode=${m} heading=${`scale-mode=${m}`} idle-cursor="0">${tiles()}</civic-screen>
        </div>
      </figure>`,
    )}
  </div>`,
};

/** Auto-tour every 2 s: the frame moves from tile to tile; move the pointer over it to pause (resumes after 10 s). */
export const Tour: Story = { args: { tour: 2 } };

/** A 3840×2160 design shown in the same box (scale 0.25), and a 5760×1080 triple-wide wall. */
export const LargeDesigns: Story = {
  render: () => html`<div style="display:grid;gap:16px">
    <div style="width:960px;height:540px">
      <civic-screen style=${gridStyle} design-width="3840" design-height="2160" heading="3840×2160" idle-cursor="0">${tiles()}</civic-screen>
    </div>
    <div style="width:960px;height:180px">
      <civic-screen
        style="--civic-screen-columns: repeat(6, minmax(0, 1fr)); --civic-screen-rows: 1fr; --civic-screen-gap: 24px; --civic-screen-padding: 24px;"
        design-width="5760"
        design-height="1080"
        heading="5760×1080"
        idle-cursor="0"
        >${tiles()}</civic-screen
      >
    </div>
  </div>`,
};

/** English, light theme, New York clock. */
export const EnglishLight: Story = { args: { lang: 'en', theme: 'light', heading: 'Vocational base wall', dataTime: '2022', timeZone: 'America/New_York' } };
