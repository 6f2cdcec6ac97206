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
import { parseMetricColumns, type MetricColumnsResult } from './metric-columns.js';

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
  return { fingerprint, adaptIssues, columns, stages: { fetch: t1 - t0, fingerprint: t2 - t1, adapt: t3 - t2, columns: performance.now() - t3 } };
}

function fnv(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}
