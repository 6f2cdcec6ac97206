#!/usr/bin/env node
// Builds the built-in Yongchuan demo dataset in demo/data/ (see demo/data/README.md).
//
//   node scripts/make-demo-data.mjs            writes demo/data/*.json|geojson
//   node scripts/make-demo-data.mjs --out DIR  writes the same files into DIR
//
// Inputs are project files only: demo/data/source/yongchuan-divisions.json (国家统计局统计用区划代码: real names
// and codes) and scripts/facts.mjs (the article's figures, FACTS.md). Everything else — every boundary, every
// per-grid value, every firm other than those named in FACTS.md, every earlier period — is generated here from a
// seeded PRNG and flagged `illustrative: true`. The output is byte-identical on every run: no clock, no unseeded
// randomness, fixed key order, coordinates rounded to 6 decimals.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { voronoi, intersect, featureCollection, point, polygon } from '@turf/turf';
import * as F from './facts.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SEED = 'civic-widgets/yongchuan-demo/v1';

// ─────────────────────────────────────────────────────────────────────────────
// Selection rule for the 25 urban communities (FACTS.md §1 counts 25; the 2023 NBS list has 28 in the three
// central streets). Rule: keep every community (居委会) of 中山路 / 胜利路 / 南大街 in code order, except the
// highest-numbered codes of the street that has the most communities, until 25 remain. NBS numbers new
// committees upward, so these are taken to be the newest. A demo choice, not a record of 2022 boundaries.
// ─────────────────────────────────────────────────────────────────────────────
const URBAN_STREETS = ['500118001', '500118002', '500118003'];
const RURAL_TOWN = F.POINTS_SYSTEM.townCode; // 来苏镇
const TEA_GRID_INDEX = 3; // the 茶叶大厦小区 grid is grid 003 of 萱花路社区

// ── args ─────────────────────────────────────────────────────────────────────
function parseArgs(argv) {
  let out = join(ROOT, 'demo', 'data');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out' && argv[i + 1]) out = resolve(argv[++i]);
    else if (argv[i].startsWith('--out=')) out = resolve(argv[i].slice(6));
  }
  return { out };
}

// ── deterministic randomness ─────────────────────────────────────────────────
function hashString(s) {
  let h = 2166136261 >>> 0; // FNV-1a
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h >>> 0;
}
function mulberry32(a) {
  return function () {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
/** One independent stream per purpose, so changing one part of the data leaves the others as they were. */
function rng(label) {
  const r = mulberry32(hashString(SEED + ':' + label));
  const api = {
    next: r,
    range: (a, b) => a + (b - a) * r(),
    int: (a, b) => a + Math.floor(r() * (b - a + 1)), // inclusive
    normal: (mean, sd) => {
      let u = 0;
      for (let i = 0; i < 6; i++) u += r();
      return mean + sd * (u - 3) * Math.SQRT2; // Irwin–Hall approximation, sd ≈ 1
    },
  };
  return api;
}
const round = (x, d) => {
  const p = 10 ** d;
  const v = Math.round(x * p) / p;
  return v === 0 ? 0 : v;
};
const clamp = (x, a, b) => Math.max(a, Math.min(b, x));

// ── plane geometry (km around an origin; projected to lon/lat at the very end) ──
const ORIGIN = { lon: 105.93, lat: 29.36 };
const KM_PER_DEG_LAT = 110.574;
const KM_PER_DEG_LON = 111.32 * Math.cos((ORIGIN.lat * Math.PI) / 180);
const toLonLat = ([x, y]) => [round(ORIGIN.lon + x / KM_PER_DEG_LON, 6), round(ORIGIN.lat + y / KM_PER_DEG_LAT, 6)];
const toKm = (lon, lat) => [(lon - ORIGIN.lon) * KM_PER_DEG_LON, (lat - ORIGIN.lat) * KM_PER_DEG_LAT];

function signedArea(ring) {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s / 2;
}
function ringCentroid(ring) {
  let a = 0, cx = 0, cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i], [x1, y1] = ring[i + 1];
    const f = x0 * y1 - x1 * y0;
    a += f; cx += (x0 + x1) * f; cy += (y0 + y1) * f;
  }
  return [cx / (3 * a), cy / (3 * a)];
}
function ringBbox(ring) {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const [x, y] of ring) { x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y); }
  return [x0, y0, x1, y1];
}
/** Point strictly inside a counter-clockwise convex ring, at least `margin` from every edge. */
function insideConvex(p, ring, margin = 0) {
  for (let i = 0; i < ring.length - 1; i++) {
    const [ax, ay] = ring[i], [bx, by] = ring[i + 1];
    const cross = (bx - ax) * (p[1] - ay) - (by - ay) * (p[0] - ax);
    if (cross / Math.hypot(bx - ax, by - ay) <= margin) return false;
  }
  return true;
}
/** Andrew's monotone chain: closed counter-clockwise convex hull. */
function convexHull(points) {
  const p = points.slice().sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o, a, b) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower = [], upper = [];
  for (const q of p) { while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], q) <= 0) lower.pop(); lower.push(q); }
  for (let i = p.length - 1; i >= 0; i--) { const q = p[i]; while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], q) <= 0) upper.pop(); upper.push(q); }
  const ring = lower.slice(0, -1).concat(upper.slice(0, -1));
  ring.push(ring[0]);
  return ring;
}
/** An irregular convex envelope: jittered points on an ellipse, hulled. Convex on purpose: every cell clipped to
 * it stays one convex polygon (no multipolygons, no holes, no self-intersections). */
