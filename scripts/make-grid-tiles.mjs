#!/usr/bin/env node
// Cuts governance-grid polygons into Mapbox Vector Tiles (MVT v2, EPSG:3857 z/x/y, extent 4096) for
// <civic-grid-map tiles="…">, with maintained JS libraries only (@maplibre/geojson-vt + @maplibre/vt-pbf; tippecanoe
// is not needed). See the vector-tile contract in the README ("Vector tiles").
//
//   node scripts/make-grid-tiles.mjs --demo
//       demo/data/grids.geojson → demo/data/tiles/{z}/{x}/{y}.pbf + demo/data/tiles.json + demo/data/grids.pmtiles
//       + demo/data/tiles-index.json (codes, names, levels, parents, boxes, label points, neighbours: lib/tiles-index.mjs)
//   node scripts/make-grid-tiles.mjs --synthetic 1000000 [--out bench/grid-map-tiles/.out]
//       a synthetic Chongqing-scale hex grid set (all illustrative, codes start with "99") → <out>/tiles/…,
//       <out>/tiles.json, <out>/grids.pmtiles, <out>/metrics.json (one row per grid) and the same as <out>/metrics.cgmb
//   node scripts/make-grid-tiles.mjs --in my-grids.geojson --out DIR
//   node scripts/make-grid-tiles.mjs --metrics-binary metrics.json [--out metrics.cgmb]
//       a metrics payload { metrics, rows } as the binary file tiles mode reads without JSON parsing (lib/metrics-binary.mjs;
//       README "Binary metrics"); --synthetic and --demo write one beside metrics.json / grid-metrics.json
//       any FeatureCollection with properties code/name/level/parent (levels street|town, community|village, grid)
//
// Options: --no-pmtiles (z/x/y directory only), --template URL (the `tiles` entry written into tiles.json; default
// the relative "tiles/{z}/{x}/{y}.pbf"), --bands S,C,M (last zoom of `streets`, last zoom of `communities`,
// maxzoom; default: chosen from the polygon sizes), --minzoom Z, --min-px N (size rule, default 12), --quiet.
//
// Three source layers, each feature with properties code, name, level, parent, illustrative:
//   streets     (street/town)        zooms [minzoom .. S]
//   communities (community/village)  zooms [S+1 .. C]
//   grids       (grid)               zooms [C+1 .. maxzoom]; maplibre overzooms beyond maxzoom
// Bands (default): a level appears at the first zoom where its median polygon (√area) is ≥ --min-px px on a
// 512-px-tile map, so low zooms show the parents, never grids thinned into holes. maxzoom = first grid zoom + 1.
// minzoom: the whole set spans ≥ 64 px. The z/x/y tiles are plain (not gzip'd) .pbf files, so any static server
// works; the PMTiles archive holds the same tiles gzip'd. Output is byte-identical on every run.
//
// tiles.json holds a RELATIVE template "tiles/{z}/{x}/{y}.pbf". maplibre-gl 6 does not resolve relative `tiles`
// against the TileJSON URL (src/source/load_tilejson.ts only copies the fields, and tiles are fetched by the
// worker, relative to its own script), so a client resolves it itself: new URL(t, tileJsonUrl) and then turns %7B/%7D
// back into { } — or passes maplibre a transformRequest that does so for ResourceType 'Tile'. Where the tiles are
// served from a known place, --template /data/tiles/{z}/{x}/{y}.pbf (or an absolute URL) writes that instead.
import { mkdirSync, readFileSync, rmSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { dirname, join, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GeoJSONVT, geoJSONToTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { createPMTilesWriter } from './lib/pmtiles-writer.mjs';
import { writeTilesIndex } from './lib/tiles-index.mjs';
import { encodeMetricsBinary } from './lib/metrics-binary.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (n) => argv.includes(`--${n}`);
const opt = (n, d) => {
  const i = argv.indexOf(`--${n}`);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : d;
};
const QUIET = flag('quiet');
const log = (...a) => QUIET || console.log(...a);

const EXTENT = 4096;
const BUFFER = 64;
const LAYERS = ['streets', 'communities', 'grids'];
const LAYER_OF_LEVEL = { street: 'streets', town: 'streets', community: 'communities', village: 'communities', grid: 'grids' };
const FIELDS = { code: 'String', name: 'String', level: 'String', parent: 'String', illustrative: 'Boolean' };
const EARTH = 40075016.686; // m, equator

// ── Web Mercator helpers ─────────────────────────────────────────────────────────────────────────────────────────
const lonToU = (lon) => lon / 360 + 0.5;
const latToV = (lat) => 0.5 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI);
const uToLon = (u) => u * 360 - 180;
const vToLat = (v) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * v))) * 180) / Math.PI;

