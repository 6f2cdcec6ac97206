// Repro for F (session 16, A2): on the demo wall the auto-tour's highlight() opens tooltips that their element's
// stage (overflow: hidden) cuts: the grid map's at the bottom (it is placed at the unit, 12 px below, and kept inside
// the stage's width only, assuming a 200 px tooltip), the chain graph's at the bottom and right (most of the text
// hidden). The wall's sizes: map 170 px tall, chain graphs 170 px tall in a 488 px column, density="screen".
import { expect, fixture, html } from '@open-wc/testing';
import { settled } from './fixtures/wait.js';
import '../../src/components/grid-map/grid-map.define.js';
import '../../src/components/chain-graph/chain-graph.define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';
import type { CivicChainGraph } from '../../src/components/chain-graph/chain-graph.js';

function inside(el: Element) {
  const tip = el.shadowRoot!.querySelector('[part~="tooltip"]')!;
  expect(tip, 'a tooltip').to.not.equal(null);
  const t = tip.getBoundingClientRect();
  // The nearest clipping ancestor inside the element.
  let clip: Element | null = tip.parentElement;
  while (clip && getComputedStyle(clip).overflow === 'visible') clip = clip.parentElement;
  const c = (clip ?? el).getBoundingClientRect();
  const past = Math.max(c.left - t.left, t.right - c.right, c.top - t.top, t.bottom - c.bottom);
  expect(past, `tooltip ${JSON.stringify([t.left, t.top, t.right, t.bottom].map(Math.round))} in ${JSON.stringify([c.left, c.top, c.right, c.bottom].map(Math.round))}`).to.be.at.most(1);
}

describe('tour tooltips inside their element on the wall (A2 repro)', () => {
  for (const id of ['500118002007003', '500118002007'])
    it(`grid map, highlight('${id}')`, async () => {
      const el = await fixture<CivicGridMap>(html`<civic-grid-map density="screen" theme="dark" style="width:578px;--civic-grid-map-height:170px"
        geometry-src="/demo/data/grids.geojson" src="/demo/data/grid-metrics.json" metric="households"></civic-grid-map>`);
      await el.whenDrawn();
      el.highlight(id);
      await el.updateComplete;
      await settled(el.parentElement!);
      inside(el);
    });

  for (const id of ['gwm', 'yadea'])
    it(`chain graph, highlight('${id}')`, async () => {
      const el = await fixture<CivicChainGraph>(html`<civic-chain-graph density="screen" theme="dark" chain="auto" style="width:456px;--civic-chain-graph-height:170px"
        src="/demo/data/chains.json"></civic-chain-graph>`);
      await el.whenDrawn();
      el.highlight(id);
      await el.updateComplete;
      await settled(el.parentElement!);
      inside(el);
    });
});
