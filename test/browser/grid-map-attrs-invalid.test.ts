// A number attribute that is not a number (R1 s17): orDefault (common/attr-default.ts) gave NaN, so the grid map's
// `canvas-limit="many"` (or "") made renderer="auto" skip canvas for any count (n <= NaN is false) and the chain
// graph's `canvas-threshold="many"` made it never switch to canvas (n > NaN is false). Now such a value gives the
// README default, as a removed attribute does (grid-map-attrs-removed).
import { expect, oneEvent } from '@open-wc/testing';
import '../../src/components/grid-map/grid-map.define.js';
import '../../src/components/chain-graph/chain-graph.define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';
import type { CivicChainGraph } from '../../src/components/chain-graph/chain-graph.js';
import type { CivicRendererChangeEvent } from '../../src/components/grid-map/grid-map.events.js';

const BAD = ['many', '', ' ', 'NaN'];

describe('number attributes that are not numbers give the README default', function () {
  this.timeout(60_000);
  let geometry: unknown, metrics: unknown;
  before(async () => {
    geometry = await (await fetch(new URL('../fixtures/grid-map/small.geojson', import.meta.url))).json();
    metrics = await (await fetch(new URL('../fixtures/grid-map/metrics.json', import.meta.url))).json();
  });

  for (const bad of BAD) {
    it(`grid map canvas-limit=${JSON.stringify(bad)}: 5000, and renderer="auto" draws the small set with canvas`, async () => {
      const el = document.createElement('civic-grid-map') as CivicGridMap;
      el.setAttribute('canvas-limit', bad);
      el.setAttribute('classes', bad);
      el.setAttribute('page-size', bad);
      el.setAttribute('metric', 'households');
      el.style.cssText = 'display:block;width:480px;height:320px';
      el.geometry = geometry;
      el.data = metrics;
      const ev = oneEvent(el, 'civic-renderer-change') as Promise<CivicRendererChangeEvent>;
      document.body.appendChild(el);
      try {
        const { detail } = await ev;
        await el.whenDrawn();
        expect([el.canvasLimit, el.classes, el.pageSize]).to.deep.equal([5000, 5, 20]);
        expect(el.activeRenderer).to.equal('canvas');
        expect(detail.renderer).to.equal('canvas');
        // A number is still read as one.
        el.setAttribute('canvas-limit', ' 12 ');
        expect(el.canvasLimit).to.equal(12);
      } finally {
        el.remove();
      }
    });
  }

  it('chain graph canvas-threshold that is not a number: 400 (auto switches to canvas above it)', () => {
    const el = document.createElement('civic-chain-graph') as CivicChainGraph;
    for (const bad of BAD) {
      el.setAttribute('canvas-threshold', '7');
      expect(el.canvasThreshold).to.equal(7);
      el.setAttribute('canvas-threshold', bad);
      expect(el.canvasThreshold, JSON.stringify(bad)).to.equal(400);
    }
  });
});
