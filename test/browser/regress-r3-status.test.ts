// R3 s17 regression probes: the status badge over kept data (8266814) in fixed-height hosts of pages nobody here
// wrote (a flex column, height:100% in a fixed box; and, since 1e19593, a page fixing the height of the element's
// panel rather than the element's: a CSS grid 1fr row, a fixed box with overflow hidden around an auto-height
// element), not a wall; recovery clears it, a new failure shows it again, a dismissed badge comes back at the next
// change of state (README "Validation and errors").
import { expect, fixture, nextFrame, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/rank-board/rank-board.define.js';
import type { CivicRankBoard } from '../../src/components/rank-board/rank-board.js';
import { FakeServer } from './fixtures/server.js';

const status = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part~="status"]');
const base = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
const BOARD = { rows: Array.from({ length: 6 }, (_, i) => ({ id: `c${i}`, name: `社区${i + 1}`, value: 1000 - i * 50 })) };

const HOSTS: Array<[string, string]> = [
  ['a flex column, flex:1', `<div style="display:flex;flex-direction:column;height:HPX;width:600px"><civic-rank-board style="flex:1;min-height:0" lang="zh-CN" interval="0" src="/ok.json"></civic-rank-board></div>`],
  ['height:100% in a fixed box', `<div style="height:HPX;width:600px"><civic-rank-board style="height:100%" lang="zh-CN" interval="0" src="/ok.json"></civic-rank-board></div>`],
  ['a CSS grid panel (1fr row)', `<div style="display:grid;grid-template-rows:1fr;height:HPX;width:600px"><civic-rank-board lang="zh-CN" interval="0" src="/ok.json"></civic-rank-board></div>`],
  ['a fixed-height panel, overflow hidden, element auto height', `<div style="height:HPX;width:600px;overflow:hidden"><civic-rank-board lang="zh-CN" interval="0" src="/ok.json"></civic-rank-board></div>`],
];

describe('R3: status badge over kept data in fixed-height page hosts', () => {
  const server = new FakeServer();
  let warn: typeof console.warn;
  beforeEach(() => {
    warn = console.warn;
    console.warn = () => {};
    server.routes.clear();
    server.routes.set('/ok.json', { body: JSON.stringify(BOARD) });
    server.routes.set('/ok2.json', { body: JSON.stringify({ rows: BOARD.rows.map((r) => ({ ...r, value: r.value + 1 })) }) });
    server.routes.set('/down.json', { status: 500 });
    server.install();
  });
  afterEach(() => {
    console.warn = warn;
    server.uninstall();
  });

  for (const [name, markup] of HOSTS)
    it(`${name}: badge inside the host, cleared by recovery, back at the next failure, dismiss then back`, async () => {
      // Size the host to the picture first (no slack), as a dashboard's panel would be.
      const loaded = oneEvent(document, 'civic-load');
      const probe = await fixture<HTMLElement>(markup.replace('HPX', '2000px').replace('height:100%', 'height:auto').replace('flex:1;', ''));
      await loaded;
      const pb = probe.querySelector<CivicRankBoard>('civic-rank-board')!;
      await pb.whenDrawn();
      const h = Math.ceil(base(pb).getBoundingClientRect().height);
      probe.remove();

      const loaded2 = oneEvent(document, 'civic-load');
      const wrap = await fixture<HTMLElement>(markup.replace('HPX', `${h}px`));
      const el = wrap.querySelector<CivicRankBoard>('civic-rank-board')!;
      await loaded2;
      await el.whenDrawn();
      const inside = (what: string) => {
        const b = base(el).getBoundingClientRect();
        expect(b.bottom, `${what}: picture bottom ${b.bottom} within the panel ${wrap.getBoundingClientRect().bottom}`).to.be.at.most(wrap.getBoundingClientRect().bottom + 0.5);
      };
      const fail = async () => {
        const failed = oneEvent(el, 'civic-error');
        el.src = el.src === '/down.json' ? '/down.json?again' : '/down.json';
        await failed;
        await waitUntil(() => status(el)?.hasAttribute('data-pin'), 'pinned badge', { timeout: 20000 });
        await el.updateComplete;
        await nextFrame();
        inside('after a failure');
        expect(el.shadowRoot!.textContent, 'kept data').to.contain('社区6');
      };
      server.routes.set('/down.json?again', { status: 503 });
      await fail();
      // Recovery clears it.
      const back = oneEvent(el, 'civic-load');
      el.src = '/ok2.json';
      await back;
      await el.whenDrawn();
      expect(status(el), 'no banner after recovery').to.equal(null);
      inside('after recovery');
      // Next failure: the badge again, still out of flow.
      await fail();
      // Dismiss: gone; the picture still inside.
      const x = [...status(el)!.querySelectorAll('button')].find((b) => b !== status(el)!.querySelector('[part~="retry"]') && /×|关闭|dismiss/i.test(`${b.textContent}${b.getAttribute('aria-label')}`));
      expect(x, 'a dismiss button').to.not.equal(undefined);
      x!.click();
      await el.updateComplete;
      expect(status(el), 'dismissed').to.equal(null);
      // Another failure (a different one) brings it back, pinned.
      await fail();
    });
});
