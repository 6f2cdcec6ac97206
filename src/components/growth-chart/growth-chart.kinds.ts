/**
 * The element's model builder per kind (issue 16: weight). `value-growth`, the default kind, is in the first load;
 * `compare` and `trend` come with growth-chart.more.ts, loaded by the first chart of their kind (or the first picture
 * of any kind; inlined in the one-script files). growth-chart.model.ts's `buildGrowthModel` (tests, Node) imports all three.
 */
import { moreChunk } from './growth-chart.chunks.js';
import type { GrowthKind, GrowthSeries } from './growth-chart.types.js';
import { buildValueGrowth } from './model/value-growth.js';
import type { GrowthModel, GrowthModelOptions } from './model/types.js';

export type KindBuilder = (input: readonly GrowthSeries[], o: GrowthModelOptions) => GrowthModel;

/**
 * A `kind` as written (any case, spaces) or set as a property (React 19 and Vue set it so; undefined, null: the
 * default); unknown is the default kind. Before, a removed or unknown kind kept the plot's value-growth class off (the
 * growth line in the bars' colour) and named exports civic-growth-chart-null.png.
 */
export const growthKind = (v: unknown): GrowthKind => {
  const k = typeof v === 'string' ? v.trim().toLowerCase() : '';
  return k === 'compare' || k === 'trend' ? k : 'value-growth';
};

type Lazy = 'compare' | 'trend';
/** The builder module of a kind (unknown kinds draw as `value-growth`, like buildGrowthModel). */
const moduleOf = (kind: GrowthKind): Lazy | 'value-growth' => (kind === 'compare' || kind === 'trend' ? kind : 'value-growth');

const builders: Partial<Record<Lazy | 'value-growth', KindBuilder>> = { 'value-growth': buildValueGrowth };

type Basis = 'published' | 'single' | undefined;

/**
 * The builder of `kind` when it is loaded — and with `basis` "single", the single-period deriver too (it comes with
 * growth-chart.more.ts: `singleDeriver()`) — else undefined (then `loadKind`).
 */
export function builderOf(kind: GrowthKind, basis?: Basis): KindBuilder | undefined {
  if (basis === 'single' && !moreChunk.loaded) return undefined;
  return builders[moduleOf(kind)];
}

/** The deriver of `basis="single"` once growth-chart.more.ts has loaded. */
export function singleDeriver(): ((s: GrowthSeries) => GrowthSeries) | undefined {
  return moreChunk.loaded?.deriveSinglePeriods;
}

/** Loads what `builderOf(kind, basis)` needs (once; a failed load is tried again by the next call). */
export function loadKind(kind: GrowthKind, basis?: Basis): Promise<unknown> {
  const m = moduleOf(kind);
  if (m === 'value-growth' && basis !== 'single') return Promise.resolve(buildValueGrowth);
  return moreChunk.load().then((x) => {
    if (m !== 'value-growth') builders[m] = m === 'compare' ? x.buildCompare : x.buildTrend;
  });
}
