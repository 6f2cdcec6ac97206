/**
 * Chart model of <civic-growth-chart>: pure geometry and text for the three kinds.
 *
 * `buildGrowthModel(series, options)` turns validated series into pixel geometry (bars, lines, axes, ticks), the
 * tooltip text for each category, the table twin, the CSV rows and a one-sentence summary in the current locale.
 * One module per kind (model/value-growth.ts, model/compare.ts, model/trend.ts) over shared modules: the frame with
 * its axes and ticks (model/axis.ts), value scales (model/scale.ts), text measuring (model/text.ts), shared text and
 * CSV (model/format.ts), what the period kinds share (model/periods.ts) and the common start and finish
 * (model/series.ts). components/common/scales.ts computes scales, ticks and line paths as d3 would. No DOM: tested in Node.
 */
import type { GrowthSeries } from './growth-chart.types.js';
import { buildCompare } from './model/compare.js';
import { buildTrend } from './model/trend.js';
import { buildValueGrowth } from './model/value-growth.js';
import { deriveSinglePeriods } from './growth-chart.single.js';
import type { GrowthModel, GrowthModelOptions } from './model/types.js';

export * from './growth-chart.parse.js';
export type * from './model/types.js';
export { textWidth, wrapLabel } from './model/text.js';
export { alignZero, yTickCount, zeroExtent } from './model/scale.js';
export { xLabelLayout } from './model/axis.js';
export { toCsv } from './model/format.js';

/** Builds the complete chart model. `series` is the list after `series`/`region` selection, in display order. */
export function buildGrowthModel(input: readonly GrowthSeries[], options: GrowthModelOptions): GrowthModel {
  const o = options.basis === 'single' && !options.derive ? { ...options, derive: deriveSinglePeriods } : options;
  return o.kind === 'compare' ? buildCompare(input, o) : o.kind === 'trend' ? buildTrend(input, o) : buildValueGrowth(input, o);
}