/** Tiles z/x/y whose square intersects bbox [w, s, e, n] (degrees). */
function tilesCovering(bbox, z) {
  const n = 2 ** z;
  const clamp = (t) => Math.min(n - 1, Math.max(0, t));
  const x0 = clamp(Math.floor(lonToU(bbox[0]) * n)), x1 = clamp(Math.floor(lonToU(bbox[2]) * n));
  const y0 = clamp(Math.floor(latToV(bbox[3]) * n)), y1 = clamp(Math.floor(latToV(bbox[1]) * n));
  const out = [];
  for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) out.push([x, y]);
  return out;
}

/**
 * Zoom bands from polygon sizes. sizes: median √area in metres per layer; bbox in degrees.
 * A layer starts at the first zoom where its median polygon is ≥ minPx px (512-px tiles).
 */
export function chooseBands({ bbox, sizes, minPx = 12 }) {
  const lat = (bbox[1] + bbox[3]) / 2;
  const mpp0 = (EARTH * Math.cos((lat * Math.PI) / 180)) / 512; // metres per px at z0
  const startOf = (m) => {
    for (let z = 0; z <= 22; z++) if (m / (mpp0 / 2 ** z) >= minPx) return z;
    return 22;
  };
  const spanM = Math.max(((bbox[2] - bbox[0]) / 360) * EARTH * Math.cos((lat * Math.PI) / 180), ((bbox[3] - bbox[1]) / 360) * EARTH);
  const g = Math.max(2, startOf(sizes.grids));
  const c = Math.min(Math.max(1, startOf(sizes.communities)), g - 1);
  const minzoom = Math.max(0, Math.min(c - 1, Math.floor(Math.log2(64 / (spanM / mpp0)))));
  return { minzoom, streets: [minzoom, c - 1], communities: [c, g - 1], grids: [g, g + 1], maxzoom: g + 1 };
}

function bandsFromOption(minzoom) {
  const s = opt('bands');
  if (!s) return null;
  const [S, C, M] = s.split(',').map(Number);
  if (!(S < C && C < M)) throw new Error('--bands S,C,M needs S < C < M');
  const mz = Number(opt('minzoom', Math.min(S, minzoom)));
  return { minzoom: mz, streets: [mz, S], communities: [S + 1, C], grids: [C + 1, M], maxzoom: M };
}

// ── Output: z/x/y directory + optional PMTiles ───────────────────────────────────────────────────────────────────
function createOutput(outDir, { pmtiles, pmtilesName = 'grids.pmtiles' }) {
  const tilesDir = join(outDir, 'tiles');
  rmSync(tilesDir, { recursive: true, force: true });
  const made = new Set();
  if (!pmtiles) rmSync(join(outDir, pmtilesName), { force: true }); // never leave a stale archive beside new tiles
  const writer = pmtiles ? createPMTilesWriter(join(outDir, pmtilesName), { tileCompression: 'gzip' }) : null;
  const perZoom = {};
  let bytes = 0, count = 0, maxTile = 0;
  return {
    tilesDir,
    put(z, x, y, buf) {
      const d = join(tilesDir, String(z), String(x));
      if (!made.has(d)) {
        mkdirSync(d, { recursive: true });
        made.add(d);
      }
      writeFileSync(join(d, `${y}.pbf`), buf);
      writer?.add(z, x, y, buf);
      perZoom[z] = (perZoom[z] ?? 0) + 1;
      bytes += buf.length;
      count++;
      if (buf.length > maxTile) maxTile = buf.length;
    },
    stats: () => ({ count, bytes, maxTile, perZoom }),
    finishPMTiles: (info) => writer?.finish(info) ?? null,
  };
}

