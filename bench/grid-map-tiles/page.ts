/**
 * Benchmark page for <civic-grid-map tiles="…"> on the synthetic 1,000,000-grid vector-tile set
 * (scripts/make-grid-tiles.mjs --synthetic), against raw maplibre-gl on the same tiles. Driven by run.mjs:
 * the page starts on load (so module download, worker start and the first tiles count from navigation start),
 * stores the first-picture time in `window.benchFirst`, then run.mjs calls `bench.panzoom()` / `bench.check()`.
 *
 * Query: ?impl=element|element-bin|element-main|element-nometrics|element-pmtiles|element-tilejson|maplibre|maplibre-tilejson&base=/bench/grid-map-tiles/.out
 *        &minzoom=3&maxzoom=13&bounds=w,s,e,n
 */
import '../../src/components/grid-map/grid-map.define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';
import { metricsLoads, metricsOffThread } from '../../src/components/grid-map/metrics-loader.js';
import { columnBytes, type ColumnMetricsData } from '../../src/components/grid-map/metric-columns.js';
import type { Map as MlMap } from 'maplibre-gl';

type W = Window & { benchFirst?: unknown; bench?: unknown };
const q = new URLSearchParams(location.search);
const impl = q.get('impl') ?? 'element';
const base = q.get('base') ?? '/bench/grid-map-tiles/.out';
const minzoom = Number(q.get('minzoom') ?? 0);
const maxzoom = Number(q.get('maxzoom') ?? 14);
const bounds = (q.get('bounds') ?? '').split(',').map(Number) as [number, number, number, number];
const template = `${location.origin}${base}/tiles/{z}/{x}/{y}.pbf`;
const LAYERS = ['streets', 'communities', 'grids'];

// element-main: the metrics fetched, parsed and joined on the main thread (the path before the metrics worker).
if (impl === 'element-main') metricsOffThread.enabled = false;

/** Main-thread long tasks from navigation start until the first picture (PerformanceObserver 'longtask'). */
const longTasks: number[] = [];
try {
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
} catch {
  /* no longtask timing */
}
let store: { total: number; raw: number } | undefined;

const nextFrame = () => new Promise<number>((r) => requestAnimationFrame((t) => r(t)));
let map: MlMap | undefined;
/** Milestones from navigation start (ms): where the first-picture time goes. */
const marks: Record<string, number> = {};

function stage(): HTMLElement {
  const d = document.createElement('div');
  d.style.cssText = 'width:960px;height:640px;position:relative';
  document.body.appendChild(d);
  return d;
}

async function element(): Promise<void> {
  const host = stage();
  const el = document.createElement('civic-grid-map') as CivicGridMap;
  if (impl === 'element-pmtiles') el.setAttribute('tiles', `pmtiles://${base}/grids.pmtiles`);
  else if (impl === 'element-tilejson') el.setAttribute('tiles', `${base}/tiles.json`);
  else {
    el.setAttribute('tiles', template);
    el.setAttribute('tiles-min-zoom', String(minzoom));
    el.setAttribute('tiles-max-zoom', String(maxzoom));
    el.setAttribute('bounds', bounds.join(','));
  }
  if (impl !== 'element-nometrics') {
    const ext = impl === 'element-bin' ? 'cgmb' : 'json';
    el.setAttribute('src', base.startsWith('/demo') ? `/demo/data/grid-metrics.${ext}` : `${base}/metrics.${ext}`);
    el.setAttribute('metric', 'households');
  }
  el.style.setProperty('--civic-grid-map-height', '640px');
  const changed = new Promise((r) => el.addEventListener('civic-renderer-change', () => r((marks.rendererChange = performance.now())), { once: true }));
  const loaded = impl === 'element-nometrics' ? Promise.resolve() : new Promise((r) => el.addEventListener('civic-load', () => r((marks.metricsLoaded = performance.now())), { once: true }));
  marks.start = performance.now();
  host.appendChild(el);
  await changed;
  await loaded;
  await el.whenDrawn();
  await nextFrame();
  map = el.mapInstance;
  const value = (el as unknown as { feed: { value?: ColumnMetricsData } }).feed.value;
  if (value?.columns) store = columnBytes(value.columns.packed);
}

