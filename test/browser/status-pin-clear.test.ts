// The pinned "not updated" badge on a wall (R2, session 17): over kept data in a fixed-size panel it is out of flow at
// the top-end corner (status-pin.test.ts), and the element's first row keeps the badge's width free, so the badge
// covers no control (export button), not the illustrative mark and no text of the title, in both languages, and the
// picture still stays inside its host. Retry and dismiss are in the badge's pop, reached from its summary.
import { expect, fixture, nextFrame, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/rank-board/rank-board.define.js';
import type { CivicRankBoard } from '../../src/components/rank-board/rank-board.js';
import { FakeServer } from './fixtures/server.js';

// A long title (text at the row's end) and a short one (the illustrative mark and the export button at its end).
const LONG = { title: '各社区问题解决数量（示例数据，全年累计）', titleEn: 'Issues resolved by community (illustrative, year to date)' };
const SHORT = { title: '问题解决', titleEn: 'Issues' };
const BOARD = {
  illustrative: true,
  rows: Array.from({ length: 5 }, (_, i) => ({ id: `c${i}`, name: `社区${i + 1}`, value: 1000 - i * 50 })),
};
const meets = (a: DOMRect, b: DOMRect) => a.width > 0 && b.width > 0 && a.left < b.right - 0.5 && a.right > b.left + 0.5 && a.top < b.bottom - 0.5 && a.bottom > b.top + 0.5;

describe('pinned status badge on a wall panel covers no control, mark or text', () => {
  const server = new FakeServer();
  let warn: typeof console.warn;
  beforeEach(() => {
    warn = console.warn;
    console.warn = () => {};
    server.routes.clear();
    server.routes.set('/long.json', { body: JSON.stringify({ ...BOARD, ...LONG }) });
    server.routes.set('/short.json', { body: JSON.stringify({ ...BOARD, ...SHORT }) });
    server.routes.set('/down.json', { status: 500 });
    server.install();
  });
  afterEach(() => {
    console.warn = warn;
    server.uninstall();
  });

  for (const lang of ['zh-CN', 'en'])
    for (const title of ['long', 'short'])
      it(`${lang}, ${title} title: after a failed refresh the badge meets no button, no illustrative mark, no title text`, async () => {
        const loaded = oneEvent(document, 'civic-load');
        const wrap = await fixture<HTMLElement>(
          `<div density="screen"><civic-rank-board lang="${lang}" export interval="0" style="display:block;width:480px;height:1px" src="/${title}.json"></civic-rank-board></div>`,
        );
        const el = wrap.querySelector<CivicRankBoard>('civic-rank-board')!;
        await loaded;
        await el.whenDrawn();
        const root = el.shadowRoot!;
        el.style.height = `${root.querySelector('[part~="base"]')?.getBoundingClientRect().height ?? el.scrollHeight}px`;
        const failed = oneEvent(el, 'civic-error');
        el.src = '/down.json';
        await failed;
        await waitUntil(() => root.querySelector('[part~="status"][data-pin]'), 'pinned badge', { timeout: 20000 });
        const s = root.querySelector<HTMLElement>('[part~="status"]')!;
        // What the badge covers: controls, the illustrative mark, the title's text; and whether the picture left the host.
        const problems = () => {
          const b = s.getBoundingClientRect();
          const out = [...root.querySelectorAll<HTMLElement>('button, input, summary, [part~="illustrative"]')]
            .filter((x) => !s.contains(x) && meets(x.getBoundingClientRect(), b))
            .map((x) => x.getAttribute('part') ?? x.localName);
          const range = document.createRange();
          range.selectNodeContents(root.querySelector('[part~="title"]')!);
          if ([...range.getClientRects()].some((q) => meets(q, b))) out.push('title text');
          if (el.scrollHeight > el.clientHeight + 1) out.push('picture past the host');
          return out;
        };
        // The row's room is measured a frame after the badge is drawn: wait for a clear badge, then say what it covers.
        await waitUntil(() => problems().length === 0, 'badge clear', { timeout: 5000 }).catch(() => {});
        expect(problems(), 'under the badge / past the host').to.deep.equal([]);
        // Retry and dismiss: in the pop, reached from the badge's summary.
        const summary = s.querySelector<HTMLElement>('summary')!;
        summary.focus();
        expect(summary.matches(':focus')).to.equal(true);
        summary.click();
        await nextFrame();
        const buttons = [...s.querySelectorAll<HTMLButtonElement>('.status-pop button')].map((x) => x.textContent!.trim() || x.getAttribute('aria-label'));
        expect(buttons.length, 'retry and dismiss in the pop').to.equal(2);
        expect(buttons[0]).to.equal(lang === 'en' ? 'Retry' : '重试');
        // Recovered: no badge, and the row has its whole width back.
        const row = root.querySelector<HTMLElement>('[part~="header"]')!;
        expect(row.style.paddingInlineEnd, 'room kept for the badge').to.not.equal('');
        const back = oneEvent(el, 'civic-load');
        el.src = `/${title}.json`;
        await back;
        await waitUntil(() => !root.querySelector('[part~="status"]') && row.style.paddingInlineEnd === '', 'row width back', { timeout: 5000 });
      });
});
