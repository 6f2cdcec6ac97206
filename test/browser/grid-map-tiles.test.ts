// <civic-grid-map tiles=…>: vector tiles (MVT template, TileJSON, PMTiles) drawn by real maplibre in Chromium.
// Tiles: demo/data/tiles (cut from demo/data/grids.geojson by scripts/make-grid-tiles.mjs). Expected colours and
// legend counts are computed here from the demo rows and explicit thresholds, not by the element's classifier.
import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/grid-map/grid-map.define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';
import { mapOf, part, pixelAt } from './fixtures/grid-map.js';
import type { CivicErrorEvent } from '../../src/core/events/error-event.js';
import type { CivicSelectEvent } from '../../src/core/events/select-event.js';
import { decodePng, distinctColours } from './png-helpers.js';
import METRICS_JSON from '../../demo/data/grid-metrics.json';

const TILES = (window as unknown as { __TILES__?: string }).__TILES__ ?? '/demo/data/tiles';
const BOUNDS = '105.74,29.26,105.97,29.39';

interface Feature {
  properties: { code: string; name: string; level: string; parent: string | null };
  geometry: { type: string; coordinates: number[][][] | number[][][][] };
}
interface Metrics {
  metrics: { key: string }[];
  rows: ({ code: string } & Record<string, number | string | boolean>)[];
}
let GRIDS: Feature[] = [];
let METRICS: Metrics;

const RED = [255, 0, 0], GREEN = [0, 255, 0], BLUE = [0, 0, 255];
const COLORS = '#ff0000,#00ff00,#0000ff';

/** Mean of the outer ring's vertices: inside, since the generated cells are convex. */
function inside(f: Feature): [number, number] {
  const ring = (f.geometry.type === 'Polygon' ? (f.geometry.coordinates as number[][][])[0] : (f.geometry.coordinates as number[][][][])[0][0]).slice(0, -1);
  return [ring.reduce((a, p) => a + p[0], 0) / ring.length, ring.reduce((a, p) => a + p[1], 0) / ring.length];
}

const near = (a: number[], b: number[], tol = 8) => a.every((v, i) => Math.abs(v - b[i]) <= tol);

/** Households summed per parent (code prefix of `len` digits) from the grid rows — what the element should do. */
function parentSums(len: number): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of METRICS.rows) if (typeof r.households === 'number' && r.code.length === 15) m.set(r.code.slice(0, len), (m.get(r.code.slice(0, len)) ?? 0) + r.households);
  return m;
}

