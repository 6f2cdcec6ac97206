/**
 * Benchmark page for <civic-grid-map>: N hexagonal grids around Yongchuan (105.93 E, 29.36 N), one metric per
 * grid (seeded PRNG), and the ways to draw them: the element (auto / webgl / canvas) and the baselines, each set up
 * the way an expert of that library would (bench/grid-map/run.mjs prints these set-ups with its table):
 * - `maplibre`: raw maplibre-gl, the values kept in each feature's properties, one fill layer coloured by a `step`
 *   expression over `['get', key]` at the quantile breaks, one line layer for the outlines; recolour = one
 *   setPaintProperty to the other key's step expression (no data re-upload).
 * - `maplibre-match` (extra row, NOT the expert set-up): the values joined through a 1-entry-per-grid `match`.
 * - `echarts`: ECharts 6 `map` series over registerMap(geojson), piecewise visualMap at the same quantile breaks,
 *   animation off, canvas renderer; recolour = setOption with the other key's data and breaks.
 * - `d3-canvas`: a plain d3-geo canvas draw (fills per grid, outlines stroked 1,000 grids per path).
 * Driven by bench/grid-map/run.mjs; every figure is a wall-clock time measured inside the page.
 */
import '../../src/components/grid-map/grid-map.define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';
import { geoPath, geoTransform } from 'd3-geo';
import { scaleQuantile } from 'd3-scale';
import { interpolateViridis } from 'd3-scale-chromatic';

import { hexGrid } from './hex.js';

export { hexGrid };

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
const frameTime = () => new Promise<number>((r) => requestAnimationFrame((t) => r(t)));

type MlMap = import('maplibre-gl').Map;
/** The maplibre Map of the last run (the element's `mapInstance` or the raw baseline's), for `panzoom()`. */
let current: MlMap | undefined;

/** rAF intervals while `step` drives the map (called once per frame until it returns false). */
async function frames(step: (i: number) => boolean): Promise<number[]> {
  const out: number[] = [];
  let last = await frameTime();
  for (let i = 0; ; i++) {
    const more = step(i);
    const t = await frameTime();
    out.push(t - last);
    last = t;
    if (!more) break;
  }
  return out;
}

const mapIdle = (m: MlMap) => new Promise<void>((r) => (m.loaded() && !m.isMoving() && m.areTilesLoaded() ? r() : m.once('idle', () => r())));

/**
 * Pan/zoom frame times (requestAnimationFrame intervals) on the map of the last run, the same script for the element
 * and raw maplibre: 60 frames of panBy, an easeTo two zoom levels in (2 s, linear), 60 frames of panBy there.
 */
async function panzoom() {
  const m = current;
  if (!m) return null;
  await mapIdle(m);
  const pan = await frames((i) => {
    m.panBy([6, 4], { animate: false });
    return i < 59;
  });
  await mapIdle(m);
  const t0 = performance.now();
  m.easeTo({ zoom: m.getZoom() + 2, duration: 2000, easing: (t) => t });
  const zoom = await frames(() => m.isMoving() || performance.now() - t0 < 2000);
  await mapIdle(m);
  const pan2 = await frames((i) => {
    m.panBy([-6, -4], { animate: false });
    return i < 59;
  });
  await mapIdle(m);
  return { pan: pan.concat(pan2), zoom };
}

function stage(): HTMLElement {
  document.body.innerHTML = '';
  const d = document.createElement('div');
  d.style.cssText = 'width:960px;height:640px;position:relative';
  document.body.appendChild(d);
  return d;
}

async function element(n: number, renderer: string) {
  const { geojson, metrics } = hexGrid(n);
  const host = stage();
  const t0 = performance.now();
  const el = document.createElement('civic-grid-map') as CivicGridMap;
  el.setAttribute('renderer', renderer);
  el.style.setProperty('--civic-grid-map-height', '600px');
  el.geometry = geojson;
  el.data = metrics;
  el.metric = 'a';
  host.appendChild(el);
  await el.whenDrawn();
  await nextFrame();
  const first = performance.now() - t0;
  const t1 = performance.now();
  el.metric = 'b';
  await el.whenDrawn();
  await nextFrame();
  const recolour = performance.now() - t1;
  const active = el.activeRenderer;
  current = el.mapInstance;
  return { first, recolour, active };
}

const COLOURS = [0, 1, 2, 3, 4].map((i) => interpolateViridis(i / 4));

