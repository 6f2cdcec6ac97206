// Issue 14: renderer="auto" follows the measured WebGL capability (capability.ts), not the unit count alone: above
// `canvas-limit` units it draws with canvas on software WebGL (SwiftShader, llvmpipe…) and with WebGL on a GPU; the
// civic-renderer-change reason says `software-webgl` when that was the cause. The decision itself is unit-tested
// (test/unit/components/grid-map/capability.test.ts); here: the element uses it, whatever this browser's GPU is.
import { expect, oneEvent } from '@open-wc/testing';
import '../../src/components/grid-map/grid-map.define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';
import type { CivicRendererChangeEvent } from '../../src/components/grid-map/grid-map.events.js';
import { chooseAutoRenderer, probeWebgl } from '../../src/components/grid-map/capability.js';

/** n hexagonal grids with 15-digit codes and one metric. */
function hexes(n: number) {
  const features = [], rows = [];
  for (let i = 0; i < n; i++) {
    const cx = 105.8 + (i % 6) * 0.02 + (Math.floor(i / 6) % 2 ? 0.01 : 0), cy = 29.3 + Math.floor(i / 6) * 0.015;
    const ring = [];
    for (let k = 0; k < 6; k++) ring.push([cx + 0.01 * Math.cos((Math.PI / 3) * k + Math.PI / 6), cy + 0.01 * Math.sin((Math.PI / 3) * k + Math.PI / 6)]);
    ring.push(ring[0]);
    const code = `500118001001${String(i).padStart(3, '0')}`;
    features.push({ type: 'Feature', properties: { code, name: `网格${i}`, level: 'grid', parent: null }, geometry: { type: 'Polygon', coordinates: [ring] } });
    rows.push({ code, a: i });
  }
  return { geojson: { type: 'FeatureCollection', features }, metrics: { metrics: [{ key: 'a', label: 'A' }], rows } };
}

async function drawAuto(n: number, attrs: Record<string, string>) {
  const { geojson, metrics } = hexes(n);
  const el = document.createElement('civic-grid-map') as CivicGridMap;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.style.setProperty('--civic-grid-map-height', '300px');
  el.geometry = geojson;
  el.data = metrics;
  const ev = oneEvent(el, 'civic-renderer-change') as Promise<CivicRendererChangeEvent>;
  document.body.appendChild(el);
  const detail = (await ev).detail;
  await el.whenDrawn();
  return { el, detail };
}

describe('grid map renderer="auto" from measured capability', () => {
  it('above canvas-limit, draws with what the measured capability calls for (canvas on software WebGL)', async () => {
    const cap = probeWebgl();
    const want = chooseAutoRenderer({ featureCount: 24, basemap: false, canvasLimit: 10, capability: cap });
    const { el, detail } = await drawAuto(24, { 'canvas-limit': '10' });
    try {
      expect(el.activeRenderer, `probe: ${JSON.stringify(cap)}`).to.equal(want.renderer);
      expect(detail).to.deep.equal({ renderer: want.renderer, reason: want.reason === 'software-webgl' ? 'software-webgl' : 'initial' });
    } finally {
      el.remove();
    }
  });

  it('at or under canvas-limit, draws with canvas whatever the GPU', async () => {
    const { el, detail } = await drawAuto(24, { 'canvas-limit': '24' });
    try {
      expect(el.activeRenderer).to.equal('canvas');
      expect(detail).to.deep.equal({ renderer: 'canvas', reason: 'initial' });
    } finally {
      el.remove();
    }
  });
});
