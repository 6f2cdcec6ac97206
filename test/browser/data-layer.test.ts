import { expect, fixture, html, oneEvent, aTimeout } from '@open-wc/testing';
import './fixtures/probe-element.js';
import type { CivicProbe } from './fixtures/probe-element.js';
import { FakeServer, gate } from './fixtures/server.js';
import { until } from './fixtures/wait.js';
import { readCache } from '../../src/data/cache.js';
import type { CivicErrorEvent } from '../../src/core/events/error-event.js';
import type { CivicLoadEvent } from '../../src/core/events/load-event.js';

const GOOD = JSON.stringify({ rows: [{ name: '中山路街道', value: 12 }, { name: '胜利路街道', value: 30 }] });

function items(el: CivicProbe): string[] {
  return [...(el.shadowRoot?.querySelectorAll('[part="list"] li') ?? [])].map((li) => li.textContent ?? '');
}
function status(el: CivicProbe): HTMLElement | null {
  return el.shadowRoot?.querySelector('[part~="status"]') ?? null;
}
/** Counts events of one type on an element for a while. */
function counter(el: EventTarget, type: string): { n: number; last?: Event } {
  const c: { n: number; last?: Event } = { n: 0 };
  el.addEventListener(type, (e) => {
    c.n++;
    c.last = e;
  });
  return c;
}

