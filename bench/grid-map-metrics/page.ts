/**
 * Million-row metrics, main thread against the metrics worker (issue 14). Driven by run.mjs:
 * - `main`: fetch → JSON.parse → parseMetrics → tileValues on the main thread (what tiles mode does today);
 * - `worker`: the same URL parsed in metrics-worker.ts into packed columns, transferred, wrapped by columnValues.
 * For each: wall time to usable values, the longest main-thread task while it ran (a rAF ticker measures the gaps),
 * and for the worker the packed store's bytes against the raw columns.
 */
import { parseMetrics } from '../../src/components/grid-map/grid-map.model.js';
import { tileValues, valueOf } from '../../src/components/grid-map/tiles.js';
import { columnBytes, columnValues } from '../../src/components/grid-map/metric-columns.js';
import type { MetricsReply } from '../../src/components/grid-map/metrics-worker.js';

function ticker() {
  let last = performance.now(), worst = 0, on = true;
  const tick = () => {
    const t = performance.now();
    worst = Math.max(worst, t - last);
    last = t;
    if (on) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return () => ((on = false), Math.max(worst, performance.now() - last));
}

async function main(url: string) {
  const stop = ticker();
  const t0 = performance.now();
  const text = await (await fetch(url)).text();
  const tv = tileValues(parseMetrics(JSON.parse(text)).value!);
  const ms = performance.now() - t0;
  const sample = valueOf(tv, 'households', '500118001001001');
  await new Promise((r) => requestAnimationFrame(r));
  return { ms, longestFrame: stop(), slots: tv.slot.size, sample };
}

async function worker(url: string) {
  const stop = ticker();
  const t0 = performance.now();
  const w = new Worker(new URL('./metrics-worker.js', import.meta.url), { type: 'module' });
  const reply = await new Promise<MetricsReply>((r) => {
    w.onmessage = (e) => r(e.data);
    w.postMessage({ job: 1, url: new URL(url, location.href).href, fetch: {}, adapter: 'auto' });
  });
  if (!reply.ok) throw new Error(reply.message);
  const packed = reply.result.columns.packed!;
  const tv = columnValues(packed);
  const ms = performance.now() - t0;
  const sample = valueOf(tv, 'households', '500118001001001');
  w.terminate();
  await new Promise((r) => requestAnimationFrame(r));
  return { ms, workerMs: reply.ms, longestFrame: stop(), slots: tv.slot.size, sample, bytes: columnBytes(packed) };
}

(window as unknown as { bench: unknown }).bench = { main, worker };
