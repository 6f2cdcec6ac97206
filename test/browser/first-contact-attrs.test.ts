// First contact (H-audit, session 15): attributes from the README tables set to values a page may carry by mistake,
// then removed. The element keeps drawing, never throws into the page. Reproduced first on a plain page with the
// one-script file (/work/notes/s15/h-audit/pages/attrs.html).
import { expect, fixture, html } from '@open-wc/testing';
import { frames, until } from './fixtures/wait.js';
import '../../src/components/rank-board/rank-board.define.js';
import type { CivicRankBoard } from '../../src/components/rank-board/rank-board.js';
import { pageProblems } from './fixtures/page-problems.js';

const ROWS = { rows: [{ id: 'a', name: '红河路社区', value: 1850.25 }, { id: 'b', name: '桃花岛社区', value: 1735 }] };

describe('civic-rank-board precision out of range', () => {
  for (const bad of ['-1', 'abc', '2.5', '500']) {
    it(`precision="${bad}" draws the values with the default digits and throws nothing`, async () => {
      const probs = pageProblems();
      try {
        const el = await fixture<CivicRankBoard>(html`<civic-rank-board interval="0" precision=${bad} .data=${ROWS}></civic-rank-board>`);
        await el.whenDrawn();
        await frames(3);
        const values = () => [...el.shadowRoot!.querySelectorAll('[part~="value"]')].map((v) => v.textContent?.trim());
        await until(() => values().length === 2, 'two values');
        expect(values()[0]).to.match(/^1,850(\.\d+)?$/);
        el.removeAttribute('precision');
        await el.whenDrawn();
        await frames(2);
        expect(values()[0]).to.equal('1,850.25');
        expect(probs.list).to.deep.equal([]);
      } finally {
        probs.stop();
      }
    });
  }
});

describe('civic-rank-board order removed', () => {
  it('ranks desc again without an "unknown order" warning', async () => {
    const warnings: string[] = [];
    const orig = console.warn;
    console.warn = (...a: unknown[]) => void warnings.push(a.map(String).join(' '));
    try {
      const el = await fixture<CivicRankBoard>(html`<civic-rank-board interval="0" order="asc" .data=${ROWS}></civic-rank-board>`);
      await el.whenDrawn();
      const names = () => [...el.shadowRoot!.querySelectorAll('[part~="name"]')].map((n) => n.textContent?.trim());
      expect(names()[0]).to.equal('桃花岛社区');
      el.removeAttribute('order');
      await el.updateComplete;
      await el.whenDrawn();
      expect(names()[0]).to.equal('红河路社区');
      el.setAttribute('order', '');
      await el.updateComplete;
      expect(warnings.filter((w) => w.includes('order'))).to.deep.equal([]);
    } finally {
      console.warn = orig;
    }
  });
});
