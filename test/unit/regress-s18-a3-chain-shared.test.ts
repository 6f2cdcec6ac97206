/**
 * A3 (session 18): a chain's own picture (`chain="equip"`) keeps the shared nodes (parks, service teams, projects:
 * no chain of their own) that its firms link to. FACTS.md §2: 永川国家高新区凤凰湖产业园 is the main base of both
 * alliances; in the demo, 7 of its 21 links go to smart-equipment nodes, yet it was drawn in the automotive chain
 * only and vanished from the smart-equipment alliance's view with those links.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { filterChainData, parseChainData } from '../../src/components/chain-graph/chain-graph.model.js';
import type { ChainData } from '../../src/components/chain-graph/chain-graph.types.js';

const demo: ChainData = parseChainData(JSON.parse(readFileSync(new URL('../../demo/data/chains.json', import.meta.url), 'utf8'))).value!;
const ids = (d: ChainData) => d.nodes.map((n) => n.id);

describe('chain filter and shared nodes', () => {
  it('凤凰湖产业园 is in both alliances’ pictures, with its links to each', () => {
    for (const chain of ['auto', 'equip']) {
      const d = filterChainData(demo, { chain });
      expect(ids(d)).toContain('fenghuang');
      const own = new Set(demo.nodes.filter((n) => n.chain === chain).map((n) => n.id));
      const want = demo.links.filter((l) => (l.source === 'fenghuang' && own.has(l.target)) || (l.target === 'fenghuang' && own.has(l.source))).length;
      expect(want).toBeGreaterThan(0);
      expect(d.links.filter((l) => l.source === 'fenghuang' || l.target === 'fenghuang').length).toBeGreaterThanOrEqual(want);
      // drawn in the chain on screen
      expect(d.nodes.find((n) => n.id === 'fenghuang')!.home).toBe(chain);
    }
  });
  it('firms of the other chain stay out', () => {
    const d = filterChainData(demo, { chain: 'equip' });
    expect(d.nodes.filter((n) => n.chain && n.chain !== 'equip')).toEqual([]);
    expect(ids(d)).not.toContain('gwm');
  });
  it('a shared node linked to no node of the chain stays out', () => {
    const d = filterChainData(demo, { chain: 'equip' });
    expect(ids(d)).not.toContain('gangqiao'); // 港桥: linked to automotive firms only
  });
});
