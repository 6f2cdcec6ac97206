import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure } from '../../../src/data/configure.js';
import { FetchError, fetchData, fetchJson, inflightCount, type FetchResult } from '../../../src/data/fetch-json.js';

/** Polls a condition with a generous deadline (the request starts in a later task): no fixed sleep. */
const until = (check: () => void) => vi.waitFor(check, { timeout: 20_000, interval: 2 });

type Handler = (url: string, init: RequestInit, call: number) => Response | Promise<Response>;

/** Installs a mocked fetch through configure({ fetch }) and returns its spy. */
function mockFetch(handler: Handler) {
  let n = 0;
  const spy = vi.fn((url: string, init: RequestInit) => Promise.resolve().then(() => handler(url, init, n++)));
  configure({ fetch: spy as unknown as typeof fetch });
  return spy;
}

function json(body: unknown, status = 200, statusText = ''): Response {
  return new Response(JSON.stringify(body), { status, statusText, headers: { 'content-type': 'application/json; charset=utf-8' } });
}

/** A response that never comes; rejects like the real fetch when its signal aborts. */
function hanging(init: RequestInit): Promise<Response> {
  return new Promise((_, reject) => {
    init.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
  });
}

async function failure(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FetchError);
    return e as FetchError;
  }
  throw new Error('expected a rejection');
}

beforeEach(() => {
  configure({ retryDelay: 1 });
});

afterEach(() => {
  configure({ fetch: undefined, retries: 2, retryDelay: 500, timeout: 15000, headers: {} });
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('success', () => {
  it('parses JSON and reports status and content type', async () => {
    const spy = mockFetch(() => json({ a: [1, 2] }));
    const r = await fetchData('/api/a.json');
    expect(r).toEqual<FetchResult>({ body: { a: [1, 2] }, text: '{"a":[1,2]}', contentType: 'application/json; charset=utf-8', status: 200 });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0][0]).toBe('/api/a.json');
    expect(inflightCount()).toBe(0);
  });
  it('fetchJson returns the body', async () => {
    mockFetch(() => json([1, 2, 3]));
    await expect(fetchJson('/x')).resolves.toEqual([1, 2, 3]);
  });
  it('fetchJson parses JSON even when served as text/csv', async () => {
    mockFetch(() => new Response('[1]', { headers: { 'content-type': 'text/csv' } }));
    await expect(fetchJson('/x')).resolves.toEqual([1]);
  });
  it('parses JSON without a content type', async () => {
    mockFetch(() => new Response('{"x":1}'));
    expect((await fetchData('/x')).body).toEqual({ x: 1 });
  });
});

describe('body formats', () => {
  it('text/csv returns the text', async () => {
    mockFetch(() => new Response('code,value\n1,2', { headers: { 'content-type': 'text/csv; charset=utf-8' } }));
    const r = await fetchData('/x.csv');
    expect(r.body).toBe('code,value\n1,2');
    expect(r.contentType).toBe('text/csv; charset=utf-8');
  });
  it('text/plain and tab-separated also return the text', async () => {
    mockFetch(() => new Response('a\tb', { headers: { 'content-type': 'text/tab-separated-values' } }));
    expect((await fetchData('/x.tsv')).body).toBe('a\tb');
    mockFetch(() => new Response('a,b', { headers: { 'content-type': 'text/plain' } }));
    expect((await fetchData('/x.txt')).body).toBe('a,b');
  });
  it('auto: a CSV content type with a JSON body is parsed as JSON', async () => {
    mockFetch(() => new Response(' {"a":1}', { headers: { 'content-type': 'text/plain' } }));
    expect((await fetchData('/x')).body).toEqual({ a: 1 });
    mockFetch(() => new Response('[2]', { headers: { 'content-type': 'text/csv' } }));
    expect((await fetchData('/y')).body).toEqual([2]);
  });
  it('format csv / text return the text whatever the content type', async () => {
    mockFetch(() => json({ a: 1 }));
    expect((await fetchData('/x', { format: 'csv' })).body).toBe('{"a":1}');
    expect((await fetchData('/x', { format: 'text' })).body).toBe('{"a":1}');
  });
  it('format json with a CSV body is a json error', async () => {
    mockFetch(() => new Response('a,b', { headers: { 'content-type': 'text/csv' } }));
    expect((await failure(fetchData('/x', { format: 'json' }))).kind).toBe('json');
  });
});