async function maplibre(): Promise<void> {
  const host = stage();
  marks.start = performance.now();
  const ml = await import('maplibre-gl');
  marks.maplibreLoaded = performance.now();
  const colours: Record<string, string> = { streets: '#9ecae1', communities: '#6baed6', grids: '#3182bd' };
  const layers: unknown[] = [{ id: 'bg', type: 'background', paint: { 'background-color': '#ffffff' } }];
  for (const l of LAYERS) {
    layers.push({ id: `${l}-fill`, type: 'fill', source: 't', 'source-layer': l, paint: { 'fill-color': colours[l] } });
    layers.push({ id: `${l}-line`, type: 'line', source: 't', 'source-layer': l, paint: { 'line-color': '#ffffff', 'line-width': 0.75 } });
  }
  // maplibre-tilejson: the source is the TileJSON URL; its relative `tiles` entry is resolved against that URL by
  // transformRequest (maplibre 6 does not do it itself) — the recipe the README documents.
  const tileJsonUrl = `${location.origin}${base}/tiles.json`;
  const source = impl === 'maplibre-tilejson' ? { type: 'vector', url: tileJsonUrl, promoteId: 'code' } : { type: 'vector', tiles: [template], minzoom, maxzoom, bounds, promoteId: 'code' };
  map = new ml.Map({
    container: host,
    style: { version: 8, sources: { t: source as never }, layers: layers as never },
    transformRequest: (url, kind) => (kind === 'Tile' && !/^[a-z][a-z0-9+.-]*:/i.test(url) ? { url: new URL(url, tileJsonUrl).href } : undefined),
    bounds: [[bounds[0], bounds[1]], [bounds[2], bounds[3]]],
    fitBoundsOptions: { padding: 16 },
    attributionControl: false,
    fadeDuration: 0,
  });
  await new Promise((r) => map!.once('idle', r));
  await nextFrame();
}

/** rAF intervals while `step` drives the map (called once per frame until it returns false). */
async function frames(step: (i: number) => boolean | Promise<boolean>): Promise<number[]> {
  const out: number[] = [];
  let last = await nextFrame();
  for (let i = 0; ; i++) {
    const more = await step(i);
    const t = await nextFrame();
    out.push(t - last);
    last = t;
    if (!more) break;
  }
  return out;
}

const idle = (m: MlMap) => new Promise<void>((r) => (m.loaded() && !m.isMoving() && m.areTilesLoaded() ? r() : m.once('idle', () => r())));

/**
 * The scripted pan/zoom sequence, the same for both implementations: 60 frames of panBy at the first view,
 * an easeTo from zoom 7 to zoom 12 (3 s), then 60 frames of panBy at zoom 12 (grids, tiles streaming in).
 */
async function panzoom() {
  const m = map!;
  await idle(m);
  const center = m.getCenter();
  const pan1 = await frames((i) => {
    m.panBy([8, 5], { animate: false });
    return i < 59;
  });
  await idle(m);
  m.jumpTo({ center, zoom: 7 });
  await idle(m);
  const t0 = performance.now();
  m.easeTo({ center, zoom: 12, duration: 3000, easing: (t) => t });
  const zoom = await frames(() => m.isMoving() || performance.now() - t0 < 3000);
  const zoomWall = performance.now() - t0;
  await idle(m);
  const pan2 = await frames((i) => {
    m.panBy([8, 5], { animate: false });
    return i < 59;
  });
  await idle(m);
  return { pan1, zoom, pan2, zoomWall };
}

/** Rendered features on the current view, deduplicated by code, per source layer. */
function check() {
  const m = map!;
  const seen: Record<string, Set<string>> = {};
  for (const f of m.queryRenderedFeatures()) {
    const l = f.sourceLayer ?? f.layer?.id ?? '?';
    (seen[l] ??= new Set()).add(String(f.properties?.code ?? f.id));
  }
  const counts: Record<string, number> = {};
  for (const [k, v] of Object.entries(seen)) counts[k] = v.size;
  return { zoom: Math.round(m.getZoom() * 100) / 100, counts };
}

async function jump(center: [number, number], zoom: number) {
  map!.jumpTo({ center, zoom });
  await idle(map!);
  await nextFrame();
  return check();
}

(window as W).bench = { panzoom, check, jump, zoom: () => map?.getZoom() };
(impl.startsWith('maplibre') ? maplibre() : element()).then(
  () => ((window as W).benchFirst = { first: performance.now(), zoom: map?.getZoom() ?? null, marks, longest: Math.max(0, ...longTasks), longTasks: longTasks.length, store, loads: { ...metricsLoads } }),
  (e) => ((window as W).benchFirst = { error: String(e) }),
);
