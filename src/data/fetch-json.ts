/**
 * Fetching for every element: timeout per attempt, retry with exponential backoff (network errors,
 * timeouts, 5xx and 429 only), HTTP status in the error, abort through an AbortSignal, and de-duplication
 * of concurrent requests for the same URL (several tiles on one endpoint make one request; the shared
 * request is aborted only when every caller has aborted).
 *
 * The data controller imports this module on an element's first `src` load (issue 16: an element given its data as a
 * property or inline script never loads it); `FetchError` lives in fetch-error.ts so the controller can test for it.
 */
import { getConfig } from './configure.js';

import { FetchError, type FetchErrorKind } from './fetch-error.js';

export { FetchError, type FetchErrorKind };

export type BodyFormat = 'auto' | 'json' | 'csv' | 'text';

export interface FetchOptions {
  signal?: AbortSignal;
  /** Per-attempt timeout in ms (default from `configure`, 15 s). */
  timeout?: number;
  /** Retries after network error / timeout / 5xx / 429 (default 2). */
  retries?: number;
  /** First backoff delay in ms, doubled per retry (default 500). */
  retryDelay?: number;
  credentials?: RequestCredentials;
  /** `json` parses JSON; `csv`/`text` return the text; `auto` returns text for text/csv responses, JSON otherwise. */
  format?: BodyFormat;
  /** Skip the de-duplication (e.g. a manual reload). */
  fresh?: boolean;
}

export interface FetchResult {
  /** Parsed JSON, or the text for CSV/text. */
  body: unknown;
  /** The raw text (used to tell whether a polled payload changed). */
  text: string;
  contentType: string;
  status: number;
}

interface Inflight {
  ctrl: AbortController;
  refs: number;
  promise: Promise<FetchResult>;
}
const inflight = new Map<string, Inflight>();

