// First contact (H-audit, session 15): a page that shows a hidden tab, or resizes an element, and awaits whenDrawn()
// in the same task got the old picture: the ResizeObserver had not reported the new size yet, so no redraw was due
// and whenDrawn() resolved at once (the screen still at scale 1 in a 300 px box). README: whenDrawn() "waits while
// a redraw is due". Reproduced on a plain page first (/work/notes/s15/h-audit/pages/screen-drawn.html).
import { expect, fixture, html } from '@open-wc/testing';
import { frames } from './fixtures/wait.js';
import '../../src/components/rank-board/rank-board.define.js';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import '../../src/components/screen/screen.define.js';
import type { CivicRankBoard } from '../../src/components/rank-board/rank-board.js';
import type { CivicScreen } from '../../src/components/screen/screen.js';

const ROWS = { rows: [{ id: 'a', name: '红河路社区', value: 1850 }, { id: 'b', name: '桃花岛社区', value: 1735 }] };

function resizes(el: Element): () => number {
  let n = 0;
  el.addEventListener('civic-drawn', (e) => {
    if (e.target === el && (e as CustomEvent<{ reasons: string[] }>).detail.reasons.includes('resize')) n++;
  });
  return () => n;
}

describe('whenDrawn() right after a size change made in the same task', () => {
  it('a rank board shown from display: none waits for its picture at the new size', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="display: none; width: 500px"><civic-rank-board interval="0" .data=${ROWS}></civic-rank-board></div>`);
    const el = wrap.querySelector('civic-rank-board') as CivicRankBoard;
    const seen = resizes(el);
    await el.whenDrawn();
    await frames(2); // the tab stays closed a moment
    wrap.style.display = '';
    await el.whenDrawn();
    expect(seen()).to.equal(1);
  });

  it('a rank board made wider waits for its picture at the new width', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width: 400px"><civic-rank-board interval="0" .data=${ROWS}></civic-rank-board></div>`);
    const el = wrap.querySelector('civic-rank-board') as CivicRankBoard;
    await el.whenDrawn();
    await frames(2);
    await el.whenDrawn();
    const seen = resizes(el);
    wrap.style.width = '700px';
    await el.whenDrawn();
    expect(seen()).to.equal(1);
  });

  it('a screen shown from display: none is scaled to its box when whenDrawn() resolves', async () => {
    const wrap = await fixture<HTMLDivElement>(html`
      <div style="display: none; width: 960px">
        <civic-screen style="height: 270px" no-clock><civic-kpi-tile label="网格员" value="42" unit="名"></civic-kpi-tile></civic-screen>
      </div>`);
    const screen = wrap.querySelector('civic-screen') as CivicScreen;
    await screen.whenDrawn();
    await frames(2);
    wrap.style.display = '';
    await screen.whenDrawn();
    expect(screen.layout.scale).to.be.closeTo(0.25, 0.01);
  });
});