describe('errors', () => {
  it('HTTP status in the error', async () => {
    configure({ retries: 0 });
    mockFetch(() => new Response('oops', { status: 500, statusText: 'Internal Server Error' }));
    const e = await failure(fetchData('/api/x'));
    expect(e.kind).toBe('http');
    expect(e.status).toBe(500);
    expect(e.url).toBe('/api/x');
    expect(e.name).toBe('FetchError');
    expect(e.message).toBe('HTTP 500 Internal Server Error');
  });
  it('HTTP message without a status text', async () => {
    mockFetch(() => new Response('', { status: 404 }));
    expect((await failure(fetchData('/x'))).message).toBe('HTTP 404');
  });
  it('4xx is not retried', async () => {
    const spy = mockFetch(() => new Response('', { status: 404 }));
    const e = await failure(fetchData('/x'));
    expect(e.kind).toBe('http');
    expect(e.status).toBe(404);
    expect(spy).toHaveBeenCalledTimes(1);
    const spy403 = mockFetch(() => new Response('', { status: 403 }));
    await failure(fetchData('/y', { retries: 5 }));
    expect(spy403).toHaveBeenCalledTimes(1);
  });
  it('5xx is retried `retries` times', async () => {
    const spy = mockFetch(() => new Response('', { status: 503 }));
    const e = await failure(fetchData('/x'));
    expect(e.status).toBe(503);
    expect(spy).toHaveBeenCalledTimes(3);
  });
  it('429 is retried', async () => {
    const spy = mockFetch(() => new Response('', { status: 429 }));
    await failure(fetchData('/x', { retries: 1 }));
    expect(spy).toHaveBeenCalledTimes(2);
  });
  it('a retry that succeeds resolves', async () => {
    const spy = mockFetch((_u, _i, n) => (n < 2 ? new Response('', { status: 502 }) : json({ ok: 1 })));
    expect((await fetchData('/x')).body).toEqual({ ok: 1 });
    expect(spy).toHaveBeenCalledTimes(3);
  });
  it('network errors are retried and reported as network', async () => {
    const spy = mockFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const e = await failure(fetchData('/x', { retries: 1 }));
    expect(e.kind).toBe('network');
    expect(e.message).toBe('Failed to fetch');
    expect(e.status).toBeUndefined();
    expect(spy).toHaveBeenCalledTimes(2);
  });
  it('a non-Error rejection is still a network error', async () => {
    mockFetch(() => Promise.reject('boom'));
    const e = await failure(fetchData('/x', { retries: 0 }));
    expect(e.kind).toBe('network');
    expect(e.message).toBe('boom');
  });
  it('a body that fails to read is a network error', async () => {
    mockFetch(() => ({ ok: true, status: 200, statusText: 'OK', headers: new Headers(), text: () => Promise.reject(new Error('connection reset')) }) as unknown as Response);
    const e = await failure(fetchData('/x', { retries: 0 }));
    expect(e.kind).toBe('network');
    expect(e.message).toBe('connection reset');
  });
  it('malformed JSON is a json error, not retried', async () => {
    const spy = mockFetch(() => new Response('{"a":', { headers: { 'content-type': 'application/json' } }));
    const e = await failure(fetchData('/x'));
    expect(e.kind).toBe('json');
    expect(e.message).toMatch(/^malformed JSON: /);
    expect(spy).toHaveBeenCalledTimes(1);
  });
  it('retries: 0 in options beats the configured default', async () => {
    const spy = mockFetch(() => new Response('', { status: 500 }));
    await failure(fetchData('/x', { retries: 0 }));
    expect(spy).toHaveBeenCalledTimes(1);
  });
  it('configured retries are used', async () => {
    configure({ retries: 1 });
    const spy = mockFetch(() => new Response('', { status: 500 }));
    await failure(fetchData('/x'));
    expect(spy).toHaveBeenCalledTimes(2);
  });
});

