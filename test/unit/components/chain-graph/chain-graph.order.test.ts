import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { adjacency, filterChainData, parseChainData } from '../../../../src/components/chain-graph/chain-graph.model.js';
import { defaultRadius, estimateTextWidth, forceLayout, radialLayout, type LayoutResult } from '../../../../src/components/chain-graph/chain-graph.layout.js';
import { curveControl, radialLinkGeometry } from '../../../../src/components/chain-graph/chain-graph.order.js';
import { crossingsSmall, linkCrossings, segmentsCross } from '../../../../src/components/chain-graph/chain-graph.crossings.js';
import { crossingsOf, type MeasureNode } from '../../../../src/components/chain-graph/chain-graph.readability.js';
import type { ChainData, Point } from '../../../../src/components/chain-graph/chain-graph.types.js';
import { syntheticChains } from '../../../fixtures/chain-graph/synthetic.js';
import { d3DefaultPositions } from '../../../fixtures/chain-graph/d3-default.js';

// The demo's own data (demo/index.html draws `chain="equip" layout="radial"`).
const demoAll: ChainData = parseChainData(JSON.parse(readFileSync(new URL('../../../../demo/data/chains.json', import.meta.url), 'utf8'))).value!;
const demoCases: [string, ChainData][] = [
  ['auto', filterChainData(demoAll, { chain: 'auto' })],
  ['equip', filterChainData(demoAll, { chain: 'equip' })],
  ['both', demoAll],
];

function nodesOf(d: ChainData): MeasureNode[] {
  const adj = adjacency(d.links);
  return d.nodes.map((n) => ({ id: n.id, type: n.type, home: n.home, r: defaultRadius(n), w: estimateTextWidth(n.name), degree: (adj.get(n.id) ?? []).length, value: 0 }));
}

/** Crossings of a radial layout as the painter draws it (curves towards each chain's leader). */
function radialCrossings(d: ChainData, r: LayoutResult): number {
  const centres = new Map<string, Point>();
  for (const c of d.chains) if (r.positions.has(c.leader)) centres.set(c.id, r.positions.get(c.leader)!);
  return crossingsOf({ nodes: nodesOf(d), links: d.links, positions: r.positions, linkStyle: 'radial', centres });
}

describe('crossing counter', () => {
  it('counts a proper crossing, not a shared end, a touch or parallel lines', () => {
    const p = (x: number, y: number) => ({ x, y });
    expect(segmentsCross(p(0, 0), p(2, 2), p(0, 2), p(2, 0))).toBe(true);
    expect(segmentsCross(p(0, 0), p(2, 2), p(2, 2), p(4, 0))).toBe(false);
    expect(segmentsCross(p(0, 0), p(2, 0), p(0, 1), p(2, 1))).toBe(false);
    expect(segmentsCross(p(0, 0), p(2, 0), p(1, 0), p(1, 3))).toBe(false);
    const x = [
      { source: 'a', target: 'b', points: [p(0, 0), p(2, 2)] },
      { source: 'c', target: 'd', points: [p(0, 2), p(2, 0)] },
      { source: 'a', target: 'e', points: [p(0, 0), p(2, 1)] }, // shares node a with the first: never counted with it
    ];
    expect(linkCrossings(x)).toBe(2);
    expect(crossingsSmall(x)).toBe(2);
  });

  it('grid and pairwise counters agree on random links', () => {
    let s = 7;
    const rand = () => ((s = (1664525 * s + 1013904223) % 4294967296) / 4294967296);
    const links = Array.from({ length: 150 }, (_, i) => ({ source: 'n' + i, target: 'm' + i, points: [0, 1, 2].map(() => ({ x: rand() * 500, y: rand() * 300 })) }));
    const n = linkCrossings(links);
    expect(n).toBeGreaterThan(100);
    expect(crossingsSmall(links)).toBe(n);
  });
});

