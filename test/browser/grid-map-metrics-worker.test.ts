// <civic-grid-map tiles=… src=…>: in tiles mode the metrics behind `src` are fetched, validated and joined in a
// worker (src/components/grid-map/metrics-worker.ts) and arrive as columns. These tests check that the worker path
// colours the tiles, fills legend and table exactly like rows given as `data` (joined on the main thread), and that
// a bad payload on that path gives the ordinary data path's civic-error, visible error and kept last good data.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/grid-map/grid-map.define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';
import type { CivicErrorEvent } from '../../src/core/events/error-event.js';
import { metricsLoads } from '../../src/components/grid-map/metrics-loader.js';
import { configure } from '../../src/data/configure.js';
import METRICS_JSON from '../../demo/data/grid-metrics.json';
import { BLUE, BOUNDS, COLORS, GREEN, METRICS_URL, RED, TILES, centrePixel, near, part, removeMaps, served, tableRows, tilesAttrs, tilesMap } from './fixtures/tiles-map.js';


interface Metrics {
  rows: ({ code: string } & Record<string, number | string | boolean>)[];
}
const METRICS = METRICS_JSON as unknown as Metrics;

describe('<civic-grid-map> tiles mode: metrics parsed in a worker', function () {
  this.timeout(120000);
  afterEach(removeMaps);

  it('colours the tiles, legend and table from worker columns exactly as from rows given as data', async () => {
    const workerLoads = metricsLoads.worker;
    const viaWorker = tilesMap(METRICS_URL);
    const loaded = oneEvent(viaWorker, 'civic-load');
    document.body.append(viaWorker);
    const load = (await loaded) as CustomEvent<{ count: number; source: string }>;
    expect(metricsLoads.worker, 'the load ran in the metrics worker').to.equal(workerLoads + 1);
    expect(load.detail.count).to.equal(METRICS.rows.length);
    const viaData = await fixture<CivicGridMap>(html`<div></div>`).then(() => document.createElement('civic-grid-map') as CivicGridMap);
    tilesAttrs(viaData);
    viaData.data = METRICS;
    document.body.append(viaData);
    await Promise.all([viaWorker.whenDrawn(), viaData.whenDrawn()]);

    // Whole-area view (streets / communities): the same legend and table as the main-thread join.
    expect(viaWorker.legend.reduce((a, l) => a + l.count, 0)).to.be.greaterThan(0);
    expect(viaWorker.legend).to.deep.equal(viaData.legend);
    expect(tableRows(viaWorker).length).to.be.greaterThan(0);
    expect(tableRows(viaWorker)).to.deep.equal(tableRows(viaData));
    expect(viaWorker.tourTargets()).to.deep.equal(viaData.tourTargets());

    // Grid zoom: a grid's pixel has its class colour (value from the demo rows, class computed here).
    const row = METRICS.rows.find((r) => r.code === '500118002007003')!; // 茶叶大厦小区网格, households 287
    expect(row.households).to.equal(287);
    const geo = (await (await fetch('/demo/data/grids.geojson')).json()) as { features: { properties: { code: string }; geometry: { coordinates: number[][][] } }[] };
    const ring = geo.features.find((f) => f.properties.code === row.code)!.geometry.coordinates[0].slice(0, -1);
    const centre: [number, number] = [ring.reduce((a, p) => a + p[0], 0) / ring.length, ring.reduce((a, p) => a + p[1], 0) / ring.length];
    for (const el of [viaWorker, viaData]) {
      el.mapInstance!.jumpTo({ center: centre, zoom: 14.5 });
      await el.whenDrawn();
    }
    expect(near(centrePixel(viaWorker), GREEN), `grid ${row.code}: ${centrePixel(viaWorker)}`).to.equal(true);
    expect(viaWorker.legend).to.deep.equal(viaData.legend);
    expect(tableRows(viaWorker)).to.deep.equal(tableRows(viaData));
    // A metric switch restyles from the same columns.
    for (const el of [viaWorker, viaData]) {
      el.metric = 'partyMembers';
      el.thresholds = '10,20';
      await el.whenDrawn();
    }
    const pm = row.partyMembers as number;
    expect(near(centrePixel(viaWorker), pm < 10 ? RED : pm < 20 ? GREEN : BLUE), `partyMembers ${pm}`).to.equal(true);
    expect(viaWorker.legend).to.deep.equal(viaData.legend);
    viaWorker.remove();
    viaData.remove();
  });

  for (const [name, body, kind, banner] of [
    ['malformed JSON', '{"metrics": [', 'json', /不是有效的 JSON|JSON/],
    ['a payload without rows', '{"metrics": [{"key": "households"}], "rows": "none"}', 'validation', /数据/],
  ] as const) {
    it(`${name} in the worker path: civic-error with details, the last good data kept, a translated visible error`, async () => {
      const workerLoads = metricsLoads.worker;
      const el = document.createElement('civic-grid-map') as CivicGridMap;
      el.tiles = `${TILES}/{z}/{x}/{y}.pbf`;
      el.bounds = BOUNDS;
      el.metric = 'households';
      el.preserveDrawingBuffer = true;
      el.src = METRICS_URL;
      const loaded = oneEvent(el, 'civic-load');
      document.body.append(el);
      await loaded;
      await el.whenDrawn();
      const legend = el.legend;
      expect(legend.reduce((a, l) => a + l.count, 0)).to.be.greaterThan(0);

      const bad = served(body);
      const failed = oneEvent(el, 'civic-error') as Promise<CivicErrorEvent>;
      el.src = bad;
      const ev = await failed;
      expect(metricsLoads.worker, 'both loads ran in the worker').to.equal(workerLoads + 2);
      expect(ev.detail.kind).to.equal(kind);
      expect(ev.detail.source).to.equal('src');
      expect(ev.detail.url).to.equal(bad);
      expect(ev.detail.partial).to.equal(false);
      expect(ev.detail.keptPrevious).to.equal(true);
      expect(ev.detail.issueCount).to.be.greaterThan(0);
      expect(ev.detail.issues[0].code).to.be.a('string');
      await el.updateComplete;
      const status = part(el, 'status');
      expect(status, 'a visible error banner').to.exist;
      expect(status!.getAttribute('data-kind')).to.equal('error');
      expect(status!.textContent).to.match(banner);
      // The last good metrics still colour the map and fill the legend.
      expect(el.legend).to.deep.equal(legend);
      // English too.
      el.lang = 'en';
      await el.updateComplete;
      await waitUntil(() => /[A-Za-z]{4}/.test(part(el, 'status')?.textContent ?? '') && !/[\u4e00-\u9fff]/.test(part(el, 'status')?.textContent ?? ''), 'English error banner', { timeout: 20000 });
      URL.revokeObjectURL(bad);
      el.remove();
    });
  }

  it('with a page fetch set (configure({ fetch })) the same job runs on the main thread and colours the same legend', async () => {
    const make = () => {
      const el = document.createElement('civic-grid-map') as CivicGridMap;
      el.tiles = `${TILES}/{z}/{x}/{y}.pbf`;
      el.tilesMaxZoom = 13;
      el.bounds = BOUNDS;
      el.metric = 'households';
      el.classification = 'thresholds';
      el.thresholds = '200,300';
      el.classColors = COLORS;
      el.src = METRICS_URL;
      return el;
    };
    const viaWorker = make();
    const w = oneEvent(viaWorker, 'civic-load');
    document.body.append(viaWorker);
    await w;
    await viaWorker.whenDrawn();
    const fetched: string[] = [];
    configure({ fetch: (input: RequestInfo | URL, init?: RequestInit) => (fetched.push(String(input)), fetch(input, init)) });
    try {
      const mainBefore = metricsLoads.main;
      const onMain = make();
      const m = oneEvent(onMain, 'civic-load');
      document.body.append(onMain);
      const load = (await m) as CustomEvent<{ count: number }>;
      expect(metricsLoads.main, 'the load ran on the main thread').to.equal(mainBefore + 1);
      expect(fetched, 'through the page fetch').to.include(METRICS_URL);
      expect(load.detail.count).to.equal(METRICS.rows.length);
      await onMain.whenDrawn();
      expect(onMain.legend).to.deep.equal(viaWorker.legend);
    } finally {
      configure({ fetch: undefined });
    }
  });
});