/** For tests: requests currently shared. */
export function inflightCount(): number {
  return inflight.size;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const id = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(id);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function retryable(e: unknown): boolean {
  if (!(e instanceof FetchError)) return false;
  if (e.kind === 'network' || e.kind === 'timeout') return true;
  return e.kind === 'http' && (e.status === 429 || (e.status !== undefined && e.status >= 500));
}

/**
 * How `auto` reads a body (README, Data: sources). JSON, unless the response says CSV: a `text/csv`, tab-separated or
 * `text/plain` content type, or a URL whose path ends in `.csv` / `.tsv` (static hosts and object stores often serve
 * those as `application/octet-stream` or with no type; Vega-Lite reads a format from the extension the same way). Even
 * then a body that starts with `[` or `{` is JSON: real JSON is never read as CSV. The body alone never switches the
 * reading (a payload that fails as JSON may be truncated or an error page, and a polled URL must not change format
 * with its content); a body that fails as JSON but looks like a table gets an error that says so and names
 * `format="csv"` (issue code `looks-like-csv`).
 */
function parseBody(text: string, contentType: string, given: BodyFormat, url: string): unknown {
  // The `format` attribute as written: any case, `tsv` for CSV, a value it does not know as `auto` (the default).
  const f = String(given).trim().toLowerCase();
  const format = f === 'tsv' ? 'csv' : /^(json|csv|text)$/.test(f) ? f : 'auto';
  const csvSaid = /csv|text\/plain|tab-separated/i.test(contentType) || /\.[ct]sv$/i.test(url.replace(/[?#].*/, ''));
  if (format === 'csv' || format === 'text' || (format === 'auto' && csvSaid && !/^\s*[[{]/.test(text))) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const msg = `malformed JSON: ${e instanceof Error ? e.message : String(e)}`;
    if (looksLikeCsv(text)) throw new FetchError('json', url, `${msg}; the body looks like CSV: set format="csv" on the element or serve it as text/csv`, undefined, 'looks-like-csv');
    throw new FetchError('json', url, msg);
  }
}

/**
 * A table, not broken JSON or a page: not starting with `[`, `{` or `<`, a header line with a comma, tab or semicolon,
 * and a second line with one too.
 */
function looksLikeCsv(text: string): boolean {
  const [head = '', next = ''] = text.replace(/^\uFEFF/, '').trimStart().split(/\r?\n/);
  const sep = /[,\t;]/;
  return !/^[[{<]/.test(head) && sep.test(head) && sep.test(next);
}

async function attempt(url: string, o: Required<Pick<FetchOptions, 'timeout' | 'format'>> & FetchOptions, outer: AbortSignal): Promise<FetchResult> {
  const cfg = getConfig();
  const ctrl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctrl.abort();
  }, o.timeout);
  const onOuter = (): void => ctrl.abort();
  outer.addEventListener('abort', onOuter, { once: true });
  try {
    const doFetch = cfg.fetch ?? fetch;
    let res: Response;
    try {
      res = await doFetch(url, {
        signal: ctrl.signal,
        credentials: o.credentials ?? 'same-origin',
        headers: { Accept: 'application/json, text/csv;q=0.9, */*;q=0.1', ...cfg.headers },
      });
    } catch (e) {
      if (outer.aborted) throw new FetchError('abort', url, 'aborted');
      if (timedOut) throw new FetchError('timeout', url, `no answer within ${o.timeout} ms`);
      throw new FetchError('network', url, e instanceof Error ? e.message : String(e));
    }
    if (!res.ok) throw new FetchError('http', url, `HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`, res.status);
    let text: string;
    try {
      text = await bodyText(res);
    } catch (e) {
      if (outer.aborted) throw new FetchError('abort', url, 'aborted');
      if (timedOut) throw new FetchError('timeout', url, `no answer within ${o.timeout} ms`);
      throw new FetchError('network', url, e instanceof Error ? e.message : String(e));
    }
    const contentType = res.headers.get('content-type') ?? '';
    return { body: parseBody(text, contentType, o.format, url), text, contentType, status: res.status };
  } finally {
    clearTimeout(timer);
    outer.removeEventListener('abort', onOuter);
  }
}

/**
 * The body as text in the charset the server names when it is not UTF-8 (`text/csv; charset=gbk`), else as UTF-8, and
 * bytes that are not valid UTF-8 (a CSV saved by Excel on a Chinese Windows, served without a charset) as GB18030, of
 * which GBK and GB2312 are subsets. A byte-order mark is dropped. A `configure({ fetch })` answer without
 * `arrayBuffer()` is read with `text()`.
 */
async function bodyText(res: Response): Promise<string> {
  if (typeof res.arrayBuffer !== 'function') return res.text();
  const buf = await res.arrayBuffer();
  const label = /charset\s*=\s*"?([\w.:-]+)/i.exec(res.headers?.get('content-type') ?? '')?.[1];
  let named: TextDecoder | undefined;
  try {
    if (label) named = new TextDecoder(label);
  } catch {
    // an unknown label: read as if none was named
  }
  if (named && named.encoding !== 'utf-8') return named.decode(buf);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}

/**
 * Resolves once the page's initial HTML has been parsed and its deferred and module scripts have run (the
 * `DOMContentLoaded` handlers included, one task later), so a `configure()` anywhere in the initial HTML, before or
 * after the elements, applies to their first request. Resolves at once on a parsed document (and outside a browser).
 */
export function documentParsed(): Promise<void> {
  if (typeof document === 'undefined' || !parsing()) return Promise.resolve();
  parsedPromise ??= new Promise<void>((resolve) => {
    let finished = false;
    const done = (): void => {
      if (finished) return;
      finished = true;
      document.removeEventListener('DOMContentLoaded', done);
      document.removeEventListener('readystatechange', onState);
      clearInterval(check);
      // One task later: DOMContentLoaded listeners registered after ours (jQuery's ready, a page's init) run first.
      setTimeout(resolve, 0);
    };
    const onState = (): void => {
      if (document.readyState === 'complete') done();
    };
    document.addEventListener('DOMContentLoaded', done);
    document.addEventListener('readystatechange', onState);
    // Called while DOMContentLoaded is being dispatched (from one of its handlers), a listener added now never runs,
    // and 'complete' waits for every image of the page: notice the end of the dispatch itself.
    const check = setInterval(() => {
      if (!parsing()) done();
    }, 50);
  });
  return parsedPromise;
}
let parsedPromise: Promise<void> | undefined;

/** True while the parser still runs or deferred/module scripts have not run yet (DOMContentLoaded not fired). */
function parsing(): boolean {
  if (document.readyState === 'loading') return true;
  if (document.readyState !== 'interactive') return false;
  // 'interactive' covers both "deferred scripts still to run" and "DOMContentLoaded done, images still loading":
  // navigation timing tells them apart (domContentLoadedEventEnd stays 0 until the event has been handled).
  const nav = typeof performance !== 'undefined' && typeof performance.getEntriesByType === 'function' ? (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined) : undefined;
  return !!nav && nav.domContentLoadedEventEnd === 0;
}

async function run(url: string, o: FetchOptions, signal: AbortSignal): Promise<FetchResult> {
  if (typeof document !== 'undefined' && parsing()) {
    // Elements upgrade while the parser runs, before a later <script> calls configure(): wait for it.
    await Promise.race([documentParsed(), new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }))]);
    if (signal.aborted) throw new FetchError('abort', url, 'aborted');
  }
  const cfg = getConfig();
  const full = { ...o, timeout: o.timeout ?? cfg.timeout, format: o.format ?? 'auto' };
  const retries = o.retries ?? cfg.retries;
  const base = o.retryDelay ?? cfg.retryDelay;
  for (let i = 0; ; i++) {
    try {
      return await attempt(url, full, signal);
    } catch (e) {
      if (signal.aborted) throw new FetchError('abort', url, 'aborted');
      if (i >= retries || !retryable(e)) throw e;
      const delay = base * 2 ** i * (0.75 + Math.random() * 0.5);
      try {
        await sleep(delay, signal);
      } catch {
        throw new FetchError('abort', url, 'aborted');
      }
    }
  }
}

/**
 * Fetches and parses a data URL. Concurrent calls with the same URL, credentials and format share one
 * request. Rejects with a FetchError (kind `abort` when `signal` fired).
 */
export function fetchData(url: string, o: FetchOptions = {}): Promise<FetchResult> {
  const key = `${o.credentials ?? 'same-origin'} ${o.format ?? 'auto'} ${url}`;
  let entry = o.fresh ? undefined : inflight.get(key);
  if (!entry) {
    const ctrl = new AbortController();
    const created: Inflight = {
      ctrl,
      refs: 0,
      promise: run(url, o, ctrl.signal).finally(() => {
        if (inflight.get(key) === created) inflight.delete(key);
      }),
    };
    // Avoid unhandled-rejection noise when every caller has gone.
    created.promise.catch(() => undefined);
    entry = created;
    if (!o.fresh) inflight.set(key, entry);
  }
  const shared = entry;
  shared.refs++;
  return new Promise<FetchResult>((resolve, reject) => {
    let done = false;
    const signal = o.signal;
    const onAbort = (): void => {
      if (done) return;
      done = true;
      shared.refs--;
      if (shared.refs <= 0) {
        shared.ctrl.abort();
        if (inflight.get(key) === shared) inflight.delete(key);
      }
      reject(new FetchError('abort', url, 'aborted'));
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    shared.promise.then(
      (v) => {
        if (done) return;
        done = true;
        shared.refs--;
        signal?.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        if (done) return;
        done = true;
        shared.refs--;
        signal?.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** Fetches JSON (the body parsed, or a FetchError). */
export async function fetchJson(url: string, o: Omit<FetchOptions, 'format'> = {}): Promise<unknown> {
  return (await fetchData(url, { ...o, format: 'json' })).body;
}
