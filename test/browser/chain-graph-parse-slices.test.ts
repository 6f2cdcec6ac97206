// <civic-chain-graph> validates payloads of more than 1,000 nodes in time slices (issue 15: the task that sets the
// data does not also parse thousands of nodes): the update right after the data is set has not parsed it yet, the
// graph and civic-load follow, and a smaller payload set meanwhile wins over the large one still being parsed.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { parseSliced } from '../../src/components/chain-graph/chain-graph.props.js';
import '../../src/components/chain-graph/chain-graph.define.js';
import type { CivicChainGraph } from '../../src/components/chain-graph/chain-graph.js';
import { syntheticChains } from '../fixtures/chain-graph/synthetic.js';

describe('civic-chain-graph: large payloads parsed in slices', () => {
  it('parses 1,500 nodes after the task that set them, then draws them and fires civic-load once', async () => {
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph style="width:800px" layout="tiers"></civic-chain-graph>`);
    const loads: number[] = [];
    el.addEventListener('civic-load', (e) => loads.push((e as CustomEvent).detail.count));
    el.data = syntheticChains(1500);
    await el.updateComplete;
    // Same task as the assignment: nothing parsed yet, the loading state is shown.
    expect(el.visibleNodeIds).to.have.length(0);
    expect(el.shadowRoot!.querySelector('[part="status"]'), 'loading state').to.exist;
    await waitUntil(() => loads.length > 0, 'civic-load', { timeout: 60000 });
    expect(el.visibleNodeIds).to.have.length(1500);
    expect(loads).to.deep.equal([1500]);
  });

  it('small payloads are still parsed in the task that set them', async () => {
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph style="width:800px" layout="tiers"></civic-chain-graph>`);
    el.data = syntheticChains(300);
    await el.updateComplete;
    expect(el.visibleNodeIds).to.have.length(300);
  });

  it('a payload set while a large one is parsed wins', async () => {
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph style="width:800px" layout="tiers"></civic-chain-graph>`);
    const loads: number[] = [];
    el.addEventListener('civic-load', (e) => loads.push((e as CustomEvent).detail.count));
    const big = syntheticChains(3000);
    el.data = big;
    await el.updateComplete;
    // The same parse started after the element's: when it is done, so is the element's (slices run in turn).
    const sameParse = parseSliced(big, undefined);
    const small = syntheticChains(40);
    const loaded = oneEvent(el, 'civic-load');
    el.data = small;
    await loaded;
    await sameParse;
    await new Promise<void>((r) => requestAnimationFrame(() => r()));
    await el.updateComplete;
    await el.whenDrawn();
    expect(el.visibleNodeIds).to.have.length(40);
    expect(loads).to.deep.equal([40]);
  });
  it('whenDrawn() waits while a newer large payload is parsed: it resolves on the new graph, not the old picture', async () => {
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph style="width:800px" layout="tiers"></civic-chain-graph>`);
    el.data = syntheticChains(300);
    await el.whenDrawn();
    expect(el.visibleNodeIds).to.have.length(300);
    el.data = syntheticChains(1500);
    await el.updateComplete;
    // Still parsing in slices: the 300-node picture is on screen, but it is not the picture asked for.
    expect(el.visibleNodeIds).to.have.length(300);
    await el.whenDrawn();
    expect(el.visibleNodeIds).to.have.length(1500);
  });
});
