// <civic-grid-map tiles=…>: what the map's start does and does not wait for (issue 14, a million grids < 3 s).
// - maplibre's module is requested as the element connects, beside the tiles renderer's module — not after that
//   module (and its own imports) arrived and ran. First test of the file: no other test has loaded maplibre yet.
// - maplibre's CSS is parsed once (when its chunk arrives) and shared by every map's shadow root.
// - whenDrawn() on a map whose last frame is the current picture resolves without drawing another frame, and the
//   element's own updates do not repaint an unchanged map.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/grid-map/grid-map.define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';

const TILES = '/demo/data/tiles';
const BOUNDS = '105.74,29.26,105.97,29.39';

function resource(re: RegExp): PerformanceResourceTiming | undefined {
  return (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((e) => re.test(new URL(e.name).pathname));
}

async function tilesMap(): Promise<CivicGridMap> {
  const el = await fixture<CivicGridMap>(html`<civic-grid-map tiles=${`${TILES}/{z}/{x}/{y}.pbf`} tiles-min-zoom="10" tiles-max-zoom="14" bounds=${BOUNDS} style="--civic-grid-map-height: 300px"></civic-grid-map>`);
  await el.whenDrawn();
  return el;
}

describe('civic-grid-map tiles: map start', () => {
  it('requests maplibre when it connects, not after the tiles renderer module loaded', async () => {
    expect(resource(/maplibre-gl(-dev)?\.m?js$/), 'maplibre loaded before the test').to.equal(undefined);
    await tilesMap();
    const ml = resource(/maplibre-gl(-dev)?\.m?js$/);
    // maplibre-surface.ts is imported by the tiles renderer's module: requested only once that module arrived.
    const surface = resource(/renderers\/maplibre-surface\.ts$/);
    expect(ml, 'maplibre requested').to.not.equal(undefined);
    expect(surface, 'maplibre-surface requested').to.not.equal(undefined);
    expect(ml!.startTime).to.be.below(surface!.responseEnd);
  });

  it('parses maplibre’s CSS once: one sheet adopted by every map’s shadow root, removed with the map', async () => {
    const sheetOf = (el: CivicGridMap) => el.shadowRoot!.adoptedStyleSheets.find((s) => [...s.cssRules].some((r) => r.cssText.includes('.maplibregl-canvas')));
    const a = await tilesMap();
    const b = await tilesMap();
    expect(sheetOf(a), 'maplibre CSS in the first map').to.not.equal(undefined);
    expect(sheetOf(b), 'the same sheet in the second').to.equal(sheetOf(a));
    a.remove();
    expect(sheetOf(a), 'removed with the map').to.equal(undefined);
    expect(sheetOf(b), 'kept by the other map').to.not.equal(undefined);
  });

  it('whenDrawn() on an idle map draws no other frame; updates of the element do not repaint an unchanged map', async () => {
    const el = await tilesMap();
    await el.updateComplete;
    await el.whenDrawn();
    const map = el.mapInstance!;
    let frames = 0;
    map.on('render', () => frames++);
    await el.whenDrawn();
    expect(frames, 'frames drawn by whenDrawn()').to.equal(0);
    el.requestUpdate();
    await el.updateComplete;
    await el.whenDrawn();
    expect(frames, 'frames drawn after an update that changed nothing').to.equal(0);
  });
});
