/**
 * S1 (session 18), from A3's audit: a link given twice, two leader nodes in one chain, and a firm in two alliances
 * (`chain: ["auto", "equip"]`).
 */
import { describe, expect, it } from 'vitest';
import { filterChainData, parseChainData } from '../../../../src/components/chain-graph/chain-graph.model.js';

const chains = [
  { id: 'auto', name: '汽车', leader: 'gwm' },
  { id: 'equip', name: '装备', leader: 'eq' },
];

describe('chain payload checks', () => {
  it('a link given twice is a warning at its path, and is kept once', () => {
    const r = parseChainData({
      chains,
      nodes: [
        { id: 'gwm', type: 'leader', chain: 'auto' },
        { id: 'a', type: 'member', chain: 'auto' },
      ],
      links: [
        { source: 'a', target: 'gwm', kind: 'supply' },
        { source: 'a', target: 'gwm', kind: 'alliance' },
        { source: 'a', target: 'gwm', kind: 'supply', weight: 3 },
      ],
    });
    expect(r.issues.filter((i) => i.code !== 'unknown-node' && i.path.startsWith('links'))).toEqual([
      expect.objectContaining({ path: 'links[2]', code: 'duplicate', severity: 'warning', message: expect.stringContaining('links[0]') }),
    ]);
    expect(r.value!.links.map((l) => [l.kind, l.weight, l.index])).toEqual([
      ['supply', 1, 0],
      ['alliance', 1, 1],
    ]);
  });

  it('two leader nodes in one chain: a warning at the second one', () => {
    const r = parseChainData({
      chains,
      nodes: [
        { id: 'gwm', type: 'leader', chain: 'auto' },
        { id: 'eq', type: 'leader', chain: 'equip' },
        { id: 'byd', type: 'leader', chain: 'auto' },
      ],
      links: [],
    });
    expect(r.issues).toEqual([expect.objectContaining({ path: 'nodes[2].type', code: 'two-leaders', severity: 'warning', message: expect.stringContaining('"gwm"') })]);
    expect(r.value!.nodes.map((n) => n.type)).toEqual(['leader', 'leader', 'leader']);
  });

  it('a firm in two alliances lists both chains: no issue, drawn in the first, shown in each chain’s picture', () => {
    const r = parseChainData({
      chains,
      nodes: [
        { id: 'gwm', type: 'leader', chain: 'auto' },
        { id: 'eq', type: 'leader', chain: 'equip' },
        { id: 'both', type: 'member', chain: ['auto', 'equip', 'auto'] },
        { id: 'bad', type: 'member', chain: ['ghost', 'equip'] },
      ],
      links: [{ source: 'both', target: 'gwm', kind: 'supply' }, { source: 'both', target: 'eq', kind: 'supply' }],
    });
    expect(r.issues.map((i) => [i.path, i.code])).toEqual([['nodes[3].chain[0]', 'unknown-chain']]);
    const both = r.value!.nodes.find((n) => n.id === 'both')!;
    expect(both).toMatchObject({ chain: 'auto', chains: ['auto', 'equip'], home: 'auto' });
    expect(r.value!.nodes.find((n) => n.id === 'bad')).toMatchObject({ chain: 'equip', home: 'equip' });
    const equip = filterChainData(r.value!, { chain: 'equip' });
    expect(equip.nodes.map((n) => [n.id, n.home])).toEqual([['eq', 'equip'], ['both', 'equip'], ['bad', 'equip']]);
    expect(equip.links.map((l) => l.target)).toEqual(['eq']);
    const auto = filterChainData(r.value!, { chain: 'auto' });
    expect(auto.nodes.map((n) => n.id)).toEqual(['gwm', 'both']);
  });

  it('chains implied by nodes (no chains array) include every listed chain', () => {
    const r = parseChainData({ nodes: [{ id: 'x', type: 'leader', chain: ['p', 'q'] }, { id: 'y', type: 'member', chain: 'q' }], links: [] });
    expect(r.value!.chains.map((c) => [c.id, c.leader])).toEqual([['p', 'x'], ['q', 'x']]);
  });
});
