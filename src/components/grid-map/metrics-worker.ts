/**
 * Module worker for <civic-grid-map>'s tiles mode: fetches, adapts, validates and joins a metrics payload off the
 * main thread into transferable columns (metrics-job.ts, metric-columns.ts). Messages in: a `MetricsJob`, or
 * `{ job, cancel: true }` (aborts that job's request). Out: `{ job, ok: true, result }` with the column buffers
 * transferred, or `{ job, ok: false, kind, status?, code?, message }` with the FetchError's fields.
 */
import { FetchError, type FetchErrorKind } from '../../data/fetch-error.js';
import { runMetricsJob, type MetricsJob, type MetricsJobResult } from './metrics-job.js';
import { transferables } from './metric-columns.js';

export type MetricsRequest = MetricsJob | { job: number; cancel: true };

export type MetricsReply = { job: number; ok: true; result: MetricsJobResult; ms: number; at?: [number, number] } | { job: number; ok: false; kind: FetchErrorKind | 'internal'; status?: number; code?: string; message: string };

interface WorkerScope {
  onmessage: ((e: MessageEvent<MetricsRequest>) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const running = new Map<number, AbortController>();

scope.onmessage = async (e) => {
  const m = e.data;
  if ('cancel' in m) {
    running.get(m.job)?.abort();
    running.delete(m.job);
    return;
  }
  const t0 = performance.now();
  const ctrl = new AbortController();
  running.set(m.job, ctrl);
  try {
    const result = await runMetricsJob(m, ctrl.signal);
    if (ctrl.signal.aborted) return;
    const p = result.columns.packed;
    scope.postMessage({ job: m.job, ok: true, result, ms: performance.now() - t0, at: [performance.timeOrigin + t0, performance.timeOrigin + performance.now()] } satisfies MetricsReply, p ? transferables(p) : []);
  } catch (err) {
    if (ctrl.signal.aborted) return;
    const fe = err instanceof FetchError ? err : undefined;
    scope.postMessage({ job: m.job, ok: false, kind: fe?.kind ?? 'internal', status: fe?.status, code: fe?.code, message: err instanceof Error ? err.message : String(err) } satisfies MetricsReply);
  } finally {
    running.delete(m.job);
  }
};
