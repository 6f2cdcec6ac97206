// motion="reduce" set on the element (a presenter's wall without the OS setting): no bar grows by a transition either.
// The rank board's bars and a KPI tile's progress fill kept their 300 ms width transition, though the README says
// `reduce` "pages without animation" (rank board) and "never animates" (KPI grid) (F2, session 18). With motion
// "auto" (and no OS preference) they still glide: the check below sees those transitions, so it can fail.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/rank-board/rank-board.define.js';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import type { CivicRankBoard } from '../../src/components/rank-board/rank-board.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';

const rows = (b: number) => [{ id: 'a', name: '甲', value: 100 }, { id: 'b', name: '乙', value: b }];
/** Width transitions running in the element's shadow tree right after a data change. */
const widthTransitions = (el: Element) =>
  el.shadowRoot!.getAnimations().filter((a) => (a as CSSTransition).transitionProperty === 'width').length;

describe('motion="reduce": bars change width at once', () => {
  for (const motion of ['auto', 'reduce'] as const) {
    it(`rank board, motion ${motion}`, async () => {
      const el = await fixture<CivicRankBoard>(html`<civic-rank-board motion=${motion} style="width:320px" .data=${rows(20)}></civic-rank-board>`);
      await el.whenDrawn();
      el.data = rows(80);
      await el.whenDrawn();
      expect(widthTransitions(el)).to.equal(motion === 'reduce' ? 0 : 1);
    });

    it(`KPI tile progress, motion ${motion}`, async () => {
      const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile motion=${motion} style="width:240px" label="x" value="20" target="100"></civic-kpi-tile>`);
      await el.whenDrawn();
      el.value = '80';
      await el.whenDrawn();
      expect(widthTransitions(el)).to.equal(motion === 'reduce' ? 0 : 1);
    });
  }
});
