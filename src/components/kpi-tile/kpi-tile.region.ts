/**
 * The region filter of a tile whose data is a list with division codes (one KPI per street): loaded with the details
 * chunk (kpi-tile.details.ts), by the first tile that has a `region` and items that carry one (issue 16: most tiles
 * have neither, and the division-code logic stays out of the tile's first load).
 */
import { holdsSelection, normaliseRegion, regionRelation } from '../common/region.js';

/**
 * The item a tile shows when its data is a list (e.g. one KPI per street): with a region filter, the item whose
 * code equals the filter, else the first inside it, else (a finer selection) the deepest item holding it; without one,
 * the first. `outside` is true when the filter
 * excludes every item (the tile then shows a dash and says so).
 */
export function pickRegionItem<T extends { region?: string }>(items: readonly T[], filter: string | null | undefined): { item?: T; outside: boolean } {
  const f = normaliseRegion(filter);
  let item = f
    ? (items.find((i) => normaliseRegion(i.region) === f) ?? items.find((i) => ['within', 'any'].includes(regionRelation(i.region, f))))
    : items[0];
  // A selection finer than every item (a grid, on a tile of street figures): the item that holds it, deepest first.
  if (f && !item) for (const i of items) if (holdsSelection(i.region, f) && normaliseRegion(i.region).length > normaliseRegion(item?.region).length) item = i;
  return { item, outside: !!items.length && !item };
}
