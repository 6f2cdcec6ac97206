// R3 s17 regression probes: rank board rows are fixed boxes now (contain: size, 911950b) and keep long units (d9770b6):
// long names and values, elder and screen density, English, narrow hosts, rows-visible changed after the first picture.
// Every text in a row shows inside its row (never cut at the top or bottom) and is cut on the right only with an ellipsis.
import { expect, fixture } from '@open-wc/testing';
import { settled } from './fixtures/wait.js';
import '../../src/components/rank-board/rank-board.define.js';
import type { CivicRankBoard } from '../../src/components/rank-board/rank-board.js';

function problems(el: Element): string[] {
  const out: string[] = [];
  for (const row of el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')) {
    const rb = row.getBoundingClientRect();
    const walk = (n: Node) => {
      for (const c of n.childNodes) {
        if (c.nodeType === 1) walk(c);
        if (c.nodeType !== 3 || !c.textContent!.trim()) continue;
        const p = c.parentElement!;
        if (getComputedStyle(p).visibility !== 'visible' || p.closest('.visually-hidden')) continue;
        const r = document.createRange();
        r.selectNodeContents(c);
        const b = r.getBoundingClientRect();
        if (b.width < 1) continue;
        const what = `"${c.textContent}" (${el.getAttribute('density') ?? ''} ${el.getAttribute('lang')} ${rb.width}x${rb.height})`;
        // Glyph boxes may pass the line box a little (CJK fallback fonts): a quarter of the text's height.
        if (b.top < rb.top - b.height / 4 || b.bottom > rb.bottom + b.height / 4) out.push(`${what} outside its row vertically (${b.top}-${b.bottom} vs ${rb.top}-${rb.bottom})`);
        let clip: HTMLElement | null = p;
        let cut = false;
        for (; clip && clip !== row.parentElement; clip = clip.parentElement) {
          const cb = clip.getBoundingClientRect();
          if (getComputedStyle(clip).overflowX !== 'visible' || clip === row) {
            if (b.right > cb.right + 1 || b.left < cb.left - 1) {
              cut = true;
              if (getComputedStyle(clip).textOverflow !== 'ellipsis') out.push(`${what} cut without an ellipsis by ${clip.getAttribute('part') ?? clip.className}`);
              break;
            }
          }
        }
        if (cut && !(p.title || p.closest('[title]'))) out.push(`${what} cut with no title`);
      }
    };
    walk(row);
  }
  return out;
}

const LONG = {
  title: '各街道社区接待游客人次排行榜（二〇二二年一至九月）',
  unit: 'thousand visitors',
  rows: [
    { id: 'a', name: '红河路街道办事处第一社区居民委员会', nameEn: 'First Community Residents Committee of Honghe Road Subdistrict', value: 1234567890.12 },
    { id: 'b', name: '短', nameEn: 'S', value: 98765432.1 },
    { id: 'c', name: '东风西路社区', nameEn: 'Dongfeng West Road Community', value: 0.5 },
    { id: 'd', name: '高新技术产业开发区管理委员会社区服务中心', nameEn: 'High-tech Industrial Development Zone Community Service Centre', value: 77777777 },
    { id: 'e', name: '北', nameEn: 'North', value: 12 },
    { id: 'f', name: '南京路', nameEn: 'Nanjing Road', value: 3 },
  ],
};

describe('R3: rank board rows, nothing clipped without an ellipsis', () => {
  for (const density of ['', 'screen', 'elder'])
    it(`density "${density}", zh-CN and en, 240-480 px, rows-visible 3 then 6`, async () => {
      const box = await fixture<HTMLDivElement>('<div></div>');
      for (const width of [240, 480])
        for (const lang of ['zh-CN', 'en'])
          box.insertAdjacentHTML('beforeend', `<civic-rank-board interval="0" motion="reduce" lang="${lang}" ${density ? `density="${density}"` : ''} rows-visible="3" style="display:block;width:${width}px"></civic-rank-board>`);
      for (const b of box.querySelectorAll<CivicRankBoard>('civic-rank-board')) b.data = LONG as never;
      await settled(box);
      const boards = [...box.querySelectorAll<CivicRankBoard>('civic-rank-board')];
      let found = boards.flatMap(problems);
      expect(found, found.join('\n')).to.deep.equal([]);
      for (const b of boards) b.setAttribute('rows-visible', '6');
      await settled(box);
      found = boards.flatMap(problems);
      expect(found, found.join('\n')).to.deep.equal([]);
      expect(boards[0].shadowRoot!.querySelectorAll('[part~="row"]').length).to.equal(6);
    });
});
