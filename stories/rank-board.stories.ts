import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/rank-board/rank-board.define.js';
import { elementArgs } from './support/element-args.js';

/** `demo/data/rank-communities.json` and `rank-colleges.json` (illustrative values), served at /data/. */
interface Args {
  src: string;
  rowsVisible: number;
  interval: number;
  order: string;
  region: string;
  motion: string;
  width: number;
  export: boolean;
}

const meta: Meta<Args> = {
  title: 'Components/Rank board',
  component: 'civic-rank-board',
  argTypes: {
    src: { control: 'inline-radio', options: ['/data/rank-communities.json', '/data/rank-colleges.json'] },
    order: { control: 'inline-radio', options: ['desc', 'asc'] },
    motion: { control: 'inline-radio', options: ['auto', 'reduce'] },
    width: { control: { type: 'range', min: 200, max: 1200, step: 10 } },
  },
  args: { src: '/data/rank-communities.json', rowsVisible: 6, interval: 2, order: 'desc', region: '', motion: 'auto', width: 420, export: false },
  render: (a) => html`<civic-rank-board style="width:${a.width}px" ${elementArgs(a)}></civic-rank-board>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Communities: Story = {};
export const Colleges: Story = { args: { src: '/data/rank-colleges.json' } };
export const OneStreet: Story = { args: { region: '500118002' } };
export const ReducedMotion: Story = { args: { motion: 'reduce' } };
export const English: Story = { render: () => html`<civic-rank-board lang="en" style="width:420px" src="/data/rank-colleges.json"></civic-rank-board>` };
export const BigScreen: Story = {
  render: () => html`<div style="background:#0a1a2f;padding:24px;width:560px">
    <civic-rank-board theme="dark" density="screen" rows-visible="5" src="/data/rank-communities.json"></civic-rank-board>
  </div>`,
};

/** Values change every 3 s (illustrative): rows glide to their new places. */
export const LiveResort: Story = {
  render: () => {
    const id = `rb-${Math.random().toString(36).slice(2)}`;
    const rows = ['甲社区', '乙社区', '丙社区', '丁社区', '戊社区', '己社区'].map((name, i) => ({ id: `c${i}`, name: `${name}（示例）`, value: 100 + i * 10 }));
    setTimeout(() => {
      const el = document.getElementById(id) as HTMLElement & { data?: unknown };
      const timer = setInterval(() => {
        if (!el.isConnected) return clearInterval(timer);
        rows.forEach((r) => (r.value = Math.max(0, r.value + Math.round((Math.random() - 0.5) * 60))));
        el.data = { title: '实时排行（示例）', unit: '件', illustrative: true, rows: rows.map((r) => ({ ...r })) };
      }, 3000);
    });
    return html`<civic-rank-board id=${id} style="width:420px" interval="0" .data=${{ title: '实时排行（示例）', unit: '件', illustrative: true, rows }}></civic-rank-board>`;
  },
};
export const ErrorState: Story = { render: () => html`<civic-rank-board .data=${'not a ranking'}></civic-rank-board>` };

/**
 * PNG export: `export` shows the 导出图片 button in the header (off by default: the board lives on walls and in
 * sidebars). The picture holds the rows in view. Keyboard: Tab to the list, Up/Down to move, Enter to choose.
 */
export const Export: Story = { args: { export: true, interval: 0 } };
