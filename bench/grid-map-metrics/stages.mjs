#!/usr/bin/env node
// Per-stage times of the metrics worker's work on a million rows, in Node, before and after in one run:
//   before = the former multi-step path (JSON.parse → parseMetrics → tileValues → packColumns: three passes, each
//            through a million-entry Map), after = the one-pass parseMetricColumns the worker runs now.
//   node --expose-gc bench/grid-map-metrics/stages.mjs [file.json ...]
// Default files: the million-grid tile set's metrics (bench/grid-map-tiles/.out/metrics.json, 1 metric; made by
// bench/grid-map-tiles) and bench/grid-map-metrics/.out/metrics-1000000.json (3 metrics; made by run.mjs), those
// that exist. Each path runs once per file in the same process (before first); the load average is printed.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
const outFile = join(root, 'bench/grid-map-metrics/.out/stages-entry.mjs');
await build({
  stdin: {
    contents: `export * from './src/components/grid-map/metric-columns.ts'; export { parseMetrics } from './src/components/grid-map/grid-map.model.ts'; export { tileValues } from './src/components/grid-map/tiles.ts';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile: outFile,
  logLevel: 'error',
});
const m = await import(pathToFileURL(outFile).href);
const files = process.argv.slice(2).length ? process.argv.slice(2) : [join(root, 'bench/grid-map-tiles/.out/metrics.json'), join(root, 'bench/grid-map-metrics/.out/metrics-1000000.json')].filter(existsSync);
if (!files.length) throw new Error('no metrics file: run bench/grid-map-tiles or bench/grid-map-metrics first, or pass one');
const gc = globalThis.gc ?? (() => {});
const ms = (x) => `${(x / 1000).toFixed(2)} s`.padStart(8);
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
console.log(`node ${process.version}; load average at start ${load()}`);
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  console.log(`\n${file.replace(root, '')}: ${(statSync(file).size / 1e6).toFixed(1)} MB`);
  // before
  gc();
  let t = performance.now();
  const raw = JSON.parse(text);
  const b = { parse: performance.now() - t };
  t = performance.now();
  const r = m.parseMetrics(raw, 'code');
  b.validate = performance.now() - t;
  t = performance.now();
  const tv = m.tileValues(r.value);
  b.join = performance.now() - t;
  t = performance.now();
  const pb = m.packColumns(tv);
  b.pack = performance.now() - t;
  const before = b.parse + b.validate + b.join + b.pack;
  const slotsBefore = pb.size;
  // after
  gc();
  const a = { parse: 0, rows: 0, order: 0, parents: 0, pack: 0 };
  t = performance.now();
  const res = m.parseMetricColumns(text, 'code', 1000, a);
  const after = performance.now() - t;
  if (res.packed.size !== slotsBefore || res.rows !== r.value.rows.length) throw new Error(`results differ: ${res.packed.size} vs ${slotsBefore} slots`);
  console.log(`  rows ${res.rows.toLocaleString('en')}, slots ${res.packed.size.toLocaleString('en')}, metrics ${res.metrics.length}, issues ${res.issueCount}`);
  console.log(`  before (multi-step): JSON.parse ${ms(b.parse)} | parseMetrics ${ms(b.validate)} | tileValues (join) ${ms(b.join)} | packColumns ${ms(b.pack)} | total ${ms(before)}`);
  console.log(`  after  (one pass):   JSON.parse ${ms(a.parse)} | rows (validate + store) ${ms(a.rows)} | order ${ms(a.order)} | parents ${ms(a.parents)} | pack (merge + columns) ${ms(a.pack)} | total ${ms(after)}`);
  console.log(`  without JSON.parse: ${ms(before - b.parse)} -> ${ms(after - a.parse)} (${((before - b.parse) / (after - a.parse)).toFixed(1)}x)`);
}
console.log(`\nload average at end ${load()}`);
