/**
 * The metrics of tiles mode, loaded off the main thread: an `OffThreadLoader` for the element's DataController (the
 * same abort, timeout, retry, polling, error, stale and event path as every `src`), whose fetch, parse, validation
 * and parent join run in one shared module worker (metrics-worker.ts) and come back as transferred columns.
 *
 * - One worker per page, started on the first load and ended after 10 s without work (its heap — the parsed
 *   payload's garbage — goes with it).
 * - An aborted load (new `src`, element removed) cancels its request in the worker; a reply that arrives later is
 *   dropped.
 * - No worker (none in this browser, refused by the page's CSP, failed to start) or a page `fetch` set with
 *   `configure({ fetch })` (a function cannot go to a worker): the same job runs on the main thread.
 */
import type { OffThreadLoader, OffThreadResult } from '../../data/data-controller.js';
import { getConfig } from '../../data/configure.js';
import { FetchError } from '../../data/fetch-error.js';
import { columnValues, type ColumnMetricsData } from './metric-columns.js';
import type { MetricsJob, MetricsJobResult } from './metrics-job.js';
import { createMetricsWorker } from './metrics-worker-factory.js';
import type { MetricsReply } from './metrics-worker.js';
import type { GridMetricsData } from './grid-map.types.js';

interface Pending {
  job: MetricsJob;
  signal?: AbortSignal;
  resolve(r: MetricsJobResult): void;
  reject(e: unknown): void;
}

/** undefined: not started; null: cannot start on this page (main thread from now on). */
let worker: Worker | null | undefined;
const pending = new Map<number, Pending>();
let nextJob = 0;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
const IDLE_MS = 10000;

/** For tests and benches: where the loads ran, and the worker's last load time (ms). */
export const metricsLoads: { worker: number; main: number; lastMs: number; lastStages?: MetricsJobResult['stages'] } = { worker: 0, main: 0, lastMs: 0 };

/** For benches: `enabled = false` sends tiles-mode metrics down the ordinary main-thread path (the "before"). */
export const metricsOffThread = { enabled: true };

function start(): Worker | undefined {
  if (worker === null) return undefined;
  if (worker) return worker;
  try {
    if (typeof Worker === 'undefined') throw new Error('no Worker');
    worker = createMetricsWorker();
  } catch {
    worker = null;
    return undefined;
  }
  const w = worker;
  w.onmessage = (e: MessageEvent<MetricsReply>) => {
    const m = e.data;
    const p = pending.get(m.job);
    if (!p) return;
    pending.delete(m.job);
    idle();
    if (m.ok) {
      metricsLoads.lastMs = m.ms;
      metricsLoads.lastStages = m.result.stages;
      p.resolve(m.result);
    } else p.reject(m.kind === 'internal' ? new FetchError('network', p.job.url, m.message) : new FetchError(m.kind, p.job.url, m.message, m.status));
  };
  // The script was refused (CSP) or could not load: every waiting job runs here instead.
  w.onerror = (e) => {
    e.preventDefault?.();
    if (worker === w) worker = null;
    w.terminate();
    const jobs = [...pending.values()];
    pending.clear();
    for (const p of jobs) here(p.job, p.signal).then(p.resolve, p.reject);
  };
  return w;
}

function idle(): void {
  clearTimeout(idleTimer);
  if (pending.size || !worker) return;
  idleTimer = setTimeout(() => {
    if (pending.size || !worker) return;
    worker.terminate();
    worker = undefined;
  }, IDLE_MS);
}

/** The same job on the main thread; its fetch, parse and one-pass join load only then (most pages use the worker). */
async function here(job: MetricsJob, signal?: AbortSignal): Promise<MetricsJobResult> {
  metricsLoads.main++;
  const { runMetricsJob } = await import('./metrics-job.js');
  return runMetricsJob({ ...job, headers: undefined }, signal);
}

function run(job: MetricsJob, signal?: AbortSignal): Promise<MetricsJobResult> {
  const w = getConfig().fetch ? undefined : start();
  if (!w) return here(job, signal);
  metricsLoads.worker++;
  clearTimeout(idleTimer);
  return new Promise<MetricsJobResult>((resolve, reject) => {
    if (signal?.aborted) return reject(new FetchError('abort', job.url, 'aborted'));
    pending.set(job.job, { job, signal, resolve, reject });
    signal?.addEventListener(
      'abort',
      () => {
        if (!pending.delete(job.job)) return;
        worker?.postMessage({ job: job.job, cancel: true });
        idle();
        reject(new FetchError('abort', job.url, 'aborted'));
      },
      { once: true },
    );
    w.postMessage(job);
  });
}

/** The loader the element hands its DataController in tiles mode. */
export const loadMetricsOffThread: OffThreadLoader<GridMetricsData> = async (url, o) => {
  const { signal, ...rest } = o;
  const cfg = getConfig();
  const { adapter, ...fetchOpts } = rest;
  const job: MetricsJob = {
    job: ++nextJob,
    url: new URL(url, document.baseURI).href,
    fetch: { ...fetchOpts, timeout: fetchOpts.timeout ?? cfg.timeout, retries: fetchOpts.retries ?? cfg.retries, retryDelay: fetchOpts.retryDelay ?? cfg.retryDelay },
    adapter,
    headers: { ...cfg.headers },
  };
  return toResult(await run(job, signal));
};

function toResult(r: MetricsJobResult): OffThreadResult<GridMetricsData> {
  const c = r.columns;
  const value: ColumnMetricsData | undefined = c.packed ? { metrics: c.metrics, illustrative: c.illustrative, rows: [], columns: columnValues(c.packed), rowCount: c.rows, withValues: c.withValues } : undefined;
  return { fingerprint: r.fingerprint, apiError: r.apiError, adaptIssues: r.adaptIssues, result: { value, issues: c.issues } };
}
