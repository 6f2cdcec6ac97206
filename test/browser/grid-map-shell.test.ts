// Issue 14: <civic-grid-map> as a shell over its parts. Tiles mode is a full citizen (search by name, `focus` by code,
// arrow keys between neighbours from the tile set's index, legend emphasis, whenDrawn() on a picture); legend
// emphasis in memory mode; renderer recovery after a WebGL fallback; the geometry source's error / stale / abort /
// timeout paths give the same events as metrics; the points fetch has a timeout. No fixed sleeps: events, promises
// and polled conditions.
import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { nextTask, until } from './fixtures/wait.js';
import '../../src/components/grid-map/grid-map.define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';
import { mapOf, part, pixelAt as pixel } from './fixtures/grid-map.js';
import type { CivicErrorEvent } from '../../src/core/events/error-event.js';
import type { CivicHoverEvent } from '../../src/core/events/hover-event.js';
import type { CivicSelectEvent } from '../../src/core/events/select-event.js';
import type { CivicRendererChangeEvent } from '../../src/components/grid-map/grid-map.events.js';
import { configure } from '../../src/data/configure.js';
import METRICS from '../fixtures/grid-map/metrics.json';
import DEMO_METRICS from '../../demo/data/grid-metrics.json';

const TILES = '/demo/data/tiles';
const BOUNDS = '105.74,29.26,105.97,29.39';
const GEO_URL = '/test/fixtures/grid-map/small.geojson';
const THRESH = { thresholds: '250', colors: '#ff0000,#0000ff' };

interface Index {
  code: string[];
  name: string[];
  rank: number[];
  bbox: number[];
  label: number[];
  neighbours: number[][];
}
let INDEX: Index;

const near = (a: number[], b: number[], tol = 10) => a.every((v, i) => Math.abs(v - b[i]) <= tol);

/** A fetch holding requests whose URL contains `?gate` until released (or forever), honouring abort. */
function gatedFetch() {
  const held: { url: string; resolve: (r: Response) => void }[] = [];
  const aborted: string[] = [];
  const f = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.includes('?gate')) return fetch(input, init);
    return new Promise<Response>((resolve, reject) => {
      held.push({ url, resolve });
      init?.signal?.addEventListener('abort', () => {
        aborted.push(url);
        reject(new DOMException('aborted', 'AbortError'));
      });
    });
  }) as typeof fetch;
  return {
    fetch: f,
    held,
    aborted,
    async release() {
      for (const h of held.splice(0)) h.resolve(await fetch(h.url.replace('?gate', '?released')));
    },
  };
}

const errorShape = (d: CivicErrorEvent['detail']) => ({ kind: d.kind, source: d.source, status: d.status, partial: d.partial, keptPrevious: d.keptPrevious, issueCount: d.issueCount });

