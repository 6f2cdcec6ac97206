// A3 (session 18): chain="equip" shows 凤凰湖产业园 (shared park, main base of both alliances) placed, in the picture.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/chain-graph/chain-graph.define.js';
import type { CivicChainGraph } from '../../src/components/chain-graph/chain-graph.js';
import demo from '../../demo/data/chains.json';

for (const layout of ['tiers', 'radial', 'force'])
  it(`${layout}: the smart-equipment alliance's picture has 凤凰湖产业园, placed inside the view`, async () => {
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph chain="equip" layout=${layout} style="width:800px;height:500px" .data=${JSON.parse(JSON.stringify(demo))}></civic-chain-graph>`);
    await el.whenDrawn();
    expect(el.visibleNodeIds).to.include('fenghuang');
    expect(el.visibleNodeIds).to.not.include('gwm');
    const p = el.positionOf('fenghuang');
    expect(p && Number.isFinite(p.x) && Number.isFinite(p.y)).to.equal(true);
    const table = el.shadowRoot!.querySelector('[part~="table"]')!.textContent!;
    expect(table).to.contain('永川国家高新区凤凰湖产业园');
  });
