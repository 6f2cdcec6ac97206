// The compact unit index written beside a vector-tile set (tiles-index.json) for <civic-grid-map tiles=…>: what the
// element needs of every unit without its geometry — search by name, `focus` by code, arrow keys between neighbours,
// the breadcrumb and the table's names. The element loads it lazily (first search, arrow key or `focus`); its reader
// is src/components/grid-map/tiles-index.ts.
//
// Format (version 1), columnar so a large set stays small and parses fast; unit i is column entry i:
//   { "version": 1, "illustrative": bool,
//     "code":  ["500118002", …],            unit codes (unique)
//     "name":  ["胜利路街道", …],
//     "rank":  [0, 1, 2, …],                0 street/town, 1 community/village, 2 grid
//     "parent":[-1, 0, …],                  index of the parent unit, -1 for none
//     "bbox":  [w, s, e, n, …],             4 numbers per unit, degrees rounded to 1e-6
//     "label": [lon, lat, …],               2 numbers per unit: a point inside the unit (for the camera and tooltip)
//     "neighbours": [[3, 7], …] }           indices of the same-rank units sharing a boundary point
import { writeFileSync } from 'node:fs';

const R = 1e6;
const round = (v) => Math.round(v * R) / R;
const RANK = { street: 0, town: 0, community: 1, village: 1, grid: 2 };

function polygonsOf(g) {
  if (!g) return [];
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}

function ringArea(ring) {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return a / 2;
}

function inRing(x, y, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * A point inside the largest polygon: its outer ring's centroid when that lies inside (not in a hole), else the
 * middle of the widest inside stretch of the horizontal line through the centroid.
 */
export function labelPoint(g) {
  let best, bestA = -1;
  for (const poly of polygonsOf(g)) {
    const a = Math.abs(ringArea(poly[0] ?? []));
    if (a > bestA) (bestA = a), (best = poly);
  }
  if (!best || !best[0]?.length) return undefined;
  const ring = best[0];
  let cx = 0, cy = 0, a6 = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    cx += (ring[j][0] + ring[i][0]) * f;
    cy += (ring[j][1] + ring[i][1]) * f;
    a6 += f * 3;
  }
  const c = a6 ? [cx / a6, cy / a6] : ring[0];
  const inside = (x, y) => inRing(x, y, ring) && !best.slice(1).some((h) => inRing(x, y, h));
  if (inside(c[0], c[1])) return c;
  // Crossings of the horizontal line y = c[1] with every ring: the widest inside stretch.
  const xs = [];
  for (const r of best) for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const [xi, yi] = r[i], [xj, yj] = r[j];
    if (yi > c[1] !== yj > c[1]) xs.push(((xj - xi) * (c[1] - yi)) / (yj - yi) + xi);
  }
  xs.sort((p, q) => p - q);
  let mid = ring[0], w = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) if (xs[i + 1] - xs[i] > w) (w = xs[i + 1] - xs[i]), (mid = [(xs[i] + xs[i + 1]) / 2, c[1]]);
  return mid;
}

/**
 * The index of a FeatureCollection with properties code / name / level / parent (the tile generator's input).
 * Features without a code, a known level or a polygon are left out (the generator skips them too).
 */
export function buildTilesIndex(geojson) {
  const units = [];
  for (const f of geojson?.features ?? []) {
    const p = f?.properties ?? {};
    const rank = RANK[p.level];
    const polys = polygonsOf(f?.geometry);
    if (rank === undefined || !polys.length || typeof p.code !== 'string' || !p.code) continue;
    const bbox = [Infinity, Infinity, -Infinity, -Infinity];
    for (const poly of polys) for (const ring of poly) for (const [x, y] of ring) {
      if (x < bbox[0]) bbox[0] = x;
      if (y < bbox[1]) bbox[1] = y;
      if (x > bbox[2]) bbox[2] = x;
      if (y > bbox[3]) bbox[3] = y;
    }
    units.push({ code: p.code, name: String(p.name ?? p.code), rank, parentCode: typeof p.parent === 'string' ? p.parent : '', bbox, label: labelPoint(f.geometry) ?? [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2], polys, illustrative: p.illustrative !== false });
  }
  units.sort((a, b) => a.rank - b.rank || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const at = new Map(units.map((u, i) => [u.code, i]));
  // Neighbours: same-rank units that share a boundary vertex (tessellations share their edges' end points).
  const byVertex = new Map();
  const neighbours = units.map(() => new Set());
  units.forEach((u, i) => {
    for (const poly of u.polys) for (const ring of poly) for (const [x, y] of ring) {
      const key = `${u.rank}|${Math.round(x * R)}|${Math.round(y * R)}`;
      const list = byVertex.get(key);
      if (!list) byVertex.set(key, [i]);
      else if (list[list.length - 1] !== i) {
        for (const j of list) if (j !== i) neighbours[i].add(j), neighbours[j].add(i);
        list.push(i);
      }
    }
  });
  return {
    version: 1,
    illustrative: units.some((u) => u.illustrative),
    code: units.map((u) => u.code),
    name: units.map((u) => u.name),
    rank: units.map((u) => u.rank),
    parent: units.map((u) => at.get(u.parentCode) ?? -1),
    bbox: units.flatMap((u) => u.bbox.map(round)),
    label: units.flatMap((u) => u.label.map(round)),
    neighbours: neighbours.map((s) => [...s].sort((a, b) => a - b)),
  };
}

/** Writes tiles-index.json (one line: it is read by machines). Returns its size in bytes. */
export function writeTilesIndex(geojson, file) {
  const text = `${JSON.stringify(buildTilesIndex(geojson))}\n`;
  writeFileSync(file, text);
  return Buffer.byteLength(text);
}
