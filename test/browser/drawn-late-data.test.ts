// whenDrawn() with data assigned late (F, session 16): an element put on the page with no data yet (no `data`,
// inline script or `src`) shows its empty state as a placeholder; README (Events): whenDrawn() resolves "never before a
// first picture (while the first data loads it waits…)". The chain graph, KPI tile, KPI grid and rank board resolved
// on the placeholder, the growth chart waited for its data: now every data element waits, so a page that asks
// whenDrawn() and then assigns `data` gets that data's picture. Elements that draw without data keep theirs (a KPI
// tile set by attributes, a grid map drawn from its geometry), and an error or an empty payload is the picture (no
// hanging wait). Data is illustrative.
import { expect, fixture, html } from '@open-wc/testing';
import { frames, until } from './fixtures/wait.js';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import '../../src/components/kpi-grid/kpi-grid.define.js';
import '../../src/components/rank-board/rank-board.define.js';
import '../../src/components/growth-chart/growth-chart.define.js';
import '../../src/components/chain-graph/chain-graph.define.js';
import '../../src/components/grid-map/grid-map.define.js';
import '../../src/components/screen/screen.define.js';
import METRICS from '../fixtures/grid-map/metrics.json';
import { syntheticChains } from '../fixtures/chain-graph/synthetic.js';
import { SMALL_GROWTH } from './fixtures/growth-small.js';
import { deepText } from './fixtures/deep-text.js';

type El = HTMLElement & { data?: unknown; whenDrawn(): Promise<void>; updateComplete: Promise<unknown> };

const CASES: Array<{ tag: string; attrs: Record<string, string>; data: unknown; text: string }> = [
  { tag: 'civic-kpi-tile', attrs: { motion: 'reduce' }, data: { label: '学校', value: 18, unit: '所' }, text: '18' },
  { tag: 'civic-kpi-grid', attrs: { motion: 'reduce' }, data: { items: [{ id: 'a', label: '在校学生', value: 9100, unit: '人' }] }, text: '9,100' },
  { tag: 'civic-rank-board', attrs: { interval: '0' }, data: { rows: [{ name: '中山路', value: 3 }] }, text: '中山路' },
  { tag: 'civic-growth-chart', attrs: {}, data: SMALL_GROWTH, text: '地区生产总值' },
  { tag: 'civic-chain-graph', attrs: { renderer: 'svg' }, data: syntheticChains(12), text: '产业链1' },
];

/** The element's own civic-drawn events. */
function drawnOf(el: Element): string[][] {
  const seen: string[][] = [];
  el.addEventListener('civic-drawn', (e) => e.target === el && seen.push((e as CustomEvent<{ reasons: string[] }>).detail.reasons));
  return seen;
}

/** Several frames and updates with nothing given: time in which no picture may come. */
async function idleFrames(el: El): Promise<void> {
  for (let i = 0; i < 6; i++) {
    await frames(1); // time-under-test: no picture may come while nothing is given
    await el.updateComplete;
  }
}

describe('whenDrawn() before late data', function () {
  this.timeout(60000);

  for (const c of CASES) {
    it(`${c.tag}: waits through the placeholder and resolves with the picture of the data assigned later`, async () => {
      const el = document.createElement(c.tag) as El;
      for (const [k, v] of Object.entries(c.attrs)) el.setAttribute(k, v);
      const seen = drawnOf(el);
      let atResolve: string | undefined;
      const first = el.whenDrawn().then(() => (atResolve = deepText(el.shadowRoot!)));
      await fixture(html`<div style="width: 640px; height: 420px">${el}</div>`);
      await idleFrames(el);
      expect(atResolve, 'whenDrawn() still waits: no data given').to.equal(undefined);
      expect(seen, 'no civic-drawn for the placeholder').to.deep.equal([]);
      el.data = c.data;
      await first;
      expect(atResolve, 'resolved on the data picture').to.contain(c.text);
      expect(seen.length).to.equal(1);
      expect(seen[0]).to.include('first');
    });
  }

  it('an error or an empty payload is the picture: whenDrawn() resolves on it', async () => {
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      for (const data of [{ rows: 'none' }, { rows: [] }]) {
        const el = await fixture<El>(html`<civic-rank-board interval="0"></civic-rank-board>`);
        await idleFrames(el);
        el.data = data;
        await el.whenDrawn();
        expect(el.shadowRoot!.querySelector('[part~="status"]'), JSON.stringify(data)).to.exist;
      }
    } finally {
      console.warn = warn;
    }
  });

  for (const c of CASES) {
    it(`${c.tag}: data given (here failing), then removed: the empty state is the picture, no hanging wait`, async () => {
      const warn = console.warn;
      console.warn = () => undefined;
      try {
        const el = document.createElement(c.tag) as El;
        for (const [k, v] of Object.entries(c.attrs)) el.setAttribute(k, v);
        el.data = 'hello';
        await fixture(html`<div style="width: 640px; height: 420px">${el}</div>`);
        await el.whenDrawn();
        el.data = null;
        await el.whenDrawn();
        expect(el.shadowRoot!.querySelector('[part~="status"]')?.textContent).to.contain('暂无数据');
      } finally {
        console.warn = warn;
      }
    });
  }

  it('a KPI tile set by attributes, and a grid map with geometry but no metrics yet, have their picture without data', async () => {
    const tile = await fixture<El>(html`<civic-kpi-tile motion="reduce" label="网格员" value="42" unit="名"></civic-kpi-tile>`);
    await tile.whenDrawn();
    expect(deepText(tile.shadowRoot!)).to.contain('42');
    const map = await fixture<El>(html`<civic-grid-map renderer="canvas" geometry-src="/test/fixtures/grid-map/small.geojson"></civic-grid-map>`);
    await map.whenDrawn();
    map.data = METRICS;
    await until(() => deepText(map.shadowRoot!).includes('户数'), 'the metrics drawn');
  });

  it('a screen waits for the data of the elements on its stage', async () => {
    const screen = document.createElement('civic-screen') as El;
    screen.setAttribute('idle-cursor', '0');
    screen.style.cssText = 'width: 960px; height: 540px';
    const tile = document.createElement('civic-kpi-tile') as El;
    tile.setAttribute('motion', 'reduce');
    screen.append(tile);
    let atResolve: string | undefined;
    const first = screen.whenDrawn().then(() => (atResolve = deepText(tile.shadowRoot!)));
    await fixture(html`<div style="width: 960px; height: 540px">${screen}</div>`);
    await idleFrames(screen);
    expect(atResolve, 'the screen waits for its tile').to.equal(undefined);
    tile.data = { label: '地区生产总值', value: 860.9, unit: '亿元' };
    await first;
    expect(atResolve).to.contain('860.9');
  });
});
