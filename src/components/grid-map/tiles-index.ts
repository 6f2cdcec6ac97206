/**
 * Reader of the unit index a tile set carries beside its tiles (`tiles-index.json`, written by
 * scripts/make-grid-tiles.mjs through scripts/lib/tiles-index.mjs): code, name, level, parent, box, label point and
 * same-level neighbours of every unit, without geometry. It makes tiles mode search by name, `focus` by code, move
 * between neighbours with the arrow keys and name the table's rows. The result is a UnitSet, so the in-memory model's
 * search / neighbour / ancestry functions work on it unchanged. Pure; never throws.
 */
import { describe, isRecord, issue, type Issue, type Validated } from '../../data/validate.js';
import { parseTilesRef } from './tiles.js';
import type { UnitInfo, UnitSet } from './grid-map.types.js';

export interface IndexUnit extends UnitInfo {
  /** Indices of the same-level units sharing a boundary with this one. */
  neighbours: number[];
}

export interface TilesIndex extends UnitSet<IndexUnit> {
  illustrative: boolean;
}

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function parseTilesIndex(raw: unknown): Validated<TilesIndex> {
  const issues: Issue[] = [];
  if (!isRecord(raw) || raw.version !== 1 || !Array.isArray(raw.code)) {
    issues.push(issue('$', 'type', `expected a tiles index { version: 1, code: [...] }, got ${describe(raw)}`));
    return { value: undefined, issues };
  }
  const col = (k: string): unknown[] => (Array.isArray(raw[k]) ? (raw[k] as unknown[]) : []);
  const code = col('code'), name = col('name'), rank = col('rank'), parent = col('parent'), bbox = col('bbox'), label = col('label'), nb = col('neighbours');
  const features: IndexUnit[] = [];
  const byCode = new Map<string, IndexUnit>();
  const at: number[] = []; // raw index → feature index (-1 when skipped)
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    const r = rank[i];
    const b = bbox.slice(i * 4, i * 4 + 4);
    const l = label.slice(i * 2, i * 2 + 2);
    if (typeof c !== 'string' || !c || byCode.has(c) || (r !== 0 && r !== 1 && r !== 2) || !b.every(num) || b.length !== 4) {
      issues.push(issue(`code[${i}]`, 'invalid', `unit ${describe(c)} skipped (no code, a repeated code, no level or no box)`, 'warning'));
      at.push(-1);
      continue;
    }
    const box = b as [number, number, number, number];
    const u: IndexUnit = {
      index: features.length,
      code: c,
      name: typeof name[i] === 'string' && name[i] ? (name[i] as string) : c,
      rank: r,
      parent: null,
      bbox: box,
      labelPoint: l.length === 2 && l.every(num) ? (l as [number, number]) : [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2],
      neighbours: [],
    };
    at.push(u.index);
    features.push(u);
    byCode.set(c, u);
  }
  const children = new Map<string, number[]>();
  for (let i = 0; i < code.length; i++) {
    const k = at[i];
    if (k < 0) continue;
    const u = features[k];
    const p = parent[i];
    const pk = num(p) && p >= 0 && p < at.length ? at[p] : -1;
    u.parent = pk >= 0 ? features[pk].code : null;
    const list = children.get(u.parent ?? '');
    if (list) list.push(k);
    else children.set(u.parent ?? '', [k]);
    const ns = Array.isArray(nb[i]) ? (nb[i] as unknown[]) : [];
    for (const j of ns) if (num(j) && at[j] >= 0 && at[j] !== k) u.neighbours.push(at[j]);
  }
  if (!features.length) {
    issues.push(issue('code', 'empty', 'the tiles index lists no unit'));
    return { value: undefined, issues };
  }
  return { value: { features, byCode, children, illustrative: raw.illustrative === true }, issues };
}

/**
 * Where the index of a tile set is by default: the generator writes `tiles-index.json` beside `tiles.json`,
 * `grids.pmtiles` and the `tiles/` directory, so `…/tiles/{z}/{x}/{y}.pbf`, `…/tiles.json` and `…/grids.pmtiles` all
 * give `…/tiles-index.json`. Undefined without a `tiles` value.
 */
export function defaultIndexUrl(tiles: string | undefined, base: string): string | undefined {
  const ref = parseTilesRef(tiles, base);
  if (!ref) return undefined;
  if (ref.kind === 'template') {
    const dir = ref.url.slice(0, ref.url.indexOf('{z}')).replace(/\/+$/, '');
    return `${dir.slice(0, dir.lastIndexOf('/') + 1)}tiles-index.json`;
  }
  return new URL('tiles-index.json', ref.url).href;
}
