// @vitest-environment jsdom
/**
 * DataController's `offThread` loader (the grid map's metrics worker uses it): its results go through the same
 * acceptance, events, kept data, polling fingerprint and abort path as a fetch on the main thread.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataController, type DataHostProps, type OffThreadLoader } from '../../../src/data/data-controller.js';
import { FetchError } from '../../../src/data/fetch-json.js';
import { configure } from '../../../src/data/configure.js';
import { en } from '../../../src/core/i18n/en.js';
import { issue, type Validated } from '../../../src/data/validate.js';
import { makeHost, type StandInHost } from './stand-in-host.js';

type Host = StandInHost;
type V = { value: number };

const ok = (value: number, fingerprint = `f${value}`) => ({ fingerprint, adaptIssues: [], result: { value: { value }, issues: [] } as Validated<V> });

function setup(host: Host, loader: OffThreadLoader<V> | undefined) {
  const parse = vi.fn((): Validated<V> => ({ value: undefined, issues: [issue('$', 'type', 'main-thread parse must not run')] }));
  const events: { type: string; detail: Record<string, unknown> }[] = [];
  host.addEventListener('civic-load', (e) => events.push({ type: 'load', detail: (e as CustomEvent).detail }));
  host.addEventListener('civic-error', (e) => events.push({ type: 'error', detail: (e as CustomEvent).detail }));
  let off = loader;
  const dc = new DataController<V>(host as never, { parse, terms: () => ({ t: en, lang: 'en' }), warn: vi.fn(), offThread: () => off });
  dc.hostConnected();
  const update = () => {
    dc.hostUpdate();
    dc.hostUpdated();
  };
  return { dc, events, update, parse, setLoader: (l: OffThreadLoader<V> | undefined) => (off = l) };
}

const until = (check: () => void) => vi.waitFor(check, { timeout: 20_000, interval: 2 });

afterEach(() => {
  configure({ fetch: undefined });
  document.body.innerHTML = '';
});

describe('DataController offThread', () => {
  it('accepts the loader result with one civic-load; the main-thread parse never runs', async () => {
    const loader = vi.fn<OffThreadLoader<V>>(async () => ok(7));
    const host = makeHost({ src: '/m.json', timeout: 1234 });
    const { dc, events, update, parse } = setup(host, loader);
    update();
    await until(() => expect(dc.value).toEqual({ value: 7 }));
    update();
    expect(events.map((e) => e.type)).toEqual(['load']);
    expect(events[0].detail).toMatchObject({ source: 'src', url: '/m.json' });
    expect(parse).not.toHaveBeenCalled();
    expect(loader.mock.calls[0][0]).toBe('/m.json');
    expect(loader.mock.calls[0][1]).toMatchObject({ timeout: 1234, adapter: 'auto' });
  });

  it('a failing load keeps the last good value and reports like fetch errors (kind, status, keptPrevious)', async () => {
    let n = 0;
    const loader: OffThreadLoader<V> = async (url) => {
      if (n++ === 0) return ok(1);
      throw new FetchError('http', url, 'HTTP 503', 503);
    };
    const host = makeHost({ src: '/m.json' });
    const { dc, events, update } = setup(host, loader);
    update();
    await until(() => expect(dc.value).toEqual({ value: 1 }));
    update();
    await dc.reload();
    update();
    expect(dc.value).toEqual({ value: 1 });
    expect(dc.stale).toBe(true);
    const err = events.find((e) => e.type === 'error')!;
    expect(err.detail).toMatchObject({ kind: 'http', status: 503, source: 'src', partial: false, keptPrevious: true });
  });

  it('invalid results and API errors fail like the main-thread path; a new src aborts the old load', async () => {
    const signals: AbortSignal[] = [];
    const loader: OffThreadLoader<V> = (url, o) => {
      signals.push(o.signal!);
      if (url === '/slow.json') return new Promise((_, reject) => o.signal!.addEventListener('abort', () => reject(new FetchError('abort', url, 'aborted'))));
      if (url === '/api.json') return Promise.resolve({ fingerprint: 'x', apiError: 'denied', adaptIssues: [issue('$', 'api', 'denied')], result: { value: undefined, issues: [] } });
      return Promise.resolve({ fingerprint: 'y', adaptIssues: [], result: { value: undefined, issues: [issue('rows', 'type', 'expected an array')] } });
    };
    const host = makeHost({ src: '/slow.json' });
    const { dc, events, update } = setup(host, loader);
    update();
    // The src path loads with the first src (issue 16): the first request starts once it is there.
    await until(() => expect(signals).toHaveLength(1));
    host.src = '/api.json';
    update();
    expect(signals[0].aborted).toBe(true);
    await until(() => expect(dc.error?.kind).toBe('api'));
    update();
    host.src = '/bad.json';
    update();
    await until(() => expect(dc.error?.kind).toBe('validation'));
    update();
    expect(events.map((e) => e.type)).toEqual(['error', 'error']);
    expect(dc.status).toBe('error');
  });

  it('switching the loader on reloads the source through it (the request on the main thread is aborted)', async () => {
    let mainSignal: AbortSignal | undefined;
    configure({ fetch: ((_: unknown, init?: RequestInit) => ((mainSignal = init?.signal ?? undefined), new Promise(() => undefined))) as unknown as typeof fetch });
    const loader = vi.fn(async () => ok(3));
    const host = makeHost({ src: '/m.json' });
    const { dc, update, setLoader } = setup(host, undefined);
    update();
    await until(() => expect(mainSignal).toBeDefined());
    setLoader(loader);
    update();
    await until(() => expect(dc.value).toEqual({ value: 3 }));
    expect(mainSignal!.aborted).toBe(true);
    expect(loader).toHaveBeenCalledTimes(1);
    update();
    expect(loader).toHaveBeenCalledTimes(1);
  });
});
