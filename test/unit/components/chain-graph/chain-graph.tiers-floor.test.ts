// The `tiers` crossing floor (chain-graph.tiers-floor.ts), the band start order (chain-graph.tiers-bands.ts) and side
// groups in rows, issue 15: a hand-built graph whose floor is known and reached, the floor never above the layout.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { adjacency, parseChainData } from '../../../../src/components/chain-graph/chain-graph.model.js';
import { tiersLayout, tierColumns } from '../../../../src/components/chain-graph/chain-graph.tiers.js';
import { crossingPathsByColumn, splitPairs, tiersFloor } from '../../../../src/components/chain-graph/chain-graph.tiers-floor.js';
import { bandRanks } from '../../../../src/components/chain-graph/chain-graph.tiers-bands.js';
import { tiersCrossings } from '../../../../src/components/chain-graph/chain-graph.tiers-search.js';
import type { ChainData, Point } from '../../../../src/components/chain-graph/chain-graph.types.js';
import { syntheticChains } from '../../../fixtures/chain-graph/synthetic.js';

/**
 * A leader L with k upstream suppliers u1…uk, each supplying a downstream firm d_i too (u_i → d_i passes L's
 * column: k crossing paths from the same column), plus `extra` upstream suppliers with no downstream link.
 */
function hooks(k: number, extra = 0): ChainData {
  const nodes: Record<string, unknown>[] = [{ id: 'L', name: 'Leader', type: 'leader', chain: 'c', tier: 'core' }];
  const links: Record<string, unknown>[] = [];
  for (let i = 1; i <= k; i++) {
    nodes.push({ id: `u${i}`, name: `U${i}`, type: 'member', chain: 'c', tier: 'upstream' }, { id: `d${i}`, name: `D${i}`, type: 'member', chain: 'c', tier: 'downstream' });
    links.push({ source: `u${i}`, target: 'L', kind: 'supply' }, { source: `u${i}`, target: `d${i}`, kind: 'supply' });
  }
  for (let i = 1; i <= extra; i++) {
    nodes.push({ id: `s${i}`, name: `S${i}`, type: 'member', chain: 'c', tier: 'upstream' });
    links.push({ source: `s${i}`, target: 'L', kind: 'supply' });
  }
  return parseChainData({ chains: [{ id: 'c', name: 'C', leader: 'L' }], nodes, links }).value!;
}

describe('tiers crossing floor', () => {
  it('counts the pairs that must cross: same column, same side, split as evenly as possible', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(splitPairs)).toEqual([0, 0, 0, 1, 2, 4, 6]);
    const d = hooks(4, 3);
    const col = tierColumns(d.nodes, d.links);
    expect(col.get('u1')).toBe(-1);
    expect(col.get('d1')).toBe(1);
    // the four u_i have crossing paths (u_i → d_i), the three s_i do not
    expect([...crossingPathsByColumn('L', col, d.links)]).toEqual([[-1, 4]]);
    expect(tiersFloor(d)).toBe(2);
    expect(tiersFloor(hooks(5))).toBe(4);
    expect(tiersFloor(hooks(2))).toBe(0);
  });

  it('is reached by a hand-placed drawing (two paths above the leader, two below: one crossing on each side)', () => {
    const d = hooks(4);
    const at = new Map<string, Point>([['L', { x: 100, y: 0 }]]);
    [-2, -1, 1, 2].forEach((y, i) => {
      at.set(`u${i + 1}`, { x: 0, y: y * 20 });
      at.set(`d${i + 1}`, { x: 200, y: y * 20 + 7 });
    });
    expect(tiersCrossings(d.links, at)).toBe(tiersFloor(d));
    // all four above the leader: every pair crosses (C(4, 2) = 6)
    [-4, -3, -2, -1].forEach((y, i) => {
      at.set(`u${i + 1}`, { x: 0, y: y * 20 });
      at.set(`d${i + 1}`, { x: 200, y: y * 20 + 7 });
    });
    expect(tiersCrossings(d.links, at)).toBe(6);
  });

  it('is never above what the layout draws (hand-built and generated graphs)', () => {
    for (const d of [hooks(4, 3), hooks(7, 2), parseChainData(syntheticChains(100)).value!, parseChainData(syntheticChains(400, { seed: 7 })).value!]) {
      const f = tiersFloor(d);
      expect(tiersCrossings(d.links, tiersLayout(d).positions)).toBeGreaterThanOrEqual(f);
    }
    // the generated graphs' upstream firms supply downstream firms across the leader: the floor is not zero
    expect(tiersFloor(parseChainData(syntheticChains(1000)).value!)).toBeGreaterThan(0);
  });
});

