// KPI wall layout containment (issue 16): once drawn, the grid's rows are fixed at their measured heights and the
// tiles are size-contained, so a tile's changing text re-lays out that tile only. The boxes are exactly the natural
// ones (nothing a presenter sees moves), and they are given up and measured again when the tiles' shape changes.
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { until } from './fixtures/wait.js';
import '../../src/components/kpi-grid/kpi-grid.define.js';
import type { CivicKpiGrid } from '../../src/components/kpi-grid/kpi-grid.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';

const tiles = (el: CivicKpiGrid) => [...el.shadowRoot!.querySelectorAll<CivicKpiTile>('civic-kpi-tile')];
const grids = (el: CivicKpiGrid) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="grid"]')];
const boxed = (el: CivicKpiGrid) => grids(el).length > 0 && grids(el).every((g) => g.hasAttribute('data-boxed'));
const rects = (el: CivicKpiGrid) =>
  tiles(el).map((t) => {
    const r = t.getBoundingClientRect();
    return [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 100) / 100);
  });

const items = (n: number, withDelta: (i: number) => boolean, k = 1) =>
  Array.from({ length: n }, (_, i) => ({
    id: `k${i}`,
    label: i % 3 === 0 ? `一个较长的指标名称，会在窄列里换行（示例）${i}` : `指标${i}（示例）`,
    value: (1000 + i * 37) * k,
    unit: '人',
    ...(withDelta(i) ? { previous: 900 + i, deltaLabel: '同比' } : {}),
    group: i % 2 ? 'a' : 'b',
  }));
const payload = (n: number, withDelta: (i: number) => boolean, k = 1) => ({
  groups: [
    { id: 'a', label: '甲组' },
    { id: 'b', label: '乙组' },
  ],
  items: items(n, withDelta, k),
});

describe('civic-kpi-grid: fixed tile boxes', () => {
  it('fixes the rows at their natural heights once drawn: every tile keeps its box, and tiles are size-contained', async () => {
    const el = await fixture<CivicKpiGrid>(html`<civic-kpi-grid style="display:block;width:900px" motion="reduce" .data=${payload(14, (i) => i % 4 === 0)}></civic-kpi-grid>`);
    await el.whenDrawn();
    const natural = rects(el);
    await until(() => boxed(el), 'rows fixed');
    await nextFrame();
    expect(rects(el), 'same boxes as the natural layout').to.deep.equal(natural);
    expect(getComputedStyle(tiles(el)[0]).contain).to.match(/strict|size/);
    expect(grids(el)[0].style.getPropertyValue('grid-template-rows')).to.match(/px/);
  });

  it('puts each tile in a cell of its own (the grid item), fills the cell, and once boxed composites the tile', async () => {
    // Chromium lays a grid item out with its whole grid: only a block inside the grid item can be a relayout
    // boundary. A layer per boxed tile keeps a frame's layerizing from walking the whole wall's paint (issue 16).
    const el = await fixture<CivicKpiGrid>(html`<civic-kpi-grid style="display:block;width:900px" motion="reduce" .data=${payload(6, (i) => i % 2 === 0)}></civic-kpi-grid>`);
    await el.whenDrawn();
    await until(() => boxed(el), 'rows fixed');
    for (const t of tiles(el)) {
      const cell = t.parentElement!;
      expect(cell.parentElement!.matches('[part~="grid"]'), 'the cell is the grid item').to.equal(true);
      expect(cell.childElementCount, 'one tile per cell').to.equal(1);
      expect(t.getBoundingClientRect().height, 'the tile fills its cell').to.be.closeTo(cell.getBoundingClientRect().height, 0.5);
      expect(getComputedStyle(t).willChange).to.equal('transform');
    }
  });

  it('a values-only update keeps the boxes; a change of shape (a delta appears) re-measures, and the boxes fit the new content', async () => {
    const el = await fixture<CivicKpiGrid>(html`<civic-kpi-grid style="display:block;width:900px" motion="reduce" .data=${payload(14, () => false)}></civic-kpi-grid>`);
    await el.whenDrawn();
    await until(() => boxed(el), 'rows fixed');
    const rows = grids(el).map((g) => g.style.getPropertyValue('grid-template-rows'));
    el.data = payload(14, () => false, 2);
    await el.whenDrawn();
    expect(boxed(el), 'still boxed after a values-only update').to.equal(true);
    expect(grids(el).map((g) => g.style.getPropertyValue('grid-template-rows'))).to.deep.equal(rows);
    el.data = payload(14, () => true, 2);
    await el.whenDrawn();
    await until(() => boxed(el) && grids(el)[0].style.getPropertyValue('grid-template-rows') !== rows[0], 're-measured rows');
    const fixedRects = rects(el);
    // The natural layout of the new content, for comparison: the same data in a grid that never fixed its rows.
    const fresh = await fixture<CivicKpiGrid>(html`<civic-kpi-grid style="display:block;width:900px" motion="reduce" .data=${payload(14, () => true, 2)}></civic-kpi-grid>`);
    await fresh.whenDrawn();
    const freshRects = rects(fresh);
    const dy = freshRects[0][1] - fixedRects[0][1];
    expect(fixedRects.map((r) => [r[0], Math.round((r[1] + dy) * 100) / 100, r[2], r[3]])).to.deep.equal(freshRects);
    // Each tile's content fits its box (nothing clipped by the size containment).
    for (const t of tiles(el)) {
      const base = t.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
      expect(base.scrollHeight, 'tile content fits').to.be.at.most(Math.ceil(t.getBoundingClientRect().height) + 1);
    }
  });

  it('gives the boxes up when the grid is resized (the columns change) and fixes them again at the new heights', async () => {
    const el = await fixture<CivicKpiGrid>(html`<civic-kpi-grid style="display:block;width:900px" motion="reduce" .data=${payload(14, (i) => i % 2 === 0)}></civic-kpi-grid>`);
    await el.whenDrawn();
    await until(() => boxed(el), 'rows fixed');
    const before = grids(el)[0].style.getPropertyValue('grid-template-rows');
    el.style.width = '420px';
    await until(() => boxed(el) && grids(el)[0].style.getPropertyValue('grid-template-rows') !== before, 're-measured after the resize');
    const fixedRects = rects(el);
    const fresh = await fixture<CivicKpiGrid>(html`<civic-kpi-grid style="display:block;width:420px" motion="reduce" .data=${payload(14, (i) => i % 2 === 0)}></civic-kpi-grid>`);
    await fresh.whenDrawn();
    const freshRects = rects(fresh);
    const dy = freshRects[0][1] - fixedRects[0][1];
    const dx = freshRects[0][0] - fixedRects[0][0];
    expect(fixedRects.map((r) => [Math.round((r[0] + dx) * 100) / 100, Math.round((r[1] + dy) * 100) / 100, r[2], r[3]])).to.deep.equal(freshRects);
  });
});
