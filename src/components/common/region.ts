/**
 * Region filtering by Chinese division code (pure). Codes are hierarchical: province (2 digits), city (2),
 * county (2), town/street (3), village/community (3), and this project's grids (3 more). A filter keeps the rows
 * whose code starts with the filter code, so `500118002` (胜利路街道) keeps `500118002007` (萱花路社区) and its grids.
 *
 * Codes padded with zeros to 6 or 12 digits (`500118000000`, `500118002000`) are the same divisions as their
 * short forms and are normalised first.
 */

const GROUPS_12 = [2, 2, 2, 3, 3];
const GROUPS_6 = [2, 2, 2];

/** `500118002000` → `500118002`; `500100` → `5001`; other lengths are only trimmed. */
export function normaliseRegion(code: string | null | undefined): string {
  if (code === null || code === undefined) return '';
  let c = String(code).trim();
  if (!/^\d+$/.test(c)) return c;
  const groups = c.length === 12 ? GROUPS_12 : c.length === 6 ? GROUPS_6 : undefined;
  if (!groups) return c;
  for (let g = groups.length - 1; g > 0; g--) {
    const tail = c.slice(c.length - groups[g]!);
    if (/^0+$/.test(tail)) c = c.slice(0, c.length - groups[g]!);
    else break;
  }
  return c;
}

/**
 * How a row's division relates to a filter (a selected division):
 * - `any`: no filter, or the row has no code (not regional);
 * - `within`: the row lies in the selection (a street selected, the row is one of its communities) — kept;
 * - `contains`: the selection is finer than the row and lies in it (a grid selected, the row is its community) —
 *   kept and marked, so a linked board of communities shows which one holds the selected grid;
 * - `outside`: unrelated.
 */
export type RegionRelation = 'any' | 'within' | 'contains' | 'outside';

export function regionRelation(rowRegion: string | null | undefined, filter: string | null | undefined): RegionRelation {
  const f = normaliseRegion(filter);
  if (f === '') return 'any';
  const r = normaliseRegion(rowRegion);
  if (r === '') return 'any';
  if (r.startsWith(f)) return 'within';
  if (f.startsWith(r)) return 'contains';
  return 'outside';
}

/**
 * True when a row belongs to the filtered region: no filter keeps everything; a row without a region code is not
 * regional and is always kept; a row inside the selection or holding it is kept.
 */
export function inRegion(rowRegion: string | null | undefined, filter: string | null | undefined): boolean {
  return regionRelation(rowRegion, filter) !== 'outside';
}

/** True when the selection is finer than the row and lies in it (the row to mark). */
export function holdsSelection(rowRegion: string | null | undefined, filter: string | null | undefined): boolean {
  return regionRelation(rowRegion, filter) === 'contains';
}

/**
 * Rows for a selection. A coarser or equal selection filters (a street keeps its communities). A selection finer than
 * the rows (a grid, on a board of communities) filters nothing away: every row stays, and the rows holding it are
 * found with `holdsSelection`. A selection unrelated to every row leaves nothing (the element says so).
 */
export function filterByRegion<T extends { region?: string }>(rows: readonly T[], filter: string | null | undefined): T[] {
  if (normaliseRegion(filter) === '') return rows.slice();
  const rel = rows.map((r) => regionRelation(r.region, filter));
  if (!rel.includes('within') && rel.includes('contains')) return rows.slice();
  return rows.filter((_, i) => rel[i] === 'within' || rel[i] === 'any');
}
