// Every attribute of the grid map's README table set and then removed (F, session 17; the chain graph's first-contact
// test, chain-graph-attrs-removed, did the same): a removed attribute gives the property its README default again, a
// number stays a number, and an attribute with no default is unset (undefined) again, never null — `classes`,
// `page-size` and the field names came back as null (Lit's converters), the map then joined nothing or drew no classes.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/grid-map/grid-map.define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';
import { pageProblems } from './fixtures/page-problems.js';
import METRICS from '../fixtures/grid-map/metrics.json';

const CASES: [attr: string, prop: string, value: string, fallback: unknown][] = [
  ['classification', 'classification', 'quantize', 'quantile'],
  ['classes', 'classes', '3', 5],
  ['scheme', 'scheme', 'magma', 'viridis'],
  ['renderer', 'renderer', 'svg', 'auto'],
  ['focus', 'focusCode', '500118002007', ''],
  ['selected', 'selected', '500118002007001', ''],
  ['crs', 'crs', 'gcj02', 'wgs84'],
  ['basemap-crs', 'basemapCrs', 'gcj02', 'wgs84'],
  ['page-size', 'pageSize', '5', 20],
  ['canvas-limit', 'canvasLimit', '2', 5000],
  ['restore-timeout', 'restoreTimeout', '100', 3000],
  ['max-webgl-maps', 'maxWebglMaps', '2', 8],
  ['code-field', 'codeField', 'id', 'code'],
  ['name-field', 'nameField', 'title', 'name'],
  ['level-field', 'levelField', 'kind', 'level'],
  ['parent-field', 'parentField', 'up', 'parent'],
  ['join-by', 'joinBy', 'name', 'code'],
  ['source-layer', 'sourceLayer', 'g', 'grids'],
  ['parent-layers', 'parentLayers', 'c', 'communities,streets'],
  ['promote-id', 'promoteId', 'id', 'code'],
  ['tiles-min-zoom', 'tilesMinZoom', '3', 0],
  ['tiles-max-zoom', 'tilesMaxZoom', '9', 14],
  // No default in the README: unset again.
  ['metric', 'metric', 'points', undefined],
  ['level', 'level', 'community', undefined],
  ['thresholds', 'thresholds', '100,250', undefined],
  ['class-labels', 'classLabels', 'a,b,c', undefined],
  ['class-colors', 'classColors', '#f00,#0f0,#00f', undefined],
  ['tooltip-fields', 'tooltipFields', 'name', undefined],
  ['file-name', 'fileName', 'map', undefined],
];

describe('<civic-grid-map> attributes removed', function () {
  this.timeout(60_000);
  let geometry: unknown;
  let warn: typeof console.warn;
  before(async () => {
    geometry = await (await fetch(new URL('../fixtures/grid-map/small.geojson', import.meta.url))).json();
  });
  beforeEach(() => {
    warn = console.warn;
    console.warn = () => {};
  });
  afterEach(() => {
    console.warn = warn;
  });
  for (const [attr, prop, value, fallback] of CASES) {
    it(`${attr}="${value}" then removed: ${JSON.stringify(fallback)} again, the map drawn, nothing thrown`, async () => {
      const probs = pageProblems();
      try {
        const el = await fixture<CivicGridMap>(html`<civic-grid-map style="width:480px;height:320px" metric="households" .geometry=${geometry} .data=${METRICS}></civic-grid-map>`);
        await el.whenDrawn();
        const legend = el.legend.length;
        if (attr === 'metric') el.removeAttribute('metric');
        el.setAttribute(attr, value);
        await el.updateComplete;
        await el.whenDrawn();
        el.removeAttribute(attr);
        await el.updateComplete;
        await el.whenDrawn();
        expect((el as unknown as Record<string, unknown>)[prop]).to.equal(fallback);
        if (attr !== 'metric') expect(el.legend.length, 'legend classes as before').to.equal(legend);
        expect(el.legend.length).to.be.greaterThan(0);
        expect(probs.list).to.deep.equal([]);
      } finally {
        probs.stop();
      }
    });
  }
});
