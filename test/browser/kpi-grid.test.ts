import { expect, fixture, html, nextFrame, oneEvent, aTimeout } from '@open-wc/testing';
import { until } from './fixtures/wait.js';
import '../../src/components/kpi-grid/kpi-grid.define.js';
import type { CivicKpiGrid } from '../../src/components/kpi-grid/kpi-grid.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';
import { FakeServer } from './fixtures/server.js';
import KPIS from '../fixtures/kpi/kpis.json';
import ECONOMY from '../fixtures/kpi/kpis-economy.json';
import { countColour, decodePng, distinctColours, regionOf, rgbOf } from './png-helpers.js';

function tiles(el: CivicKpiGrid): CivicKpiTile[] {
  return [...el.shadowRoot!.querySelectorAll<CivicKpiTile>('civic-kpi-tile')];
}
function tileText(t: CivicKpiTile, part: string): string {
  return t.shadowRoot!.querySelector(`[part~="${part}"]`)?.textContent?.trim() ?? '';
}
async function settle(el: CivicKpiGrid): Promise<void> {
  await el.updateComplete;
  await Promise.all(tiles(el).map((t) => t.updateComplete));
  await nextFrame();
}
function parts(el: CivicKpiGrid, name: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

describe('civic-kpi-grid', () => {
  let warn: typeof console.warn;
  let error: typeof console.error;
  let warnings: string[];
  let errors: string[];
  const server = new FakeServer();
  beforeEach(() => {
    warnings = [];
    errors = [];
    warn = console.warn;
    error = console.error;
    console.warn = (...a: unknown[]) => void warnings.push(a.map(String).join(' '));
    console.error = (...a: unknown[]) => void errors.push(a.map(String).join(' '));
    server.routes.clear();
    server.install();
  });
  afterEach(() => {
    console.warn = warn;
    console.error = error;
    server.uninstall();
    expect(errors).to.deep.equal([]);
  });

  it('renders the 12 vocational-base KPIs from the data property, grouped in data order', async () => {
    const el = await fixture<CivicKpiGrid>(html`<civic-kpi-grid .data=${KPIS}></civic-kpi-grid>`);
    await settle(el);
    expect(tiles(el)).to.have.length(12);
    expect(parts(el, 'title')[0]!.textContent).to.equal('西部职教基地');
    expect(parts(el, 'group-title').map((g) => g.textContent)).to.deep.equal(['办学规模', '产教融合', '人才与平台', '青年服务']);
    expect(tiles(el).map((t) => tileText(t, 'label')).slice(0, 3)).to.deep.equal(['大中专院校', '在校学生', '每年输送技能人才']);
    const students = tiles(el)[1]!;
    expect(tileText(students, 'qualifier') + tileText(students, 'number') + tileText(students, 'suffix') + tileText(students, 'unit')).to.equal('超17万人');
    expect(parts(el, 'source')[0]!.textContent).to.equal('来源：FACTS.md §3 (2022)');
    expect(parts(el, 'illustrative')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('renders the FACTS §4 economy KPIs with their period, and is accessible', async () => {
    const el = await fixture<CivicKpiGrid>(html`<civic-kpi-grid .data=${ECONOMY}></civic-kpi-grid>`);
    await settle(el);
    const gdp = tiles(el).find((t) => tileText(t, 'label') === '地区生产总值')!;
    expect(tileText(gdp, 'number') + tileText(gdp, 'suffix') + tileText(gdp, 'unit')).to.equal('860.9亿元');
    expect(tileText(gdp, 'period')).to.equal('2022年1—9月');
    const growth = tiles(el).find((t) => tileText(t, 'label') === '地区生产总值增速')!;
    expect(tileText(growth, 'number') + tileText(growth, 'unit')).to.equal('4.3%');
    await expect(el).to.be.accessible();
  });

  it('reads inline JSON', async () => {
    const el = await fixture<CivicKpiGrid>(html`<civic-kpi-grid
      ><script type="application/json">{"items":[{"label":"a","value":1},{"label":"b","value":2}]}</script></civic-kpi-grid
    >`);
    await settle(el);
    expect(tiles(el).map((t) => tileText(t, 'number'))).to.deep.equal(['1', '2']);
    expect(parts(el, 'group-title')).to.have.length(0);
  });

  it('reads src, fires civic-load once (tile events stay inside)', async () => {
    server.routes.set('/kpis.json', { body: JSON.stringify(KPIS) });
    const el = document.createElement('civic-kpi-grid');
    let loads = 0;
    const count = () => loads++;
    document.addEventListener('civic-load', count);
    el.src = '/kpis.json';
    const p = oneEvent(el, 'civic-load');
    document.body.append(el);
    const ev = await p;
    await settle(el);
    await aTimeout(20); // time-under-test: a tile's civic-load leaking out would arrive within this
    expect(ev.detail.count).to.equal(12);
    expect(tiles(el)).to.have.length(12);
    document.removeEventListener('civic-load', count);
    expect(loads).to.equal(1);
    el.remove();
  });

  it('uses English labels and group titles', async () => {
    const el = await fixture<CivicKpiGrid>(html`<civic-kpi-grid lang="en" .data=${KPIS}></civic-kpi-grid>`);
    await settle(el);
    expect(parts(el, 'title')[0]!.textContent).to.equal('Western vocational-education base');
    expect(tileText(tiles(el)[0]!, 'label')).to.equal('Colleges');
    expect(tileText(tiles(el)[1]!, 'value').replace(/\s+/g, ' ')).to.equal('over 170K people');
  });

  describe('PNG export', () => {
    it('toPNG() draws every tile at its place, with the title and group headings', async () => {
      const el = await fixture<CivicKpiGrid>(html`<civic-kpi-grid style="width:720px" columns="3" motion="reduce" .data=${KPIS}></civic-kpi-grid>`);
      await settle(el);
      const blob = await el.toPNG({ pixelRatio: 1.5 });
      expect(blob.type).to.equal('image/png');
      const px = await decodePng(blob);
      expect(px.width).to.equal(Math.round(el.offsetWidth * 1.5));
      expect(px.height).to.equal(Math.round(el.offsetHeight * 1.5));
      expect(distinctColours(px)).to.be.greaterThan(8);
      // Each tile's background fills most of its box, and its figure's colour shows inside its number's box.
      for (const t of tiles(el)) {
        const base = t.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
        const b = regionOf(base, el, px.width);
        expect(countColour(px, rgbOf(getComputedStyle(base).backgroundColor), 6, b), tileText(t, 'label')).to.be.greaterThan(b.width * b.height * 0.3);
        const num = t.shadowRoot!.querySelector<HTMLElement>('[part~="number"]')!;
        expect(countColour(px, rgbOf(getComputedStyle(num).color), 50, regionOf(num, el, px.width)), tileText(t, 'label')).to.be.greaterThan(30);
      }
      const title = parts(el, 'title')[0]!;
      expect(countColour(px, rgbOf(getComputedStyle(title).color), 60, regionOf(title, el, px.width))).to.be.greaterThan(50);
      expect(warnings).to.deep.equal([]);
    });

    it('has no export button by default; `export` shows one that fires a cancelable civic-export', async () => {
      const el = await fixture<CivicKpiGrid>(html`<civic-kpi-grid motion="reduce" .data=${ECONOMY}></civic-kpi-grid>`);
      await settle(el);
      expect(parts(el, 'export-button')).to.have.length(0);
      el.export = true;
      el.fileName = '经济指标';
      await settle(el);
      const btn = parts(el, 'export-button')[0]!;
      expect(btn.getAttribute('aria-label')).to.equal('导出图片');
      expect(btn.getBoundingClientRect().width).to.be.at.least(24);
      // The tiles inside keep theirs hidden.
      expect(tiles(el).every((t) => !t.shadowRoot!.querySelector('[part~="export-button"]'))).to.equal(true);
      await expect(el).to.be.accessible();
      el.addEventListener('civic-export', (e) => e.preventDefault());
      setTimeout(() => btn.click());
      const ev = await oneEvent(el, 'civic-export');
      expect(ev.detail.format).to.equal('png');
      expect(ev.detail.filename).to.equal('经济指标.png');
      expect(ev.detail.blob.type).to.equal('image/png');
    });
  });


  it('honours columns, else auto-fits', async () => {
    const el = await fixture<CivicKpiGrid>(html`<civic-kpi-grid style="width:900px" columns="3" .data=${{ items: [1, 2, 3, 4, 5, 6].map((v) => ({ label: 'k' + v, value: v })) }}></civic-kpi-grid>`);
    await settle(el);
    const grid = parts(el, 'grid')[0]!;
    expect(getComputedStyle(grid).gridTemplateColumns.split(' ')).to.have.length(3);
    el.columns = undefined;
    el.style.setProperty('--civic-kpi-grid-min-column-width', '200px');
    await settle(el);
    expect(getComputedStyle(parts(el, 'grid')[0]!).gridTemplateColumns.split(' ')).to.have.length(4);
    el.style.width = '300px';
    await settle(el);
    expect(getComputedStyle(parts(el, 'grid')[0]!).gridTemplateColumns.split(' ')).to.have.length(1);
  });

  it('filters by region prefix', async () => {
    const data = { items: [
      { id: 'a', label: '中山路', value: 1, region: '500118001' },
      { id: 'b', label: '胜利路', value: 2, region: '500118002' },
      { id: 'c', label: '萱花路社区', value: 3, region: '500118002007' },
      { id: 'd', label: '全区', value: 4 },
    ] };
    const el = await fixture<CivicKpiGrid>(html`<civic-kpi-grid region="500118002" .data=${data}></civic-kpi-grid>`);
    await settle(el);
    expect(tiles(el).map((t) => tileText(t, 'label'))).to.deep.equal(['胜利路', '萱花路社区', '全区']);
    el.region = '500118003';
    await settle(el);
    expect(tiles(el).map((t) => tileText(t, 'label'))).to.deep.equal(['全区']);
    el.region = '';
    await settle(el);
    expect(tiles(el)).to.have.length(4);
  });

  it('keeps good tiles when one item is bad, reports it once with its path', async () => {
    const el = document.createElement('civic-kpi-grid');
    el.data = { items: [{ label: 'ok', value: 1 }, { label: 'bad', value: 'abc' }, { label: '<b>x</b>', value: 1e20 }] };
    const p = oneEvent(el, 'civic-error');
    document.body.append(el);
    const ev = await p;
    await settle(el);
    expect(ev.detail.issues.map((i: { path: string }) => i.path)).to.deep.equal(['items[1].value', 'items[2].value']);
    expect(tiles(el).map((t) => tileText(t, 'number'))).to.deep.equal(['1', '—', '—']);
    expect(tileText(tiles(el)[1]!, 'status')).to.equal('数值无效');
    expect(tileText(tiles(el)[2]!, 'label')).to.equal('<b>x</b>');
    expect(warnings).to.have.length(1);
    el.remove();
  });

  it('shows the illustrative badge when items are illustrative', async () => {
    const el = await fixture<CivicKpiGrid>(html`<civic-kpi-grid .data=${{ illustrative: true, items: [{ label: 'a', value: 1 }] }}></civic-kpi-grid>`);
    await settle(el);
    expect(parts(el, 'illustrative')[0]!.textContent).to.equal('示例数据');
    expect(tiles(el)[0]!.shadowRoot!.querySelector('[part~="illustrative"]')).to.exist;
  });

  it('passes delta colours and motion to the tiles', async () => {
    const el = await fixture<CivicKpiGrid>(html`<civic-kpi-grid delta-colors="green-up" motion="reduce" .data=${{ items: [{ id: 'x', label: 'a', value: 2, previous: 1 }] }}></civic-kpi-grid>`);
    await settle(el);
    const t = tiles(el)[0]!;
    expect(t.getAttribute('delta-colors')).to.equal('green-up');
    expect(t.getAttribute('motion')).to.equal('reduce');
    expect(getComputedStyle(t.shadowRoot!.querySelector('[part~="delta"]')!).color).to.equal('rgb(21, 127, 59)');
    el.data = { items: [{ id: 'x', label: 'a', value: 170000, previous: 1 }] };
    await settle(el);
    expect(tileText(tiles(el)[0]!, 'number') + tileText(tiles(el)[0]!, 'suffix')).to.equal('17万');
    el.highlight('x');
    await settle(el);
    expect(tiles(el)[0]!.hasAttribute('highlighted')).to.equal(true);
  });

  it('shows the error state for invalid payloads', async () => {
    const el = document.createElement('civic-kpi-grid');
    el.data = { groups: [] };
    const p = oneEvent(el, 'civic-error');
    document.body.append(el);
    await p;
    await settle(el);
    expect(parts(el, 'status')[0]!.dataset.kind).to.equal('error');
    el.remove();
  });
});

// Stories must render without errors (a story that throws still "builds" in Storybook).
import { render } from 'lit';
import * as tileStories from '../../stories/kpi-tile.stories.js';
import * as gridStories from '../../stories/kpi-grid.stories.js';
import * as rankStories from '../../stories/rank-board.stories.js';
import RANK_COLLEGES from '../fixtures/kpi/rank-communities.json';

describe('kpi stories render', () => {
  const server = new FakeServer();
  let error: typeof console.error;
  let warn: typeof console.warn;
  let errors: string[];
  beforeEach(() => {
    errors = [];
    error = console.error;
    warn = console.warn;
    console.error = (...a: unknown[]) => void errors.push(a.map(String).join(' '));
    console.warn = () => undefined;
    server.routes.clear();
    server.routes.set('/data/kpis.json', { body: JSON.stringify(KPIS) });
    server.routes.set('/data/kpis-economy.json', { body: JSON.stringify(ECONOMY) });
    server.routes.set('/data/rank-communities.json', { body: JSON.stringify(RANK_COLLEGES) });
    server.routes.set('/data/rank-colleges.json', { body: JSON.stringify(RANK_COLLEGES) });
    server.install();
  });
  afterEach(() => {
    console.error = error;
    console.warn = warn;
    server.uninstall();
  });
  for (const [file, mod] of [['kpi-tile', tileStories], ['kpi-grid', gridStories], ['rank-board', rankStories]] as const) {
    const meta = (mod as unknown as { default: { args?: Record<string, unknown>; render?: (a: unknown) => unknown } }).default;
    for (const [name, story] of Object.entries(mod)) {
      if (name === 'default') continue;
      it(`${file}: ${name}`, async () => {
        const s = story as { args?: Record<string, unknown>; render?: (a: unknown) => unknown };
        const args = { ...(meta.args ?? {}), ...(s.args ?? {}) };
        const tpl = (s.render ?? meta.render)!(args);
        const host = document.createElement('div');
        document.body.append(host);
        render(tpl, host);
        const all = () => [...host.querySelectorAll<HTMLElement>('civic-kpi-tile, civic-kpi-grid, civic-rank-board')];
        // every element has rendered and none is still loading its src
        await until(() => all().every((e) => e.shadowRoot?.querySelector('[part~="base"]') && !e.shadowRoot.querySelector('[aria-busy="true"]')), 'the story rendered and loaded');
        const els = host.querySelectorAll<HTMLElement & { updateComplete?: Promise<unknown> }>('civic-kpi-tile, civic-kpi-grid, civic-rank-board');
        expect(els.length, 'elements in the story').to.be.greaterThan(0);
        await Promise.all([...els].map((e) => e.updateComplete));
        els.forEach((e) => expect(e.shadowRoot!.querySelector('[part~="base"]'), e.localName).to.exist);
        host.remove();
        expect(errors).to.deep.equal([]);
      });
    }
  }
});