describe('<civic-grid-map> shell: tiles mode with the unit index', function () {
  this.timeout(120000);
  let warn: typeof console.warn;
  before(async () => {
    INDEX = (await (await fetch(`${TILES.replace(/tiles$/, 'tiles-index.json')}`)).json()) as Index;
  });
  beforeEach(() => {
    warn = console.warn;
    console.warn = () => undefined;
  });
  afterEach(() => {
    console.warn = warn;
  });

  const tilesMap = (extra = html``) =>
    html`<civic-grid-map style="width:640px;--civic-grid-map-height:420px" tiles="${TILES}/{z}/{x}/{y}.pbf" tiles-max-zoom="13" bounds=${BOUNDS} .data=${DEMO_METRICS} metric="households">${extra}</civic-grid-map>`;

  /** The map's view contains the unit's box, and the box is not lost in it (≥ 20 % of the view's width or height). */
  function framed(el: CivicGridMap, i: number): boolean {
    const b = el.mapInstance!.getBounds();
    const [w, s, e, n] = INDEX.bbox.slice(i * 4, i * 4 + 4);
    const inView = b.getWest() <= w + 1e-6 && b.getEast() >= e - 1e-6 && b.getSouth() <= s + 1e-6 && b.getNorth() >= n - 1e-6;
    const share = Math.max((e - w) / (b.getEast() - b.getWest()), (n - s) / (b.getNorth() - b.getSouth()));
    return inView && share >= 0.2;
  }

  it('whenDrawn() resolves on a picture: tiles loaded and units drawn', async () => {
    const el = document.createElement('civic-grid-map') as CivicGridMap;
    el.setAttribute('tiles', `${TILES}/{z}/{x}/{y}.pbf`);
    el.setAttribute('bounds', BOUNDS);
    el.data = DEMO_METRICS;
    const drawn = el.whenDrawn();
    document.body.append(el);
    try {
      await drawn;
      const map = el.mapInstance!;
      expect(map, 'a map exists once drawn').to.exist;
      expect(map.areTilesLoaded()).to.equal(true);
      expect(map.queryRenderedFeatures({ layers: ['civic-tiles-fill-0', 'civic-tiles-fill-1', 'civic-tiles-fill-2'] }).length).to.be.greaterThan(0);
    } finally {
      el.remove();
    }
  });

  it('searches by name (index loaded on first use) and shows and selects the result', async () => {
    const el = await mapOf(tilesMap());
    const g = INDEX.rank.findIndex((r, i) => r === 2 && INDEX.name[i].includes('第3网格'));
    const input = part(el, 'search')!.querySelector('input')!;
    input.focus();
    await sendKeys({ type: INDEX.name[g] });
    await until(() => part(el, 'search')!.querySelectorAll('[role="option"]:not([aria-disabled])').length > 0, 'search results from the tiles index');
    expect(part(el, 'search')!.querySelector('[role="option"]')!.textContent).to.contain(INDEX.name[g]);
    const sel = oneEvent(el, 'civic-select') as Promise<CivicSelectEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await sel).detail).to.include({ id: INDEX.code[g], trigger: 'keyboard' });
    expect(el.selected).to.equal(INDEX.code[g]);
    await el.whenDrawn();
    expect(framed(el, g), 'the camera shows the found grid').to.equal(true);
    // the breadcrumb names its street and community (from the index)
    expect(part(el, 'breadcrumb')!.textContent).to.contain(INDEX.name[INDEX.code.indexOf(INDEX.code[g].slice(0, 12))]);
  });

  it('focus by code fits the unit from the index', async () => {
    const c = INDEX.rank.findIndex((r) => r === 1);
    const el = await mapOf(html`<civic-grid-map style="width:640px;--civic-grid-map-height:420px" tiles="${TILES}/{z}/{x}/{y}.pbf" tiles-max-zoom="13" bounds=${BOUNDS} .data=${DEMO_METRICS} focus=${INDEX.code[c]}></civic-grid-map>`);
    await until(() => framed(el, c), `the view frames community ${INDEX.code[c]}`);
    await el.whenDrawn();
    // at that zoom the tile set shows the community's grids
    const grids = el.mapInstance!.queryRenderedFeatures({ layers: ['civic-tiles-fill-2'] }).map((f) => String(f.id));
    expect(grids.some((code) => code.startsWith(INDEX.code[c]))).to.equal(true);
  });

  it('arrow keys move between neighbouring units of the index', async () => {
    const g = INDEX.rank.findIndex((r, i) => r === 2 && INDEX.neighbours[i].length >= 3);
    const el = await mapOf(tilesMap());
    el.selected = INDEX.code[g];
    el.focusCode = INDEX.code[g].slice(0, 12);
    await el.whenDrawn();
    const hovers: string[] = [];
    el.addEventListener('civic-hover', (e) => hovers.push(String((e as CivicHoverEvent).detail.id)));
    part(el, 'canvas')!.focus();
    await sendKeys({ press: 'ArrowRight' }); // loads the index, then moves
    await until(() => hovers.length > 0 || !!el.shadowRoot!.querySelector('[part~="tooltip"]'), 'the first arrow moved the cursor');
    if (!hovers.length) await sendKeys({ press: 'ArrowRight' });
    await until(() => hovers.length > 0, 'a hover from the arrow key');
    const first = hovers[hovers.length - 1];
    const from = INDEX.code.indexOf(first);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowLeft' });
    await until(() => hovers.length >= 2, 'more arrow moves');
    // every step goes to a neighbour (index) of the unit before it
    const path = [first, ...hovers.slice(hovers.indexOf(first) + 1)];
    for (let k = 1; k < path.length; k++) {
      const a = INDEX.code.indexOf(path[k - 1]);
      expect(INDEX.neighbours[a].map((j) => INDEX.code[j]), `${path[k - 1]} → ${path[k]}`).to.include(path[k]);
    }
    expect(from).to.be.greaterThan(-1);
    expect(part(el, 'tooltip')!.textContent).to.contain(INDEX.name[INDEX.code.indexOf(path[path.length - 1])]);
    // Enter selects the cursor's unit
    const sel = oneEvent(el, 'civic-select') as Promise<CivicSelectEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await sel).detail.id).to.equal(path[path.length - 1]);
  });

  it('legend hover and focus emphasise a class on the tiles', async () => {
    const el = await mapOf(tilesMap());
    const rank = [0, 1, 2].find((r) => el.mapInstance!.queryRenderedFeatures({ layers: [`civic-tiles-fill-${r}`] }).length > 0)!;
    // The fill expression with the faded colour (0.18) for the other classes while a class is emphasised. (Before the
    // first emphasis the colours are feature-states under one fixed expression; emphasis switches to expressions.)
    const fill = () => JSON.stringify(el.mapInstance!.getPaintProperty(`civic-tiles-fill-${rank}`, 'fill-color'));
    const faded = () => fill().includes('0.18');
    expect(faded()).to.equal(false);
    const item = part(el, 'legend')!.querySelector<HTMLElement>('[data-class="0"]')!;
    item.dispatchEvent(new MouseEvent('mouseenter'));
    await until(faded, 'emphasis changes the fill');
    item.dispatchEvent(new MouseEvent('mouseleave'));
    await until(() => !faded(), 'emphasis cleared');
    item.focus();
    await until(faded, 'focus emphasises too');
    item.blur();
    await until(() => !faded(), 'blur clears');
  });

  it('the table twin lists metric rows of the level on screen, named from the index', async () => {
    const el = await mapOf(tilesMap());
    el.tableOpen = true;
    el.pageSize = 5;
    part(el, 'canvas')!.focus();
    await sendKeys({ press: 'ArrowRight' }); // loads the index
    await until(() => [...part(el, 'table')!.querySelectorAll('tbody tr td:first-child')].every((td) => td.textContent!.trim() !== '—'), 'names from the index');
    const rows = [...part(el, 'table')!.querySelectorAll('tbody tr')];
    expect(rows.length).to.equal(5);
    const code = rows[0].querySelectorAll('td')[1].textContent!.trim();
    expect(rows[0].querySelector('td')!.textContent).to.contain(INDEX.name[INDEX.code.indexOf(code)]);
  });
});

