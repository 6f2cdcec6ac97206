// First contact (A1, session 16): a page calls the documented methods of a KPI grid or a ranking board at any time —
// before the element is in the page, before its data arrives — as a tour script or a page's own code would. They
// never throw, and a highlight asked for early shows once the tiles or rows exist. Reproduced first on a plain page
// with the one-script file and in a strict TypeScript Vite app (/work/notes/s16/a1/pages/novel.html).
import { expect, fixture, html } from '@open-wc/testing';
import { until } from './fixtures/wait.js';
import '../../src/components/kpi-grid/kpi-grid.define.js';
import '../../src/components/rank-board/rank-board.define.js';
import { CivicKpiGrid } from '../../src/components/kpi-grid/kpi-grid.js';
import { CivicRankBoard } from '../../src/components/rank-board/rank-board.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';

const ITEMS = { items: [{ id: 'a', label: '网格员', value: 42, unit: '名', region: '500118002' }, { id: 'b', label: '网格', value: 38, unit: '个', region: '500118003' }] };
const highlightedTiles = (el: CivicKpiGrid) =>
  [...el.shadowRoot!.querySelectorAll<CivicKpiTile>('civic-kpi-tile')].filter((t) => t.hasAttribute('highlighted')).map((t) => t.data && (t.data as { id?: string }).id);

describe('civic-kpi-grid highlight() at any time', () => {
  it('before the grid is in the page: no throw, the tile is outlined once drawn', async () => {
    const el = document.createElement('civic-kpi-grid');
    expect(() => el.highlight('a')).not.to.throw();
    el.data = ITEMS;
    const parent = await fixture(html`<div></div>`);
    parent.append(el);
    await el.whenDrawn();
    await until(() => highlightedTiles(el).length === 1, 'tile a outlined');
    expect(highlightedTiles(el)).to.deep.equal(['a']);
    el.highlight(null);
    await until(() => highlightedTiles(el).length === 0, 'outline cleared');
  });

  it('before its data arrives, and on tiles that appear later (region changed)', async () => {
    const el = await fixture<CivicKpiGrid>(html`<civic-kpi-grid region="500118003"></civic-kpi-grid>`);
    el.highlight('a');
    el.data = ITEMS;
    await el.whenDrawn();
    expect(highlightedTiles(el)).to.deep.equal([]);
    el.region = '500118';
    await el.whenDrawn();
    await until(() => highlightedTiles(el).length === 1, 'tile a, new after the region change, outlined');
    expect(highlightedTiles(el)).to.deep.equal(['a']);
  });
});

describe('civic-rank-board step() and highlight() at any time', () => {
  it('before the board is in the page: no throw; the highlighted row shows once drawn', async () => {
    const el = new CivicRankBoard();
    el.interval = 0;
    expect(() => el.step()).not.to.throw();
    expect(() => el.highlight('x')).not.to.throw();
    el.data = [{ id: 'x', name: '红河路社区', value: 1850 }, { id: 'y', name: '桃花岛社区', value: 1735 }];
    const parent = await fixture(html`<div></div>`);
    parent.append(el);
    await el.whenDrawn();
    await until(() => el.shadowRoot!.querySelector('[part~="row-highlighted"]'), 'row x highlighted');
    expect(() => el.step()).not.to.throw();
  });

  it('before its data arrives', async () => {
    const el = await fixture<CivicRankBoard>(html`<civic-rank-board interval="0"></civic-rank-board>`);
    expect(() => el.step()).not.to.throw();
  });
});

describe('exported classes with new', () => {
  it('new CivicKpiGrid() with data and a numeric columns property (as a framework binding sets it), appended, draws', async () => {
    const el = new CivicKpiGrid();
    el.data = ITEMS;
    el.columns = 2; // typed string | number (README: 1-24 columns)
    const parent = await fixture(html`<div></div>`);
    parent.append(el);
    await el.whenDrawn();
    expect(el.shadowRoot!.querySelectorAll('civic-kpi-tile').length).to.equal(2);
    const grid = el.shadowRoot!.querySelector<HTMLElement>('[part~="grid"]')!;
    expect(getComputedStyle(grid).gridTemplateColumns.split(' ').length).to.equal(2);
  });
});

describe('toPNG() of an element never put in the page', () => {
  // A page that renders a report image off screen (createElement, data, toPNG) must hear why nothing comes, not wait
  // for ever: Lit never updates an element that was never connected.
  for (const make of [() => new CivicRankBoard(), () => new CivicKpiGrid()]) {
    it(`${make().localName}: rejects at once, saying so`, async () => {
      const el = make();
      el.data = ITEMS.items.map((i) => ({ id: i.id, name: i.label, label: i.label, value: i.value }));
      let err: Error | undefined;
      await el.toPNG().catch((e: Error) => (err = e));
      expect(err?.message).to.match(/not in the page/);
    });
  }
});
