/**
 * Which units a <civic-grid-map> view shows and how one moves through them (pure): the `level` attribute, the view
 * (level + focus) and Escape's way up, breadcrumb ancestry, keyboard neighbours, the hit test, table paging and
 * search. Colours and legend for a view, and the metrics, are grid-map.model.ts.
 */
import { LEVEL_RANK, VIEW_LEVELS, type GridFeature, type GridGeometry, type UnitInfo, type UnitSet, type ViewLevel } from './grid-map.types.js';

// ── view (level + focus) ──

/** Normalises a `level` attribute value: street/town → street, community/village → community, grid. */
export function viewLevel(v: string | undefined | null): ViewLevel | undefined {
  if (!v) return undefined;
  if ((VIEW_LEVELS as readonly string[]).includes(v)) return v as ViewLevel;
  if (v === 'town') return 'street';
  if (v === 'village') return 'community';
  if (v === '0' || v === '1' || v === '2') return VIEW_LEVELS[Number(v)];
  return undefined;
}

export function rankOf(level: ViewLevel): number {
  return LEVEL_RANK[level];
}

/** True when `code` is `ancestor` or lies beneath it. */
export function isWithin(geo: UnitSet, code: string, ancestor: string): boolean {
  let f = geo.byCode.get(code);
  let guard = 0;
  while (f && guard++ < 16) {
    if (f.code === ancestor) return true;
    f = f.parent ? geo.byCode.get(f.parent) : undefined;
  }
  return false;
}

/** Ancestors from the top down to `code` (inclusive). */
export function ancestry<U extends UnitInfo>(geo: UnitSet<U>, code: string): U[] {
  const out: U[] = [];
  let f = geo.byCode.get(code);
  let guard = 0;
  while (f && guard++ < 16) {
    out.unshift(f);
    f = f.parent ? geo.byCode.get(f.parent) : undefined;
  }
  return out;
}

export interface View {
  /** Rank of the units shown. */
  rank: number;
  /** Code of the unit zoomed into, '' for everything. */
  focus: string;
  /** Indices of the units shown (coloured, clickable), in a stable order. */
  shown: number[];
  /** Indices of outline-only context units (the focus and its ancestors' siblings are not included). */
  outlines: number[];
  /** Bounding box to fit. */
  bbox: [number, number, number, number];
}

/**
 * Units shown: every unit of rank `rank` inside `focus` (or everywhere). When a branch has no unit of that rank
 * (e.g. a village without villager-group grids), its deepest unit above is shown instead, so nothing is blank.
 */
export function computeView(geo: GridGeometry, rank: number, focus: string): View {
  const f = focus ? geo.byCode.get(focus) : undefined;
  const focusCode = f ? f.code : '';
  if (f && rank <= f.rank) rank = Math.min(2, f.rank + 1);
  const shown: number[] = [];
  const visit = (code: string) => {
    for (const k of geo.children.get(code) ?? []) {
      const u = geo.features[k];
      if (u.rank >= rank || !geo.children.has(u.code)) shown.push(k);
      else visit(u.code);
    }
  };
  visit(focusCode);
  if (f && shown.length === 0) shown.push(f.index);
  const outlines: number[] = [];
  for (const u of geo.features) if (u.rank < rank && geo.children.has(u.code) && (!f || isWithin(geo, u.code, f.code))) outlines.push(u.index);
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const k of shown) {
    const b = geo.features[k].bbox;
    x0 = Math.min(x0, b[0]);
    y0 = Math.min(y0, b[1]);
    x1 = Math.max(x1, b[2]);
    y1 = Math.max(y1, b[3]);
  }
  return { rank, focus: focusCode, shown, outlines, bbox: shown.length ? [x0, y0, x1, y1] : geo.bbox };
}

/** Where Escape goes from a view: up one focus, or (at the top) one level coarser. Undefined at the top. (Tiles mode: `geo` is the unit index, undefined before it loads.) */
export function upView(geo: UnitSet | undefined, rank: number, focus: string): { rank: number; focus: string } | undefined {
  const f = focus ? geo?.byCode.get(focus) : undefined;
  if (f) return { rank: f.rank, focus: f.parent && geo!.byCode.has(f.parent) ? f.parent : '' };
  if (rank > 0) return { rank: rank - 1, focus: '' };
  return undefined;
}

// ── keyboard ──

/**
 * The neighbour of `from` in an arrow direction among `candidates`: the nearest label point within a 90° cone
 * around the direction (distance weighted by off-axis deviation). Planar lon/lat scaled by cos(lat).
 */
export function neighbour(geo: UnitSet, candidates: readonly number[], from: number, dir: 'left' | 'right' | 'up' | 'down'): number {
  const a = geo.features[from]?.labelPoint;
  if (!a) return candidates[0] ?? -1;
  const k = Math.cos((a[1] * Math.PI) / 180);
  const [ux, uy] = dir === 'left' ? [-1, 0] : dir === 'right' ? [1, 0] : dir === 'up' ? [0, 1] : [0, -1];
  let best = -1;
  let bestScore = Infinity;
  for (const c of candidates) {
    if (c === from) continue;
    const b = geo.features[c].labelPoint;
    const dx = (b[0] - a[0]) * k, dy = b[1] - a[1];
    const along = dx * ux + dy * uy;
    if (along <= 0) continue;
    const across = Math.abs(dx * uy - dy * ux);
    if (across > along) continue;
    const score = along + 2 * across;
    if (score < bestScore) (bestScore = score), (best = c);
  }
  return best;
}

/** Hit test: the shown unit containing [lon, lat], or -1. */
export function pick(geo: GridGeometry, shown: readonly number[], lon: number, lat: number, pointIn: (x: number, y: number, f: GridFeature) => boolean): number {
  for (let i = shown.length - 1; i >= 0; i--) {
    const f = geo.features[shown[i]];
    const b = f.bbox;
    if (lon < b[0] || lon > b[2] || lat < b[1] || lat > b[3]) continue;
    if (pointIn(lon, lat, f)) return f.index;
  }
  return -1;
}

// ── table and search ──

export interface TablePage<T> {
  rows: T[];
  page: number;
  pages: number;
  total: number;
}

/** One page of rows (never all of them): 50,000 grids never put 50,000 rows in the DOM. */
export function pageOf<T>(all: readonly T[], page: number, size: number): TablePage<T> {
  const pages = Math.max(1, Math.ceil(all.length / size));
  const p = Math.max(0, Math.min(pages - 1, Math.floor(page)));
  return { rows: all.slice(p * size, p * size + size), page: p, pages, total: all.length };
}

/** Search by name or code (substring, case-insensitive); exact code first, then name prefix, then the rest. */
export function search<U extends UnitInfo>(geo: UnitSet<U>, query: string, limit = 10): U[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const scored: [number, U][] = [];
  for (const f of geo.features) {
    const name = f.name.toLowerCase();
    let s = -1;
    if (f.code === q) s = 0;
    else if (name === q) s = 1;
    else if (name.startsWith(q) || f.code.startsWith(q)) s = 2;
    else if (name.includes(q)) s = 3;
    if (s >= 0) scored.push([s * 10 + f.rank, f]);
  }
  scored.sort((a, b) => a[0] - b[0] || a[1].code.localeCompare(b[1].code));
  return scored.slice(0, limit).map((x) => x[1]);
}
