// How a web team drives an element's data in practice: `src` changed in quick succession (an older slow answer must
// never replace a newer one), `src` removed mid-request, the `data` property set while a request is in flight, the
// element moved in the page mid-request. One picture, the newest; no stray civic-load or civic-error.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/rank-board/rank-board.define.js';
import type { CivicRankBoard } from '../../src/components/rank-board/rank-board.js';
import { FakeServer, gate } from './fixtures/server.js';
import { fetchData } from '../../src/data/fetch-json.js';

const board = (name: string) => JSON.stringify({ rows: [{ id: 'a', name, value: 10 }, { id: 'b', name: `${name}2`, value: 5 }] });
const text = (el: Element) => el.shadowRoot!.textContent!;

/**
 * Lets a held answer through and waits until the element has had it: a request of our own for the URL joins the
 * element's if that one still runs (one shared request, whose handlers run in order), then the element's update.
 */
async function release(el: CivicRankBoard, url: string, g: { open: () => void }): Promise<void> {
  g.open();
  await fetchData(url);
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(r));
  await el.updateComplete;
}

/** Counts the element's civic-load and civic-error events from now on. */
function count(el: Element) {
  const n = { load: 0, error: 0 };
  el.addEventListener('civic-load', () => n.load++);
  el.addEventListener('civic-error', () => n.error++);
  return n;
}

describe('data races a web team runs into', () => {
  const server = new FakeServer();
  beforeEach(() => {
    server.routes.clear();
    server.install();
  });
  afterEach(() => server.uninstall());

  it('src A (slow) then src B (fast): B is shown, and A arriving later changes nothing', async () => {
    const slow = gate();
    server.routes.set('/r/a.json', { body: board('甲慢'), gate: slow.promise });
    server.routes.set('/r/b.json', { body: board('乙快') });
    const el = await fixture<CivicRankBoard>(html`<civic-rank-board src="/r/a.json"></civic-rank-board>`);
    const n = count(el);
    await waitUntil(() => server.calls.includes('/r/a.json'), 'A requested');
    const loadedB = oneEvent(el, 'civic-load');
    el.src = '/r/b.json';
    await loadedB;
    await el.whenDrawn();
    await release(el, '/r/a.json', slow);
    await el.whenDrawn();
    expect(text(el)).to.contain('乙快');
    expect(text(el)).not.to.contain('甲慢');
    expect(n).to.deep.equal({ load: 1, error: 0 });
  });

  it('src removed while its request is in flight: no event, the answer is not drawn', async () => {
    const slow = gate();
    server.routes.set('/r/first.json', { body: board('先到') });
    server.routes.set('/r/c.json', { body: board('丙'), gate: slow.promise });
    const loaded = oneEvent(document, 'civic-load');
    const el = await fixture<CivicRankBoard>(html`<civic-rank-board src="/r/first.json"></civic-rank-board>`);
    await loaded;
    const n = count(el);
    el.src = '/r/c.json';
    await waitUntil(() => server.calls.includes('/r/c.json'), 'C requested');
    el.removeAttribute('src');
    await el.updateComplete;
    await release(el, '/r/c.json', slow);
    expect(n, 'nothing from the dropped request').to.deep.equal({ load: 0, error: 0 });
    expect(text(el)).not.to.contain('丙');
    el.data = JSON.parse(board('属性')) as never;
    await oneEvent(el, 'civic-load');
    await el.whenDrawn();
    expect(text(el)).to.contain('属性');
    expect(text(el)).not.to.contain('丙');
    expect(n).to.deep.equal({ load: 1, error: 0 });
  });

  it('data property set while src is in flight: the property wins, the late answer is dropped', async () => {
    const slow = gate();
    server.routes.set('/r/d.json', { body: board('丁网络'), gate: slow.promise });
    const el = await fixture<CivicRankBoard>(html`<civic-rank-board src="/r/d.json"></civic-rank-board>`);
    const n = count(el);
    await waitUntil(() => server.calls.includes('/r/d.json'), 'D requested');
    const loaded = oneEvent(el, 'civic-load');
    el.data = JSON.parse(board('丁属性')) as never;
    await loaded;
    await release(el, '/r/d.json', slow);
    expect(text(el)).to.contain('丁属性');
    expect(n, 'nothing from the dropped request').to.deep.equal({ load: 1, error: 0 });
    // Back to src: it loads again (the answer of the dropped request was never drawn).
    const back = oneEvent(el, 'civic-load');
    el.data = undefined;
    await back;
    await el.whenDrawn();
    expect(text(el)).to.contain('丁网络');
    expect(n).to.deep.equal({ load: 2, error: 0 });
  });

  it('moved in the page mid-request: fetched again, one civic-load, no error', async () => {
    const slow = gate();
    server.routes.set('/r/e.json', { body: board('戊'), gate: slow.promise });
    const wrap = await fixture<HTMLDivElement>(html`<div><div id="one"><civic-rank-board src="/r/e.json"></civic-rank-board></div><div id="two"></div></div>`);
    const el = wrap.querySelector<CivicRankBoard>('civic-rank-board')!;
    const n = count(el);
    await waitUntil(() => server.calls.filter((c) => c === '/r/e.json').length === 1, 'E requested');
    wrap.querySelector('#two')!.append(el);
    await waitUntil(() => server.calls.filter((c) => c === '/r/e.json').length === 2, 'E requested again');
    const loaded = oneEvent(el, 'civic-load');
    slow.open();
    await loaded;
    await el.whenDrawn();
    expect(text(el)).to.contain('戊');
    expect(n).to.deep.equal({ load: 1, error: 0 });
  });

  it('removed mid-request and put back later: loads then, one civic-load', async () => {
    const slow = gate();
    server.routes.set('/r/f.json', { body: board('己'), gate: slow.promise });
    const wrap = await fixture<HTMLDivElement>(html`<div><civic-rank-board src="/r/f.json"></civic-rank-board></div>`);
    const el = wrap.querySelector<CivicRankBoard>('civic-rank-board')!;
    const n = count(el);
    await waitUntil(() => server.calls.includes('/r/f.json'), 'F requested');
    el.remove();
    await release(el, '/r/f.json', slow);
    expect(n).to.deep.equal({ load: 0, error: 0 });
    const loaded = oneEvent(el, 'civic-load');
    wrap.append(el);
    await loaded;
    await el.whenDrawn();
    expect(text(el)).to.contain('己');
    expect(n).to.deep.equal({ load: 1, error: 0 });
  });
});