describe('backoff (fake timers)', () => {
  it('waits retryDelay, then doubles it', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0.5); // jitter factor 1
    const spy = mockFetch(() => new Response('', { status: 500 }));
    const done = failure(fetchData('/x', { retries: 2, retryDelay: 100 }));
    await vi.advanceTimersByTimeAsync(0);
    expect(spy).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(99);
    expect(spy).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(spy).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(199);
    expect(spy).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(spy).toHaveBeenCalledTimes(3);
    expect((await done).status).toBe(500);
  });
  it('jitter stays within ±25%', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0); // factor 0.75
    const spy = mockFetch(() => new Response('', { status: 500 }));
    const done = failure(fetchData('/x', { retries: 1, retryDelay: 1000 }));
    await vi.advanceTimersByTimeAsync(749);
    expect(spy).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(spy).toHaveBeenCalledTimes(2);
    await done;
  });
  it('uses the configured retryDelay', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    configure({ retryDelay: 300 });
    const spy = mockFetch(() => new Response('', { status: 500 }));
    const done = failure(fetchData('/x', { retries: 1 }));
    await vi.advanceTimersByTimeAsync(299);
    expect(spy).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(spy).toHaveBeenCalledTimes(2);
    await done;
  });
  it('aborting during the backoff rejects with abort and stops retrying', async () => {
    vi.useFakeTimers();
    const spy = mockFetch(() => new Response('', { status: 500 }));
    const ctrl = new AbortController();
    const done = failure(fetchData('/x', { retries: 3, retryDelay: 1000, signal: ctrl.signal }));
    await vi.advanceTimersByTimeAsync(10);
    ctrl.abort();
    expect((await done).kind).toBe('abort');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(spy).toHaveBeenCalledTimes(1);
  });
});

describe('timeout', () => {
  it('kind timeout after the per-attempt timeout', async () => {
    vi.useFakeTimers();
    const spy = mockFetch((_u, init) => hanging(init));
    const done = failure(fetchData('/slow', { timeout: 1000, retries: 0 }));
    await vi.advanceTimersByTimeAsync(999);
    expect(spy.mock.calls[0][1].signal!.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const e = await done;
    expect(e.kind).toBe('timeout');
    expect(e.message).toBe('no answer within 1000 ms');
    expect(spy.mock.calls[0][1].signal!.aborted).toBe(true);
  });
  it('uses the configured timeout, and timeouts are retried', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    configure({ timeout: 2000 });
    const spy = mockFetch((_u, init) => hanging(init));
    const done = failure(fetchData('/slow', { retries: 1, retryDelay: 10 }));
    await vi.advanceTimersByTimeAsync(1999);
    expect(spy).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(11);
    expect(spy).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect((await done).kind).toBe('timeout');
  });
  it('a slow body read also times out', async () => {
    vi.useFakeTimers();
    mockFetch(
      (_u, init) =>
        ({
          ok: true,
          status: 200,
          headers: new Headers(),
          text: () => hanging(init),
        }) as unknown as Response,
    );
    const done = failure(fetchData('/slow', { timeout: 500, retries: 0 }));
    await vi.advanceTimersByTimeAsync(500);
    expect((await done).kind).toBe('timeout');
  });
});

