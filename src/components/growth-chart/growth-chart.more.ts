/**
 * What `<civic-growth-chart>`'s first load leaves out (issue 16: weight), in one chunk (one lazy chunk keeps the first
 * load in fewer, better-compressed chunks than one per feature): the export menu and the data table twin
 * and the tooltip (growth-chart.extras.ts; loaded by the first picture, see the element's `extrasShown`), the long-format reader
 * (loaded by the first long-format payload), the `compare` and `trend` builders (by the first chart of that kind) and
 * the keyed update of the marks without animation (growth-chart.sync.ts; a redraw before the load waits for it) and
 * the SVG writer of `toSVG()` (growth-chart.svg.ts) and the single-period deriver of `basis="single"` (growth-chart.single.ts).
 */
export { buildCompare } from './model/compare.js';
export { buildTrend } from './model/trend.js';
export { parseGrowthLong } from './growth-chart.long.js';
export { adoptExtrasStyles, download, renderTable, renderToolbar, renderTooltip } from './growth-chart.extras.js';
export { syncMarks } from './growth-chart.sync.js';
export { deriveSinglePeriods } from './growth-chart.single.js';
export { renderGrowthSvg, paletteOf } from './growth-chart.svg.js';
