// Live push sources (`src="sse+…"`, `ws://…`, `transport=`) against real local servers: the SSE endpoint and the
// `ws` WebSocketServer of test/browser/fixtures/push-server.mjs, driven through its HTTP control channel. Every wait
// is on an event or a polled condition (until); backoff and heartbeat are shortened by attributes.
import { expect } from '@open-wc/testing';
import './fixtures/probe-element.js';
import type { CivicProbe } from './fixtures/probe-element.js';
import { until as untilDeadline } from './fixtures/wait.js';
import { configure } from '../../src/data/configure.js';
import type { CivicErrorDetail, CivicErrorEvent } from '../../src/core/events/error-event.js';

interface Stats {
  connections: number;
  open: number;
  requests: { headers: Record<string, string>; lastEventId?: string | null; protocol?: string; query?: Record<string, string> }[];
}

async function ctl(ch: string, op: string, params: Record<string, string | number> = {}): Promise<Record<string, unknown>> {
  const q = new URLSearchParams({ ch, op });
  for (const [k, v] of Object.entries(params)) q.set(k, String(v));
  const r = await fetch(`/__push/control?${q}`, { cache: 'no-store' });
  return (await r.json()) as Record<string, unknown>;
}
const stats = (ch: string): Promise<Stats> => ctl(ch, 'stats') as Promise<unknown> as Promise<Stats>;
const send = (ch: string, msg: unknown, extra: Record<string, string | number> = {}) => ctl(ch, 'send', { msg: typeof msg === 'string' ? msg : JSON.stringify(msg), ...extra });

const payload = (...rows: [string, number][]) => ({ rows: rows.map(([name, value]) => ({ name, value })) });
const items = (el: CivicProbe): string[] => [...(el.shadowRoot?.querySelectorAll('[part="list"] li') ?? [])].map((li) => li.textContent ?? '');
const banner = (el: CivicProbe): HTMLElement | null => el.shadowRoot?.querySelector('[part~="status"]') ?? null;

// Messages on localhost arrive in milliseconds; 10 s is generous even on a loaded machine and keeps a broken build's
// run of this file inside the runner's time limit.
const until = (p: () => unknown, message: string): Promise<void> => untilDeadline(p, message, 10_000);

let wsPort = 0;
let seq = 0;
const mounted: HTMLElement[] = [];
const channels: string[] = [];

before(async () => {
  wsPort = Number((await ctl('default', 'info')).wsPort);
});

afterEach(async () => {
  for (const el of mounted.splice(0)) el.remove();
  for (const ch of channels.splice(0)) await ctl(ch, 'reset');
  configure({ headers: {}, wsProtocols: [], wsQuery: {} });
});