describe('abort', () => {
  it('kind abort when the signal fires, and the request is aborted', async () => {
    const spy = mockFetch((_u, init) => hanging(init));
    const ctrl = new AbortController();
    const p = fetchData('/x', { signal: ctrl.signal });
    await Promise.resolve();
    await Promise.resolve();
    ctrl.abort();
    const e = await failure(p);
    expect(e.kind).toBe('abort');
    expect(e.message).toBe('aborted');
    expect(spy.mock.calls[0][1].signal!.aborted).toBe(true);
    expect(inflightCount()).toBe(0);
  });
  it('an already aborted signal rejects at once', async () => {
    mockFetch((_u, init) => hanging(init));
    const ctrl = new AbortController();
    ctrl.abort();
    expect((await failure(fetchData('/x', { signal: ctrl.signal }))).kind).toBe('abort');
    expect(inflightCount()).toBe(0);
  });
  it('aborting a body read is abort, not network', async () => {
    let reading = false;
    mockFetch((_u, init) => ({ ok: true, status: 200, headers: new Headers(), text: () => ((reading = true), hanging(init)) }) as unknown as Response);
    const ctrl = new AbortController();
    const p = fetchData('/x', { signal: ctrl.signal });
    await until(() => expect(reading).toBe(true));
    ctrl.abort();
    expect((await failure(p)).kind).toBe('abort');
  });
  it('aborting one of two deduped callers does not abort the other', async () => {
    let release!: (r: Response) => void;
    const spy = mockFetch((_u, init) => new Promise<Response>((resolve, reject) => {
      release = resolve;
      init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    }));
    const a = new AbortController();
    const b = new AbortController();
    const pa = fetchData('/shared', { signal: a.signal });
    const pb = fetchData('/shared', { signal: b.signal });
    expect(inflightCount()).toBe(1);
    await until(() => expect(spy).toHaveBeenCalled());
    a.abort();
    expect((await failure(pa)).kind).toBe('abort');
    expect(spy.mock.calls[0][1].signal!.aborted).toBe(false);
    release(json({ v: 1 }));
    expect((await pb).body).toEqual({ v: 1 });
    expect(spy).toHaveBeenCalledTimes(1);
  });
  it('the shared request is aborted when every caller has aborted', async () => {
    const spy = mockFetch((_u, init) => hanging(init));
    const a = new AbortController();
    const b = new AbortController();
    const pa = failure(fetchData('/shared', { signal: a.signal }));
    const pb = failure(fetchData('/shared', { signal: b.signal }));
    await until(() => expect(spy).toHaveBeenCalled());
    a.abort();
    b.abort();
    expect((await pa).kind).toBe('abort');
    expect((await pb).kind).toBe('abort');
    expect(spy.mock.calls[0][1].signal!.aborted).toBe(true);
    expect(inflightCount()).toBe(0);
    // A new call starts a new request.
    mockFetch(() => json(2));
    expect((await fetchData('/shared')).body).toBe(2);
  });
  it('abort after the response arrived changes nothing', async () => {
    mockFetch(() => json(1));
    const ctrl = new AbortController();
    const r = await fetchData('/x', { signal: ctrl.signal });
    ctrl.abort();
    expect(r.body).toBe(1);
  });
});

describe('dedupe', () => {
  it('concurrent calls for one URL make one request', async () => {
    const spy = mockFetch(() => json({ n: 1 }));
    const [a, b, c] = await Promise.all([fetchData('/d'), fetchData('/d'), fetchJson('/d')]);
    // fetchJson uses format json: a different key, so two requests in all.
    expect(spy).toHaveBeenCalledTimes(2);
    expect(a).toBe(b);
    expect(a.body).toEqual({ n: 1 });
    expect(c).toEqual({ n: 1 });
  });
  it('two plain calls, one request; errors are shared too', async () => {
    const spy = mockFetch(() => new Response('', { status: 404 }));
    const [ea, eb] = await Promise.all([failure(fetchData('/e')), failure(fetchData('/e'))]);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(ea).toBe(eb);
  });
  it('sequential calls are not deduped', async () => {
    const spy = mockFetch(() => json(1));
    await fetchData('/s');
    await fetchData('/s');
    expect(spy).toHaveBeenCalledTimes(2);
  });
  it('different URLs, credentials or formats are separate requests', async () => {
    const spy = mockFetch(() => json(1));
    await Promise.all([fetchData('/a'), fetchData('/b'), fetchData('/a', { credentials: 'include' }), fetchData('/a', { format: 'text' })]);
    expect(spy).toHaveBeenCalledTimes(4);
  });
  it('fresh skips dedupe', async () => {
    const spy = mockFetch(() => json(1));
    await Promise.all([fetchData('/f'), fetchData('/f', { fresh: true })]);
    expect(spy).toHaveBeenCalledTimes(2);
  });
  it('a fresh request is not joined by later callers', async () => {
    const spy = mockFetch(() => json(1));
    const p1 = fetchData('/g', { fresh: true });
    expect(inflightCount()).toBe(0);
    await Promise.all([p1, fetchData('/g')]);
    expect(spy).toHaveBeenCalledTimes(2);
  });
});

