#!/usr/bin/env node
// Checks a tile set made by scripts/make-grid-tiles.mjs: every (sampled) z/x/y .pbf decodes as MVT v2 with the
// contract's layers and properties, and the PMTiles archive, read with the `pmtiles` package's own reader, returns
// byte-identical tiles. Prints features per layer and zoom (low zooms must hold parents only).
//
//   node bench/grid-map-tiles/verify.mjs demo/data            (the demo set)
//   node bench/grid-map-tiles/verify.mjs bench/grid-map-tiles/.out [--all]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { PMTiles } from 'pmtiles';

const dir = process.argv[2] ?? 'demo/data';
const all = process.argv.includes('--all');
const tj = JSON.parse(readFileSync(join(dir, 'tiles.json'), 'utf8'));
const band = Object.fromEntries(tj.vector_layers.map((l) => [l.id, [l.minzoom, l.maxzoom]]));
const problems = [];

const list = [];
for (const z of readdirSync(join(dir, 'tiles'))) for (const x of readdirSync(join(dir, 'tiles', z))) for (const y of readdirSync(join(dir, 'tiles', z, x))) list.push([+z, +x, +y.replace('.pbf', '')]);
list.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
const step = all ? 1 : Math.max(1, Math.floor(list.length / 400));

let pm = null;
const pmPath = join(dir, 'grids.pmtiles');
if (existsSync(pmPath)) {
  const file = readFileSync(pmPath);
  pm = new PMTiles({ getKey: () => pmPath, getBytes: async (o, l) => ({ data: file.buffer.slice(file.byteOffset + o, file.byteOffset + o + l) }) });
  const h = await pm.getHeader();
  if (h.minZoom !== tj.minzoom || h.maxZoom !== tj.maxzoom) problems.push(`pmtiles zooms ${h.minZoom}-${h.maxZoom} ≠ tiles.json ${tj.minzoom}-${tj.maxzoom}`);
  if (h.numAddressedTiles !== list.length) problems.push(`pmtiles has ${h.numAddressedTiles} tiles, directory ${list.length}`);
  const meta = await pm.getMetadata();
  if (JSON.stringify(meta.vector_layers) !== JSON.stringify(tj.vector_layers)) problems.push('pmtiles metadata vector_layers ≠ tiles.json');
}

const counts = {};
let checked = 0;
for (let i = 0; i < list.length; i += step) {
  const [z, x, y] = list[i];
  const raw = readFileSync(join(dir, 'tiles', String(z), String(x), `${y}.pbf`));
  if (pm) {
    const r = await pm.getZxy(z, x, y);
    if (!r || !Buffer.from(r.data).equals(raw)) problems.push(`pmtiles ${z}/${x}/${y} differs`);
  }
  const vt = new VectorTile(new PbfReader(raw));
  for (const [name, layer] of Object.entries(vt.layers)) {
    if (!band[name] || z < band[name][0] || z > band[name][1]) problems.push(`${z}/${x}/${y}: layer ${name} outside its band`);
    if (layer.version !== 2 || layer.extent !== 4096) problems.push(`${z}/${x}/${y}: ${name} version ${layer.version} extent ${layer.extent}`);
    for (let k = 0; k < layer.length; k++) {
      const p = layer.feature(k).properties;
      if (typeof p.code !== 'string' || typeof p.name !== 'string' || typeof p.level !== 'string') problems.push(`${z}/${x}/${y}: ${name}[${k}] properties ${JSON.stringify(p)}`);
      if (layer.feature(k).type !== 3) problems.push(`${z}/${x}/${y}: ${name}[${k}] not a polygon`);
    }
    (counts[z] ??= {})[name] = (counts[z][name] ?? 0) + layer.length;
  }
  checked++;
}
console.log(`${dir}: ${list.length} tiles, checked ${checked}${pm ? ' (and the same tiles from grids.pmtiles)' : ''}`);
for (const [z, c] of Object.entries(counts)) console.log(`  z${z}: ${Object.entries(c).map(([k, v]) => `${k} ${v}`).join(', ')}`);
if (problems.length) {
  console.log(`${problems.length} problems:\n  ${problems.slice(0, 20).join('\n  ')}`);
  process.exit(1);
}
console.log('ok');
