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

type Lazy = 'compare' | 'trend';
/** The builder module of a kind (unknown kinds draw as `value-growth`, like buildGrowthModel). */
const moduleOf = (kind: GrowthKind): Lazy | 'value-growth' => (kind === 'compare' || kind === 'trend' ? kind : 'value-growth');

const builders: Partial<Record<Lazy | 'value-growth', KindBuilder>> = { 'value-growth': buildValueGrowth };

/** The builder of `kind` when it is loaded, else undefined (then `loadKind`). */
export function builderOf(kind: GrowthKind): KindBuilder | undefined {
  return builders[moduleOf(kind)];
}

/** Loads the builder of `kind` (once; a failed load is tried again by the next call). */
export function loadKind(kind: GrowthKind): Promise<KindBuilder> {
  const m = moduleOf(kind);
  if (m === 'value-growth') return Promise.resolve(buildValueGrowth);
  return moreChunk.load().then((x) => (builders[m] = m === 'compare' ? x.buildCompare : x.buildTrend));
}
