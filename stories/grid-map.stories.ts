import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/grid-map/grid-map.define.js';
import { CLASSIFICATIONS, RENDERERS, SCHEMES, VIEW_LEVELS } from '../src/components/grid-map/grid-map.types.js';
import { elementArgs } from './support/element-args.js';

/**
 * Demo data (served by Storybook at /data/): `grids.geojson` — 410 generated urban grids in 25 real communities
 * of 中山路/胜利路/南大街 streets plus villager-group grids of 来苏镇 (generated boundaries, not real ones) — and
 * `grid-metrics.json` (illustrative per-grid values, except the 茶叶大厦小区网格 row: 287 households, 24 party
 * members, FACTS.md §1). Everything illustrative carries the 示例数据 marker.
 */
const GEO = '/data/grids.geojson';
const METRICS = '/data/grid-metrics.json';

/** A tiny inline dataset (hand-made squares) for stories that must not depend on files. */
const sq = (x0: number, y0: number, x1: number, y1: number) => ({ type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });
const F = (code: string, name: string, level: string, parent: string | null, geometry: unknown) => ({ type: 'Feature', properties: { code, name, level, parent, illustrative: true }, geometry });
const SMALL = {
  type: 'FeatureCollection',
  illustrative: true,
  features: [
    F('500118002', '胜利路街道', 'street', null, sq(105.9, 29.35, 105.92, 29.37)),
    F('500118002007', '萱花路社区', 'community', '500118002', sq(105.9, 29.36, 105.92, 29.37)),
    F('500118002008', '示例社区', 'community', '500118002', sq(105.9, 29.35, 105.92, 29.36)),
    F('500118002007001', '萱花路社区第1网格', 'grid', '500118002007', sq(105.9, 29.36, 105.91, 29.37)),
    F('500118002007002', '茶叶大厦小区网格', 'grid', '500118002007', sq(105.91, 29.36, 105.92, 29.37)),
    F('500118002008001', '示例社区第1网格', 'grid', '500118002008', sq(105.9, 29.35, 105.91, 29.36)),
    F('500118002008002', '示例社区第2网格', 'grid', '500118002008', sq(105.91, 29.35, 105.92, 29.36)),
  ],
};
const SMALL_METRICS = {
  illustrative: true,
  metrics: [{ key: 'households', label: '户数', labelEn: 'Households', unit: '户', aggregate: 'sum', illustrative: true }],
  rows: [
    { code: '500118002007001', households: 312 },
    { code: '500118002007002', households: 287, illustrative: false, source: '2022 年永川区党建工作报道 (2022 report)' },
    { code: '500118002008001', households: 198 },
    { code: '500118002008002', households: 236 },
  ],
};
const BAD_GEO = {
  type: 'FeatureCollection',
  features: [
    ...SMALL.features.slice(3),
    F('500118002008009', '空几何（示例）', 'grid', '500118002008', null),
    F('500118002008010', '自相交（示例）', 'grid', '500118002008', { type: 'Polygon', coordinates: [[[105.92, 29.35], [105.93, 29.36], [105.93, 29.35], [105.92, 29.36], [105.92, 29.35]]] }),
  ],
};

interface Args {
  geometrySrc: string;
  src: string;
  metric: string;
  classification: string;
  classes: number;
  scheme: string;
  renderer: string;
  level: string;
  focusCode: string;
  lang: string;
  theme: string;
}

