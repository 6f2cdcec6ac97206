// The status banner over a kept picture in a host whose height does not follow its content (S, session 17): on a page
// with a fixed-height host, and on a wall (density screen), a failed refresh shows the compact badge over the
// picture's top-end corner (out of flow), never a strip that pushes the picture out of the host; where the host grows
// with its content the strip stays in flow above the picture (issue 13). The demo wall itself: wall-a2-stale.
import { expect, fixture, html, nextFrame, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/rank-board/rank-board.define.js';
import type { CivicRankBoard } from '../../src/components/rank-board/rank-board.js';
import { FakeServer } from './fixtures/server.js';
import { LitElement } from 'lit';
import { renderPlainStatus, stateStyles } from '../../src/core/render/states.js';

// The plain banner (drawn while the full one loads, and instead of it on a page that lost its network) in a bare host.
class PlainHost extends LitElement {
  static override styles = stateStyles;
  override render() {
    return renderPlainStatus('error', 'alert', '数据加载失败', true, '数据未更新');
  }
}
customElements.define('s17-plain-host', PlainHost);

const status = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part~="status"]');
const base = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
const BOARD = { rows: Array.from({ length: 5 }, (_, i) => ({ id: `c${i}`, name: `社区${i + 1}`, value: 1000 - i * 50 })) };

describe('status banner over a kept picture in a fixed-height host', () => {
  const server = new FakeServer();
  let warn: typeof console.warn;
  beforeEach(() => {
    warn = console.warn;
    console.warn = () => {};
    server.routes.clear();
    server.routes.set('/ok.json', { body: JSON.stringify(BOARD) });
    server.routes.set('/down.json', { status: 500 });
    server.install();
  });
  afterEach(() => {
    console.warn = warn;
    server.uninstall();
  });

  async function failAfterGood(style: string, attrs = ''): Promise<CivicRankBoard & { seen: string[] }> {
    const loaded = oneEvent(document, 'civic-load');
    const wrap = await fixture<HTMLElement>(`<div ${attrs}><civic-rank-board lang="zh-CN" interval="0" style="${style}" src="/ok.json"></civic-rank-board></div>`);
    const el = wrap.querySelector<CivicRankBoard>('civic-rank-board')!;
    await loaded;
    await el.whenDrawn();
    // Fit the host to its picture (no slack), as a wall's panel is sized.
    if (style.includes('height')) el.style.height = `${base(el).getBoundingClientRect().height}px`;
    // Every banner as it comes (plain, then full), before it is painted: is it out of flow?
    const seen: string[] = [];
    new MutationObserver(() => {
      const s = status(el);
      if (s) seen.push(getComputedStyle(s).position);
    }).observe(el.shadowRoot!, { childList: true, subtree: true, attributes: true });
    const failed = oneEvent(el, 'civic-error');
    el.src = '/down.json';
    await failed;
    return Object.assign(el, { seen });
  }

  for (const [name, style, attrs] of [
    ['a page, host height fixed', 'display:block;width:600px;height:1px', ''],
    ['a wall (density screen)', 'display:block;width:600px;height:1px', 'density="screen"'],
  ])
    it(`${name}: the badge sits over the top-end corner and the picture stays inside the host`, async () => {
      const el = await failAfterGood(style, attrs);
      await waitUntil(() => status(el)?.hasAttribute('data-pin'), 'pinned badge', { timeout: 20000 });
      await el.updateComplete;
      await nextFrame();
      const s = status(el)!;
      const host = el.getBoundingClientRect();
      const r = s.getBoundingClientRect();
      expect(base(el).getBoundingClientRect().bottom, 'the picture is not pushed out').to.be.at.most(host.bottom + 0.5);
      expect(getComputedStyle(s).position).to.equal('absolute');
      expect(r.right, 'at the end edge').to.be.closeTo(host.right, 1);
      expect(r.top, 'at the top').to.be.closeTo(host.top, 1);
      expect(r.width * r.height, 'a small corner').to.be.lessThan((host.width * host.height) / 8);
      expect(s.getAttribute('role')).to.equal('alert');
      expect(s.hasAttribute('data-compact'), 'one word').to.equal(true);
      expect(s.querySelector('summary')!.textContent).to.contain('未更新');
      expect(s.querySelector('summary')!.getAttribute('aria-label'), 'the full message is named').to.contain('未更新');
      expect(s.querySelector('.status-pop')!.textContent, 'the full message is kept').to.contain('HTTP 500');
      expect([...s.querySelectorAll('button')].map((b) => b.textContent!.trim())).to.include('重试');
      expect(parseFloat(getComputedStyle(s.querySelector('summary')!).fontSize)).to.be.at.least(12);
      expect(el.shadowRoot!.textContent, 'the last good data is kept').to.contain('社区5');
      // The details open next to the badge, wide enough to read.
      s.querySelector('summary')!.click();
      await nextFrame();
      expect(s.querySelector<HTMLElement>('.status-pop')!.getBoundingClientRect().width).to.be.greaterThan(r.width);
      // On a wall the host is known to be fixed from the start: no banner there was ever in flow, not even for a frame.
      if (attrs) expect([...new Set(el.seen)], 'positions of the banners drawn').to.deep.equal(['absolute']);
    });

  it('a page, host height following its content: the strip stays in flow above the picture', async () => {
    const el = await failAfterGood('display:block;width:600px');
    await waitUntil(() => status(el)?.querySelector('button'), 'full banner', { timeout: 20000 });
    await nextFrame();
    await nextFrame();
    await el.updateComplete;
    const s = status(el)!;
    expect(s.hasAttribute('data-pin')).to.equal(false);
    expect(getComputedStyle(s).position).to.equal('static');
    expect(s.textContent).to.contain('数据未更新');
    expect(base(el).getBoundingClientRect().bottom).to.be.at.most(el.getBoundingClientRect().bottom + 0.5);
  });

  it('the plain banner over a kept picture is out of flow on a wall too, in flow on a page', async () => {
    const wall = await fixture<PlainHost>(html`<s17-plain-host data-density="screen"></s17-plain-host>`);
    expect(getComputedStyle(status(wall)!).position).to.equal('absolute');
    const page = await fixture<PlainHost>(html`<s17-plain-host data-density="default"></s17-plain-host>`);
    expect(getComputedStyle(status(page)!).position).to.equal('static');
  });
});