for (const kind of ['sse', 'ws'] as const) {
  describe(`push source over ${kind === 'sse' ? 'Server-Sent Events' : 'WebSocket'}`, () => {
    let warn: typeof console.warn;
    beforeEach(() => {
      warn = console.warn;
      console.warn = () => undefined; // every civic-error warns once; the tests count the events instead
    });
    afterEach(() => {
      console.warn = warn;
    });

    function channel(initial?: unknown): Promise<string> {
      const ch = `${kind}-${++seq}-${Date.now()}`;
      channels.push(ch);
      return initial === undefined ? Promise.resolve(ch) : ctl(ch, 'config', { initial: JSON.stringify(initial) }).then(() => ch);
    }
    const srcOf = (ch: string): string => (kind === 'sse' ? `sse+/__push/sse?ch=${ch}` : `ws://127.0.0.1:${wsPort}/?ch=${ch}`);

    function mount(ch: string, attrs: Record<string, string> = {}, src = srcOf(ch)): { el: CivicProbe; errors: CivicErrorDetail[]; loads: number[] } {
      const el = document.createElement('civic-probe');
      const errors: CivicErrorDetail[] = [];
      const loads: number[] = [];
      el.addEventListener('civic-error', (e) => errors.push((e as CivicErrorEvent).detail));
      el.addEventListener('civic-load', () => loads.push(loads.length + 1));
      el.setAttribute('reconnect-delay', '40');
      el.setAttribute('reconnect-max', '200');
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      el.setAttribute('src', src);
      document.body.append(el);
      mounted.push(el);
      return { el, errors, loads };
    }

    async function open(ch: string, n = 1): Promise<void> {
      await until(async () => (await stats(ch)).open >= n, `${n} open ${kind} connection(s) on ${ch}`);
    }

    it('shows the payload sent on connect, then full replacements (bare and typed) through validation', async () => {
      const ch = await channel(payload(['a', 1], ['b', 2]));
      const { el, errors } = mount(ch);
      await until(() => items(el).join() === 'a=1,b=2', 'first payload drawn');
      expect(el.dataStatus).to.equal('complete');
      await send(ch, payload(['c', 3]));
      await until(() => items(el).join() === 'c=3', 'bare payload replaces');
      await send(ch, { type: 'replace', data: { code: 0, msg: 'ok', data: payload(['d', 4], ['e', 5]) } });
      await until(() => items(el).join() === 'd=4,e=5', 'typed replace, envelope unwrapped by the adapters');
      expect(errors).to.deep.equal([]);
      expect(el.stale).to.equal(false);
      expect((await stats(ch)).connections).to.equal(1);
    });

    it(`also takes a plain URL with transport="${kind}"`, async () => {
      const ch = await channel(payload(['t', 7]));
      const plain = kind === 'sse' ? `/__push/sse?ch=${ch}` : `http://127.0.0.1:${wsPort}/?ch=${ch}`;
      const { el } = mount(ch, { transport: kind }, plain);
      await until(() => items(el).join() === 't=7', 'payload over the forced transport');
    });

    it('merges patch messages by key into the current payload (update, append, remove)', async () => {
      const ch = await channel(payload(['a', 1], ['b', 2]));
      const { el, errors } = mount(ch, { 'patch-key': 'name' });
      await until(() => items(el).join() === 'a=1,b=2', 'first payload');
      await send(ch, { type: 'patch', data: [{ name: 'b', value: 20 }, { name: 'c', value: 3 }] });
      await until(() => items(el).join() === 'a=1,b=20,c=3', 'patched: b updated, c appended');
      await send(ch, { type: 'patch', data: [], remove: ['a'] });
      await until(() => items(el).join() === 'b=20,c=3', 'a removed');
      if (kind === 'sse') {
        // An SSE event name gives untyped data its type.
        await send(ch, [{ name: 'c', value: 30 }], { event: 'patch' });
        await until(() => items(el).join() === 'b=20,c=30', 'patch by event name');
      }
      expect(errors).to.deep.equal([]);
    });

    it('a corrupt or invalid message fires civic-error and keeps the last good data; the stream goes on', async () => {
      const ch = await channel(payload(['a', 1], ['b', 2]));
      const { el, errors } = mount(ch, { 'patch-key': 'name' });
      await until(() => items(el).join() === 'a=1,b=2', 'first payload');
      await send(ch, '{"rows": [{"name": "x", "val');
      await until(() => errors.length === 1, 'civic-error for malformed JSON');
      expect(errors[0]).to.include({ kind: 'json', keptPrevious: true, partial: false });
      expect(items(el).join()).to.equal('a=1,b=2');
      expect(el.stale).to.equal(true);
      expect(banner(el)?.dataset.kind).to.equal('error');

      await send(ch, { rows: [{ name: 'x', value: 'not a number' }] });
      await until(() => errors.length === 2, 'civic-error for a payload with nothing valid');
      expect(errors[1]).to.include({ kind: 'validation', keptPrevious: true });
      expect(items(el).join()).to.equal('a=1,b=2');

      // A patch that would make a row invalid is rejected whole; the row keeps its old value.
      await send(ch, { type: 'patch', data: [{ name: 'a', value: 'abc' }, { name: 'b', value: 22 }] });
      await until(() => errors.length === 3, 'civic-error for a bad patch');
      expect(errors[2]).to.include({ kind: 'validation', keptPrevious: true });
      expect(errors[2].message).to.match(/rows\[0\]\.value/);
      expect(items(el).join()).to.equal('a=1,b=2');

      await send(ch, { type: 'patch', data: [{ name: 'z' }] });
      await until(() => errors.length === 4, 'civic-error for a patch row without the key');
      await send(ch, { type: 'patch', data: [{ name: 'b', value: 23 }] });
      await until(() => items(el).join() === 'a=1,b=23', 'a good message after the bad ones');
      expect(el.stale).to.equal(false);
      expect(banner(el)).to.equal(null);
      expect((await stats(ch)).connections).to.equal(1);
    });

    it('reconnects with backoff after a cut and keeps the data; refused attempts report one civic-error per outage', async () => {
      const ch = await channel(payload(['a', 1]));
      const { el, errors } = mount(ch);
      await until(() => items(el).join() === 'a=1', 'first payload');
      await open(ch);
      await ctl(ch, 'config', { refuse: 503 });
      await ctl(ch, 'cut');
      await until(() => el.stale, 'marked stale when the connection dropped');
      expect(items(el).join()).to.equal('a=1');
      // Several reconnect attempts are refused (backoff 40 ms doubling to 200 ms), one civic-error for the outage.
      await until(async () => (await stats(ch)).connections >= 4, 'reconnect attempts while refused');
      expect(errors.length).to.equal(1);
      expect(errors[0]).to.include({ keptPrevious: true, kind: kind === 'sse' ? 'http' : 'network' });
      if (kind === 'sse') expect(errors[0].status).to.equal(503);
      expect(items(el).join()).to.equal('a=1');
      await ctl(ch, 'config', { refuse: 0, initial: JSON.stringify(payload(['a', 2])) });
      await until(() => items(el).join() === 'a=2' && !el.stale, 'reconnected: new data, no longer stale');
      expect(banner(el)).to.equal(null);
      await send(ch, payload(['a', 3]));
      await until(() => items(el).join() === 'a=3', 'data continues on the new connection');
    });

    it('waits through a slow connection and a delayed message without marking anything', async () => {
      const ch = await channel(payload(['a', 1]));
      await ctl(ch, 'config', { connectDelay: 300, heartbeat: 50 });
      const { el, errors } = mount(ch, { heartbeat: '5' });
      await until(() => el.dataStatus === 'loading', 'loading while the server holds the connection');
      await until(() => items(el).join() === 'a=1', 'payload after the delayed connect');
      await send(ch, payload(['a', 9]), { delay: 300 });
      expect(items(el).join()).to.equal('a=1');
      await until(() => items(el).join() === 'a=9', 'delayed message applied');
      expect(errors).to.deep.equal([]);
      expect(el.stale).to.equal(false);
      expect((await stats(ch)).connections).to.equal(1);
    });

    it('a heartbeat timeout shows the stale banner and replaces the connection; pings clear it', async () => {
      const ch = await channel(payload(['a', 1]));
      await ctl(ch, 'config', { heartbeat: 50 });
      const { el, errors } = mount(ch, { heartbeat: '0.4' });
      await until(() => items(el).join() === 'a=1', 'first payload');
      await ctl(ch, 'config', { heartbeat: 0, initial: '' });
      await until(() => banner(el)?.dataset.kind === 'stale', 'stale banner after the heartbeat timeout');
      expect(el.stale).to.equal(true);
      expect(items(el).join()).to.equal('a=1');
      await until(async () => (await stats(ch)).connections >= 2, 'the silent connection was replaced');
      await ctl(ch, 'config', { heartbeat: 50 });
      await until(() => banner(el) === null && !el.stale, 'pings again: stale banner cleared');
      expect(items(el).join()).to.equal('a=1');
      expect(errors).to.deep.equal([]);
    });

    it('closes its connection when removed from the page or when src changes', async () => {
      const ch = await channel(payload(['a', 1]));
      const ch2 = await channel(payload(['b', 2]));
      const { el } = mount(ch);
      await open(ch);
      el.src = srcOf(ch2);
      await until(() => items(el).join() === 'b=2', 'the new source is shown');
      await until(async () => (await stats(ch)).open === 0, 'the old connection closed on src change');
      el.remove();
      await until(async () => (await stats(ch2)).open === 0, 'the connection closed on disconnect');
      // Nothing reconnects afterwards (no leaked timer): a cut of a closed channel finds no client to reach.
      await ctl(ch2, 'config', { heartbeat: 20 });
      const before = (await stats(ch2)).connections;
      document.body.append(el);
      await until(async () => (await stats(ch2)).open === 1, 'reconnected when put back');
      expect((await stats(ch2)).connections).to.equal(before + 1);
    });

    if (kind === 'sse') {
      it('sends configure() headers and Last-Event-ID on reconnect', async () => {
        configure({ headers: { Authorization: 'Bearer live-token', 'X-Wall': 'hall-1' } });
        const ch = await channel(payload(['a', 1]));
        const { el } = mount(ch);
        await until(() => items(el).join() === 'a=1', 'first payload');
        await send(ch, payload(['a', 2]), { id: '42' });
        await until(() => items(el).join() === 'a=2', 'event with id 42');
        await ctl(ch, 'cut');
        await until(async () => (await stats(ch)).connections >= 2, 'reconnected');
        const s = await stats(ch);
        expect(s.requests[0].headers.authorization).to.equal('Bearer live-token');
        expect(s.requests[0].headers['x-wall']).to.equal('hall-1');
        expect(s.requests[0].headers.accept).to.equal('text/event-stream');
        expect(s.requests[0].lastEventId).to.equal(null);
        expect(s.requests[1].lastEventId).to.equal('42');
        expect(s.requests[1].headers.authorization).to.equal('Bearer live-token');
      });
    } else {
      it('sends the configure() token as sub-protocol and query parameter', async () => {
        configure({ wsProtocols: ['civic.v1', 'tok-123'], wsQuery: { access_token: 'q-456' } });
        const ch = await channel(payload(['a', 1]));
        const { el } = mount(ch);
        await until(() => items(el).join() === 'a=1', 'first payload');
        const s = await stats(ch);
        expect(s.requests[0].headers['sec-websocket-protocol']).to.equal('civic.v1, tok-123');
        expect(s.requests[0].protocol).to.equal('civic.v1');
        expect(s.requests[0].query).to.deep.equal({ ch, access_token: 'q-456' });
      });
    }
  });
}