/** Quantile breaks (4 thresholds for 5 classes), as an expert would compute once for a step expression. */
function breaks(rows: { a: number; b: number }[], key: 'a' | 'b'): number[] {
  return scaleQuantile<string>().domain(rows.map((r) => r[key])).range(COLOURS).quantiles();
}

function stepExpr(rows: { a: number; b: number }[], key: 'a' | 'b') {
  const expr: unknown[] = ['step', ['get', key], COLOURS[0]];
  breaks(rows, key).forEach((t, i) => expr.push(t, COLOURS[i + 1]));
  return expr;
}

/** The expert maplibre set-up: values in the features' properties, `['get', key]` in one fill layer + one line layer. */
async function rawMaplibreExpert(n: number) {
  const { geojson, metrics } = hexGrid(n);
  const host = stage();
  const t0 = performance.now();
  // The values travel with the features (what an expert does once when preparing the data; timed here).
  const byCode = new Map(metrics.rows.map((r) => [r.code, r]));
  for (const f of geojson.features) {
    const r = byCode.get(f.properties.code)!;
    (f.properties as Record<string, unknown>).a = r.a;
    (f.properties as Record<string, unknown>).b = r.b;
  }
  const ml = await import('maplibre-gl');
  const map = new ml.Map({
    container: host,
    style: { version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#ffffff' } }] },
    bounds: [[105.6, 29.0], [106.3, 29.6]],
    attributionControl: false,
    fadeDuration: 0,
  });
  await new Promise((r) => map.once('load', r));
  map.addSource('g', { type: 'geojson', data: geojson as never });
  map.addLayer({ id: 'f', type: 'fill', source: 'g', paint: { 'fill-color': stepExpr(metrics.rows, 'a') as never } });
  map.addLayer({ id: 'l', type: 'line', source: 'g', paint: { 'line-color': '#ffffff', 'line-width': 0.75 } });
  await new Promise((r) => map.once('idle', r));
  const first = performance.now() - t0;
  const t1 = performance.now();
  map.setPaintProperty('f', 'fill-color', stepExpr(metrics.rows, 'b') as never);
  await new Promise((r) => map.once('idle', r));
  const recolour = performance.now() - t1;
  current = map;
  return { first, recolour, active: 'maplibre' };
}

/** ECharts 6 map series: registerMap + one `map` series, piecewise visualMap at the quantile breaks, no animation. */
async function echartsMap(n: number) {
  const { geojson, metrics } = hexGrid(n);
  const host = stage();
  const t0 = performance.now();
  const echarts = await import('echarts');
  const chart = echarts.init(host, undefined, { renderer: 'canvas', width: 960, height: 640 });
  echarts.registerMap('bench', geojson as never);
  const pieces = (key: 'a' | 'b') => {
    const b = breaks(metrics.rows, key);
    const edges = [-Infinity, ...b, Infinity];
    return COLOURS.map((color, i) => ({ gte: edges[i] === -Infinity ? undefined : edges[i], lt: edges[i + 1] === Infinity ? undefined : edges[i + 1], color }));
  };
  const option = (key: 'a' | 'b') => ({
    animation: false,
    visualMap: { type: 'piecewise', show: false, pieces: pieces(key), seriesIndex: 0 },
    series: [{
      type: 'map', map: 'bench', nameProperty: 'code', roam: true, silent: false, label: { show: false },
      itemStyle: { borderColor: '#ffffff', borderWidth: 0.75 }, emphasis: { disabled: true }, select: { disabled: true },
      data: metrics.rows.map((r) => ({ name: r.code, value: r[key] })),
    }],
  });
  const finished = () => new Promise<void>((r) => chart.on('finished', function h() { chart.off('finished', h); r(); }));
  let done = finished();
  chart.setOption(option('a'));
  await done;
  await nextFrame();
  const first = performance.now() - t0;
  const t1 = performance.now();
  done = finished();
  chart.setOption(option('b'));
  await done;
  await nextFrame();
  const recolour = performance.now() - t1;
  return { first, recolour, active: 'echarts' };
}

function matchExpr(rows: { code: string; a: number; b: number }[], key: 'a' | 'b') {
  const vals = rows.map((r) => r[key]);
  const q = scaleQuantile<string>().domain(vals).range([0, 1, 2, 3, 4].map((i) => interpolateViridis(i / 4)));
  const expr: unknown[] = ['match', ['get', 'code']];
  for (const r of rows) expr.push(r.code, q(r[key]));
  expr.push('#cccccc');
  return expr;
}

async function rawMaplibre(n: number) {
  const { geojson, metrics } = hexGrid(n);
  const host = stage();
  const t0 = performance.now();
  const ml = await import('maplibre-gl');
  const map = new ml.Map({
    container: host,
    style: { version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#ffffff' } }] },
    bounds: [[105.6, 29.0], [106.3, 29.6]],
    attributionControl: false,
    fadeDuration: 0,
  });
  await new Promise((r) => map.once('load', r));
  map.addSource('g', { type: 'geojson', data: geojson as never });
  map.addLayer({ id: 'f', type: 'fill', source: 'g', paint: { 'fill-color': matchExpr(metrics.rows, 'a') as never } });
  map.addLayer({ id: 'l', type: 'line', source: 'g', paint: { 'line-color': '#ffffff', 'line-width': 0.75 } });
  await new Promise((r) => map.once('idle', r));
  const first = performance.now() - t0;
  const t1 = performance.now();
  map.setPaintProperty('f', 'fill-color', matchExpr(metrics.rows, 'b') as never);
  await new Promise((r) => map.once('idle', r));
  const recolour = performance.now() - t1;
  current = map; // kept for panzoom(); the context is closed after each run
  return { first, recolour, active: 'maplibre-match' };
}

async function d3Canvas(n: number) {
  const { geojson, metrics } = hexGrid(n);
  const host = stage();
  const t0 = performance.now();
  const canvas = document.createElement('canvas');
  canvas.width = 960 * devicePixelRatio;
  canvas.height = 640 * devicePixelRatio;
  canvas.style.cssText = 'width:960px;height:640px';
  host.appendChild(canvas);
  const ctx = canvas.getContext('2d')!;
  const k = 960 / 0.7;
  const proj = geoTransform({
    point(x: number, y: number) {
      this.stream.point((x - 105.6) * k, (29.6 - y) * k);
    },
  });
  const path = geoPath(proj, ctx);
  const draw = (key: 'a' | 'b') => {
    const vals = metrics.rows.map((r) => r[key]);
    const q = scaleQuantile<string>().domain(vals).range([0, 1, 2, 3, 4].map((i) => interpolateViridis(i / 4)));
    const byCode = new Map(metrics.rows.map((r) => [r.code, r[key]]));
    ctx.setTransform(devicePixelRatio, 0, 0, devicePixelRatio, 0, 0);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 960, 640);
    for (const f of geojson.features) {
      ctx.beginPath();
      path(f as never);
      ctx.fillStyle = q(byCode.get(f.properties.code) as number);
      ctx.fill();
    }
    // Outlines stroked 1,000 grids at a time: this headless Chromium (156, SwiftShader) takes 13-17 s to stroke one
    // path of 50,000 hexagons, and about as long with five batched fills, but ~0.3 s without the stroke; an expert who
    // profiled it would split the path like this (the element's canvas renderer does not hit the slow case).
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = 0.75;
    const features = geojson.features;
    for (let i = 0; i < features.length; i += 1000) {
      ctx.beginPath();
      for (let j = i; j < Math.min(i + 1000, features.length); j++) path(features[j] as never);
      ctx.stroke();
    }
  };
  draw('a');
  await nextFrame();
  const first = performance.now() - t0;
  const t1 = performance.now();
  draw('b');
  await nextFrame();
  const recolour = performance.now() - t1;
  return { first, recolour, active: 'canvas' };
}

/** The demo data (demo/data/) in the element, for screenshots. */
async function demo(renderer: string, attrs: Record<string, string>) {
  const host = stage();
  const el = document.createElement('civic-grid-map') as CivicGridMap;
  el.setAttribute('renderer', renderer);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.style.setProperty('--civic-grid-map-height', '560px');
  el.geometry = await (await fetch('/demo/data/grids.geojson')).json();
  el.data = await (await fetch('/demo/data/grid-metrics.json')).json();
  el.points = await (await fetch('/demo/data/points.json')).json();
  host.appendChild(el);
  await el.whenDrawn();
  await nextFrame();
  return { active: el.activeRenderer };
}

(window as unknown as { bench: unknown }).bench = {
  demo,
  panzoom,
  run(impl: string, n: number) {
    if (impl === 'maplibre') return rawMaplibreExpert(n);
    if (impl === 'maplibre-match') return rawMaplibre(n);
    if (impl === 'echarts') return echartsMap(n);
    if (impl === 'd3-canvas') return d3Canvas(n);
    return element(n, impl.replace('element-', ''));
  },
};