function envelope(r, cx, cy, rx, ry, n) {
  const pts = [];
  for (let i = 0; i < n; i++) {
    const t = ((i + r.range(-0.3, 0.3)) / n) * 2 * Math.PI;
    const k = r.range(0.86, 1.08);
    pts.push([cx + rx * k * Math.cos(t), cy + ry * k * Math.sin(t)]);
  }
  return convexHull(pts);
}
/** Well-spread seed points inside a convex ring (dart throwing with a shrinking minimum distance). */
function sampleSeeds(r, ring, n) {
  const [x0, y0, x1, y1] = ringBbox(ring);
  const area = Math.abs(signedArea(ring));
  let minDist = 0.75 * Math.sqrt(area / n);
  const seeds = [];
  let tries = 0;
  while (seeds.length < n) {
    const p = [r.range(x0, x1), r.range(y0, y1)];
    tries++;
    if (tries % 400 === 0) minDist *= 0.9;
    if (!insideConvex(p, ring, minDist * 0.3)) continue;
    if (seeds.some((s) => Math.hypot(s[0] - p[0], s[1] - p[1]) < minDist)) continue;
    seeds.push(p);
  }
  return seeds;
}
/** Voronoi cells of `seeds` clipped to the convex `ring`, in seed order; each a closed CCW ring. */
function cellsIn(seeds, ring) {
  const [x0, y0, x1, y1] = ringBbox(ring);
  const pad = Math.max(x1 - x0, y1 - y0);
  const v = voronoi(featureCollection(seeds.map((s) => point(s))), { bbox: [x0 - pad, y0 - pad, x1 + pad, y1 + pad] });
  const outer = polygon([ring]);
  return v.features.map((cell, i) => {
    if (!cell) throw new Error(`voronoi: no cell for seed ${i}`);
    const clipped = intersect(featureCollection([cell, outer]));
    if (!clipped || clipped.geometry.type !== 'Polygon') throw new Error(`clip: seed ${i} gave ${clipped ? clipped.geometry.type : 'nothing'}`);
    let out = clipped.geometry.coordinates[0];
    if (signedArea(out) < 0) out = out.slice().reverse();
    return out;
  });
}
/** Lloyd relaxation: evens out cell sizes so the cells look like planned grids, not random shards. */
function relaxedCells(r, ring, n, iterations) {
  let seeds = sampleSeeds(r, ring, n);
  let cells = cellsIn(seeds, ring);
  for (let k = 0; k < iterations; k++) {
    seeds = cells.map(ringCentroid);
    cells = cellsIn(seeds, ring);
  }
  return cells.map((cell, i) => ({ seed: seeds[i], ring: cell }));
}
/** Reading order for numbering: rows from north to south, alternately west→east and east→west. */
function readingOrder(cells, rowHeight) {
  const top = Math.max(...cells.map((c) => c.seed[1]));
  const rowOf = (c) => Math.floor((top - c.seed[1]) / rowHeight);
  return cells.slice().sort((a, b) => {
    const ra = rowOf(a), rb = rowOf(b);
    if (ra !== rb) return ra - rb;
    return ra % 2 === 0 ? a.seed[0] - b.seed[0] : b.seed[0] - a.seed[0];
  });
}
/** Largest-remainder allocation of `total` over weights with a floor of `min` each. */
function allocate(weights, total, min) {
  const n = weights.length;
  const spare = total - min * n;
  if (spare < 0) throw new Error('allocate: total below minimum');
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (w / sum) * spare);
  const out = raw.map((x) => min + Math.floor(x));
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) out[order[k % n][1]]++;
  return out;
}
/** km ring → RFC 7946 lon/lat ring: rounded, no repeated positions, closed, counter-clockwise. */
function finishRing(ring) {
  const out = [];
  for (const p of ring.slice(0, -1)) {
    const q = toLonLat(p);
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  while (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
  out.push([out[0][0], out[0][1]]);
  if (out.length < 4) throw new Error('ring collapsed after rounding');
  return signedArea(out) < 0 ? out.reverse() : out;
}
function feature(props, ring) {
  return { type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: [finishRing(ring)] } };
}

// ── inputs ───────────────────────────────────────────────────────────────────
function loadDivisions() {
  return JSON.parse(readFileSync(join(ROOT, 'demo', 'data', 'source', 'yongchuan-divisions.json'), 'utf8'));
}
function pickUrbanCommunities(div) {
  const streets = URBAN_STREETS.map((code) => {
    const t = div.towns.find((x) => x.code === code);
    if (!t) throw new Error(`division ${code} missing`);
    return { code: t.code, name: t.name, communities: t.children.filter((c) => c.type === 'community') };
  });
  const total = streets.reduce((n, s) => n + s.communities.length, 0);
  const drop = total - F.URBAN_COMMUNITY_COUNT;
  const largest = streets.reduce((a, b) => (b.communities.length > a.communities.length ? b : a));
  const sorted = largest.communities.slice().sort((a, b) => (a.code < b.code ? -1 : 1));
  const dropped = sorted.slice(sorted.length - drop);
  largest.communities = largest.communities.filter((c) => !dropped.includes(c));
  return { streets, dropped, total };
}

// ── geometry: urban area ─────────────────────────────────────────────────────
function buildUrban(div) {
  const { streets, dropped, total } = pickUrbanCommunities(div);
  const r = rng('urban-envelope');
  const env = envelope(r, 0, 0, 3.1, 2.55, 22); // ≈ 6.2 km × 5.1 km around 105.93 E, 29.36 N
  // Street seeds placed so each street's share of the area follows its share of communities.
  const streetSeeds = [[0.1, 0.8], [-1.9, -1.7], [1.9, -1.8]];
  const streetRings = cellsIn(streetSeeds, env);
  const communities = [];
  streets.forEach((s, si) => {
    const cells = readingOrder(relaxedCells(rng('communities:' + s.code), streetRings[si], s.communities.length, 4), 1.0);
    s.communities.forEach((c, ci) => communities.push({ ...c, street: s.code, ring: cells[ci].ring, area: Math.abs(signedArea(cells[ci].ring)) }));
  });
  const rc = rng('grid-allocation');
  const counts = allocate(communities.map((c) => c.area * rc.range(0.75, 1.3)), F.URBAN_GRID_COUNT, 8);
  const grids = [];
  communities.forEach((c, ci) => {
    const cells = relaxedCells(rng('grids:' + c.code), c.ring, counts[ci], 3);
    const rowHeight = Math.sqrt(c.area / counts[ci]);
    readingOrder(cells, rowHeight).forEach((cell, gi) => {
      const n = gi + 1;
      const code = c.code + String(n).padStart(3, '0');
      const isTea = c.code === F.TEA_BUILDING.communityCode && n === TEA_GRID_INDEX;
      grids.push({ code, name: isTea ? F.TEA_BUILDING.gridName : `${c.name}第${n}网格`, parent: c.code, ring: cell.ring, urban: true });
    });
  });
  return { streets: streets.map((s, i) => ({ ...s, ring: streetRings[i] })), communities, grids, dropped, total };
}

// ── geometry: rural 来苏镇 ────────────────────────────────────────────────────
function buildRural(div) {
  const t = div.towns.find((x) => x.code === RURAL_TOWN);
  if (!t) throw new Error(`division ${RURAL_TOWN} missing`);
  const villages = t.children.filter((c) => c.type === 'village');
  const [cx, cy] = toKm(105.8, 29.3);
  const townRing = envelope(rng('rural-envelope'), cx, cy, 5.2, 4.1, 20);
  const cells = readingOrder(relaxedCells(rng('villages:' + t.code), townRing, villages.length, 4), 2.4);
  const rn = rng('villager-groups');
  const out = [];
  const grids = [];
  villages.forEach((v, vi) => {
    const ring = cells[vi].ring;
    out.push({ ...v, ring });
    const n = rn.int(6, 12);
    const groups = relaxedCells(rng('groups:' + v.code), ring, n, 3);
    readingOrder(groups, Math.sqrt(Math.abs(signedArea(ring)) / n)).forEach((g, gi) => {
      const k = gi + 1;
      grids.push({ code: v.code + String(k).padStart(3, '0'), name: `${v.name}第${k}村民小组`, parent: v.code, ring: g.ring, urban: false });
    });
  });
  return { town: { code: t.code, name: t.name, ring: townRing }, villages: out, grids, omitted: t.children.filter((c) => c.type !== 'village') };
}

// ── metrics ──────────────────────────────────────────────────────────────────
const METRICS = [
  { key: 'households', label: '户数', labelEn: 'Households', unit: '户', aggregate: 'sum' },
  { key: 'partyMembers', label: '党员', labelEn: 'Party members', unit: '人', aggregate: 'sum' },
  { key: 'gridStaff', label: '网格员', labelEn: 'Grid staff', unit: '人', aggregate: 'sum' },
  { key: 'volunteers', label: '网格志愿者', labelEn: 'Grid volunteers', unit: '人', aggregate: 'sum' },
  { key: 'issuesReported', label: '上报事项', labelEn: 'Issues reported', unit: '件', aggregate: 'sum' },
  { key: 'issuesResolved', label: '办结事项', labelEn: 'Issues resolved', unit: '件', aggregate: 'sum' },
  // A parent's rate is its grids' Σ resolved / Σ reported, not the mean of their rates (A3 s18).
  { key: 'resolutionRate', label: '办结率', labelEn: 'Resolution rate', unit: '%', aggregate: 'ratio', numerator: 'issuesResolved', denominator: 'issuesReported', scale: 100 },
  { key: 'points', label: '积分', labelEn: 'Points', unit: '分', aggregate: 'mean', scope: [RURAL_TOWN] },
];
/** Monthly household score of a villager group (integer 0–10, FACTS.md §1 scale); every class occurs. */
function pointsFor(r, grid, index) {
  if (grid.parent === F.POINTS_SYSTEM.villageCode && index < 3) return [10, 7, 3][index]; // 观音井村 shows all three classes
  const u = r.next();
  if (u < 0.3) return r.int(9, 10);
  if (u < 0.85) return r.int(5, 8);
  return r.int(1, 4);
}
function buildMetrics(urban, rural) {
  const ru = rng('metrics:urban');
  const rr = rng('metrics:rural');
  const rows = [];
  const groupIndex = new Map();
  for (const g of urban.grids.concat(rural.grids)) {
    const r = g.urban ? ru : rr;
    const households = g.urban ? Math.round(clamp(r.normal(410, 95), 180, 680)) : Math.round(clamp(r.normal(46, 12), 18, 90));
    const partyMembers = Math.max(1, Math.round(households * r.range(g.urban ? 0.035 : 0.03, g.urban ? 0.1 : 0.09)));
    const gridStaff = g.urban ? F.GRID_STAFF.chief + F.GRID_STAFF.workers : r.int(2, 3);
    const volunteers = g.urban ? r.int(4, 28) : r.int(1, 8);
    const issuesReported = g.urban ? r.int(18, 170) : r.int(2, 30);
    const issuesResolved = Math.min(issuesReported, Math.round(issuesReported * r.range(0.8, 1.0)));
    const row = { code: g.code, households, partyMembers, gridStaff, volunteers, issuesReported, issuesResolved, resolutionRate: round((issuesResolved / issuesReported) * 100, 1) };
    if (!g.urban) {
      const k = groupIndex.get(g.parent) ?? 0;
      groupIndex.set(g.parent, k + 1);
      row.points = pointsFor(r, g, k);
    }
    if (g.name === F.TEA_BUILDING.gridName) {
      row.households = F.TEA_BUILDING.households; // FACTS.md §1
      row.partyMembers = F.TEA_BUILDING.partyMembers; // FACTS.md §1
      row.illustrative = false;
      row.source = F.REPORT_SOURCE;
      row.illustrativeKeys = ['volunteers', 'issuesReported', 'issuesResolved', 'resolutionRate'];
    } else {
      row.illustrative = true;
    }
    rows.push(row);
  }
  rows.sort((a, b) => (a.code < b.code ? -1 : 1));
  return {
    illustrative: true,
    note:
      'Per-grid values are illustrative (generated), except the 茶叶大厦小区网格 row: households 287 and partyMembers 24 are from the ' +
      '2022 report, gridStaff 5 follows its "1+4+N" rule (1 grid chief + 4 grid workers); that row lists its ' +
      'remaining invented keys in illustrativeKeys. Urban gridStaff is 5 everywhere (1+4+N). points: the villager group\'s monthly ' +
      'household score, integer 0–10 (9–10 示范文明清洁户, 5–8 文明清洁户, ≤4 促进户; the 2022 report), rural grids only.',
    source: `示例数据 / illustrative; ${F.REPORT_SOURCE}`,
    metrics: METRICS.map((m) => ({ ...m, illustrative: true })),
    classes: { points: F.POINTS_SYSTEM.classes.map((c) => ({ ...c })) },
    rows,
  };
}

// ── geojson ──────────────────────────────────────────────────────────────────
function buildGeojson(urban, rural) {
  const prop = (code, name, level, parent) => ({ code, name, level, parent, illustrative: true });
  const byCode = (a, b) => (a.properties.code < b.properties.code ? -1 : 1);
  const parents = [
    ...urban.streets.map((s) => feature(prop(s.code, s.name, 'street', F.DISTRICT_CODE), s.ring)),
    feature(prop(rural.town.code, rural.town.name, 'town', F.DISTRICT_CODE), rural.town.ring),
  ].sort(byCode);
  const mid = [
    ...urban.communities.map((c) => feature(prop(c.code, c.name, 'community', c.street), c.ring)),
    ...rural.villages.map((v) => feature(prop(v.code, v.name, 'village', rural.town.code), v.ring)),
  ].sort(byCode);
  const grids = urban.grids.concat(rural.grids).map((g) => feature(prop(g.code, g.name, 'grid', g.parent), g.ring)).sort(byCode);
  return {
    type: 'FeatureCollection',
    illustrative: true,
    note:
      'Generated, not real boundaries: no public source has Yongchuan\'s grid boundaries, so every polygon here is a Voronoi ' +
      'cell made by scripts/make-demo-data.mjs (示例数据). Real: the names and codes of streets, towns, communities and ' +
      'villages (国家统计局统计用区划代码, 2023) and the counts of 25 communities / 410 grids (the 2022 report). Grid codes extend ' +
      'their parent\'s code with 3 digits. The 25 communities are those of 中山路/胜利路/南大街 in code order minus the ' +
      `highest-numbered codes of the street with the most communities (dropped: ${urban.dropped.map((c) => `${c.name} ${c.code}`).join(', ')}; ` +
      `the 2023 list has ${urban.total}). Rural: the ${rural.villages.length} villages of 来苏镇, one grid per villager group; ` +
      `${rural.omitted.map((c) => c.name).join(', ')} is not drawn. Parent features are the exact outlines their grids tile. ` +
      'Levels are ordered street/town, community/village, grid.',
    source: `${F.NBS_SOURCE} (names, codes); geometry generated`,
    features: [...parents, ...mid, ...grids],
  };
}

// ── points ───────────────────────────────────────────────────────────────────
function buildPoints(urban, rural) {
  const pt = (id, name, nameEn, kind, km) => ({
    type: 'Feature',
    properties: { id, name, nameEn, kind, illustrative: true },
    geometry: { type: 'Point', coordinates: toLonLat(km) },
  });
  const parkKm = { fenghuang: [5.4, 1.6], gangqiao: [3.2, -5.6], sanjiao: [-8.2, 7.4], bigdata: [2.3, 2.6] };
  const features = F.PARKS.map((p) => pt('park-' + p.id, p.name, p.nameEn, 'park', parkKm[p.id]));
  features.push(pt('project-unirec', F.NAMED_COMPLETED_PROJECT + '项目', 'Unirec project', 'project', [6.1, 0.9]));
  features.push(pt('project-yadea', '雅迪科技项目', 'Yadea Technology project', 'project', [3.9, -6.1]));
  const tea = urban.communities.find((c) => c.code === F.TEA_BUILDING.communityCode);
  features.push(pt('station-xuanhualu', '萱花路社区公益性物业服务站', 'Xuanhualu community property service station', 'service-station', ringCentroid(tea.ring)));
  for (const s of urban.streets) {
    features.push(pt('station-' + s.code, `${s.name}党群服务中心（示例）`, `Party–public service centre, ${s.code} (illustrative)`, 'service-station', ringCentroid(s.ring)));
  }
  const gyj = rural.villages.find((v) => v.code === F.POINTS_SYSTEM.villageCode);
  features.push(pt('station-' + gyj.code, `${gyj.name}党群服务站（示例）`, 'Guanyinjing village service station (illustrative)', 'service-station', ringCentroid(gyj.ring)));
  return {
    type: 'FeatureCollection',
    illustrative: true,
    note: 'Positions are illustrative (generated). The park names, 尤尼瑞克 and 雅迪科技 are named in the 2022 report; names ending （示例） are invented.',
    features,
  };
}

// ── chains ───────────────────────────────────────────────────────────────────
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
function buildChains() {
  const r = rng('chains');
  const nodes = [];
  const links = [];
  const link = (source, target, kind, weight, illustrative = true) => links.push({ source, target, kind, weight, illustrative });
  nodes.push({ id: 'gwm', name: F.CHAIN_LEADERS.auto.name, nameEn: 'Great Wall Motor Chongqing branch joint party branch', type: 'leader', chain: 'auto', tier: 'core', attrs: { capacity: F.GWM_CAPACITY }, flags: [], illustrative: false });
  nodes.push({ id: 'pacific', name: F.CHAIN_LEADERS.equip.name, nameEn: 'Pacific Precision joint party branch', type: 'leader', chain: 'equip', tier: 'core', attrs: {}, flags: [], illustrative: false });
  for (const p of F.PARKS) nodes.push({ id: p.id, name: p.name, nameEn: p.nameEn, type: 'park', chain: null, attrs: {}, flags: [], illustrative: false });
  for (const t of F.SERVICE_TEAMS) nodes.push({ id: t.id, name: t.name, nameEn: t.nameEn, type: 'service-team', chain: null, attrs: {}, flags: [t.formula], illustrative: false });
  nodes.push({ id: 'unirec', name: F.NAMED_COMPLETED_PROJECT, nameEn: 'Unirec', type: 'project', chain: null, attrs: {}, flags: ['已建成投产'], illustrative: false });
  nodes.push({ id: 'yadea', name: '雅迪科技', nameEn: 'Yadea Technology', type: 'project', chain: 'auto', attrs: {}, flags: ['引进龙头企业'], illustrative: false });
  // Real relations (FACTS.md §2 / the article): both alliances were set up by the 凤凰湖 park; each team serves its park.
  link('gwm', 'fenghuang', 'located-in', 1, false);
  link('pacific', 'fenghuang', 'located-in', 1, false);
  link('team-gangqiao', 'gangqiao', 'service', 1, false);
  link('team-sanjiao', 'sanjiao', 'service', 1, false);
  link('unirec', 'fenghuang', 'located-in', 1);
  link('yadea', 'gangqiao', 'located-in', 1);
  link('yadea', 'gwm', 'alliance', 1);
  const chainDefs = [
    { id: 'auto', leader: 'gwm', count: 16, zh: '汽车配套企业', en: 'Auto supplier', parks: ['fenghuang', 'fenghuang', 'gangqiao'] },
    { id: 'equip', leader: 'pacific', count: 14, zh: '智能装备企业', en: 'Equipment firm', parks: ['fenghuang', 'sanjiao', 'sanjiao'] },
  ];
  for (const c of chainDefs) {
    const upstream = [];
    for (let i = 1; i <= c.count; i++) {
      const id = `m-${c.id}-${i}`;
      const tier = i <= Math.round(c.count * 0.6) ? 'upstream' : i <= Math.round(c.count * 0.8) ? 'core' : 'downstream';
      const flags = r.next() < 0.3 ? ['专精特新'] : [];
      const letter = LETTERS[i - 1];
      nodes.push({ id, name: `${c.zh}${letter}（示例）`, nameEn: `${c.en} ${letter} (illustrative)`, type: 'member', chain: c.id, tier, attrs: { output: round(r.range(0.6, 14), 1), employees: r.int(60, 1500) }, flags, illustrative: true });
      if (tier === 'downstream') link(c.leader, id, 'supply', r.int(1, 3));
      else if (tier === 'core') link(id, c.leader, 'alliance', r.int(1, 3));
      else if (upstream.length > 2 && r.next() < 0.35) link(id, upstream[r.int(0, upstream.length - 1)], 'supply', r.int(1, 2)); // tier-2 supplier
      else link(id, c.leader, 'supply', r.int(1, 5));
      if (tier === 'upstream') upstream.push(id);
      link(id, c.parks[r.int(0, c.parks.length - 1)], 'located-in', 1);
      if (r.next() < 0.5) {
        const bid = `b-${c.id}-${i}`;
        nodes.push({ id: bid, name: `${c.zh}${letter}党支部（示例）`, nameEn: `${c.en} ${letter} party branch (illustrative)`, type: 'party-branch', chain: c.id, tier, attrs: {}, flags: [], illustrative: true });
        link(bid, id, 'party-link', 1);
        link(bid, c.leader, 'alliance', 1);
      }
    }
  }
  for (const n of nodes) {
    if (n.type !== 'member') continue;
    const park = links.find((l) => l.source === n.id && l.kind === 'located-in').target;
    const team = F.SERVICE_TEAMS.find((t) => t.park === park);
    if (team && r.next() < 0.6) link(team.id, n.id, 'service', 1);
  }
  return {
    illustrative: 'member firms, party branches and links flagged illustrative are invented; leaders, parks, service teams, 尤尼瑞克 and 雅迪科技 are named in the 2022 report',
    source: F.REPORT_SOURCE,
    chains: [
      { id: 'auto', name: F.CHAIN_LEADERS.auto.chain, nameEn: 'Automotive chain alliance', leader: 'gwm' },
      { id: 'equip', name: F.CHAIN_LEADERS.equip.chain, nameEn: 'Smart-equipment chain alliance', leader: 'pacific' },
    ],
    nodes,
    links,
  };
}

// ── KPIs ─────────────────────────────────────────────────────────────────────
function buildKpis() {
  const group = { colleges: 'scale', students: 'scale', graduates: 'scale', orderClasses: 'integration', newMajors: 'integration', trainingBases: 'integration', industryColleges: 'integration', talents: 'talent', platforms: 'talent', teachersSeconded: 'talent', technicians: 'talent', youthEvents: 'youth' };
  const captions = {
    orderClasses: (x) => [`涵盖${x.majors}个专业，学生${x.students}余人`, `covering ${x.majors} majors, ${x.students.toLocaleString('en')}+ students`],
    platforms: (x) => [`另有市级平台${x.municipal}个`, `plus ${x.municipal} municipal platforms`],
    youthEvents: (x) => [`${x.couples}余对青年牵手成功`, `${x.couples}+ couples matched`],
    talents: () => ['含院士等', 'incl. academicians'],
  };
  const items = F.VOCATIONAL_KPIS.map((k) => {
    const item = { id: k.id, label: k.label, labelEn: k.labelEn, value: k.value, unit: k.unit, group: group[k.id] };
    if (k.qualifier) item.qualifier = k.qualifier;
    if (captions[k.id]) { const [zh, en] = captions[k.id](k.extra ?? {}); item.caption = zh; item.captionEn = en; }
    item.region = F.DISTRICT_CODE;
    return item;
  });
  return {
    title: '西部职教基地', titleEn: 'Western vocational-education base', source: F.REPORT_SOURCE, illustrative: false, region: F.DISTRICT_CODE,
    groups: [
      { id: 'scale', label: '办学规模', labelEn: 'Scale' },
      { id: 'integration', label: '产教融合', labelEn: 'Industry–education integration' },
      { id: 'talent', label: '人才与平台', labelEn: 'Talent and platforms' },
      { id: 'youth', label: '青年服务', labelEn: 'Youth services' },
    ],
    items,
  };
}
function buildKpisEconomy() {
  const p = F.ECONOMY_PERIOD;
  const it = (id, label, labelEn, value, unit, group, extra = {}) => ({ id, label, labelEn, value, unit, group, ...extra, region: F.DISTRICT_CODE, period: p });
  return {
    title: '项目建设与经济运行', titleEn: 'Projects and the economy', source: `${F.REPORT_SOURCE}，2022年1—9月`, illustrative: false, region: F.DISTRICT_CODE, period: p,
    groups: [
      { id: 'projects', label: '项目建设', labelEn: 'Projects' },
      { id: 'economy', label: '经济运行', labelEn: 'Economy' },
    ],
    items: [
      it('projectsSigned', '新签约项目', 'Projects signed', F.PROJECTS_SIGNED.count, '个', 'projects', { caption: '含长城汽车扩能等', captionEn: 'incl. Great Wall Motor expansion' }),
      it('projectsInvestment', '签约项目总投资', 'Total investment of signed projects', F.PROJECTS_SIGNED.investment, '亿元', 'projects'),
      it('projectsOutput', '达产后年产值', 'Annual output at full production', F.PROJECTS_SIGNED.output, '亿元', 'projects', { caption: '每年', captionEn: 'per year' }),
      it('projectsCompleted', '建成投产项目', 'Projects completed and in production', F.PROJECTS_COMPLETED, '个', 'projects', { caption: `含${F.NAMED_COMPLETED_PROJECT}等`, captionEn: 'incl. Unirec' }),
      it('gdp', '地区生产总值', 'GDP', F.GDP.value, F.GDP.unit, 'economy', { caption: `增长${F.GDP.growth}%，增速位列${F.GDP.rankScope}第${F.GDP.rank}位`, captionEn: `up ${F.GDP.growth}%, growth ranks no. ${F.GDP.rank} in the ${F.GDP.rankScopeEn}` }),
      it('gdpGrowth', '地区生产总值增速', 'GDP growth', F.GDP.growth, '%', 'economy', { deltaLabel: '同比' }),
      it('industryGrowth', '规上工业产值增速', 'Industrial output growth (above designated size)', F.INDUSTRY_GROWTH, '%', 'economy', { deltaLabel: '同比' }),
      it('investmentGrowth', '固定资产投资增速', 'Fixed-asset investment growth', F.INVESTMENT_GROWTH, '%', 'economy', { deltaLabel: '同比' }),
      it('retailGrowth', '社会消费品零售总额增速', 'Retail sales growth', F.RETAIL_GROWTH, '%', 'economy', { deltaLabel: '同比' }),
    ],
  };
}

// ── ranks ────────────────────────────────────────────────────────────────────
function buildRankCommunities(urban, metrics) {
  const byCode = new Map(metrics.rows.map((r) => [r.code, r]));
  const rows = urban.communities.map((c) => {
    const value = urban.grids.filter((g) => g.parent === c.code).reduce((s, g) => s + byCode.get(g.code).issuesResolved, 0);
    return { id: c.code, name: c.name, value, region: c.code, illustrative: true };
  });
  rows.sort((a, b) => b.value - a.value || (a.id < b.id ? -1 : 1));
  return { title: '社区办结事项（示例）', titleEn: 'Issues resolved by community (illustrative)', unit: '件', illustrative: true, note: 'Sum of the illustrative issuesResolved of each community\'s grids in grid-metrics.json. Names and codes: 国家统计局统计用区划代码.', rows };
}
function buildRankColleges() {
  const r = rng('colleges');
  const n = F.VOCATIONAL_KPIS.find((k) => k.id === 'colleges').value; // 17 (FACTS.md §3)
  const rows = [];
  for (let i = 0; i < n; i++) {
    const letter = LETTERS[i];
    rows.push({ id: 'college-' + letter.toLowerCase(), name: `职业院校${letter}（示例）`, nameEn: `College ${letter} (illustrative)`, value: Math.round(r.range(2.5, 24) * 100) * 10, region: F.DISTRICT_CODE, illustrative: true });
  }
  rows.sort((a, b) => b.value - a.value || (a.id < b.id ? -1 : 1));
  return { title: '各院校在校学生（示例）', titleEn: 'Students by college (illustrative)', unit: '人', illustrative: true, note: 'College names and student numbers are invented; the 17 colleges and 170,000+ students are from the 2022 report, the rows need not add up to that.', rows };
}

// ── growth ───────────────────────────────────────────────────────────────────
function buildGrowth() {
  const ill = (period, value, growth) => ({ period, value, growth, illustrative: true });
  // The article gives no basis for these three rates, so none is claimed (GDP growth is at comparable prices by
  // convention, as the contract's example has it).
  const real = (growth) => ({ period: F.ECONOMY_PERIOD, value: null, growth });
  return {
    region: F.DISTRICT_CODE,
    illustrative: 'points flagged illustrative: true are invented; only the 2022-01/2022-09 points are real (the 2022 report)',
    note: 'Cumulative values and growth (累计, 同比) from January. 2021 and 2022 1—3月 / 1—6月 points are illustrative.',
    source: F.REPORT_SOURCE,
    series: [
      {
        id: 'gdp', name: '地区生产总值', nameEn: 'GDP', unit: '亿元', basis: 'cumulative', region: F.DISTRICT_CODE,
        points: [
          ill('2021-01/2021-03', 248.6, 17.2), ill('2021-01/2021-06', 521.4, 12.6), ill('2021-01/2021-09', 812.3, 9.8), ill('2021-01/2021-12', 1107.5, 8.6),
          ill('2022-01/2022-03', 262.8, 5.1), ill('2022-01/2022-06', 545.0, 3.9),
          { period: F.ECONOMY_PERIOD, value: F.GDP.value, growth: F.GDP.growth, growthBasis: 'comparable', rank: { position: F.GDP.rank, scope: F.GDP.rankScope, scopeEn: F.GDP.rankScopeEn } },
        ],
      },
      { id: 'industry', name: '规上工业产值', nameEn: 'Industrial output above designated size', unit: '亿元', basis: 'cumulative', region: F.DISTRICT_CODE,
        points: [ill('2022-01/2022-03', null, 9.4), ill('2022-01/2022-06', null, 8.1), real(F.INDUSTRY_GROWTH)] },
      { id: 'investment', name: '固定资产投资', nameEn: 'Fixed-asset investment', unit: '亿元', basis: 'cumulative', region: F.DISTRICT_CODE,
        points: [ill('2022-01/2022-03', null, 7.2), ill('2022-01/2022-06', null, 6.0), real(F.INVESTMENT_GROWTH)] },
      { id: 'retail', name: '社会消费品零售总额', nameEn: 'Retail sales of consumer goods', unit: '亿元', basis: 'cumulative', region: F.DISTRICT_CODE,
        points: [ill('2022-01/2022-03', null, 4.6), ill('2022-01/2022-06', null, 0.2), real(F.RETAIL_GROWTH)] },
    ],
  };
}

// ── output ───────────────────────────────────────────────────────────────────
/** Pretty JSON, except that the array under `bigKey` gets one compact element per line (small, diffable). */
function stringify(obj, bigKey) {
  if (!bigKey) return JSON.stringify(obj, null, 2) + '\n';
  const head = { ...obj };
  delete head[bigKey];
  const top = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  const body = obj[bigKey].map((x) => '    ' + JSON.stringify(x)).join(',\n');
  return `${top},\n  "${bigKey}": [\n${body}\n  ]\n}\n`;
}

function main() {
  const { out } = parseArgs(process.argv.slice(2));
  const div = loadDivisions();
  const urban = buildUrban(div);
  const rural = buildRural(div);
  const metrics = buildMetrics(urban, rural);
  const files = {
    'grids.geojson': stringify(buildGeojson(urban, rural), 'features'),
    'grid-metrics.json': stringify(metrics, 'rows'),
    'points.json': stringify(buildPoints(urban, rural)),
    'chains.json': stringify(buildChains()),
    'kpis.json': stringify(buildKpis()),
    'kpis-economy.json': stringify(buildKpisEconomy()),
    'rank-communities.json': stringify(buildRankCommunities(urban, metrics)),
    'rank-colleges.json': stringify(buildRankColleges()),
    'growth.json': stringify(buildGrowth()),
  };
  mkdirSync(out, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(out, name), text);
  process.stdout.write(`make-demo-data: wrote ${Object.keys(files).length} files to ${out} (${urban.grids.length} urban grids, ${rural.grids.length} villager-group grids)\n`);
}

main();