const encode = (layer, tile) => Buffer.from(fromGeojsonVt({ [layer]: tile }, { version: 2, extent: EXTENT }));

/** Cuts a FeatureCollection of one layer with a geojson-vt index into every tile of [z0..z1] over bbox. */
function cutLayer(out, layer, fc, [z0, z1], bbox) {
  if (!fc.features.length) return;
  const index = new GeoJSONVT(fc, { maxZoom: z1, indexMaxZoom: 0, indexMaxPoints: 0, tolerance: 3, extent: EXTENT, buffer: BUFFER });
  for (let z = z0; z <= z1; z++) {
    for (const [x, y] of tilesCovering(bbox, z)) {
      const t = index.getTile(z, x, y);
      if (t && t.features.length) out.put(z, x, y, encode(layer, t));
    }
  }
}

function tileJson({ name, description, bands, bbox, template, extra = {} }) {
  const cz = Math.min(bands.maxzoom, Math.max(bands.minzoom, bands.streets[1]));
  const desc = {
    streets: 'Streets and towns (街道/镇): parents of communities/villages',
    communities: 'Communities and villages (社区/村): parents of grids',
    grids: 'Governance grids (网格)',
  };
  return {
    tilejson: '3.0.0',
    name,
    description,
    version: '1.0.0',
    scheme: 'xyz',
    tiles: [template],
    minzoom: bands.minzoom,
    maxzoom: bands.maxzoom,
    bounds: bbox.map((d) => Math.round(d * 1e6) / 1e6),
    center: [Math.round(((bbox[0] + bbox[2]) / 2) * 1e6) / 1e6, Math.round(((bbox[1] + bbox[3]) / 2) * 1e6) / 1e6, cz],
    vector_layers: LAYERS.map((id) => ({ id, description: desc[id], minzoom: bands[id][0], maxzoom: bands[id][1], fields: FIELDS })),
    illustrative: true,
    generator: 'civic-widgets scripts/make-grid-tiles.mjs',
    ...extra,
  };
}

function finish(out, outDir, { name, description, bands, bbox, extra, t0 }) {
  const tj = tileJson({ name, description, bands, bbox, template: opt('template', 'tiles/{z}/{x}/{y}.pbf'), extra });
  writeFileSync(join(outDir, 'tiles.json'), `${JSON.stringify(tj, null, 2)}\n`);
  const pm = out.finishPMTiles({
    minzoom: bands.minzoom,
    maxzoom: bands.maxzoom,
    bounds: bbox,
    center: tj.center,
    metadata: { name, description, version: '1.0.0', vector_layers: tj.vector_layers, illustrative: true, generator: tj.generator },
  });
  const s = out.stats();
  const rel = (p) => relative(process.cwd(), p) || '.';
  log(`bands: streets z${bands.streets.join('–')}, communities z${bands.communities.join('–')}, grids z${bands.grids.join('–')} (maxzoom ${bands.maxzoom})`);
  log(`${rel(out.tilesDir)}: ${s.count} tiles, ${(s.bytes / 1e6).toFixed(2)} MB (largest ${(s.maxTile / 1e3).toFixed(1)} KB); per zoom ${JSON.stringify(s.perZoom)}`);
  log(`${rel(join(outDir, 'tiles.json'))}`);
  if (pm) log(`${rel(join(outDir, 'grids.pmtiles'))}: ${(pm.bytes / 1e6).toFixed(2)} MB, ${pm.tiles} tiles, ${pm.contents} distinct, ${pm.entries} entries, ${pm.leaves} leaf directories`);
  log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { ...s, pmtiles: pm };
}