describe('<civic-grid-map> vector tiles', function () {
  this.timeout(90000);
  let warn: typeof console.warn;
  const warnings: string[] = [];
  before(async () => {
    GRIDS = ((await (await fetch('/demo/data/grids.geojson')).json()) as { features: Feature[] }).features;
    METRICS = METRICS_JSON as unknown as Metrics;
  });
  beforeEach(() => {
    warnings.length = 0;
    warn = console.warn;
    console.warn = (...a: unknown[]) => warnings.push(a.map(String).join(' '));
  });
  afterEach(() => {
    console.warn = warn;
  });

  it('shows parents at the whole-area zoom, with legend counts of that level', async () => {
    const el = await mapOf(html`<civic-grid-map
      tiles="${TILES}/{z}/{x}/{y}.pbf"
      tiles-max-zoom="13"
      bounds=${BOUNDS}
      preserve-drawing-buffer
      .data=${METRICS}
      metric="households"
    ></civic-grid-map>`);
    const map = el.mapInstance!;
    expect(map).to.exist;
    expect(el.getAttribute('data-renderer')).to.equal('webgl');
    // The tile set cuts parents into the low zooms: no grid is drawn at the whole-area view.
    expect(map.queryRenderedFeatures({ layers: ['civic-tiles-fill-2'] }).length).to.equal(0);
    const streets = map.queryRenderedFeatures({ layers: ['civic-tiles-fill-0'] }).length;
    const communities = map.queryRenderedFeatures({ layers: ['civic-tiles-fill-1'] }).length;
    expect(streets + communities).to.be.greaterThan(0);
    const len = communities > streets ? 12 : 9;
    const sums = parentSums(len);
    const values = [...sums.values()].sort((a, b) => a - b);
    // Two breaks between the sums so every class is used; colours and counts computed here.
    const b1 = (values[0] + values[1]) / 2, b2 = (values[values.length - 2] + values[values.length - 1]) / 2;
    el.classification = 'thresholds';
    el.thresholds = `${b1},${b2}`;
    el.classColors = COLORS;
    await el.whenDrawn();
    const expected = [0, 0, 0];
    for (const v of sums.values()) expected[v < b1 ? 0 : v < b2 ? 1 : 2]++;
    expect(el.legend.map((l) => l.count)).to.deep.equal(expected);
    // Pixel at a parent's interior has its class colour.
    const parent = GRIDS.find((f) => f.properties.code.length === len && sums.has(f.properties.code) && f.properties.level !== 'grid')!;
    const v = sums.get(parent.properties.code)!;
    const want = v < b1 ? RED : v < b2 ? GREEN : BLUE;
    const [x, y] = el.pixelOf(inside(parent))!;
    expect(near(pixelAt(el, x, y), want), `unit ${parent.properties.code} = ${v}`).to.equal(true);
    expect(part(el, 'legend')!.textContent).to.contain('户数');
    // the screen tour visits the level on screen, highest value first
    const top = [...sums.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map((e) => e[0]);
    expect(el.tourTargets()).to.deep.equal(top);
  });

  it('colours grids from joined rows at grid zoom, and restyles in place on a metric switch', async () => {
    const rows = METRICS.rows.filter((r) => r.code.length === 15 && typeof r.households === 'number');
    const el = await mapOf(html`<civic-grid-map
      tiles="${TILES}/{z}/{x}/{y}.pbf"
      tiles-max-zoom="13"
      bounds=${BOUNDS}
      preserve-drawing-buffer
      .data=${METRICS}
      metric="households"
      classification="thresholds"
      thresholds="200,300"
      class-colors=${COLORS}
    ></civic-grid-map>`);
    const map = el.mapInstance!;
    const grid = GRIDS.find((f) => f.properties.level === 'grid' && rows.some((r) => r.code === f.properties.code))!;
    const row = rows.find((r) => r.code === grid.properties.code)!;
    map.jumpTo({ center: inside(grid), zoom: 14.5 });
    await el.whenDrawn();
    const expectColour = (v: number) => (v < 200 ? RED : v < 300 ? GREEN : BLUE);
    const c = part(el, 'canvas')!;
    const [x, y] = [c.clientWidth / 2, c.clientHeight / 2];
    expect(near(pixelAt(el, x, y), expectColour(row.households as number)), `grid ${row.code} households ${row.households}`).to.equal(true);
    expect(map.queryRenderedFeatures([x, y], { layers: ['civic-tiles-fill-2'] })[0]?.id).to.equal(grid.properties.code);
    const source = map.getSource('civic-tiles');
    // Colour states: the new classes are feature-states of the loaded units; the tiles are not parsed again (a
    // data-driven fill change makes maplibre reload every tile of the source).
    let reloaded = 0;
    map.on('sourcedata', (e) => void ((e as { tile?: unknown }).tile && reloaded++));
    el.metric = 'partyMembers';
    el.thresholds = '10,20';
    await el.whenDrawn();
    expect(map.getSource('civic-tiles')).to.equal(source); // same source object: no geometry reloaded
    expect(reloaded, 'tiles loaded again').to.equal(0);
    const pm = row.partyMembers as number;
    expect(near(pixelAt(el, x, y), pm < 10 ? RED : pm < 20 ? GREEN : BLUE), `partyMembers ${pm}`).to.equal(true);
  });

  it('hover shows a text tooltip, click selects with values, keyboard pans, zooms and selects', async () => {
    const el = await mapOf(html`<civic-grid-map tiles="${TILES}/{z}/{x}/{y}.pbf" tiles-max-zoom="13" bounds=${BOUNDS} .data=${METRICS} metric="households"></civic-grid-map>`);
    const map = el.mapInstance!;
    const grid = GRIDS.find((f) => f.properties.name === '茶叶大厦小区网格')!;
    map.jumpTo({ center: inside(grid), zoom: 14.5 });
    await el.whenDrawn();
    const c = part(el, 'canvas')!;
    const r = c.getBoundingClientRect();
    const at = { clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, bubbles: true, composed: true };
    c.dispatchEvent(new PointerEvent('pointermove', at));
    await el.updateComplete;
    const tip = part(el, 'tooltip')!;
    expect(tip.textContent).to.contain('茶叶大厦小区网格');
    expect(tip.textContent).to.contain('287'); // households, FACTS.md §1
    expect(tip.querySelector('b, i, script')).to.equal(null);
    const sel = oneEvent(el, 'civic-select') as Promise<CivicSelectEvent>;
    c.dispatchEvent(new PointerEvent('pointerdown', at));
    c.dispatchEvent(new MouseEvent('click', at));
    const ev = await sel;
    expect(ev.detail.id).to.equal(grid.properties.code);
    expect((ev.detail.item as { values: Record<string, number> }).values.partyMembers).to.equal(24);
    expect(el.selected).to.equal(grid.properties.code);
    // keyboard
    c.focus();
    const z0 = map.getZoom();
    await sendKeys({ press: '-' });
    expect(map.getZoom()).to.be.closeTo(z0 - 1, 0.01);
    const before = map.getCenter();
    await sendKeys({ press: 'ArrowRight' });
    expect(map.getCenter().lng).to.be.greaterThan(before.lng);
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: '+' });
    await el.whenDrawn();
    const sel2 = oneEvent(el, 'civic-select') as Promise<CivicSelectEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await sel2).detail.trigger).to.equal('keyboard');
    await expect(el).to.be.accessible();
  });

  it('reads a PMTiles archive and a TileJSON the same way', async () => {
    for (const tiles of [`pmtiles://${TILES.replace(/tiles$/, 'grids.pmtiles')}`, `${TILES.replace(/tiles$/, 'tiles.json')}`]) {
      const res = await fetch(tiles.replace('pmtiles://', ''), { method: 'HEAD' });
      if (!res.ok) throw new Error(`${tiles} missing: run node scripts/make-grid-tiles.mjs --demo`);
      const el = await mapOf(html`<civic-grid-map tiles=${tiles} .data=${METRICS} metric="households"></civic-grid-map>`);
      const map = el.mapInstance!;
      expect(map, `${tiles}: ${warnings.join(' | ')}`).to.exist;
      const drawn = map.queryRenderedFeatures({ layers: ['civic-tiles-fill-0', 'civic-tiles-fill-1', 'civic-tiles-fill-2'] });
      expect(drawn.length, tiles).to.be.greaterThan(0);
      expect(el.legend.reduce((a, l) => a + l.count, 0), tiles).to.be.greaterThan(0);
      el.remove();
    }
  });

  it('reports tiles that fail to load in civic-error, visibly, without throwing', async () => {
    const onerror = window.onerror;
    let thrown = 0;
    window.onerror = () => void thrown++;
    const el = document.createElement('civic-grid-map') as CivicGridMap;
    el.tiles = '/no-such-tiles/{z}/{x}/{y}.pbf';
    el.bounds = BOUNDS;
    el.data = METRICS;
    const err = oneEvent(el, 'civic-error') as Promise<CivicErrorEvent>;
    document.body.append(el);
    const ev = await err;
    // maplibre draws a 404 tile as empty; the element probes the centre tile and says why the map is blank.
    expect(ev.detail.kind).to.equal('http');
    expect(ev.detail.status).to.equal(404);
    await el.updateComplete;
    expect(part(el, 'status')!.textContent).to.match(/瓦片加载失败/);
    expect(thrown).to.equal(0);
    window.onerror = onerror;
    el.remove();
  });

  it('cleans up on disconnect', async () => {
    const el = await mapOf(html`<civic-grid-map tiles="${TILES}/{z}/{x}/{y}.pbf" bounds=${BOUNDS} .data=${METRICS}></civic-grid-map>`);
    const map = el.mapInstance!;
    const png = await decodePng(await el.toPNG({ pixelRatio: 1 })); // repaint-and-copy, no preserved buffer
    expect(distinctColours(png)).to.be.greaterThan(3);
    el.remove();
    expect(el.mapInstance).to.equal(undefined);
    expect((map as unknown as { _removed?: boolean })._removed).to.equal(true);
  });
});
