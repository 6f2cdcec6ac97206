// Linked views across levels (issue 13): a grid chosen on the map keeps a linked board of communities whole and marks
// the community holding the grid; a street filters the board to its communities; clearing restores everything.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/grid-map/grid-map.define.js';
import '../../src/components/rank-board/rank-board.define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';
import type { CivicRankBoard } from '../../src/components/rank-board/rank-board.js';
import RANK from '../fixtures/kpi/rank-communities.json';

const rows = (b: CivicRankBoard) => [...b.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')];
const linkedRows = (b: CivicRankBoard) => rows(b).filter((r) => r.getAttribute('part')!.split(' ').includes('row-linked'));

describe('linked views across levels', () => {
  let warn: typeof console.warn;
  beforeEach(() => {
    warn = console.warn;
    console.warn = () => {};
  });
  afterEach(() => {
    console.warn = warn;
  });

  it('grid → its community row is kept and marked; street → filters; cleared → restores', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:900px">
      <civic-grid-map id="lv-map" renderer="canvas" style="height:360px" geometry-src="/demo/data/grids.geojson" src="/demo/data/grid-metrics.json" metric="households"></civic-grid-map>
      <civic-rank-board linked-to="lv-map" rows-visible="30" interval="0" .data=${RANK}></civic-rank-board>
    </div>`);
    const map = wrap.querySelector<CivicGridMap>('civic-grid-map')!;
    const board = wrap.querySelector<CivicRankBoard>('civic-rank-board')!;
    // The map's picture (geometry and metrics drawn), as a promise: no event to miss on a busy machine.
    let drawn = false;
    void map.whenDrawn().then(() => (drawn = true));
    await waitUntil(() => drawn, 'map drawn', { timeout: 45000 });
    await waitUntil(() => rows(board).length === RANK.rows.length, 'board drawn', { timeout: 20000 });

    // A grid of 红河路社区 (500118001007).
    const grid = '500118001007001';
    map.selected = grid;
    await waitUntil(() => board.region === grid, 'board follows the map', { timeout: 20000 });
    await board.updateComplete;
    expect(rows(board).length, 'nothing filtered away').to.equal(RANK.rows.length);
    const marked = linkedRows(board);
    expect(marked.map((r) => r.dataset.id)).to.deep.equal(['500118001007']);
    expect(board.shadowRoot!.textContent).not.to.contain('所选区域暂无数据');

    // A street (胜利路街道 500118002): a coarser selection filters, as before.
    map.selected = '500118002';
    await waitUntil(() => board.region === '500118002', 'board follows the street', { timeout: 20000 });
    await board.updateComplete;
    const inStreet = RANK.rows.filter((r) => r.region.startsWith('500118002')).length;
    expect(inStreet).to.be.greaterThan(0);
    expect(rows(board).length).to.equal(inStreet);
    expect(linkedRows(board)).to.have.length(0);

    // Cleared: everything back.
    map.selected = '';
    await waitUntil(() => !board.region, 'selection cleared', { timeout: 20000 });
    await board.updateComplete;
    expect(rows(board).length).to.equal(RANK.rows.length);
  });
});
