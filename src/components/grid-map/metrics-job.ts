/**
 * One metrics load of <civic-grid-map>'s tiles mode, run in the metrics worker (metrics-worker.ts) or, when no
 * worker can start (a CSP without `worker-src`, no Worker), on the main thread: fetch with the page's request
 * settings (timeout, retries, headers, credentials, format — the same `fetchData` as every element), the same
 * adapters (`adaptPayload`: CSV, `{code,msg,data}` envelope, ECharts dataset) and the same validation and parent
 * join (`parseMetricColumns`), packed as transferable columns. Failures are FetchErrors, as on the ordinary path.
 */
import { configure } from '../../data/configure.js';
import { fetchData, type FetchOptions } from '../../data/fetch-json.js';
import { adaptPayload, type AdapterName } from '../../data/adapters/index.js';
import type { Issue } from '../../data/validate.js';
import { parseMetricColumns, withLevelSlots, type MetricColumnsResult } from './metric-columns.js';
import { getConfig } from '../../data/configure.js';
import { FetchError } from '../../data/fetch-error.js';
import { isBinaryMetricsUrl, parseMetricsBinary } from './metrics-binary.js';

export interface MetricsJob {
  job: number;
  /** Absolute URL (a blob worker has no page URL to resolve against). */
  url: string;
  fetch: Omit<FetchOptions, 'signal'>;
  adapter: AdapterName;
  /** The page's `configure()` headers (worker only: a worker has its own module state). */
  headers?: Record<string, string>;
  joinKey?: string;
}

export interface MetricsJobResult {
  /** Length and FNV-1a hash of the response text: tells a polled payload that did not change. */
  fingerprint: string;
  apiError?: string;
  adaptIssues: Issue[];
  columns: MetricColumnsResult;
  /** Milliseconds per stage of this job (for benches): fetch (request, body text and JSON parse), fingerprint, adapt, columns. */
  stages?: { fetch: number; fingerprint: number; adapt: number; columns: number };
}

/** Issues sent back per load at most (the count stays exact in `issueCount`). */
const MAX_ISSUES = 1000;

export async function runMetricsJob(m: MetricsJob, signal?: AbortSignal): Promise<MetricsJobResult> {
  if (m.headers) configure({ headers: m.headers });
  if (isBinaryMetricsUrl(m.url)) return runBinaryJob(m, signal);
  const t0 = performance.now();
  const res = await fetchData(m.url, { ...m.fetch, signal });
  const t1 = performance.now();
  const fingerprint = `${res.text.length}:${fnv(res.text)}`;
  const t2 = performance.now();
  const adapted = adaptPayload(res.body, m.adapter);
  const adaptIssues = adapted.issues.slice(0, MAX_ISSUES);
  const t3 = performance.now();
  if (adapted.apiError !== undefined) return { fingerprint, apiError: adapted.apiError, adaptIssues, columns: { metrics: [], illustrative: false, rows: 0, withValues: 0, issues: [], issueCount: 0 } };
  const columns = parseMetricColumns(adapted.value, m.joinKey, MAX_ISSUES);
  if (columns.packed) withLevelSlots(columns.packed);
  return { fingerprint, adaptIssues, columns, stages: { fetch: t1 - t0, fingerprint: t2 - t1, adapt: t3 - t2, columns: performance.now() - t3 } };
}

/** A `.cgmb` file (metrics-binary.ts): fetched as bytes with the same timeout, retries and errors, no JSON at all. */
async function runBinaryJob(m: MetricsJob, signal?: AbortSignal): Promise<MetricsJobResult> {
  const t0 = performance.now();
  const buf = await fetchBytes(m.url, m.fetch, signal);
  const t1 = performance.now();
  const fingerprint = `b${buf.byteLength}:${fnvBytes(buf)}`;
  const t2 = performance.now();
  const columns = parseMetricsBinary(buf, m.joinKey, MAX_ISSUES);
  // Each level's slot list here, not on the main thread when the columns arrive (a million ranks scanned twice).
  if (columns.packed) withLevelSlots(columns.packed);
  return { fingerprint, adaptIssues: [], columns, stages: { fetch: t1 - t0, fingerprint: t2 - t1, adapt: 0, columns: performance.now() - t2 } };
}

/** fetch → ArrayBuffer with fetch-json's rules: a timeout per attempt, retries with backoff on network / timeout / 5xx / 429. */
async function fetchBytes(url: string, o: MetricsJob['fetch'], signal?: AbortSignal): Promise<ArrayBuffer> {
  const cfg = getConfig();
  const timeout = o.timeout ?? cfg.timeout;
  const retries = o.retries ?? cfg.retries;
  const base = o.retryDelay ?? cfg.retryDelay;
  for (let i = 0; ; i++) {
    try {
      return await attemptBytes(url, o.credentials, timeout, signal);
    } catch (e) {
      if (signal?.aborted) throw new FetchError('abort', url, 'aborted');
      const fe = e as FetchError;
      const again = fe.kind === 'network' || fe.kind === 'timeout' || (fe.kind === 'http' && (fe.status === 429 || (fe.status ?? 0) >= 500));
      if (i >= retries || !again) throw e;
      const delay = base * 2 ** i * (0.75 + Math.random() * 0.5);
      await new Promise<void>((resolve, reject) => {
        const id = setTimeout(resolve, delay);
        signal?.addEventListener('abort', () => (clearTimeout(id), reject(new FetchError('abort', url, 'aborted'))), { once: true });
      });
    }
  }
}

async function attemptBytes(url: string, credentials: RequestCredentials | undefined, timeout: number, outer?: AbortSignal): Promise<ArrayBuffer> {
  const ctrl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctrl.abort();
  }, timeout);
  const onOuter = (): void => ctrl.abort();
  outer?.addEventListener('abort', onOuter, { once: true });
  const failed = (e: unknown): FetchError => {
    if (outer?.aborted) return new FetchError('abort', url, 'aborted');
    if (timedOut) return new FetchError('timeout', url, `no answer within ${timeout} ms`);
    return new FetchError('network', url, e instanceof Error ? e.message : String(e));
  };
  try {
    let res: Response;
    try {
      res = await (getConfig().fetch ?? fetch)(url, { signal: ctrl.signal, credentials: credentials ?? 'same-origin', headers: { Accept: 'application/octet-stream, */*;q=0.1', ...getConfig().headers } });
    } catch (e) {
      throw failed(e);
    }
    if (!res.ok) throw new FetchError('http', url, `HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`, res.status);
    try {
      return await res.arrayBuffer();
    } catch (e) {
      throw failed(e);
    }
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuter);
  }
}

/** FNV-1a over the bytes, four at a time (tells a polled file that did not change). */
function fnvBytes(buf: ArrayBuffer): string {
  const words = new Int32Array(buf, 0, buf.byteLength >> 2);
  let h = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i], 0x01000193);
  const tail = new Uint8Array(buf, words.length * 4);
  for (let i = 0; i < tail.length; i++) h = Math.imul(h ^ tail[i], 0x01000193);
  return (h >>> 0).toString(36);
}

function fnv(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}