// ── From a GeoJSON file (the demo) ───────────────────────────────────────────────────────────────────────────────
function ringArea(ring, lat0) {
  // planar area in m² of a lon/lat ring (equirectangular at lat0: good enough to choose zoom bands)
  const kx = (EARTH * Math.cos((lat0 * Math.PI) / 180)) / 360, ky = EARTH / 360;
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] * kx) * (ring[i][1] * ky) - (ring[i][0] * kx) * (ring[j][1] * ky);
  return Math.abs(a / 2);
}

export function fromGeoJSON(geojson, outDir, { pmtiles = true, minPx = 12, name, description } = {}) {
  const t0 = performance.now();
  const byLayer = { streets: [], communities: [], grids: [] };
  const bbox = [180, 90, -180, -90];
  const skipped = [];
  for (const f of geojson.features ?? []) {
    const p = f?.properties ?? {};
    const layer = LAYER_OF_LEVEL[p.level];
    const g = f?.geometry;
    if (!layer || !g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || typeof p.code !== 'string') {
      skipped.push(p.code ?? '?');
      continue;
    }
    for (const ring of g.type === 'Polygon' ? g.coordinates : g.coordinates.flat()) {
      for (const [x, y] of ring) {
        if (x < bbox[0]) bbox[0] = x;
        if (y < bbox[1]) bbox[1] = y;
        if (x > bbox[2]) bbox[2] = x;
        if (y > bbox[3]) bbox[3] = y;
      }
    }
    const properties = { code: p.code, name: String(p.name ?? ''), level: p.level, parent: typeof p.parent === 'string' ? p.parent : null };
    if (typeof p.illustrative === 'boolean') properties.illustrative = p.illustrative;
    byLayer[layer].push({ type: 'Feature', properties, geometry: g });
  }
  if (skipped.length) console.warn(`make-grid-tiles: skipped ${skipped.length} features (no polygon, no code or unknown level): ${skipped.slice(0, 5).join(', ')}`);
  const lat0 = (bbox[1] + bbox[3]) / 2;
  const median = (fs) => {
    const a = fs.map((f) => Math.sqrt((f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).reduce((s, poly) => s + ringArea(poly[0], lat0), 0))).sort((x, y) => x - y);
    return a.length ? a[a.length >> 1] : 0;
  };
  const sizes = { streets: median(byLayer.streets), communities: median(byLayer.communities), grids: median(byLayer.grids) };
  const auto = chooseBands({ bbox, sizes, minPx });
  const bands = bandsFromOption(auto.minzoom) ?? auto;
  log(`median polygon size (√area): streets ${sizes.streets.toFixed(0)} m, communities ${sizes.communities.toFixed(0)} m, grids ${sizes.grids.toFixed(0)} m`);
  mkdirSync(outDir, { recursive: true });
  const out = createOutput(outDir, { pmtiles });
  for (const layer of LAYERS) cutLayer(out, layer, { type: 'FeatureCollection', features: byLayer[layer] }, bands[layer], bbox);
  // The unit index beside the tiles (search, focus by code, neighbour keys): scripts/lib/tiles-index.mjs.
  const indexBytes = writeTilesIndex({ type: 'FeatureCollection', features: [...byLayer.streets, ...byLayer.communities, ...byLayer.grids] }, join(outDir, 'tiles-index.json'));
  log(`${relative(process.cwd(), join(outDir, 'tiles-index.json'))}: ${(indexBytes / 1e3).toFixed(1)} KB`);
  return finish(out, outDir, { name, description, bands, bbox, t0, extra: { features: { streets: byLayer.streets.length, communities: byLayer.communities.length, grids: byLayer.grids.length } } });
}

