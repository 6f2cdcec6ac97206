// @vitest-environment jsdom
/**
 * DataController with a stand-in host (a plain element with the ReactiveControllerHost methods) and a mocked
 * fetch: source precedence, keeping the last good data, events once each, and out-of-order responses.
 * The real element path is covered in test/browser/data-layer.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataController, type DataHostProps } from '../../../src/data/data-controller.js';
import { configure } from '../../../src/data/configure.js';
import { en } from '../../../src/core/i18n/en.js';
import { isRecord, issue, type Validated } from '../../../src/data/validate.js';

type Host = HTMLElement & DataHostProps & { addController: () => void; removeController: () => void; requestUpdate: () => void; updateComplete: Promise<boolean> };

function makeHost(props: Partial<DataHostProps> = {}, inner = ''): Host {
  const el = document.createElement('div') as unknown as Host;
  el.innerHTML = inner;
  Object.assign(el, { pollInterval: 0, addController: () => undefined, removeController: () => undefined, requestUpdate: vi.fn(), updateComplete: Promise.resolve(true) }, props);
  document.body.append(el);
  return el;
}

/** Parser: `{ value: number }` objects; anything else is invalid. */
function parse(raw: unknown): Validated<{ value: number }> {
  if (isRecord(raw) && typeof raw.value === 'number') return { value: { value: raw.value }, issues: [] };
  return { value: undefined, issues: [issue('value', 'type', 'expected a number')] };
}

function setup(host: Host) {
  const warn = vi.fn();
  const events: { type: string; detail: Record<string, unknown> }[] = [];
  host.addEventListener('civic-load', (e) => events.push({ type: 'load', detail: (e as CustomEvent).detail }));
  host.addEventListener('civic-error', (e) => events.push({ type: 'error', detail: (e as CustomEvent).detail }));
  const dc = new DataController(host as never, { parse, terms: () => ({ t: en, lang: 'en' }), warn });
  dc.hostConnected();
  /** One host update cycle. */
  const update = () => {
    dc.hostUpdate();
    dc.hostUpdated();
  };
  return { dc, warn, events, update };
}

/** Polls a condition with a generous deadline (the mocked fetch settles in later tasks): no fixed sleep. */
const until = (check: () => void) => vi.waitFor(check, { timeout: 20_000, interval: 2 });
/** Lets already-settled promise chains run to the end, for checks that something did NOT happen. */
const flush = () => new Promise((r) => setImmediate(r));

afterEach(() => {
  configure({ fetch: undefined, retries: 2, retryDelay: 500, timeout: 15000, headers: {} });
  document.body.innerHTML = '';
});

