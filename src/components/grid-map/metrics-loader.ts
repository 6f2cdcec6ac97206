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
import { columnValues, type ColumnMetricsData } from './column-view.js';
import type { MetricsJob, MetricsJobResult } from './metrics-job.js';
import { createMetricsWorker } from './metrics-worker-factory.js';
import type { MetricsReply } from './metrics-worker.js';
import type { GridMetricsData } from './grid-map.types.js';
import { resolveSource } from '../../data/resolve-source.js';
import { pushTarget } from '../../data/push/target.js';

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
export const metricsLoads: {
  worker: number;
  main: number;
  lastMs: number;
  lastStages?: MetricsJobResult['stages'];
  /** The last worker job's start and end and its reply's arrival here, in ms since this page's time origin. */
  lastAt?: { start: number; end: number; received: number };
} = { worker: 0, main: 0, lastMs: 0 };

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
      if (m.at) metricsLoads.lastAt = { start: m.at[0] - performance.timeOrigin, end: m.at[1] - performance.timeOrigin, received: performance.now() };
      p.resolve(m.result);
    } else p.reject(m.kind === 'internal' ? new FetchError('network', p.job.url, m.message) : new FetchError(m.kind, p.job.url, m.message, m.status, m.code));
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

type LoaderOptions = Parameters<OffThreadLoader<GridMetricsData>>[1];

function jobOf(url: string, o: Omit<LoaderOptions, 'signal'>): MetricsJob {
  const cfg = getConfig();
  const { adapter, ...fetchOpts } = o;
  return {
    job: ++nextJob,
    url: new URL(url, document.baseURI).href,
    fetch: { ...fetchOpts, timeout: fetchOpts.timeout ?? cfg.timeout, retries: fetchOpts.retries ?? cfg.retries, retryDelay: fetchOpts.retryDelay ?? cfg.retryDelay },
    adapter,
    headers: { ...cfg.headers },
  };
}

/** What makes two jobs the same request (everything but the job number). */
function keyOf(j: MetricsJob): string {
  const f = j.fetch;
  return JSON.stringify([j.url, j.adapter, f.credentials ?? null, f.timeout ?? null, f.retries ?? null, f.retryDelay ?? null, f.format ?? null, !!f.fresh, j.headers ?? null, j.joinKey ?? null]);
}

interface Early {
  key: string;
  ctrl: AbortController;
  result: Promise<MetricsJobResult>;
  timer: ReturnType<typeof setTimeout>;
}
/** Jobs started before the element's data controller asked for them (`prefetchMetrics`), by request key. */
const early = new Map<string, Early>();
/** An early job nobody took within this time is cancelled (the element never asked, e.g. it changed `src`). */
const EARLY_MS = 30000;

/**
 * Starts the metrics job of a tiles-mode element at once — when it is connected, before its first render, the
 * data controller's `src` path and the map's modules have loaded — so the worker fetches and reads the metrics while
 * the map starts. The data controller's first load with the same request (`loadMetricsOffThread`) takes this job
 * over (its abort, timeout, retries, errors and events are the ordinary ones); a job not taken within 30 s, or
 * cancelled with the returned function (the element left the page first), is aborted in the worker.
 */
export function prefetchMetrics(url: string, o: Omit<LoaderOptions, 'signal'>): () => void {
  const job = jobOf(url, o);
  const key = keyOf(job);
  const had = early.get(key);
  if (had) return () => cancelEarly(had);
  const ctrl = new AbortController();
  const e: Early = { key, ctrl, result: run(job, ctrl.signal), timer: setTimeout(() => cancelEarly(e), EARLY_MS) };
  e.result.catch(() => undefined); // a failure is reported when (if) the data controller takes the job
  early.set(key, e);
  return () => cancelEarly(e);
}

function cancelEarly(e: Early): void {
  if (early.get(e.key) !== e) return;
  early.delete(e.key);
  clearTimeout(e.timer);
  e.ctrl.abort();
}

/** The early job for this request, handed over to `signal` (undefined when there is none). */
function takeEarly(job: MetricsJob, signal?: AbortSignal): Promise<MetricsJobResult> | undefined {
  const e = early.get(keyOf(job));
  if (!e) return undefined;
  early.delete(e.key);
  clearTimeout(e.timer);
  if (signal?.aborted) {
    e.ctrl.abort();
    return undefined;
  }
  signal?.addEventListener('abort', () => e.ctrl.abort(), { once: true });
  return e.result;
}

/** The loader the element hands its DataController in tiles mode. */
export const loadMetricsOffThread: OffThreadLoader<GridMetricsData> = async (url, o) => {
  const { signal, ...rest } = o;
  const job = jobOf(url, rest);
  return toResult(await (takeEarly(job, signal) ?? run(job, signal)));
};

function toResult(r: MetricsJobResult): OffThreadResult<GridMetricsData> {
  const c = r.columns;
  const value: ColumnMetricsData | undefined = c.packed ? { metrics: c.metrics, illustrative: c.illustrative, rows: [], columns: columnValues(c.packed), rowCount: c.rows, withValues: c.withValues } : undefined;
  return { fingerprint: r.fingerprint, apiError: r.apiError, adaptIssues: r.adaptIssues, result: { value, issues: c.issues } };
}

/** The data-source properties of the element that `prefetchFor` reads. */
export interface MetricsSourceProps extends Pick<LoaderOptions, 'credentials'> {
  data?: unknown;
  src?: string;
  transport?: string;
  timeout?: number;
  format?: LoaderOptions['format'];
  adapter?: LoaderOptions['adapter'];
}

/**
 * A tiles-mode element's `src` metrics job, started when it is connected (`prefetchMetrics`): only for an ordinary
 * URL (not inline `data`, a slot script or a push transport). Returns the cancel, or undefined when nothing started.
 */
export function prefetchFor(host: HTMLElement & MetricsSourceProps): (() => void) | undefined {
  const src = resolveSource({ data: host.data, src: host.src, host });
  if (src.kind !== 'src' || pushTarget(src.url, host.transport, document.baseURI)) return undefined;
  return prefetchMetrics(src.url, { credentials: host.credentials, timeout: host.timeout && host.timeout > 0 ? host.timeout : undefined, format: host.format ?? 'auto', fresh: false, adapter: host.adapter ?? 'auto' });
}
