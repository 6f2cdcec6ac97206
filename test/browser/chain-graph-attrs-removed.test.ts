// First contact (H-audit2, session 15): every attribute of the chain graph's README table set and then removed. A
// removed attribute gives the property its default again; nothing reaches the page (removing `search` threw
// "Cannot read properties of null (reading 'trim')" on every later render). Reproduced first on a plain page with the
// one-script file (/work/notes/s15/h-audit2/pages/attrs.html).
import { expect, fixture, html } from '@open-wc/testing';
import { frames } from './fixtures/wait.js';
import '../../src/components/chain-graph/chain-graph.define.js';
import type { CivicChainGraph } from '../../src/components/chain-graph/chain-graph.js';
import { pageProblems } from './fixtures/page-problems.js';

const DATA = {
  chains: [{ id: 'auto', name: '汽车产业链党建联盟', leader: 'gwm' }],
  nodes: [
    { id: 'gwm', name: '长城汽车重庆分公司联合党支部', type: 'leader', chain: 'auto', tier: 'core', attrs: { employees: 900 } },
    { id: 'm1', name: '配套企业A（示例）', type: 'member', chain: 'auto', tier: 'upstream', attrs: { employees: 420 }, illustrative: true },
  ],
  links: [{ source: 'm1', target: 'gwm', kind: 'supply' }],
};

const CASES: [attr: string, prop: string, value: string, fallback: unknown][] = [
  ['layout', 'layout', 'radial', 'tiers'],
  ['chain', 'chain', 'auto', ''],
  ['search', 'search', '长城', ''],
  ['renderer', 'renderer', 'canvas', 'auto'],
  ['canvas-threshold', 'canvasThreshold', '1', 400],
  ['tour-interval', 'tourInterval', '2', 4],
  ['seed', 'seed', '7', 1],
  // No default in the README ("—"): removed, the property is unset again (undefined, as before it was ever set; not null).
  ['selected', 'selected', 'm1', undefined],
  ['focus', 'focusId', 'gwm', undefined],
  ['size-by', 'sizeBy', 'employees', undefined],
  ['fields', 'fields', 'id=id', undefined],
  ['file-name', 'fileName', 'chains', undefined],
];

describe('<civic-chain-graph> attributes removed', function () {
  this.timeout(60_000);
  for (const [attr, prop, value, fallback] of CASES) {
    it(`${attr}="${value}" then removed: the default (${JSON.stringify(fallback)}) again, nothing thrown`, async () => {
      const probs = pageProblems();
      try {
        const el = await fixture<CivicChainGraph>(html`<civic-chain-graph style="width:600px" .data=${DATA}></civic-chain-graph>`);
        await el.whenDrawn();
        el.setAttribute(attr, value);
        await el.updateComplete;
        await el.whenDrawn();
        el.removeAttribute(attr);
        await el.updateComplete;
        await el.whenDrawn();
        el.highlight('gwm');
        await frames(3);
        expect((el as unknown as Record<string, unknown>)[prop]).to.equal(fallback);
        expect(el.visibleNodeIds.length).to.equal(2);
        expect(probs.list).to.deep.equal([]);
      } finally {
        probs.stop();
      }
    });
  }
});