describe('<civic-grid-map> shell: memory mode, renderer recovery, geometry and points sources', function () {
  this.timeout(120000);
  let warn: typeof console.warn;
  let SMALL: unknown;
  before(async () => {
    SMALL = await (await fetch(GEO_URL)).json();
  });
  beforeEach(() => {
    warn = console.warn;
    console.warn = () => undefined;
  });
  afterEach(() => {
    console.warn = warn;
    configure({ fetch: undefined });
  });

  it('legend hover and focus emphasise a class in memory mode (others faded)', async () => {
    const el = await mapOf(html`<civic-grid-map renderer="canvas" .geometry=${SMALL} .data=${METRICS} metric="households" classification="thresholds"
      thresholds=${THRESH.thresholds} class-colors=${THRESH.colors}></civic-grid-map>`);
    const [x, y] = el.pixelOf([105.905, 29.365])!; // the 100-household grid (class 0, red)
    const red = pixel(el, x, y);
    expect(near(red, [255, 0, 0])).to.equal(true);
    const blue = part(el, 'legend')!.querySelector<HTMLElement>('[data-class="1"]')!;
    blue.dispatchEvent(new MouseEvent('mouseenter'));
    await until(() => !near(pixel(el, x, y), [255, 0, 0]), 'class 0 fades while class 1 is emphasised');
    blue.dispatchEvent(new MouseEvent('mouseleave'));
    await until(() => near(pixel(el, x, y), [255, 0, 0]), 'back to full colour');
    blue.focus();
    await until(() => !near(pixel(el, x, y), [255, 0, 0]), 'focus emphasises too');
  });

  it('civic-drawn comes with each new picture (first, a metric switch), fed by the surface', async () => {
    const el = document.createElement('civic-grid-map') as CivicGridMap;
    el.setAttribute('renderer', 'canvas');
    el.geometry = SMALL;
    el.data = METRICS;
    const drawn: string[][] = [];
    el.addEventListener('civic-drawn', (e) => drawn.push([...(e as CustomEvent<{ reasons: string[] }>).detail.reasons]));
    document.body.append(el);
    try {
      await until(() => drawn.length === 1, 'the first picture');
      expect(drawn[0]).to.include('first');
      expect(el.activeRenderer, 'drawn means a renderer drew').to.equal('canvas');
      el.metric = 'points';
      await until(() => drawn.length === 2, 'a picture for the metric switch');
      expect(drawn[1]).to.include('data');
      await el.whenDrawn();
    } finally {
      el.remove();
    }
  });

  it('recovers the renderer the user sets after a WebGL fallback', async () => {
    const el = await mapOf(html`<civic-grid-map renderer="webgl" restore-timeout="100" .geometry=${SMALL} .data=${METRICS}></civic-grid-map>`);
    expect(el.activeRenderer).to.equal('webgl');
    const fell = oneEvent(el, 'civic-renderer-change') as Promise<CivicRendererChangeEvent>;
    el.drawingCanvas!.getContext('webgl2')!.getExtension('WEBGL_lose_context')!.loseContext();
    expect((await fell).detail).to.deep.equal({ renderer: 'canvas', reason: 'context-lost' });
    await el.whenDrawn();
    el.renderer = 'svg';
    await until(() => el.activeRenderer === 'svg', 'svg after the user asked for it (not the sticky canvas fallback)');
    const back = oneEvent(el, 'civic-renderer-change') as Promise<CivicRendererChangeEvent>;
    el.renderer = 'webgl';
    expect((await back).detail).to.deep.equal({ renderer: 'webgl', reason: 'attribute' });
    await el.whenDrawn();
    expect(el.activeRenderer).to.equal('webgl');
  });

  it('geometry-src errors like metrics src: same civic-error detail, visible state, retry', async () => {
    const geoErr = document.createElement('civic-grid-map') as CivicGridMap;
    geoErr.geometrySrc = '/test/fixtures/grid-map/nope.geojson';
    const metErr = document.createElement('civic-grid-map') as CivicGridMap;
    metErr.geometry = SMALL;
    metErr.src = '/test/fixtures/grid-map/nope-metrics.json';
    const a = oneEvent(geoErr, 'civic-error') as Promise<CivicErrorEvent>;
    const b = oneEvent(metErr, 'civic-error') as Promise<CivicErrorEvent>;
    document.body.append(geoErr, metErr);
    try {
      const [ga, mb] = [(await a).detail, (await b).detail];
      expect(errorShape(ga)).to.deep.equal(errorShape(mb));
      expect(ga).to.include({ kind: 'http', status: 404, url: '/test/fixtures/grid-map/nope.geojson' });
      await geoErr.updateComplete;
      const status = part(geoErr, 'status')!;
      expect(status.getAttribute('role')).to.equal('alert');
      expect(status.querySelector('button'), 'a retry button like a failed src').to.exist;
    } finally {
      geoErr.remove();
      metErr.remove();
    }
  });

  it('a failed geometry refresh keeps the picture (stale, keptPrevious) with a banner', async () => {
    const el = await mapOf(html`<civic-grid-map renderer="canvas" geometry-src=${GEO_URL} .data=${METRICS}></civic-grid-map>`);
    const legend = el.legend.map((l) => l.count);
    const err = oneEvent(el, 'civic-error') as Promise<CivicErrorEvent>;
    el.geometrySrc = '/test/fixtures/grid-map/gone.geojson';
    const d = (await err).detail;
    expect(d).to.include({ kind: 'http', partial: false, keptPrevious: true });
    await el.whenDrawn();
    expect(el.legend.map((l) => l.count)).to.deep.equal(legend);
    expect(el.activeRenderer).to.equal('canvas');
    expect(part(el, 'status')).to.exist;
  });

  it('a new geometry-src aborts the one in flight; its late answer is never drawn', async () => {
    const gate = gatedFetch();
    configure({ fetch: gate.fetch });
    const el = document.createElement('civic-grid-map') as CivicGridMap;
    el.setAttribute('renderer', 'canvas');
    el.timeout = 120000; // only the new source may end the first request, not a timeout
    el.data = METRICS;
    el.geometrySrc = '/test/fixtures/grid-map/grids-only.geojson?gate';
    document.body.append(el);
    try {
      await until(() => gate.held.length === 1, 'the first geometry was requested');
      el.geometrySrc = GEO_URL;
      await until(() => gate.aborted.length === 1, 'the first request was aborted');
      await el.whenDrawn();
      const n = el.legend.reduce((s, l) => s + l.count, 0);
      await gate.release();
      await nextTask();
      await el.updateComplete;
      expect(el.legend.reduce((s, l) => s + l.count, 0)).to.equal(n);
      expect(el.shadowRoot!.querySelector('[part~="breadcrumb"]')!.textContent).to.not.contain('grids-only');
    } finally {
      el.remove();
    }
  });

  it('geometry-src and points-src time out like src (kind timeout)', async () => {
    const gate = gatedFetch();
    configure({ fetch: gate.fetch });
    const el = document.createElement('civic-grid-map') as CivicGridMap;
    el.setAttribute('renderer', 'canvas');
    el.timeout = 300;
    el.geometry = SMALL;
    el.data = METRICS;
    el.pointsSrc = '/demo/data/points.json?gate';
    const errors: CivicErrorEvent['detail'][] = [];
    el.addEventListener('civic-error', (e) => errors.push((e as CivicErrorEvent).detail));
    document.body.append(el);
    try {
      await until(() => errors.some((d) => d.kind === 'timeout'), 'the points request timed out');
      expect(errors.find((d) => d.kind === 'timeout')!.url).to.equal('/demo/data/points.json?gate');
      await el.whenDrawn(); // the map still draws
      el.geometrySrc = '/test/fixtures/grid-map/small.geojson?gate';
      el.geometry = undefined;
      await until(() => errors.filter((d) => d.kind === 'timeout').length >= 2, 'the geometry request timed out');
      expect(errors.filter((d) => d.kind === 'timeout')[1]).to.include({ url: '/test/fixtures/grid-map/small.geojson?gate', keptPrevious: true });
    } finally {
      el.remove();
    }
  });
});
