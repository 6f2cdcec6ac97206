import { expect, fixture, html, oneEvent, aTimeout } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/grid-map/grid-map.define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';
import type { CivicErrorEvent } from '../../src/core/events/error-event.js';
import type { CivicSelectEvent } from '../../src/core/events/select-event.js';
import METRICS_JSON from '../fixtures/grid-map/metrics.json';
import BAD_METRICS_JSON from '../fixtures/grid-map/bad-metrics.json';
import type { CivicRendererChangeEvent, CivicViewChangeEvent } from '../../src/components/grid-map/grid-map.events.js';

const load = async (name: string) => (await fetch(`/test/fixtures/grid-map/${name}`)).json();
let SMALL: unknown, METRICS: { rows: { code: string; households: number | string; points: number }[] }, BAD_GEO: unknown, BAD_METRICS: unknown;

/** Centres of the hand-made squares (see test/fixtures/grid-map/small.geojson). */
const CENTRE: Record<string, [number, number]> = {
  '500118002007001': [105.905, 29.365],
  '500118002007002': [105.915, 29.365],
  '500118002008001': [105.905, 29.355],
  '500118002008002': [105.915, 29.355],
};
/** Explicit classes so the expected colour does not come from the element's own classifier. */
const RED = [255, 0, 0], GREEN = [0, 255, 0], BLUE = [0, 0, 255];
const EXPECT: Record<string, number[]> = { '500118002007001': GREEN, '500118002007002': BLUE, '500118002008001': RED, '500118002008002': GREEN };

function part(el: CivicGridMap, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector(`[part~="${name}"]`);
}

/** Reads one pixel (CSS px in part=canvas) from the element's drawing surface. */
function pixel(el: CivicGridMap, x: number, y: number): number[] {
  const src = el.drawingCanvas!;
  const pr = src.width / src.clientWidth;
  const c = document.createElement('canvas');
  c.width = src.width;
  c.height = src.height;
  const ctx = c.getContext('2d')!;
  ctx.drawImage(src, 0, 0);
  return Array.from(ctx.getImageData(Math.round(x * pr), Math.round(y * pr), 1, 1).data).slice(0, 3);
}

function near(a: number[], b: number[], tol = 6): boolean {
  return a.every((v, i) => Math.abs(v - b[i]) <= tol);
}

async function mapOf(t: ReturnType<typeof html>): Promise<CivicGridMap> {
  const el = await fixture<CivicGridMap>(t);
  await el.whenDrawn();
  return el;
}

const THRESH = { thresholds: '100,250', colors: '#ff0000,#00ff00,#0000ff' };

describe('<civic-grid-map>', function () {
  this.timeout(60000);
  let warn: typeof console.warn;
  const warnings: string[] = [];
  before(async () => {
    SMALL = await load('small.geojson');
    METRICS = METRICS_JSON as typeof METRICS;
    BAD_GEO = await load('bad-geometry.geojson');
    BAD_METRICS = BAD_METRICS_JSON;
  });
  beforeEach(() => {
    warnings.length = 0;
    warn = console.warn;
    console.warn = (...a: unknown[]) => void warnings.push(a.map(String).join(' '));
  });
  afterEach(() => {
    console.warn = warn;
  });

  it('draws the right colour at each grid interior (canvas renderer, read from pixels)', async () => {
    const el = await mapOf(html`<civic-grid-map .geometry=${SMALL} .data=${METRICS} metric="households" classification="thresholds"
      thresholds=${THRESH.thresholds} class-colors=${THRESH.colors}></civic-grid-map>`);
    expect(el.activeRenderer).to.equal('canvas');
    for (const [code, ll] of Object.entries(CENTRE)) {
      const [x, y] = el.pixelOf(ll)!;
      expect(near(pixel(el, x, y), EXPECT[code]), `${code} at ${x},${y}: ${pixel(el, x, y)}`).to.equal(true);
    }
    expect(part(el, 'legend')).to.exist;
    expect(part(el, 'breadcrumb')).to.exist;
    expect(part(el, 'search')).to.exist;
  });

  it('draws the same colours with WebGL (real maplibre on SwiftShader)', async () => {
    const el = await mapOf(html`<civic-grid-map renderer="webgl" preserve-drawing-buffer .geometry=${SMALL} .data=${METRICS} metric="households"
      classification="thresholds" thresholds=${THRESH.thresholds} class-colors=${THRESH.colors}></civic-grid-map>`);
    expect(el.activeRenderer).to.equal('webgl');
    expect(el.shadowRoot!.querySelector('.maplibregl-canvas')).to.exist;
    for (const [code, ll] of Object.entries(CENTRE)) {
      const [x, y] = el.pixelOf(ll)!;
      expect(near(pixel(el, x, y), EXPECT[code]), `${code}: ${pixel(el, x, y)}`).to.equal(true);
    }
    // Metric switch restyles in place: same canvas, new colours.
    const canvas = el.drawingCanvas;
    el.metric = 'points';
    el.thresholds = '5,9';
    await el.whenDrawn();
    expect(el.drawingCanvas).to.equal(canvas);
    const [x, y] = el.pixelOf(CENTRE['500118002008001'])!; // points 3 → class 0
    expect(near(pixel(el, x, y), RED)).to.equal(true);
    const [x2, y2] = el.pixelOf(CENTRE['500118002007001'])!; // points 10 → class 2
    expect(near(pixel(el, x2, y2), BLUE)).to.equal(true);
  });
});
