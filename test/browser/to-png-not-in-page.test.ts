// toPNG() of an element never put in the page (a page rendering a report image off screen: createElement, data,
// toPNG) rejects at once, saying why, instead of waiting for ever (Lit never updates an element that was never
// connected). The KPI grid and ranking board: first-contact-a1-methods; here the other four elements with toPNG().
import { expect } from '@open-wc/testing';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import '../../src/components/growth-chart/growth-chart.define.js';
import '../../src/components/chain-graph/chain-graph.define.js';
import '../../src/components/grid-map/grid-map.define.js';
import { SMALL_GROWTH } from './fixtures/growth-small.js';

type Exporter = HTMLElement & { data: unknown; toPNG(): Promise<Blob> };
const CASES: [string, unknown][] = [
  ['civic-kpi-tile', { label: '网格员', value: 42, unit: '名' }],
  ['civic-growth-chart', SMALL_GROWTH],
  ['civic-chain-graph', { nodes: [{ id: 'a', name: '龙头', type: 'leader', chain: '汽车' }, { id: 'b', name: '配套', type: 'member', chain: '汽车' }], links: [{ source: 'b', target: 'a', kind: 'supply' }] }],
  ['civic-grid-map', { metrics: [] }],
];

describe('toPNG() of an element never put in the page', () => {
  for (const [tag, data] of CASES) {
    it(`${tag}: rejects at once, saying so`, async () => {
      const el = document.createElement(tag) as Exporter;
      el.data = data;
      // settles within the test's timeout only if toPNG() does not wait for an update that never comes
      const err = await el.toPNG().then(
        () => undefined,
        (e: Error) => e,
      );
      expect(err?.message).to.match(/not in the page/);
    });
  }
});
