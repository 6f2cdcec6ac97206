/**
 * Module worker for <civic-grid-map>'s tile mode: fetches and parses a metrics payload off the main thread into
 * transferable columns (metric-columns.ts). Message in: `MetricsJob`; out: `{ job, ok: true, result }` with the
 * column buffers transferred, or `{ job, ok: false, status?, message }` when the fetch fails (the element keeps its
 * last good data and reports the failure as it does for the main-thread path).
 */
import { parseMetricColumns, transferables, type MetricColumnsResult } from './metric-columns.js';

export interface MetricsJob {
  job: number;
  /** Absolute URL to fetch, or… */
  url?: string;
  /** …the payload's text or value when the page already holds it. */
  payload?: unknown;
  credentials?: RequestCredentials;
  joinKey?: string;
}

export type MetricsReply = { job: number; ok: true; result: MetricColumnsResult; ms: number } | { job: number; ok: false; status?: number; message: string };

interface WorkerScope {
  onmessage: ((e: MessageEvent<MetricsJob>) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = async (e) => {
  const m = e.data;
  const t0 = performance.now();
  try {
    let input: unknown = m.payload;
    if (m.url !== undefined) {
      const res = await fetch(m.url, { credentials: m.credentials ?? 'same-origin' });
      if (!res.ok) return scope.postMessage({ job: m.job, ok: false, status: res.status, message: `HTTP ${res.status}` } satisfies MetricsReply);
      input = await res.text();
    }
    const result = parseMetricColumns(input, m.joinKey);
    scope.postMessage({ job: m.job, ok: true, result, ms: performance.now() - t0 } satisfies MetricsReply, result.packed ? transferables(result.packed) : []);
  } catch (err) {
    scope.postMessage({ job: m.job, ok: false, message: err instanceof Error ? err.message : String(err) } satisfies MetricsReply);
  }
};
