// <civic-grid-map tiles=… src=…>: the metrics job starts in the worker when the element is connected (before its first
// render and before the data controller's `src` path has loaded), and the data controller's first load takes that job
// over — one job, the ordinary events. A `src` changed before that load is not served the early job's payload.
import { expect, oneEvent } from '@open-wc/testing';
import '../../src/components/grid-map/grid-map.define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';
import { metricsLoads } from '../../src/components/grid-map/metrics-loader.js';
import METRICS_JSON from '../../demo/data/grid-metrics.json';
import { GREEN, METRICS_URL, centrePixel, near, removeMaps, served, tilesAttrs, tilesMap } from './fixtures/tiles-map.js';

const METRICS = METRICS_JSON as unknown as { rows: { code: string }[] };

describe('<civic-grid-map> tiles mode: the metrics job starts at connect', function () {
  this.timeout(120000);
  afterEach(removeMaps);

  it('posts the job when connected and the data controller takes it over (one job in all)', async () => {
    const before = metricsLoads.worker;
    const el = tilesMap(METRICS_URL);
    const loaded = oneEvent(el, 'civic-load');
    document.body.append(el);
    expect(metricsLoads.worker, 'job posted during connect').to.equal(before + 1);
    const load = (await loaded) as CustomEvent<{ count: number }>;
    expect(load.detail.count).to.equal(METRICS.rows.length);
    expect(metricsLoads.worker, 'no second job').to.equal(before + 1);
    await el.whenDrawn();
    expect(el.legend.reduce((a, l) => a + l.count, 0)).to.be.greaterThan(0);
  });

  it('a src changed before the first load gets its own payload, not the early job’s', async () => {
    const el = tilesMap(served({ metrics: [{ key: 'households', label: '户数' }], rows: [{ code: '500118002007003', households: 1 }] }));
    const loaded = oneEvent(el, 'civic-load');
    document.body.append(el);
    el.src = METRICS_URL;
    const load = (await loaded) as CustomEvent<{ count: number }>;
    expect(load.detail.count).to.equal(METRICS.rows.length);
  });

  it('no early job without src in tiles mode, or with data given as a property', async () => {
    const before = metricsLoads.worker;
    const el = document.createElement('civic-grid-map') as CivicGridMap;
    tilesAttrs(el);
    el.data = METRICS_JSON;
    el.src = METRICS_URL;
    const loaded = oneEvent(el, 'civic-load');
    document.body.append(el);
    expect(metricsLoads.worker).to.equal(before);
    await loaded;
    expect(metricsLoads.worker).to.equal(before);
  });
});

describe('<civic-grid-map> tiles mode: a tile loaded later gets the metric states of its own features', function () {
  this.timeout(120000);
  it('a grid tile loaded by a camera move is coloured at the map’s next idle, without whenDrawn()', async () => {
    const el = tilesMap(METRICS_URL);
    document.body.append(el);
    await el.whenDrawn();
    const geo = (await (await fetch('/demo/data/grids.geojson')).json()) as { features: { properties: { code: string }; geometry: { coordinates: number[][][] } }[] };
    const ring = geo.features.find((f) => f.properties.code === '500118002007003')!.geometry.coordinates[0].slice(0, -1); // households 287: GREEN
    const centre: [number, number] = [ring.reduce((a, p) => a + p[0], 0) / ring.length, ring.reduce((a, p) => a + p[1], 0) / ring.length];
    const map = el.mapInstance!;
    // Only maplibre's own events from here: the states must come with the tile, not from a full pass in whenDrawn().
    const coloured = () =>
      new Promise<boolean>((resolve) => {
        map.once('idle', () => resolve(near(centrePixel(el), GREEN)));
      });
    map.jumpTo({ center: centre, zoom: 14.5 });
    let ok = await coloured();
    for (let i = 0; i < 5 && !ok; i++) {
      map.triggerRepaint();
      ok = await coloured();
    }
    expect(ok, `centre pixel ${centrePixel(el)}`).to.equal(true);
    el.remove();
  });
});
