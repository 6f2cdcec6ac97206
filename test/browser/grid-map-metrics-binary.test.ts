// <civic-grid-map tiles=… src="….cgmb">: the binary metrics file (src/components/grid-map/metrics-binary.ts, written
// by scripts/make-grid-tiles.mjs) read in the metrics worker must colour the tiles and fill the legend and table
// exactly as the JSON it was written from (demo/data/grid-metrics.cgmb ← grid-metrics.json), and a broken file must
// give the ordinary civic-error, a translated visible error and keep the last good data.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/grid-map/grid-map.define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';
import type { CivicErrorEvent } from '../../src/core/events/error-event.js';
import { metricsLoads } from '../../src/components/grid-map/metrics-loader.js';
import METRICS_JSON from '../../demo/data/grid-metrics.json';
import { BLUE, GREEN, METRICS_URL, RED, centrePixel, near, part, removeMaps, tableRows, tilesMap } from './fixtures/tiles-map.js';

const BINARY_URL = '/demo/data/grid-metrics.cgmb';
const ROWS = (METRICS_JSON as unknown as { rows: ({ code: string } & Record<string, number>)[] }).rows;

describe('<civic-grid-map> tiles mode: binary metrics (.cgmb)', function () {
  this.timeout(120000);
  afterEach(removeMaps);

  it('gives the JSON file’s legend, table and pixel colours', async () => {
    const before = metricsLoads.worker;
    const bin = tilesMap(BINARY_URL);
    const json = tilesMap(METRICS_URL);
    const loads = [oneEvent(bin, 'civic-load'), oneEvent(json, 'civic-load')];
    document.body.append(bin, json);
    const [lb, lj] = (await Promise.all(loads)) as CustomEvent<{ count: number }>[];
    expect(metricsLoads.worker, 'both loads ran in the metrics worker').to.equal(before + 2);
    expect(lb.detail.count).to.equal(ROWS.length);
    expect(lb.detail.count).to.equal(lj.detail.count);
    await Promise.all([bin.whenDrawn(), json.whenDrawn()]);

    expect(bin.legend.reduce((a, l) => a + l.count, 0)).to.be.greaterThan(0);
    expect(bin.legend).to.deep.equal(json.legend);
    expect(tableRows(bin).length).to.be.greaterThan(0);
    expect(tableRows(bin)).to.deep.equal(tableRows(json));

    // A grid at grid zoom: its pixel has its class colour, in both.
    const row = ROWS.find((r) => r.code === '500118002007003')!;
    const geo = (await (await fetch('/demo/data/grids.geojson')).json()) as { features: { properties: { code: string }; geometry: { coordinates: number[][][] } }[] };
    const ring = geo.features.find((f) => f.properties.code === row.code)!.geometry.coordinates[0].slice(0, -1);
    const centre: [number, number] = [ring.reduce((a, p) => a + p[0], 0) / ring.length, ring.reduce((a, p) => a + p[1], 0) / ring.length];
    for (const el of [bin, json]) {
      el.mapInstance!.jumpTo({ center: centre, zoom: 14.5 });
      await el.whenDrawn();
    }
    const expected = row.households < 200 ? RED : row.households < 300 ? GREEN : BLUE;
    expect(near(centrePixel(bin), expected), `grid ${row.code}: ${centrePixel(bin)}`).to.equal(true);
    expect(centrePixel(bin)).to.deep.equal(centrePixel(json));
    expect(bin.legend).to.deep.equal(json.legend);
    expect(tableRows(bin)).to.deep.equal(tableRows(json));

    // Another metric (mean-aggregated) from the same columns.
    for (const el of [bin, json]) {
      el.metric = 'resolutionRate';
      el.thresholds = '85,90';
      await el.whenDrawn();
    }
    const rr = row.resolutionRate;
    expect(near(centrePixel(bin), rr < 85 ? RED : rr < 90 ? GREEN : BLUE), `resolutionRate ${rr}: ${centrePixel(bin)}`).to.equal(true);
    expect(bin.legend).to.deep.equal(json.legend);
    expect(tableRows(bin)).to.deep.equal(tableRows(json));
  });

  for (const [name, file, message] of [
    ['a truncated file', '/test/fixtures/grid-map/truncated.cgmb', /truncated/],
    ['a file of an unknown version', '/test/fixtures/grid-map/version-9.cgmb', /version 9/],
  ] as const) {
    it(`${name}: civic-error, a translated visible error, the last good data kept`, async () => {
      const el = tilesMap(BINARY_URL);
      const loaded = oneEvent(el, 'civic-load');
      document.body.append(el);
      await loaded;
      await el.whenDrawn();
      const legend = el.legend;
      expect(legend.reduce((a, l) => a + l.count, 0)).to.be.greaterThan(0);

      const failed = oneEvent(el, 'civic-error') as Promise<CivicErrorEvent>;
      el.src = file;
      const ev = await failed;
      expect(ev.detail.kind).to.equal('validation');
      expect(ev.detail.source).to.equal('src');
      expect(ev.detail.url).to.match(/\.cgmb$/);
      expect(ev.detail.keptPrevious).to.equal(true);
      expect(ev.detail.issues[0].code).to.equal('format');
      expect(ev.detail.message).to.match(message);
      await el.updateComplete;
      const status = part(el, 'status');
      expect(status, 'a visible error banner').to.exist;
      expect(status!.getAttribute('data-kind')).to.equal('error');
      expect(status!.textContent).to.match(/[\u4e00-\u9fff]/);
      expect(el.legend).to.deep.equal(legend);
      el.lang = 'en';
      await el.updateComplete;
      await waitUntil(() => /[A-Za-z]{4}/.test(part(el, 'status')?.textContent ?? '') && !/[\u4e00-\u9fff]/.test(part(el, 'status')?.textContent ?? ''), 'English error banner', { timeout: 20000 });
    });
  }
});
