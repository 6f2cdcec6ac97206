// Issue 16: <civic-chain-graph>'s main-thread layouts (chain-graph.layout.ts with chain-graph.order.ts and d3-force)
// are not part of the element's first load: they load when an element connects, and a small graph laid out on the
// main thread (a small force graph, in slices; tiers and radial layouts run in the worker) waits for them (`computing`
// meanwhile) before its first picture.
// Its own file: wtr gives each test file its own page, so no earlier element in this page has loaded the module.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/chain-graph/chain-graph.define.js';
import type { CivicChainGraph } from '../../src/components/chain-graph/chain-graph.js';
import demo from '../fixtures/chain-graph/chains.json';

const requested = (file: string) => performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.endsWith(`/${file}`)).length;

describe('chain graph: lazy main-thread layouts (issue 16)', () => {
  it('loads chain-graph.layout.ts only once an element connects, then lays out and draws a small force graph', async () => {
    expect(requested('chain-graph.layout.ts'), 'layout module requested with the element class').to.equal(0);
    expect(requested('chain-graph.order.ts'), 'radial ordering requested with the element class').to.equal(0);
    expect(requested('chain-graph.order-search.ts'), 'radial ordering search requested with the element class').to.equal(0);
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph layout="force" style="width:800px" .data=${demo}></civic-chain-graph>`);
    await el.whenDrawn();
    expect(requested('chain-graph.layout.ts'), 'layout module requested once').to.equal(1);
    expect(el.computing).to.equal(false);
    // Every shown node placed and painted.
    expect(el.visibleNodeIds.every((id) => el.positionOf(id) !== undefined), 'every node placed').to.equal(true);
    expect(el.shadowRoot!.querySelectorAll('[part="plot"] [data-id]').length).to.be.greaterThan(0);
  });

  for (const layout of ['tiers', 'radial'] as const)
    it(`lays out a small ${layout} graph in the worker (its ordering search would be a long main-thread task)`, async () => {
      const el = await fixture<CivicChainGraph>(html`<civic-chain-graph layout=${layout} style="width:800px" .data=${demo}></civic-chain-graph>`);
      await el.whenDrawn();
      expect((el as any).layoutCtl.worker, 'a layout worker in use').to.be.instanceOf(Worker);
      expect((el as any).layoutCtl.workerBroken).to.equal(false);
      expect(el.visibleNodeIds.every((id) => el.positionOf(id) !== undefined), 'every node placed').to.equal(true);
    });
});
