// A pinned badge that dropped to its sign only (no room for its word in the element's first row, 7949853) comes back
// with its word when the panel widens, and drops to the sign again when it narrows (the row's width is watched while
// the badge is pinned); a later failure after a recovery starts from the word again.
import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/rank-board/rank-board.define.js';
import type { CivicRankBoard } from '../../src/components/rank-board/rank-board.js';
import { FakeServer } from './fixtures/server.js';

const BOARD = {
  title: '各社区问题解决数量（示例数据，全年累计，按街道汇总）',
  titleEn: 'Issues resolved by community, year to date, by street (illustrative)',
  rows: Array.from({ length: 5 }, (_, i) => ({ id: `c${i}`, name: `社区${i + 1}`, value: 1000 - i * 50 })),
};
const NARROW = 330;
const WIDE = 1400;

describe('pinned badge word follows the row width', () => {
  const server = new FakeServer();
  let warn: typeof console.warn;
  beforeEach(() => {
    warn = console.warn;
    console.warn = () => {};
    server.routes.clear();
    server.routes.set('/board.json', { body: JSON.stringify(BOARD) });
    server.routes.set('/short.json', { body: JSON.stringify({ ...BOARD, title: '问题解决', titleEn: 'Issues' }) });
    server.routes.set('/down.json', { status: 500 });
    server.install();
  });
  afterEach(() => {
    console.warn = warn;
    server.uninstall();
  });

  for (const lang of ['zh-CN', 'en'])
    it(`${lang}: sign only when narrow, the word back when wide, the sign again when narrow; a new failure starts from the word`, async () => {
      const loaded = oneEvent(document, 'civic-load');
      const wrap = await fixture<HTMLElement>(
        `<div density="screen" style="width:${NARROW}px"><civic-rank-board lang="${lang}" export interval="0" style="display:block;height:1px" src="/board.json"></civic-rank-board></div>`,
      );
      const el = wrap.querySelector<CivicRankBoard>('civic-rank-board')!;
      await loaded;
      await el.whenDrawn();
      const root = el.shadowRoot!;
      el.style.height = `${root.querySelector('[part~="base"]')!.getBoundingClientRect().height + 8}px`;
      const failed = oneEvent(el, 'civic-error');
      el.src = '/down.json';
      await failed;
      const word = () => root.querySelector<HTMLElement>('[part~="status"][data-pin] summary span:not(.status-icon)');
      const signOnly = () => word()?.hidden === true;
      const withWord = () => word()?.hidden === false && word()!.textContent!.trim() !== '';
      await waitUntil(signOnly, 'sign only in the narrow panel', { timeout: 20000 });
      // (In this narrow a panel even the sign can push the long title's last line past the host: the same afterwards.)
      const narrow = el.scrollHeight;
      wrap.style.width = `${WIDE}px`;
      await waitUntil(withWord, 'the word back in the wide panel', { timeout: 5000 });
      expect(el.scrollHeight, 'picture inside the host').to.be.at.most(el.clientHeight + 1);
      wrap.style.width = `${NARROW}px`;
      await waitUntil(signOnly, 'sign only again once narrow', { timeout: 5000 });
      expect(el.scrollHeight, 'as in the narrow panel before').to.equal(narrow);
      // Recovered with a short title, failed again at the same width: the word, not the sign left over from before.
      const back = oneEvent(el, 'civic-load');
      el.src = '/short.json';
      await back;
      await waitUntil(() => !root.querySelector('[part~="status"]'), 'badge gone', { timeout: 5000 });
      const again = oneEvent(el, 'civic-error');
      el.src = '/down.json';
      await again;
      await waitUntil(withWord, 'the word at the next failure', { timeout: 5000 });
    });
});