// ── Synthetic Chongqing-scale hex grid set ───────────────────────────────────────────────────────────────────────
// N pointy-top hexagons, 300 m flat-to-flat (≈0.078 km² each), regular in Web Mercator, in a near-square block of
// ceil(√N) columns centred on 107.4 E, 30.0 N (1,000,000 grids span ≈300 × 260 km, about Chongqing's extent).
// Communities are blocks of 10 × 10 hexes (100 grids); streets are blocks of 3 × 3 communities (the last street of
// a row or column takes the remainder, so 9–16 communities). Parent outlines are the exact union of their hexes
// (edge cancellation on an integer vertex lattice), so they cover their grids without holes or slivers.
// Codes: street "99" + 7 digits, community +3, grid +3 (15 digits). Everything illustrative.
export function syntheticModel(N, { widthM = 300, center = [107.4, 30.0] } = {}) {
  const COLS = Math.ceil(Math.sqrt(N));
  const ROWS = Math.ceil(N / COLS);
  const lat0 = center[1];
  const W = widthM / (EARTH * Math.cos((lat0 * Math.PI) / 180)); // in mercator units (world = 1)
  const R = W / Math.sqrt(3);
  const u0 = lonToU(center[0]) - (COLS * W) / 2;
  const v0 = latToV(center[1]) - (ROWS * 1.5 * R) / 2;
  const CC = Math.ceil(COLS / 10), CR = Math.ceil(ROWS / 10);
  const SC = Math.max(1, Math.floor(CC / 3)), SR = Math.max(1, Math.floor(CR / 3));
  const pad = (n, w) => String(n).padStart(w, '0');
  const exists = (r, c) => r >= 0 && c >= 0 && r < ROWS && c < COLS && r * COLS + c < N;
  // vertex offsets (integer lattice: X in half hex widths, Y in half radii), clockwise on screen from the top
  const DX = [0, 1, 1, 0, -1, -1], DY = [-2, -1, 1, 2, 1, -1];
  const lonOfX = (X) => uToLon(u0 + (X * W) / 2);
  const latOfY = (Y) => vToLat(v0 + (Y * R) / 2);
  const ring = (r, c) => {
    const X = 2 * c + (r & 1), Y = 3 * r;
    const pts = [];
    for (let k = 0; k < 6; k++) pts.push([lonOfX(X + DX[k]), latOfY(Y + DY[k])]);
    pts.push(pts[0]);
    return pts;
  };
  const street = (sr, sc) => {
    const no = sr * SC + sc + 1;
    return { no, code: `99${pad(no, 7)}`, name: `示例街道${pad(no, 4)}` };
  };
  const streetOfComm = (cr, cc) => [Math.min(Math.floor(cr / 3), SR - 1), Math.min(Math.floor(cc / 3), SC - 1)];
  const community = (cr, cc) => {
    const [sr, sc] = streetOfComm(cr, cc);
    const s = street(sr, sc);
    const wS = sc === SC - 1 ? CC - 3 * (SC - 1) : 3;
    const k = (cr - 3 * sr) * wS + (cc - 3 * sc) + 1;
    return { k, street: s, code: `${s.code}${pad(k, 3)}`, name: `示例社区${pad(s.no, 4)}-${pad(k, 2)}` };
  };
  const grid = (r, c) => {
    const cm = community(Math.floor(r / 10), Math.floor(c / 10));
    const g = (r % 10) * 10 + (c % 10) + 1;
    return { code: `${cm.code}${pad(g, 3)}`, name: `示例网格${pad(cm.street.no, 4)}-${pad(cm.k, 2)}-${pad(g, 3)}`, parent: cm.code };
  };
  const gridFeature = (r, c) => {
    const g = grid(r, c);
    return { type: 'Feature', properties: { code: g.code, name: g.name, level: 'grid', parent: g.parent, illustrative: true }, geometry: { type: 'Polygon', coordinates: [ring(r, c)] } };
  };
  /** Exact outline of the hexes (r, c) in rows [r0, r1) × cols [c0, c1) that exist: edge cancellation. */
  const YS = 3 * ROWS + 8;
  const K = (2 * COLS + 8) * YS;
  const outline = (r0, r1, c0, c1) => {
    const edges = new Map();
    for (let r = r0; r < r1; r++) {
      for (let c = c0; c < c1; c++) {
        if (!exists(r, c)) continue;
        const X = 2 * c + (r & 1) + 2, Y = 3 * r + 4;
        for (let k = 0; k < 6; k++) {
          const a = (X + DX[k]) * YS + (Y + DY[k]);
          const b = (X + DX[(k + 1) % 6]) * YS + (Y + DY[(k + 1) % 6]);
          const rev = b * K + a;
          if (edges.has(rev)) edges.delete(rev);
          else edges.set(a * K + b, b);
        }
      }
    }
    const next = new Map();
    for (const [key, b] of edges) next.set((key - b) / K, b);
    const rings = [];
    while (next.size) {
      const start = next.keys().next().value;
      const pts = [];
      let a = start;
      do {
        const X = Math.floor(a / YS) - 2, Y = (a % YS) - 4;
        pts.push([lonOfX(X), latOfY(Y)]);
        const b = next.get(a);
        next.delete(a);
        a = b;
      } while (a !== start && a !== undefined);
      pts.push(pts[0]);
      rings.push(pts);
    }
    return rings.length === 1 ? { type: 'Polygon', coordinates: rings } : { type: 'MultiPolygon', coordinates: rings.map((r) => [r]) };
  };
  const communities = () => {
    const fs = [];
    for (let cr = 0; cr < CR; cr++) {
      for (let cc = 0; cc < CC; cc++) {
        if (!exists(cr * 10, cc * 10)) continue;
        const cm = community(cr, cc);
        fs.push({ type: 'Feature', properties: { code: cm.code, name: cm.name, level: 'community', parent: cm.street.code, illustrative: true }, geometry: outline(cr * 10, cr * 10 + 10, cc * 10, cc * 10 + 10) });
      }
    }
    return fs;
  };
  const streets = () => {
    const fs = [];
    for (let sr = 0; sr < SR; sr++) {
      for (let sc = 0; sc < SC; sc++) {
        const r0 = sr * 30, r1 = sr === SR - 1 ? ROWS : r0 + 30;
        const c0 = sc * 30, c1 = sc === SC - 1 ? COLS : c0 + 30;
        if (!exists(r0, c0)) continue;
        const s = street(sr, sc);
        fs.push({ type: 'Feature', properties: { code: s.code, name: s.name, level: 'street', parent: '99', illustrative: true }, geometry: outline(r0, r1, c0, c1) });
      }
    }
    return fs;
  };
  /** Grid features whose hexagon may touch the mercator box [umin, umax] × [vmin, vmax]. */
  const gridsIn = (umin, umax, vmin, vmax) => {
    const fs = [];
    const r0 = Math.max(0, Math.floor((vmin - v0) / (1.5 * R)) - 1), r1 = Math.min(ROWS - 1, Math.ceil((vmax - v0) / (1.5 * R)) + 1);
    const c0 = Math.max(0, Math.floor((umin - u0) / W) - 1), c1 = Math.min(COLS - 1, Math.ceil((umax - u0) / W) + 1);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) if (exists(r, c)) fs.push(gridFeature(r, c));
    return fs;
  };
  const bbox = [uToLon(u0 - W / 2), vToLat(v0 + ROWS * 1.5 * R + R), uToLon(u0 + COLS * W + W / 2), vToLat(v0 - R)];
  const gridArea = ((Math.sqrt(3) / 2) * widthM * widthM);
  return { N, COLS, ROWS, CC, CR, SC, SR, bbox, gridArea, grid, gridsIn, communities, streets, exists };
}