describe('DataController', () => {
  it('data property beats inline beats src', () => {
    const fetchSpy = vi.fn();
    configure({ fetch: fetchSpy as unknown as typeof fetch });
    const host = makeHost({ data: { value: 1 }, src: '/x.json' }, '<script type="application/json">{"value":2}</script>');
    const { dc, update, events } = setup(host);
    update();
    expect(dc.value).toEqual({ value: 1 });
    expect(dc.source).toBe('property');
    host.data = undefined;
    update();
    expect(dc.value).toEqual({ value: 2 });
    expect(dc.source).toBe('inline');
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(events.map((e) => `${e.type}:${e.detail.source}`)).toEqual(['load:property', 'load:inline']);
  });

  it('data = NaN: one civic-error and one warning, not one per update (NaN is the same value as NaN)', async () => {
    const host = makeHost({ data: NaN as never });
    const { warn, events, update } = setup(host);
    update();
    update();
    update();
    await flush();
    expect(events.map((e) => e.type)).toEqual(['error']);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('loads src, keeps the last good data when a reload fails, one error event and one warn', async () => {
    let status = 200;
    configure({ fetch: (async () => new Response(status === 200 ? '{"value":5}' : 'x', { status })) as typeof fetch, retries: 0 });
    const host = makeHost({ src: '/x.json' });
    const { dc, update, events, warn } = setup(host);
    update();
    expect(dc.status).toBe('loading');
    await until(() => expect(dc.status).not.toBe('loading'));
    update();
    expect(dc.value).toEqual({ value: 5 });
    expect(dc.status).toBe('complete');
    expect(events).toEqual([{ type: 'load', detail: { source: 'src', url: '/x.json', count: undefined, poll: false } }]);
    status = 500;
    await dc.reload();
    update();
    expect(dc.value).toEqual({ value: 5 });
    expect(dc.stale).toBe(true);
    expect(dc.error).toMatchObject({ kind: 'http', status: 500, source: 'src', keptPrevious: true, partial: false });
    expect(events.map((e) => e.type)).toEqual(['load', 'error']);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toBe('http error for /x.json: HTTP 500 (keeping the last good data)');
  });

  it('malformed JSON and an invalid payload are errors with nothing kept', async () => {
    configure({ fetch: (async () => new Response('{"value":')) as typeof fetch, retries: 0 });
    const a = setup(makeHost({ src: '/bad.json' }));
    a.update();
    await until(() => expect(a.dc.status).not.toBe('loading'));
    a.update();
    expect(a.dc.status).toBe('error');
    expect(a.dc.error?.kind).toBe('json');
    expect(a.events.map((e) => e.type)).toEqual(['error']);

    const b = setup(makeHost({ data: { value: 'x' } }));
    b.update();
    expect(b.dc.value).toBeUndefined();
    expect(b.dc.error).toMatchObject({ kind: 'validation', message: 'value: expected a number', keptPrevious: false });
    expect(b.events.map((e) => e.type)).toEqual(['error']);
  });

  it('an API envelope failure is an api error with its message', async () => {
    const h = setup(makeHost({ data: { code: 401, msg: '未登录' } }));
    h.update();
    // The envelope adapter loads on first use (issue 16): the payload is judged once it is there.
    await until(() => expect(h.dc.error).toMatchObject({ kind: 'api', message: '未登录' }));
  });

  it('drops a response that arrives after a newer source was chosen', async () => {
    const pending: Record<string, (r: Response) => void> = {};
    configure({
      fetch: ((url: string) => new Promise<Response>((resolve) => (pending[url] = resolve))) as unknown as typeof fetch,
      retries: 0,
    });
    const host = makeHost({ src: '/old.json' });
    const { dc, update, events } = setup(host);
    update();
    await until(() => expect(pending['/old.json']).toBeDefined());
    host.src = '/new.json';
    update();
    await until(() => expect(pending['/new.json']).toBeDefined());
    pending['/new.json'](new Response('{"value":2}'));
    await until(() => expect(dc.status).toBe('complete'));
    pending['/old.json'](new Response('{"value":1}'));
    await flush(); // the stale response would be applied by now
    update();
    expect(dc.value).toEqual({ value: 2 });
    expect(events.map((e) => `${e.type}:${e.detail.url}`)).toEqual(['load:/new.json']);
  });

  it('a disconnected host stops loading and aborts its request', async () => {
    let signal: AbortSignal | undefined;
    configure({
      fetch: ((_u: string, init: RequestInit) => {
        signal = init.signal ?? undefined;
        return new Promise<Response>(() => undefined);
      }) as unknown as typeof fetch,
    });
    const host = makeHost({ src: '/x.json' });
    const { dc, update } = setup(host);
    update();
    await until(() => expect(signal).toBeDefined());
    dc.hostDisconnected();
    expect(signal?.aborted).toBe(true);
  });
  it('polls src: unchanged payloads fire no event, a change fires civic-load with poll true', async () => {
    vi.useFakeTimers();
    try {
      let body = '{"value":1}';
      const spy = vi.fn(async () => new Response(body));
      configure({ fetch: spy as unknown as typeof fetch });
      const host = makeHost({ src: '/live.json', pollInterval: 10 });
      const { dc, update, events } = setup(host);
      update();
      await vi.advanceTimersByTimeAsync(0);
      update();
      expect(dc.value).toEqual({ value: 1 });
      expect(spy).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(10_000);
      update();
      expect(spy).toHaveBeenCalledTimes(2);
      expect(events.map((e) => e.type)).toEqual(['load']);
      body = '{"value":2}';
      await vi.advanceTimersByTimeAsync(10_000);
      update();
      expect(spy).toHaveBeenCalledTimes(3);
      expect(dc.value).toEqual({ value: 2 });
      expect(events.map((e) => `${e.type}:${e.detail.poll}`)).toEqual(['load:false', 'load:true']);
      dc.hostDisconnected();
      await vi.advanceTimersByTimeAsync(60_000);
      expect(spy).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });

  // The contract with the host (issue 16: the growth chart's update profile showed sync running twice per update):
  // a host that syncs in its willUpdate (CivicDataElement) is not synced again by hostUpdate in the same update.
  it('syncs once per update: hostUpdate skips it when the host synced during that update, and runs it otherwise', () => {
    const host = makeHost({ data: { value: 1 } }) as Host & { isUpdatePending?: boolean };
    const deps = vi.fn((): unknown[] => []);
    const dc = new DataController(host as never, { parse, terms: () => ({ t: en, lang: 'en' }), warn: vi.fn(), deps });
    dc.hostConnected();
    // A Lit update: willUpdate (the host syncs), then the controllers' hostUpdate, then hostUpdated.
    const litUpdate = (hostSyncs: boolean) => {
      host.isUpdatePending = true;
      if (hostSyncs) dc.sync();
      dc.hostUpdate();
      host.isUpdatePending = false;
      dc.hostUpdated();
    };
    litUpdate(true);
    expect(dc.value).toEqual({ value: 1 });
    expect(deps, 'one sync in the first update').toHaveBeenCalledTimes(1);
    host.data = { value: 2 };
    litUpdate(true);
    expect(dc.value).toEqual({ value: 2 });
    expect(deps, 'one sync in the second update').toHaveBeenCalledTimes(2);
    // A host that does not sync in willUpdate: hostUpdate does.
    host.data = { value: 3 };
    litUpdate(false);
    expect(dc.value).toEqual({ value: 3 });
    expect(deps).toHaveBeenCalledTimes(3);
    // A sync outside an update does not stand for the next update's.
    dc.sync();
    host.data = { value: 4 };
    litUpdate(false);
    expect(dc.value).toEqual({ value: 4 });
  });
});
