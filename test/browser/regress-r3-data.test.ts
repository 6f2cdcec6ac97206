// R3 s17 regression probes: GBK bodies (4854e18) as servers label them in the wild (a quoted or upper-case charset,
// gb2312, text/plain), and the chain graph's empty payload (b798665) inside a
// <civic-screen>, whose own whenDrawn() waits for every element on its stage.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/rank-board/rank-board.define.js';
import '../../src/components/chain-graph/chain-graph.define.js';
import '../../src/components/screen/screen.define.js';
import type { CivicRankBoard } from '../../src/components/rank-board/rank-board.js';
import type { CivicScreen } from '../../src/components/screen/screen.js';
import { configure, getConfig } from '../../src/data/configure.js';

// "name,value\n红河路社区,1850\n南大街社区,1200\n" in GBK
const GBK = new Uint8Array('6e616d652c76616c75650abaecbad3c2b7c9e7c7f82c313835300ac4cfb4f3bdd6c9e7c7f82c313230300a'.match(/../g)!.map((h) => parseInt(h, 16)));

async function board(body: Uint8Array, type: string): Promise<string> {
  const before = getConfig().fetch;
  configure({ fetch: async () => new Response(new Blob([body as Uint8Array<ArrayBuffer>]), { status: 200, headers: { 'content-type': type } }) });
  const el = document.createElement('civic-rank-board') as CivicRankBoard;
  const done = new Promise((r) => {
    el.addEventListener('civic-load', r, { once: true });
    el.addEventListener('civic-error', r, { once: true });
  });
  el.setAttribute('src', `/r3/${Math.random()}.csv`);
  document.body.append(el);
  try {
    await done;
    await el.whenDrawn();
    return el.shadowRoot!.textContent!.replace(/\s+/g, '');
  } finally {
    el.remove();
    configure({ fetch: before });
  }
}

describe('R3: charsets and empty chains in host pages', () => {
  for (const type of ['text/csv; charset="GBK"', 'text/csv;charset=gb2312', 'text/plain'])
    it(`a GBK CSV served as ${type}: the names are read`, async () => {
      const t = await board(GBK, type);
      expect(t).to.contain('红河路社区');
      expect(t).to.contain('南大街社区');
    });

  it('a chain graph given { nodes: [] } on a civic-screen: the screen\'s whenDrawn() resolves, then a real chain draws', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="width:960px;height:540px;position:relative"><civic-screen heading="链" idle-cursor="0" tour="0" style="--civic-screen-columns: 1fr; --civic-screen-rows: 1fr"><civic-chain-graph></civic-chain-graph></civic-screen></div>`);
    const screen = box.querySelector<CivicScreen>('civic-screen')!;
    const chain = box.querySelector<HTMLElement & { data: unknown; whenDrawn(): Promise<void> }>('civic-chain-graph')!;
    chain.data = { nodes: [], links: [] };
    await screen.whenDrawn();
    await chain.whenDrawn();
    const loaded = new Promise((r) => chain.addEventListener('civic-load', r, { once: true }));
    chain.data = { nodes: [{ id: 'a', name: '链主企业' }, { id: 'b', name: '配套企业' }], links: [{ source: 'a', target: 'b' }] };
    await loaded;
    await chain.whenDrawn();
    await screen.whenDrawn();
  });
});