/** Deterministic integer hash → households 40..600 (illustrative). */
function households(i) {
  let h = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return 40 + ((h >>> 0) % 561);
}

export function synthetic(N, outDir, { pmtiles = true, minPx = 12 } = {}) {
  const t0 = performance.now();
  const m = syntheticModel(N);
  const sizes = { grids: Math.sqrt(m.gridArea), communities: Math.sqrt(m.gridArea * 100), streets: Math.sqrt(m.gridArea * 900) };
  const auto = chooseBands({ bbox: m.bbox, sizes, minPx });
  const bands = bandsFromOption(auto.minzoom) ?? auto;
  log(`synthetic: ${N} grids (${m.COLS} × ${m.ROWS} hexes, 300 m), ${m.CC * m.CR} communities, ${m.SC * m.SR} streets; bbox ${m.bbox.map((d) => d.toFixed(3)).join(', ')}`);
  mkdirSync(outDir, { recursive: true });
  const out = createOutput(outDir, { pmtiles });

  const streets = m.streets();
  cutLayer(out, 'streets', { type: 'FeatureCollection', features: streets }, bands.streets, m.bbox);
  log(`  streets: ${streets.length} polygons (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const communities = m.communities();
  cutLayer(out, 'communities', { type: 'FeatureCollection', features: communities }, bands.communities, m.bbox);
  log(`  communities: ${communities.length} polygons (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

  // Grids: one tile at a time from the hexes that can reach it (tile + buffer), so memory stays flat.
  const options = { extent: EXTENT, buffer: BUFFER, tolerance: 3, clip: true, wrap: false };
  for (let z = bands.grids[0]; z <= bands.grids[1]; z++) {
    const n = 2 ** z, pad = BUFFER / EXTENT / n;
    for (const [x, y] of tilesCovering(m.bbox, z)) {
      const fs = m.gridsIn(x / n - pad, (x + 1) / n + pad, y / n - pad, (y + 1) / n + pad);
      if (!fs.length) continue;
      const t = geoJSONToTile({ type: 'FeatureCollection', features: fs }, z, x, y, { ...options, maxZoom: z });
      if (t && t.features.length) out.put(z, x, y, encode('grids', t));
    }
    log(`  grids z${z} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }

  // metrics.json: one row per grid, in code order.
  const rows = [];
  for (let r = 0; r < m.ROWS; r++) for (let c = 0; c < m.COLS; c++) if (m.exists(r, c)) rows.push([m.grid(r, c).code, households(r * m.COLS + c)]);
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const fd = openSync(join(outDir, 'metrics.json'), 'w');
  const head = {
    illustrative: true,
    note: `Synthetic benchmark data made by scripts/make-grid-tiles.mjs --synthetic ${N}: ${N} hexagonal grids, codes starting with "99" (not real NBS codes). Every value is invented (示例数据).`,
    metrics: [{ key: 'households', label: '户数', labelEn: 'Households', unit: '户', aggregate: 'sum', illustrative: true }],
  };
  writeSync(fd, `${JSON.stringify(head).slice(0, -1)},"rows":[\n`);
  for (let i = 0; i < rows.length; i += 10000) {
    writeSync(fd, rows.slice(i, i + 10000).map(([code, h], j) => `${i + j ? ',' : ''}{"code":"${code}","households":${h}}`).join('\n') + '\n');
  }
  writeSync(fd, ']}\n');
  closeSync(fd);
  log(`  metrics.json: ${rows.length} rows`);
  const bin = encodeMetricsBinary({ ...head, rows: rows.map(([code, households]) => ({ code, households })) });
  writeFileSync(join(outDir, 'metrics.cgmb'), bin);
  log(`  metrics.cgmb: ${rows.length} rows, ${(bin.length / 1e6).toFixed(1)} MB`);

  return finish(out, outDir, {
    name: `Synthetic grids (${N})`,
    description: `Illustrative (示例数据): ${N} synthetic hexagonal governance grids at Chongqing scale for benchmarks; codes start with "99".`,
    bands,
    bbox: m.bbox,
    t0,
    extra: { features: { streets: streets.length, communities: communities.length, grids: N } },
  });
}

/** A metrics JSON file → the binary file beside it (rows sorted by code, so the codes front-code well). */
function metricsBinary(inFile, outFile) {
  const payload = JSON.parse(readFileSync(inFile, 'utf8'));
  const rows = Array.isArray(payload) ? payload : payload.rows;
  if (!Array.isArray(rows)) throw new Error(`${inFile}: no rows`);
  const head = Array.isArray(payload) ? {} : payload;
  if (!Array.isArray(head.metrics) || !head.metrics.length) throw new Error(`${inFile}: the binary file needs the metrics declared ({ metrics: [{ key, … }], rows })`);
  const sorted = [...rows].sort((a, b) => (String(a?.code) < String(b?.code) ? -1 : String(a?.code) > String(b?.code) ? 1 : 0));
  const bin = encodeMetricsBinary({ ...head, rows: sorted });
  writeFileSync(outFile, bin);
  log(`${relative(process.cwd(), outFile)}: ${sorted.length} rows, ${(bin.length / 1e3).toFixed(1)} KB`);
}

// ── CLI ──────────────────────────────────────────────────────────────────────────────────────────────────────────
const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const pmtiles = !flag('no-pmtiles');
  const minPx = Number(opt('min-px', 12));
  if (flag('demo')) {
    const geo = JSON.parse(readFileSync(join(ROOT, 'demo/data/grids.geojson'), 'utf8'));
    const r = fromGeoJSON(geo, resolve(opt('out', join(ROOT, 'demo/data'))), {
      pmtiles,
      minPx,
      name: 'Yongchuan governance grids (demo)',
      description: 'Illustrative (示例数据): generated boundaries of the Yongchuan demo (demo/data/grids.geojson) as vector tiles; names and codes of streets, towns, communities and villages are real (NBS 2023), grids invented.',
    });
    // Cross-check with the demo metrics (read only): every grid in the tiles should have a metrics row.
    try {
      const metrics = JSON.parse(readFileSync(join(ROOT, 'demo/data/grid-metrics.json'), 'utf8'));
      const codes = new Set((metrics.rows ?? []).map((row) => row.code));
      const missing = geo.features.filter((f) => f.properties?.level === 'grid' && !codes.has(f.properties.code)).length;
      log(`grid-metrics.json: ${codes.size} rows; grids without a row: ${missing}`);
      metricsBinary(join(ROOT, 'demo/data/grid-metrics.json'), join(ROOT, 'demo/data/grid-metrics.cgmb'));
    } catch {
      /* metrics are optional for tiles */
    }
    void r;
  } else if (opt('metrics-binary')) {
    const inFile = resolve(opt('metrics-binary'));
    metricsBinary(inFile, resolve(opt('out', inFile.replace(/\.json$/i, '') + '.cgmb')));
  } else if (opt('synthetic')) {
    synthetic(Number(opt('synthetic')), resolve(opt('out', join(ROOT, 'bench/grid-map-tiles/.out'))), { pmtiles, minPx });
  } else if (opt('in')) {
    const geo = JSON.parse(readFileSync(resolve(opt('in')), 'utf8'));
    fromGeoJSON(geo, resolve(opt('out', '.')), { pmtiles, minPx, name: opt('name', 'grids'), description: opt('description', '') });
  } else {
    console.log('usage: node scripts/make-grid-tiles.mjs --demo | --synthetic N [--out DIR] | --in FILE.geojson --out DIR  [--no-pmtiles] [--bands S,C,M] [--min-px 12]');
    process.exit(2);
  }
}
