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
 * True when a row belongs to the filtered region. No filter (empty) keeps everything; a row without a
 * region code is not regional and is always kept.
 */
export function inRegion(rowRegion: string | null | undefined, filter: string | null | undefined): boolean {
  const f = normaliseRegion(filter);
  if (f === '') return true;
  const r = normaliseRegion(rowRegion);
  if (r === '') return true;
  return r.startsWith(f);
}

export function filterByRegion<T extends { region?: string }>(rows: readonly T[], filter: string | null | undefined): T[] {
  if (normaliseRegion(filter) === '') return rows.slice();
  return rows.filter((r) => inRegion(r.region, filter));
}