describe('radial ordering', () => {
  for (const [name, d] of demoCases)
    it(`demo chains (${name}): fewer crossings than the unordered rings, deterministic`, () => {
      const ordered = radialLayout(d);
      const unordered = radialLayout(d, { order: false });
      const a = radialCrossings(d, ordered), b = radialCrossings(d, unordered);
      expect(a).toBeLessThan(b);
      expect(a).toBeLessThanOrEqual(b * 0.75); // measured (hubs moved, links between rings straight): auto 20, equip 36, both 60
      const again = radialLayout(d);
      expect([...again.positions]).toEqual([...ordered.positions]);
    });

  it('draws a tree (generated chains, 300 and 1,000 nodes) without a crossing', () => {
    for (const n of [300, 1000]) {
      const d = parseChainData(syntheticChains(n)).value!;
      expect(radialCrossings(d, radialLayout(d))).toBe(0);
    }
  });

  it('keeps a party branch next to its firm on the ring', () => {
    const d = demoCases[1][1];
    const r = radialLayout(d);
    const c = r.positions.get('pacific')!;
    const ang = (id: string) => Math.atan2(r.positions.get(id)!.y - c.y, r.positions.get(id)!.x - c.x);
    const ring1 = d.nodes.filter((n) => n.id !== 'pacific' && Math.abs(Math.hypot(r.positions.get(n.id)!.x - c.x, r.positions.get(n.id)!.y - c.y) - Math.hypot(r.positions.get('b-equip-1')!.x - c.x, r.positions.get('b-equip-1')!.y - c.y)) < 1);
    const order = ring1.map((n) => n.id).sort((a, b) => ang(a) - ang(b));
    const i = order.indexOf('b-equip-1'), j = order.indexOf('m-equip-1');
    expect(Math.min(Math.abs(i - j), order.length - Math.abs(i - j))).toBe(1);
  });

  it('radial and force cross less than d3-force default on each demo case (auto, equip, both chains)', () => {
    for (const [name, d] of demoCases) {
      const ours = forceLayout(d, { seed: 1 });
      const d3pos = d3DefaultPositions(d);
      const count = (positions: Map<string, Point>) => crossingsOf({ nodes: nodesOf(d), links: d.links, positions, linkStyle: 'straight' });
      const d3c = count(d3pos);
      expect(count(ours.positions), `${name} force`).toBeLessThan(d3c);
      expect(radialCrossings(d, radialLayout(d)), `${name} radial`).toBeLessThan(d3c);
    }
  });

  it('moves a hub (a park linked to many members) off its ring to where its links cross less', () => {
    const d = demoCases[1][1];
    const moved = radialLayout(d), kept = radialLayout(d, { hubs: false });
    expect(radialCrossings(d, moved)).toBeLessThan(radialCrossings(d, kept));
    expect(moved.positions.get('sanjiao')).not.toEqual(kept.positions.get('sanjiao'));
  });
});

describe('radial links', () => {
  const o = { x: 0, y: 0 };
  it('curve towards the centre, more for wider angles; radial links stay straight', () => {
    expect(curveControl({ x: 100, y: 0 }, { x: 200, y: 0 }, o)).toBeNull();
    expect(curveControl(o, { x: 200, y: 0 }, o)).toBeNull();
    const narrow = curveControl({ x: 100, y: 0 }, { x: 0, y: 100 }, o)!;
    const wide = curveControl({ x: 100, y: 0 }, { x: -100, y: 1 }, o)!;
    const mid = { x: 50, y: 50 };
    expect(Math.hypot(narrow.x, narrow.y)).toBeLessThan(Math.hypot(mid.x, mid.y));
    expect(Math.hypot(wide.x, wide.y)).toBeLessThan(20);
    const g = radialLinkGeometry({ x: 100, y: 0 }, { x: 0, y: 100 }, o, 10);
    expect(g.d).toMatch(/^M100,0Q[-\d.]+,[-\d.]+ [-\d.]+,[-\d.]+$/);
    expect(Math.hypot(g.e.x, g.e.y - 100)).toBeCloseTo(10, 5);
  });
});
