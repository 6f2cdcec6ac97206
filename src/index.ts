/**
 * civic-widgets: classes, types and helpers. Importing this module registers nothing;
 * import `civic-widgets/define.js` (all elements) or `civic-widgets/<name>.js` (one element) to define tags.
 */
export { CivicElement } from './core/civic-element.js';
export { CivicDataElement } from './data/civic-data-element.js';
export * from './core/events/index.js';
export { configure, getConfig, type CivicConfig } from './data/configure.js';
export { fetchData, fetchJson, FetchError, type FetchOptions, type FetchResult } from './data/fetch-json.js';
export { resolveSource, type ResolvedSource } from './data/resolve-source.js';
export { adaptPayload, readPath, mapFields, parseCsv, unwrapEnvelope, datasetToRows, ADAPTERS, type AdapterName } from './data/adapters/index.js';
export { type Issue, type Validated, formatIssue } from './data/validate.js';
export {
  formatNumber,
  formatNumberParts,
  formatAmount,
  formatAmountParts,
  formatPercent,
  formatExact,
  NO_VALUE,
  QUALIFIERS,
  UNITS,
  type Qualifier,
} from './core/format/number.js';
export { formatTime } from './core/format/time.js';
export { LANGS, type Lang } from './core/i18n/lang.js';
export { THEMES, DENSITIES, type ThemeName, type Density } from './core/controllers/theme-controller.js';
export { setMaplibreWorkerUrl } from './core/maplibre/load.js';
export { screenContext, type ScreenInfo } from './core/context/screen-context.js';
export { cspStyle } from './core/render/csp-style.js';
export { sanitizeFilename } from './core/export/filename.js';
export type { PngOptions } from './core/export/png.js';

// Element classes (no registration here) and their event classes.
export { CivicKpiTile } from './components/kpi-tile/kpi-tile.js';
export { CivicKpiGrid } from './components/kpi-grid/kpi-grid.js';
export { CivicRankBoard } from './components/rank-board/rank-board.js';
export { CivicGrowthChart } from './components/growth-chart/growth-chart.js';
export * from './components/growth-chart/growth-chart.events.js';
export { CivicChainGraph } from './components/chain-graph/chain-graph.js';
export * from './components/chain-graph/chain-graph.events.js';
export { CivicGridMap } from './components/grid-map/grid-map.js';
export * from './components/grid-map/grid-map.events.js';
export { CivicScreen } from './components/screen/screen.js';
export * from './components/screen/screen.events.js';
export { clientToLocal } from './components/screen/screen.model.js';
