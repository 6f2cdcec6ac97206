// First contact (A1, session 17): a chain graph given a payload with no nodes ({ nodes: [], links: [] }, what an API
// answers for a chain with no members yet, or what the README says to set to clear an element) shows the empty state
// like every other element, and that state is its picture: whenDrawn() resolves, civic-drawn fires, then civic-load
// (count 0). Before, none of them came: a page awaiting whenDrawn() (or a test, or <civic-screen>'s whenDrawn())
// waited for ever. Found with the one-script file on a plain page.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/chain-graph/chain-graph.define.js';
import type { CivicChainGraph } from '../../src/components/chain-graph/chain-graph.js';

const within = <T>(p: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([p, new Promise<T>((_, rej) => setTimeout(() => rej(new Error(`${what}: nothing within ${ms} ms`)), ms))]);

const chain = {
  chains: [{ id: 'auto', name: '汽车产业链党建联盟', leader: 'gwm' }],
  nodes: [
    { id: 'gwm', name: '长城汽车', type: 'leader', chain: 'auto', tier: 'core' },
    { id: 'm1', name: '配套企业A', type: 'member', chain: 'auto', tier: 'upstream' },
  ],
  links: [{ source: 'm1', target: 'gwm', kind: 'supply' }],
};

describe('civic-chain-graph with no nodes', () => {
  it('a first payload without nodes: empty state, civic-drawn, civic-load (count 0), whenDrawn() resolves', async () => {
    const el = document.createElement('civic-chain-graph') as CivicChainGraph;
    const drawn = oneEvent(el, 'civic-drawn');
    const load = oneEvent(el, 'civic-load');
    el.data = { nodes: [], links: [] };
    document.body.append(el);
    try {
      await within(el.whenDrawn(), 10000, 'whenDrawn()');
      await within(drawn, 10000, 'civic-drawn');
      const e = await within(load, 10000, 'civic-load');
      expect(e.detail.count).to.equal(0);
      const status = el.shadowRoot!.querySelector('[part~="status"]');
      expect(status?.textContent ?? '').to.contain('暂无数据');
    } finally {
      el.remove();
    }
  });

  it('an empty payload after a graph clears it, with one civic-drawn and whenDrawn() resolving', async () => {
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph .data=${chain}></civic-chain-graph>`);
    await within(el.whenDrawn(), 30000, 'first whenDrawn()');
    const drawn = oneEvent(el, 'civic-drawn');
    el.data = { nodes: [], links: [] };
    await within(drawn, 10000, 'civic-drawn after the empty payload');
    await within(el.whenDrawn(), 10000, 'whenDrawn() after the empty payload');
    expect(el.shadowRoot!.querySelector('[part~="status"]')?.textContent ?? '').to.contain('暂无数据');
  });
});