describe('data layer (shared by every element)', () => {
  const server = new FakeServer();
  let warn: typeof console.warn;
  let warnings: string[];
  beforeEach(() => {
    server.routes.clear();
    server.calls = [];
    server.install();
    warnings = [];
    warn = console.warn;
    console.warn = (...a: unknown[]) => void warnings.push(a.map(String).join(' '));
  });
  afterEach(() => {
    server.uninstall();
    console.warn = warn;
  });

  it('reads the data property, and it wins over inline JSON and src', async () => {
    server.routes.set('/x.json', { body: JSON.stringify({ rows: [{ name: 'src', value: 1 }] }) });
    const el = await fixture<CivicProbe>(html`<civic-probe src="/x.json" .data=${{ rows: [{ name: 'prop', value: 2 }] }}>
      <script type="application/json">{"rows":[{"name":"inline","value":3}]}</script>
    </civic-probe>`);
    await el.updateComplete;
    expect(items(el)).to.deep.equal(['prop=2']);
    expect(server.calls).to.have.length(0);
  });

  it('reads inline JSON before src', async () => {
    server.routes.set('/x.json', { body: GOOD });
    const el = await fixture<CivicProbe>(html`<civic-probe src="/x.json"><script type="application/json">{"rows":[{"name":"inline","value":3}]}</script></civic-probe>`);
    await el.updateComplete;
    expect(items(el)).to.deep.equal(['inline=3']);
    expect(server.calls).to.have.length(0);
  });

  it('loads src, fires civic-load once with detail, and never civic-error', async () => {
    server.routes.set('/good.json', { body: GOOD, delay: 20 });
    const el = document.createElement('civic-probe');
    const loads = counter(el, 'civic-load');
    const errors = counter(el, 'civic-error');
    el.src = '/good.json';
    const p = oneEvent(el, 'civic-load');
    document.body.append(el);
    const ev = (await p) as CivicLoadEvent;
    await el.updateComplete;
    await aTimeout(50); // time-under-test: a second civic-load or a civic-error would arrive within this
    expect(items(el)).to.deep.equal(['中山路街道=12', '胜利路街道=30']);
    expect(ev.detail).to.include({ source: 'src', url: '/good.json', count: 2, poll: false });
    expect(ev.bubbles && ev.composed).to.equal(true);
    expect(loads.n).to.equal(1);
    expect(errors.n).to.equal(0);
    el.remove();
  });

  it('shows a loading state while fetching', async () => {
    server.routes.set('/slow.json', { body: GOOD, delay: 300 });
    const el = await fixture<CivicProbe>(html`<civic-probe src="/slow.json"></civic-probe>`);
    await el.updateComplete;
    const s = status(el);
    expect(s?.getAttribute('aria-busy')).to.equal('true');
    expect(s?.textContent).to.contain('加载');
  });

  for (const [name, route, kind, text] of [
    ['an HTTP 500', { status: 500, body: 'oops' }, 'http', 'HTTP 500'],
    ['malformed JSON', { body: '{"rows": [' }, 'json', '不是有效的 JSON'],
    ['an invalid payload', { body: JSON.stringify({ rows: 'nope' }) }, 'validation', '格式不符合'],
    ['an API envelope failure', { body: JSON.stringify({ code: 500, msg: '令牌已过期', data: null }) }, 'api', '令牌已过期'],
  ] as const) {
    it(`shows a translated error state for ${name} and fires civic-error once`, async () => {
      server.routes.set('/bad.json', route);
      const el = document.createElement('civic-probe');
      const errors = counter(el, 'civic-error');
      const loads = counter(el, 'civic-load');
      el.src = '/bad.json';
      const p = oneEvent(el, 'civic-error');
      document.body.append(el);
      const ev = (await p) as CivicErrorEvent;
      await el.updateComplete;
      await aTimeout(30); // time-under-test: a second civic-error or a civic-load would arrive within this
      expect(ev.detail.kind).to.equal(kind);
      expect(ev.detail.url).to.equal('/bad.json');
      if (kind === 'http') expect(ev.detail.status).to.equal(500);
      expect(ev.detail.issues.length).to.be.greaterThan(0);
      const s = status(el);
      expect(s?.getAttribute('role')).to.equal('alert');
      expect(s?.textContent).to.contain(text);
      expect(errors.n).to.equal(1);
      expect(loads.n).to.equal(0);
      expect(warnings.filter((w) => w.startsWith('[civic-probe]'))).to.have.length(1);
      el.remove();
    });
  }

  it('keeps the last good data on screen when a later load fails, with a stale banner', async () => {
    server.routes.set('/a.json', { body: GOOD });
    server.routes.set('/b.json', { status: 503 });
    const el = document.createElement('civic-probe');
    el.src = '/a.json';
    let p = oneEvent(el, 'civic-load');
    document.body.append(el);
    await p;
    await el.updateComplete;
    p = oneEvent(el, 'civic-error');
    el.src = '/b.json';
    const ev = (await p) as CivicErrorEvent;
    await el.updateComplete;
    expect(ev.detail.keptPrevious).to.equal(true);
    expect(items(el)).to.deep.equal(['中山路街道=12', '胜利路街道=30']);
    expect(el.stale).to.equal(true);
    expect(status(el)?.textContent).to.contain('数据未更新');
    el.remove();
  });

  it('keeps the last good data when a new data property is invalid', async () => {
    const el = await fixture<CivicProbe>(html`<civic-probe .data=${JSON.parse(GOOD)}></civic-probe>`);
    const p = oneEvent(el, 'civic-error');
    el.data = { rows: 5 };
    await p;
    await el.updateComplete;
    expect(items(el)).to.have.length(2);
  });

  it('draws the valid rows of a partly invalid payload and reports the bad ones with paths', async () => {
    const el = document.createElement('civic-probe');
    const loads = counter(el, 'civic-load');
    const p = oneEvent(el, 'civic-error');
    el.data = { rows: [{ name: 'a', value: 1 }, { name: '<b>x</b>', value: 'abc' }, { name: 'c', value: 3 }] };
    document.body.append(el);
    const ev = (await p) as CivicErrorEvent;
    await el.updateComplete;
    expect(ev.detail.partial).to.equal(true);
    expect(ev.detail.issues[0].path).to.equal('rows[1].value');
    expect(ev.detail.issues[0].message).to.contain('"abc"');
    expect(items(el)).to.deep.equal(['a=1', 'c=3']);
    expect(loads.n).to.equal(1);
    el.remove();
  });

  it('renders data strings as text, never as HTML', async () => {
    const el = await fixture<CivicProbe>(html`<civic-probe .data=${{ rows: [{ name: '<img src=x onerror="window.__pwned=1">', value: 1 }] }}></civic-probe>`);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(items(el)[0]).to.contain('<img');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('a new src aborts the old request; the stale response never renders', async () => {
    // The old response is held until the new one has loaded, then let through: were the old request not aborted, it
    // would arrive last (a fixed delay could run out while fixture() resolves on a busy machine: nothing tested).
    const old = gate();
    server.routes.set('/old.json', { body: JSON.stringify({ rows: [{ name: 'old', value: 1 }] }), gate: old.promise });
    server.routes.set('/new.json', { body: JSON.stringify({ rows: [{ name: 'new', value: 2 }] }), delay: 10 });
    const el = await fixture<CivicProbe>(html`<civic-probe src="/old.json"></civic-probe>`);
    await until(() => server.calls.includes('/old.json'), 'the old request is in flight');
    const loaded = oneEvent(el, 'civic-load');
    el.src = '/new.json';
    await loaded;
    old.open();
    await aTimeout(300); // time-under-test: the released old response would render within this; it must never render
    await el.updateComplete;
    expect(items(el)).to.deep.equal(['new=2']);
  });

  it('de-duplicates concurrent requests for one URL', async () => {
    server.routes.set('/shared.json', { body: GOOD, delay: 50 });
    const wrap = await fixture(html`<div>
      <civic-probe src="/shared.json"></civic-probe><civic-probe src="/shared.json"></civic-probe><civic-probe src="/shared.json"></civic-probe>
    </div>`);
    const els = [...wrap.querySelectorAll('civic-probe')];
    await until(() => els.every((el) => items(el as CivicProbe).length > 0), 'all three elements drew');
    for (const el of els) expect(items(el as CivicProbe)).to.have.length(2);
    expect(server.calls.filter((c) => c === '/shared.json')).to.have.length(1);
  });

  it('polls src, fires civic-load only when the data changed, and stops on disconnect', async () => {
    let n = 0;
    server.routes.set('/poll.json', () => ({ body: JSON.stringify({ rows: [{ name: 'n', value: n++ < 2 ? 1 : 2 }] }) }));
    const el = document.createElement('civic-probe');
    const loads = counter(el, 'civic-load');
    el.pollInterval = 0.05;
    el.src = '/poll.json';
    document.body.append(el);
    await until(() => server.calls.length > 3 && loads.n >= 2, 'four polls and the changed payload');
    const calls = server.calls.length;
    expect(calls).to.be.greaterThan(3);
    // Two distinct payloads were served → two loads, however many polls.
    expect(loads.n).to.equal(2);
    el.remove();
    await aTimeout(200); // time-under-test: four poll intervals; no poll may follow the disconnect
    expect(server.calls.length).to.equal(calls);
  });

  it('re-renders when the inline JSON changes', async () => {
    const el = await fixture<CivicProbe>(html`<civic-probe><script type="application/json">{"rows":[{"name":"a","value":1}]}</script></civic-probe>`);
    await el.updateComplete;
    expect(items(el)).to.deep.equal(['a=1']);
    const p = oneEvent(el, 'civic-load');
    el.querySelector('script')!.textContent = '{"rows":[{"name":"b","value":2}]}';
    await p;
    await el.updateComplete;
    expect(items(el)).to.deep.equal(['b=2']);
  });

  it('reads CSV from an inline text/csv script, keeping codes as text', async () => {
    const el = await fixture<CivicProbe>(html`<civic-probe><script type="text/csv">name,value
500118002007,12.5
茶叶大厦,3</script></civic-probe>`);
    // The CSV reader loads with the first CSV text (issue 16): the rows are drawn once it is there.
    await until(() => items(el).length > 0, 'the CSV rows drawn');
    expect(items(el)).to.deep.equal(['500118002007=12.5', '茶叶大厦=3']);
  });

  it('unwraps a {code,msg,data} envelope and an ECharts dataset', async () => {
    // The envelope / dataset adapters load on first use (issue 16): civic-load says the unwrapped rows are drawn.
    // (Waiting for updateComplete alone passed only when an earlier test had loaded them: alone, it failed.)
    const el = document.createElement('civic-probe');
    let p = oneEvent(el, 'civic-load');
    el.data = { code: 0, msg: 'ok', data: { rows: [{ name: 'e', value: 1 }] } };
    document.body.append(el);
    await p;
    await el.updateComplete;
    expect(items(el)).to.deep.equal(['e=1']);
    p = oneEvent(el, 'civic-load');
    el.data = { dimensions: ['name', 'value'], source: [['d', 4]] };
    await p;
    await el.updateComplete;
    expect(items(el)).to.deep.equal(['d=4']);
    el.remove();
  });

  it('switches language with <html lang> and an ancestor lang', async () => {
    // The 404 is held until the listener is on: a 50 ms delay could run out before fixture() resolved.
    const held = gate();
    server.routes.set('/e.json', { status: 404, gate: held.promise });
    const wrap = await fixture(html`<div><civic-probe src="/e.json"></civic-probe></div>`);
    const el = wrap.querySelector('civic-probe') as CivicProbe;
    const failed = oneEvent(el, 'civic-error');
    held.open();
    await failed;
    await el.updateComplete;
    expect(status(el)?.textContent).to.contain('服务器返回 HTTP 404');
    wrap.setAttribute('lang', 'en');
    await until(() => status(el)?.textContent?.includes('The server answered'), 'the status switched to English');
    await el.updateComplete;
    expect(status(el)?.textContent).to.contain('The server answered HTTP 404');
  });

  it('never lets an exception reach the page', async () => {
    const errors: unknown[] = [];
    const onErr = (e: ErrorEvent) => errors.push(e.error);
    const onRej = (e: PromiseRejectionEvent) => errors.push(e.reason);
    window.addEventListener('error', onErr);
    window.addEventListener('unhandledrejection', onRej);
    const el = document.createElement('civic-probe');
    el.src = '/nowhere.json';
    const p = oneEvent(el, 'civic-error');
    document.body.append(el);
    await p;
    el.data = 'not json at all {';
    el.data = Symbol('x') as unknown;
    await aTimeout(50); // time-under-test: an asynchronous exception would surface within this
    el.remove();
    window.removeEventListener('error', onErr);
    window.removeEventListener('unhandledrejection', onRej);
    expect(errors).to.have.length(0);
  });
});

describe('persistent cache (opt-in `cache` attribute)', () => {
  const server = new FakeServer();
  beforeEach(() => server.install());
  afterEach(() => server.uninstall());

  it('shows the last good payload after a reload while the network is down, marked stale', async () => {
    const url = `/cached-${Math.random().toString(36).slice(2)}.json`;
    server.routes.set(url, { body: GOOD });
    const first = document.createElement('civic-probe');
    first.setAttribute('cache', '');
    first.src = url;
    const p = oneEvent(first, 'civic-load');
    document.body.append(first);
    await p;
    const key = `civic-probe||${new URL(url, document.baseURI).href}`;
    await until(async () => (await readCache(key)) !== undefined, 'the IndexedDB write');
    first.remove();

    // "Reload": a new element, and the server now fails, only after the cached payload was shown (a fixed delay
    // could run out before the IndexedDB read on a busy machine).
    const failing = gate();
    server.routes.set(url, { status: 503, gate: failing.promise });
    const warn = console.warn;
    console.warn = () => undefined;
    const second = document.createElement('civic-probe');
    second.setAttribute('cache', '');
    second.src = url;
    const failed = oneEvent(second, 'civic-error');
    document.body.append(second);
    await until(() => items(second).length > 0, 'the cached payload is shown');
    await second.updateComplete;
    expect(items(second)).to.deep.equal(['中山路街道=12', '胜利路街道=30']);
    expect(second.stale).to.equal(true);
    expect(status(second)?.textContent).to.contain('数据未更新');
    failing.open();
    await failed;
    await second.updateComplete;
    expect(items(second)).to.have.length(2);
    second.remove();
    console.warn = warn;
  });

  it('does not cache without the attribute', async () => {
    const url = `/uncached-${Math.random().toString(36).slice(2)}.json`;
    server.routes.set(url, { body: GOOD });
    const first = document.createElement('civic-probe');
    first.src = url;
    const p = oneEvent(first, 'civic-load');
    document.body.append(first);
    await p;
    await aTimeout(100); // time-under-test: an IndexedDB write, if any, would land within this
    first.remove();
    server.routes.set(url, { status: 503, delay: 300 });
    const warn = console.warn;
    console.warn = () => undefined;
    const second = document.createElement('civic-probe');
    second.setAttribute('cache', '');
    second.src = url;
    const failed = oneEvent(second, 'civic-error');
    document.body.append(second);
    await failed; // the cache is read while the request is in flight: a cached payload would show before this
    await second.updateComplete;
    expect(items(second)).to.have.length(0);
    second.remove();
    console.warn = warn;
  });
});