describe('request options', () => {
  it('configured headers are sent with Accept', async () => {
    configure({ headers: { Authorization: 'Bearer abc', 'X-Tenant': '500118' } });
    const spy = mockFetch(() => json(1));
    await fetchData('/x');
    expect(spy.mock.calls[0][1].headers).toEqual({ Accept: 'application/json, text/csv;q=0.9, */*;q=0.1', Authorization: 'Bearer abc', 'X-Tenant': '500118' });
  });
  it('a configured Accept header wins', async () => {
    configure({ headers: { Accept: 'application/vnd.api+json' } });
    const spy = mockFetch(() => json(1));
    await fetchData('/x');
    expect(spy.mock.calls[0][1].headers).toEqual({ Accept: 'application/vnd.api+json' });
  });
  it('credentials: same-origin by default, passed through', async () => {
    const spy = mockFetch(() => json(1));
    await fetchData('/x');
    await fetchData('/x', { credentials: 'include' });
    await fetchData('/x', { credentials: 'omit' });
    expect(spy.mock.calls.map((c) => c[1].credentials)).toEqual(['same-origin', 'include', 'omit']);
  });
  it('every attempt gets a signal', async () => {
    const spy = mockFetch(() => json(1));
    await fetchData('/x');
    expect(spy.mock.calls[0][1].signal).toBeInstanceOf(AbortSignal);
  });
  it('falls back to the global fetch when none is configured', async () => {
    configure({ fetch: undefined });
    const g = vi.spyOn(globalThis, 'fetch').mockResolvedValue(json({ g: 1 }));
    expect((await fetchData('/global')).body).toEqual({ g: 1 });
    expect(g).toHaveBeenCalledTimes(1);
  });
});

describe('more edges', () => {
  it('implicit and explicit defaults share one request', async () => {
    const spy = mockFetch(() => json(1));
    await Promise.all([fetchData('/k'), fetchData('/k', { credentials: 'same-origin', format: 'auto' })]);
    expect(spy).toHaveBeenCalledTimes(1);
  });
  it('fetchJson shares a request with fetchData(format json)', async () => {
    const spy = mockFetch(() => json(1));
    await Promise.all([fetchJson('/j'), fetchData('/j', { format: 'json' })]);
    expect(spy).toHaveBeenCalledTimes(1);
  });
  it('CSV with brackets inside is still text', async () => {
    mockFetch(() => new Response('name,note\na,[x] {y}', { headers: { 'content-type': 'text/csv' } }));
    expect((await fetchData('/c.csv')).body).toBe('name,note\na,[x] {y}');
  });
  it('a slow body read reports the timeout in its message', async () => {
    vi.useFakeTimers();
    mockFetch((_u, init) => ({ ok: true, status: 200, headers: new Headers(), text: () => hanging(init) }) as unknown as Response);
    const done = failure(fetchData('/slow', { timeout: 700, retries: 0 }));
    await vi.advanceTimersByTimeAsync(700);
    expect((await done).message).toBe('no answer within 700 ms');
  });
  it('no timer is left behind after a success', async () => {
    vi.useFakeTimers();
    mockFetch(() => json(1));
    const p = fetchData('/t');
    await vi.advanceTimersByTimeAsync(0);
    await p;
    expect(vi.getTimerCount()).toBe(0);
  });
  it('an unexpected error (not a FetchError) is not retried and passes through', async () => {
    const spy = mockFetch(() => ({ ok: true, status: 200, text: () => Promise.resolve('{}'), headers: undefined }) as unknown as Response);
    await expect(fetchData('/u', { retries: 3 })).rejects.toBeInstanceOf(TypeError);
    expect(spy).toHaveBeenCalledTimes(1);
  });
  it('a fresh request finishing does not evict the shared one', async () => {
    const resolvers: ((r: Response) => void)[] = [];
    const spy = mockFetch(() => new Promise<Response>((r) => resolvers.push(r)));
    const shared = fetchData('/h');
    const fresh = fetchData('/h', { fresh: true });
    await until(() => expect(resolvers).toHaveLength(2));
    expect(resolvers).toHaveLength(2);
    resolvers[1](json('fresh'));
    expect((await fresh).body).toBe('fresh');
    const joined = fetchData('/h');
    expect(inflightCount()).toBe(1);
    resolvers[0](json('shared'));
    expect((await shared).body).toBe('shared');
    expect((await joined).body).toBe('shared');
    expect(spy).toHaveBeenCalledTimes(2);
  });
  it('a caller with a signal still gets the error', async () => {
    mockFetch(() => new Response('', { status: 404 }));
    const ctrl = new AbortController();
    const e = await failure(fetchData('/n', { signal: ctrl.signal }));
    expect(e.kind).toBe('http');
    ctrl.abort();
  });
});

