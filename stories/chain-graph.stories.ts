import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/chain-graph/chain-graph.define.js';
import { LAYOUTS, RENDERERS } from '../src/components/chain-graph/chain-graph.types.js';
import { syntheticChains } from '../test/fixtures/chain-graph/synthetic.js';
import { elementArgs } from './support/element-args.js';

/**
 * Demo data: `demo/data/chains.json` (served by Storybook at `/data/chains.json`). The two leaders
 * (长城汽车重庆分公司联合党支部, 太平洋精工联合党支部), the parks, the service-team patterns (1+1+1+N, 1+3+X) and the
 * projects 尤尼瑞克 / 雅迪科技 are from FACTS.md §2; every other member firm is illustrative and named so, and the
 * element shows the 示例数据 badge.
 */
const SRC = '/data/chains.json';

/** Small inline sample (no network): one chain, real leader, illustrative members. */
const SAMPLE = {
  illustrative: 'member firms other than those named in FACTS.md are illustrative',
  chains: [{ id: 'auto', name: '汽车产业链党建联盟', nameEn: 'Automotive chain alliance', leader: 'gwm' }],
  nodes: [
    { id: 'gwm', name: '长城汽车重庆分公司联合党支部', nameEn: 'Great Wall Motor Chongqing joint party branch', type: 'leader', chain: 'auto', tier: 'core', attrs: { capacity: 250000 }, illustrative: false },
    { id: 'park', name: '永川国家高新区凤凰湖产业园', nameEn: 'Fenghuang Lake industrial park', type: 'park', chain: 'auto', illustrative: false },
    { id: 'unirec', name: '尤尼瑞克', nameEn: 'Unirec', type: 'project', chain: 'auto', tier: 'upstream', illustrative: false },
    { id: 'a', name: '配套企业A（示例）', nameEn: 'Supplier A (illustrative)', type: 'member', chain: 'auto', tier: 'upstream', flags: ['专精特新'], attrs: { employees: 420 }, illustrative: true },
    { id: 'b', name: '配套企业B（示例）', nameEn: 'Supplier B (illustrative)', type: 'member', chain: 'auto', tier: 'upstream', attrs: { employees: 180 }, illustrative: true },
    { id: 'c', name: '经销企业C（示例）', nameEn: 'Dealer C (illustrative)', type: 'member', chain: 'auto', tier: 'downstream', attrs: { employees: 90 }, illustrative: true },
    { id: 'pa', name: '配套企业A党支部（示例）', nameEn: 'Party branch of supplier A (illustrative)', type: 'party-branch', chain: 'auto', illustrative: true },
    { id: 'team', name: '港桥服务团队 1+1+1+N', nameEn: 'Gangqiao service team 1+1+1+N', type: 'service-team', chain: 'auto', illustrative: false },
  ],
  links: [
    { source: 'a', target: 'gwm', kind: 'supply', weight: 2 },
    { source: 'b', target: 'a', kind: 'supply' },
    { source: 'unirec', target: 'gwm', kind: 'supply' },
    { source: 'gwm', target: 'c', kind: 'supply' },
    { source: 'pa', target: 'a', kind: 'party-link' },
    { source: 'pa', target: 'gwm', kind: 'party-link' },
    { source: 'gwm', target: 'park', kind: 'located-in' },
    { source: 'team', target: 'gwm', kind: 'service' },
  ],
};

/** Bad links: a link to an unknown node, a duplicate id and a supply cycle; the rest still draws. */
const BAD = {
  ...SAMPLE,
  nodes: [...SAMPLE.nodes, { id: 'a', name: '重复的编号', type: 'member', chain: 'auto' }],
  links: [...SAMPLE.links, { source: 'gwm', target: 'ghost', kind: 'supply' }, { source: 'gwm', target: 'b', kind: 'supply' }],
};

interface Args {
  src: string;
  layout: string;
  chain: string;
  renderer: string;
  sizeBy: string;
  selected: string;
  search: string;
  tour: boolean;
  height: number;
  export: boolean;
}

const meta: Meta<Args> = {
  title: 'Components/Chain graph',
  component: 'civic-chain-graph',
  argTypes: {
    layout: { control: 'inline-radio', options: [...LAYOUTS] },
    chain: { control: 'inline-radio', options: ['all', 'auto', 'equip'] },
    renderer: { control: 'inline-radio', options: [...RENDERERS] },
    sizeBy: { control: 'inline-radio', options: ['', 'employees', 'output'] },
    height: { control: { type: 'range', min: 240, max: 1080, step: 20 } },
  },
  args: { src: SRC, layout: 'tiers', chain: 'all', renderer: 'auto', sizeBy: '', selected: '', search: '', tour: false, height: 560, export: true },
  render: (a) => html`<civic-chain-graph ${elementArgs(a)} style="--civic-chain-graph-height:${a.height}px"></civic-chain-graph>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Playground: Story = {};

// ── layouts ──
export const Tiers: Story = { args: { layout: 'tiers' } };
export const Force: Story = { args: { layout: 'force' } };
export const Radial: Story = { args: { layout: 'radial' } };
export const OneChain: Story = { args: { chain: 'auto', sizeBy: 'employees' } };
export const Tour: Story = { args: { tour: true, chain: 'equip' } };

// ── themes and locale ──
export const Dark: Story = {
  render: () => html`<div style="background:#0a1a2f;padding:8px"><civic-chain-graph theme="dark" src=${SRC} layout="radial"></civic-chain-graph></div>`,
};
export const BigScreen: Story = {
  render: () => html`<div style="background:#0a1a2f;padding:8px"><civic-chain-graph theme="dark" density="screen" src=${SRC} style="--civic-chain-graph-height:720px"></civic-chain-graph></div>`,
};
export const English: Story = { render: () => html`<civic-chain-graph lang="en" src=${SRC}></civic-chain-graph>` };
export const Chinese: Story = { render: () => html`<civic-chain-graph lang="zh-CN" src=${SRC}></civic-chain-graph>` };

// ── data sources ──
export const DataProperty: Story = { render: () => html`<civic-chain-graph .data=${SAMPLE}></civic-chain-graph>` };
export const InlineJson: Story = {
  render: () => html`<civic-chain-graph><script type="application/json">${JSON.stringify(SAMPLE)}</script></civic-chain-graph>`,
};
export const FieldMapping: Story = {
  render: () => html`<civic-chain-graph
    fields="id=code, type=category"
    .data=${{
      ...SAMPLE,
      chains: SAMPLE.chains.map(({ id, ...rest }) => ({ code: id, ...rest })),
      nodes: SAMPLE.nodes.map(({ id, type, ...rest }) => ({ code: id, category: type, ...rest })),
    }}
  ></civic-chain-graph>`,
};
export const Large1000Canvas: Story = {
  render: () => html`<civic-chain-graph layout="force" .data=${syntheticChains(1000)}></civic-chain-graph>`,
};

// ── states ──
export const Loading: Story = { render: () => html`<civic-chain-graph src="/__pending__/chains.json" timeout="600000"></civic-chain-graph>` };
export const Empty: Story = { render: () => html`<civic-chain-graph .data=${{ chains: [], nodes: [], links: [] }}></civic-chain-graph>` };
export const Error: Story = { render: () => html`<civic-chain-graph src="/data/missing-chains.json"></civic-chain-graph>` };
export const BadLinks: Story = { render: () => html`<civic-chain-graph .data=${BAD}></civic-chain-graph>` };

/** PNG export: the 导出图片 button sits in the toolbar by default (`export="false"` hides it); the picture is the graph as shown. */
export const Export: Story = { args: { export: true, layout: 'tiers' } };
