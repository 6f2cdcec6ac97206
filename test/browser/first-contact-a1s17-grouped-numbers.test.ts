// First contact (A1, session 17): figures that an API or an Excel export sends as text with thousands separators
// ("1,234", "-12,345.6") are numbers to the KPI tile, the KPI grid and the ranking board, as they already are to the
// growth chart (README: numeric strings are read as numbers). Before, the same response that the growth chart drew
// broke the tile (error state: 'value: expected a number, got "1,234"') and left a board's row unranked.
// "1,2" or "12,34" (not grouping) and "1,234万" (a unit) stay errors.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import '../../src/components/kpi-grid/kpi-grid.define.js';
import '../../src/components/rank-board/rank-board.define.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';
import type { CivicKpiGrid } from '../../src/components/kpi-grid/kpi-grid.js';
import type { CivicRankBoard } from '../../src/components/rank-board/rank-board.js';
import { readNumber, type Issue } from '../../src/data/validate.js';

const text = (n: Node): string => {
  let s = '';
  const walk = (x: Node): void => {
    if (x.nodeType === 3) s += x.textContent;
    if (x instanceof Element && x.shadowRoot) walk(x.shadowRoot);
    x.childNodes.forEach(walk);
  };
  walk(n);
  return s.replace(/\s+/g, '');
};

describe('numbers sent as text with thousands separators', () => {
  it('readNumber with coerce reads grouped digits, and only grouped digits', () => {
    const read = (v: string): [number | undefined, number] => {
      const issues: Issue[] = [];
      return [readNumber(v, 'value', issues, { coerce: true }), issues.length];
    };
    expect(read('1,234')).to.deep.equal([1234, 0]);
    expect(read(' -12,345.6 ')).to.deep.equal([-12345.6, 0]);
    expect(read('1,234,567')).to.deep.equal([1234567, 0]);
    expect(read('860.9')).to.deep.equal([860.9, 0]);
    for (const bad of ['1,2', '12,34', '1,234万', '1,,234', ',123', '1.234,5']) expect(read(bad), bad).to.deep.equal([undefined, 1]);
  });

  it('civic-kpi-tile: value "1,234" is drawn as 1,234 with civic-load and no civic-error', async () => {
    const el = document.createElement('civic-kpi-tile') as CivicKpiTile;
    const errors: Event[] = [];
    el.addEventListener('civic-error', (e) => errors.push(e));
    const outcome = Promise.race([oneEvent(el, 'civic-load'), oneEvent(el, 'civic-error')]);
    el.data = { label: '事件数', value: '1,234', unit: '件' };
    document.body.append(el);
    try {
      await outcome;
      await el.whenDrawn();
      expect(errors).to.have.length(0);
      expect(text(el)).to.contain('1,234件');
    } finally {
      el.remove();
    }
  });

  it('civic-kpi-grid and civic-rank-board: grouped strings are values, not issues', async () => {
    const grid = await fixture<CivicKpiGrid>(html`<civic-kpi-grid .data=${[{ id: 'a', label: '常住人口', value: '1,234,567', unit: '人' }]}></civic-kpi-grid>`);
    await grid.whenDrawn();
    expect(text(grid)).to.contain('123.5万人');
    expect(grid.shadowRoot!.querySelector('[part~="status"]')).to.equal(null);
    const board = await fixture<CivicRankBoard>(
      html`<civic-rank-board .data=${[{ name: '甲', value: '1,850' }, { name: '乙', value: '12,345' }]}></civic-rank-board>`,
    );
    await board.whenDrawn();
    const t = text(board);
    expect(t).to.contain('第1名乙12,345');
    expect(t).to.contain('第2名甲1,850');
  });
});
