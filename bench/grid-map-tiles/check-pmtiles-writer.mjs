#!/usr/bin/env node
// Self-check of scripts/lib/pmtiles-writer.mjs against the pmtiles package's reader: 60,000 sparse z14 tiles (so the
// directory needs leaf directories), repeated contents (de-duplication) and a run of identical tiles (run-length).
//   node bench/grid-map-tiles/check-pmtiles-writer.mjs   → prints the archive summary and 'bad 0'
import { createPMTilesWriter } from '../../scripts/lib/pmtiles-writer.mjs';
import { PMTiles } from 'pmtiles';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const tmp = join(tmpdir(), 'civic-pmtiles-writer-check.pmtiles');
const w = createPMTilesWriter(tmp, { tileCompression: 'gzip' });
const tiles = [];
let s = 1;
const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const seen = new Set();
for (let i = 0; i < 60000; i++) {
  const x = Math.floor(rnd() * 16384), y = Math.floor(rnd() * 16384);
  if (seen.has(x * 16384 + y)) continue; seen.add(x * 16384 + y);
  const b = i % 10 === 0 ? Buffer.from('dup') : Buffer.from('x'.repeat(1 + Math.floor(rnd() * 300)) + i);
  tiles.push([14, x, y, b]); w.add(14, x, y, b);
}
// a run of identical tiles
for (let x = 0; x < 50; x++) { w.add(5, x % 32, 0, Buffer.from('ocean')); if (x === 31) break; }
const r = w.finish({ bounds: [-180, -85, 180, 85], metadata: { a: 1 } });
console.log(r);
const file = readFileSync(tmp);
const p = new PMTiles({ getKey: () => 'k', getBytes: async (o, l) => ({ data: file.buffer.slice(file.byteOffset + o, file.byteOffset + o + l) }) });
let bad = 0;
for (let i = 0; i < tiles.length; i += 7) { const [z, x, y, b] = tiles[i]; const got = await p.getZxy(z, x, y); if (!got || !Buffer.from(got.data).equals(b)) bad++; }
const ocean = await Promise.all([0, 7, 31].map(async (x) => Buffer.from((await p.getZxy(5, x, 0)).data).toString()));
console.log('bad', bad, ocean, await p.getZxy(5, 0, 1));
rmSync(tmp, { force: true });
if (bad || r.leaves === 0) process.exit(1);