describe('generated graphs with supply links that agree with the tiers (synthetic.ts tierLinks)', () => {
  it('have a floor of 0 and are drawn without a crossing; the default generator is unchanged by the option', () => {
    const d = parseChainData(syntheticChains(1000, { tierLinks: true })).value!;
    for (const l of d.links.filter((k) => k.kind === 'supply')) {
      const s = d.nodes.find((n) => n.id === l.source)!, t = d.nodes.find((n) => n.id === l.target)!;
      if (s.type !== 'leader' && t.type !== 'leader') expect(s.tier, `${l.source} → ${l.target}`).toBe(t.tier);
    }
    expect(tiersFloor(d)).toBe(0);
    expect(tiersCrossings(d.links, tiersLayout(d, { aspect: 1.5 }).positions)).toBe(0);
    // same random draws: the same nodes, only link ends differ
    const plain = syntheticChains(1000), tiered = syntheticChains(1000, { tierLinks: true });
    expect(tiered.nodes).toEqual(plain.nodes);
  });

  it('leaves the default generator’s output as it was before the option (sessions compare readability across it)', () => {
    // sha-256 (first 16 hex digits) of JSON.stringify(syntheticChains(n)) as generated at 05abaff, before tierLinks
    const pinned: Record<number, string> = { 100: '2007f0ce6082fd2c', 1000: 'a81ee7c61da3d9fc', 5000: 'f9377da360f8252f' };
    for (const [n, hash] of Object.entries(pinned)) {
      expect(createHash('sha256').update(JSON.stringify(syntheticChains(Number(n)))).digest('hex').slice(0, 16), `${n} nodes`).toBe(hash);
    }
    expect(JSON.stringify(syntheticChains(1000, { tierLinks: false }))).toBe(JSON.stringify(syntheticChains(1000)));
  });
});

describe('tiers band start order', () => {
  it('puts subtrees passing the parent’s column outermost, split above and below, one-sided ones inside', () => {
    const d = hooks(4, 2);
    const col = tierColumns(d.nodes, d.links);
    const edges = d.links.map((l) => [l.source, l.target] as const);
    const r = bandRanks('L', col, edges);
    const above = (id: string) => r.get(id)! < r.get('L')!;
    // the passing subtrees: two above, two below; each one's nodes stay together (a band)
    expect(['u1', 'u2', 'u3', 'u4'].filter(above)).toHaveLength(2);
    for (let i = 1; i <= 4; i++) expect(above(`u${i}`)).toBe(above(`d${i}`));
    // the one-sided suppliers sit between the passing bands and the leader
    const dist = (id: string) => Math.abs(r.get(id)! - r.get('L')!);
    for (const s of ['s1', 's2']) for (let i = 1; i <= 4; i++) if (above(s) === above(`u${i}`)) expect(dist(s)).toBeLessThan(dist(`u${i}`));
  });

  it('lays a 1,000-node generated graph out with fewer crossings than the depth-first start did (2,900)', () => {
    const d = parseChainData(syntheticChains(1000)).value!;
    expect(tiersCrossings(d.links, tiersLayout(d, { aspect: 1.5 }).positions)).toBeLessThan(2000);
  });
});

describe('tiers side groups in rows', () => {
  it('draws the parks and service teams of the demo in rows above or below their chain, off the tier columns', () => {
    const d = parseChainData(JSON.parse(readFileSync(new URL('../../../../demo/data/chains.json', import.meta.url), 'utf8'))).value!;
    const at = tiersLayout(d, { aspect: 1.5 }).positions;
    const side = new Set(d.nodes.filter((n) => n.type === 'park' || n.type === 'service-team').map((n) => n.id));
    for (const c of d.chains) {
      const firms = d.nodes.filter((n) => n.home === c.id && !side.has(n.id) && n.type !== 'project');
      const top = Math.min(...firms.map((n) => at.get(n.id)!.y)), bottom = Math.max(...firms.map((n) => at.get(n.id)!.y));
      for (const n of d.nodes.filter((m) => m.home === c.id && side.has(m.id) && (adjacency(d.links).get(m.id) ?? []).length > 1)) {
        const y = at.get(n.id)!.y;
        expect(y < top || y > bottom, n.id).toBe(true);
      }
    }
  });
});