const meta: Meta<Args> = {
  title: 'Components/Grid map',
  component: 'civic-grid-map',
  argTypes: {
    metric: { control: 'select', options: ['households', 'partyMembers', 'gridStaff', 'volunteers', 'issuesReported', 'issuesResolved', 'resolutionRate', 'points'] },
    classification: { control: 'select', options: CLASSIFICATIONS },
    classes: { control: { type: 'range', min: 2, max: 9 } },
    scheme: { control: 'select', options: SCHEMES },
    renderer: { control: 'inline-radio', options: RENDERERS },
    level: { control: 'inline-radio', options: VIEW_LEVELS },
    focusCode: { control: 'text' },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  args: { geometrySrc: GEO, src: METRICS, metric: 'households', classification: 'quantile', classes: 5, scheme: 'viridis', renderer: 'auto', level: 'grid', focusCode: '', lang: 'zh-CN', theme: 'light' },
  // `lang` is the global HTML attribute (not an element property), so it is bound here.
  render: (a) => html`<civic-grid-map lang=${a.lang} ${elementArgs(a)}></civic-grid-map>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Playground: Story = {};

export const Quantile: Story = { name: 'Classification: quantile (households)', args: { classification: 'quantile' } };
export const Quantize: Story = { name: 'Classification: quantize', args: { classification: 'quantize', metric: 'partyMembers' } };
export const Natural: Story = { name: 'Classification: natural breaks (ckmeans)', args: { classification: 'natural', metric: 'issuesReported' } };
export const Sequential: Story = { name: 'Classification: sequential', args: { classification: 'sequential', metric: 'resolutionRate', scheme: 'cividis' } };

export const PointsSystem: Story = {
  name: 'Thresholds: rural points system (来苏镇)',
  render: () => html`<civic-grid-map
    geometry-src=${GEO}
    src=${METRICS}
    focus="500118111"
    metric="points"
    classification="thresholds"
    thresholds="5,9"
    class-labels="促进户,文明清洁户,示范文明清洁户"
    class-colors="#d95f02,#7570b3,#1b9e77"
  ></civic-grid-map>`,
};

export const Categorical: Story = {
  name: 'Classification: categorical (grid staff)',
  args: { classification: 'categorical', metric: 'gridStaff', scheme: 'tableau10' },
};

export const Communities: Story = { name: 'Drill-down: community level', args: { level: 'community' } };
export const Streets: Story = { name: 'Drill-down: street level', args: { level: 'street' } };
export const FocusCommunity: Story = { name: 'Drill-down: 萱花路社区 grids', args: { focusCode: '500118002007' } };

export const WebGL: Story = { name: 'Renderer: WebGL (maplibre)', args: { renderer: 'webgl' } };
export const Canvas: Story = { name: 'Renderer: canvas (d3-geo)', args: { renderer: 'canvas' } };

export const English: Story = { name: 'Locale: en', args: { lang: 'en' } };
export const Dark: Story = {
  name: 'Theme: dark',
  render: () => html`<div theme="dark" style="background:#0a1a2f;padding:16px">
    <civic-grid-map geometry-src=${GEO} src=${METRICS} metric="volunteers" scheme="viridis"></civic-grid-map>
  </div>`,
};
export const BigScreen: Story = {
  name: 'Theme: dark + big-screen density',
  render: () => html`<div theme="dark" density="screen" style="background:#0a1a2f;padding:24px;--civic-grid-map-height:36rem">
    <civic-grid-map geometry-src=${GEO} src=${METRICS} metric="issuesResolved" renderer="webgl"></civic-grid-map>
  </div>`,
};

export const InlineData: Story = {
  name: 'Data source: properties (inline sample)',
  render: () => html`<civic-grid-map .geometry=${SMALL} .data=${SMALL_METRICS} classification="quantize" classes="3"></civic-grid-map>`,
};
export const InlineJson: Story = {
  name: 'Data source: inline <script type="application/json">',
  render: () => html`<civic-grid-map .geometry=${SMALL}>
    <script type="application/json">${JSON.stringify(SMALL_METRICS)}</script>
  </civic-grid-map>`,
};
export const TableTwin: Story = { name: 'Table twin open', render: () => html`<civic-grid-map table geometry-src=${GEO} src=${METRICS}></civic-grid-map>` };

export const BadInput: Story = {
  name: 'State: bad geometry and rows (reported, rest drawn)',
  render: () => html`<civic-grid-map
    .geometry=${BAD_GEO}
    .data=${{ metrics: SMALL_METRICS.metrics, rows: [...SMALL_METRICS.rows, { code: '999', households: 'many' }] }}
  ></civic-grid-map>`,
};
/**
 * Vector tiles: the same demo geometry cut by `scripts/make-grid-tiles.mjs` into streets / communities / grids
 * layers by zoom. Zoom in to go from streets to communities to grids; the metric rows are joined by code.
 */
export const TilesTemplate: Story = {
  name: 'Vector tiles: {z}/{x}/{y} template',
  render: () => html`<civic-grid-map tiles="/data/tiles/{z}/{x}/{y}.pbf" tiles-min-zoom="7" tiles-max-zoom="13" bounds="105.74,29.26,105.97,29.39" src=${METRICS}></civic-grid-map>`,
};
export const TilesPmtiles: Story = {
  name: 'Vector tiles: PMTiles archive',
  render: () => html`<civic-grid-map tiles="pmtiles:///data/grids.pmtiles" src=${METRICS} metric="partyMembers" classification="natural"></civic-grid-map>`,
};
export const TilesTileJson: Story = {
  name: 'Vector tiles: TileJSON, English, dark',
  render: () => html`<div theme="dark" lang="en" style="background:#0a1a2f;padding:16px"><civic-grid-map tiles="/data/tiles.json" src=${METRICS} metric="volunteers"></civic-grid-map></div>`,
};
export const TilesError: Story = {
  name: 'State: vector tiles fail (HTTP 404)',
  render: () => html`<civic-grid-map tiles="/data/no-such-tiles/{z}/{x}/{y}.pbf" bounds="105.74,29.26,105.97,29.39" src=${METRICS}></civic-grid-map>`,
};

export const GeometryError: Story = { name: 'State: geometry HTTP 404', render: () => html`<civic-grid-map geometry-src="/data/missing.geojson"></civic-grid-map>` };
export const Loading: Story = { name: 'State: metrics missing (no-data style)', render: () => html`<civic-grid-map .geometry=${SMALL}></civic-grid-map>` };
