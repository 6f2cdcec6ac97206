// WebGL renderer paint (maplibre-renderer.ts): each grid's class is written into the source's properties and
// coloured through a palette; later changes go through the palette (same classes, new colours) or feature-state
// (legend emphasis fading). Read from pixels of the real maplibre picture on SwiftShader.
import { expect, fixture, html } from '@open-wc/testing';
import { until } from './fixtures/wait.js';
import '../../src/components/grid-map/grid-map.define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';
import METRICS from '../fixtures/grid-map/metrics.json';

const RED = [255, 0, 0], GREEN = [0, 255, 0], BLUE = [0, 0, 255];
const A = [105.905, 29.365] as [number, number]; // households 100 → class 1 (thresholds 100,250)
const B = [105.915, 29.365] as [number, number]; // class 2

function pixel(el: CivicGridMap, [lon, lat]: [number, number]): number[] {
  const [x, y] = el.pixelOf([lon, lat])!;
  const snap = el.snapshot()!;
  const pr = snap.width / el.shadowRoot!.querySelector<HTMLElement>('[part~="canvas"]')!.clientWidth;
  return Array.from(snap.getContext('2d')!.getImageData(Math.round(x * pr), Math.round(y * pr), 1, 1).data).slice(0, 3);
}
const near = (a: number[], b: number[], tol = 10) => a.every((v, i) => Math.abs(v - b[i]) <= tol);

describe('<civic-grid-map renderer="webgl"> paint from classes', function () {
  this.timeout(60000);
  let el: CivicGridMap;
  beforeEach(async () => {
    const geo = await (await fetch('/test/fixtures/grid-map/small.geojson')).json();
    el = await fixture<CivicGridMap>(html`<civic-grid-map renderer="webgl" preserve-drawing-buffer .geometry=${geo} .data=${METRICS}
      metric="households" classification="thresholds" thresholds="100,250" class-colors="#ff0000,#00ff00,#0000ff"></civic-grid-map>`);
    await el.whenDrawn();
    expect(el.activeRenderer).to.equal('webgl');
  });

  it('new class colours recolour every grid (palette swap), reordered ones too (feature-state)', async () => {
    expect(near(pixel(el, A), GREEN), `${pixel(el, A)}`).to.equal(true);
    expect(near(pixel(el, B), BLUE), `${pixel(el, B)}`).to.equal(true);
    // Three new colours: the palette changes, every grid keeps its class.
    el.classColors = '#ffff00,#00ffff,#ff00ff';
    await el.whenDrawn();
    await until(() => near(pixel(el, A), [0, 255, 255]), 'class 1 turns cyan');
    expect(near(pixel(el, B), [255, 0, 255]), `${pixel(el, B)}`).to.equal(true);
    // The same colours in another order: grids change class slot (feature-state), the palette stays.
    el.classColors = '#00ffff,#ff00ff,#ffff00';
    await el.whenDrawn();
    await until(() => near(pixel(el, A), [255, 0, 255]), 'class 1 turns magenta');
    expect(near(pixel(el, B), [255, 255, 0]), `${pixel(el, B)}`).to.equal(true);
  });

  it('legend emphasis fades the other classes and clears again', async () => {
    const item = el.shadowRoot!.querySelector<HTMLElement>('[part~="legend"] [data-class="2"]')!;
    item.dispatchEvent(new MouseEvent('mouseenter'));
    await until(() => !near(pixel(el, A), GREEN), 'class 1 fades while class 2 is emphasised');
    expect(near(pixel(el, B), BLUE), `${pixel(el, B)}`).to.equal(true);
    item.dispatchEvent(new MouseEvent('mouseleave'));
    await until(() => near(pixel(el, A), GREEN), 'back to full colour');
  });
});
