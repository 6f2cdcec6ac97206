// Ordering of the `tiers` layout (issue 15): layered crossing minimisation (chain-graph.layered.ts), coordinates
// (chain-graph.tiers-coords.ts) and the crossings as drawn, on the demo chains and on generated graphs.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { adjacency, filterChainData, parseChainData } from '../../../../src/components/chain-graph/chain-graph.model.js';
import { countCrossings, tiersLayout } from '../../../../src/components/chain-graph/chain-graph.tiers.js';
import { orderLayers } from '../../../../src/components/chain-graph/chain-graph.layered.js';
import { sCurveShare, spacedFit, tiersLinkPoints } from '../../../../src/components/chain-graph/chain-graph.tiers-coords.js';
import { tiersCrossings } from '../../../../src/components/chain-graph/chain-graph.tiers-search.js';
import { defaultRadius, estimateTextWidth } from '../../../../src/components/chain-graph/chain-graph.layout.js';
import { crossingsOf, linkPolyline, type MeasureNode } from '../../../../src/components/chain-graph/chain-graph.readability.js';
import type { ChainData, ChainLink, Point } from '../../../../src/components/chain-graph/chain-graph.types.js';
import { syntheticChains } from '../../../fixtures/chain-graph/synthetic.js';
import { d3DefaultPositions } from '../../../fixtures/chain-graph/d3-default.js';

const demoAll: ChainData = parseChainData(JSON.parse(readFileSync(new URL('../../../../demo/data/chains.json', import.meta.url), 'utf8'))).value!;
const demo = (chain?: string) => (chain ? filterChainData(demoAll, { chain }) : demoAll);

function nodesOf(d: ChainData): MeasureNode[] {
  const adj = adjacency(d.links);
  return d.nodes.map((n) => ({ id: n.id, type: n.type, home: n.home, r: defaultRadius(n), w: estimateTextWidth(n.name), degree: (adj.get(n.id) ?? []).length, value: 0 }));
}
/** Crossings as the bench counts them (chain-graph.readability.ts, links drawn as the painter draws tiers links). */
const drawn = (d: ChainData, positions: Map<string, Point>) => crossingsOf({ nodes: nodesOf(d), links: d.links, positions, linkStyle: 'tiers' });

/** d3-force's default layout of the same data (as the bench's d3-default), its straight links' crossings. */
function d3Default(d: ChainData): number {
  return crossingsOf({ nodes: nodesOf(d), links: d.links, positions: d3DefaultPositions(d), linkStyle: 'straight' });
}

/** Seeded tree whose supply links agree with the tiers (a supplier of an upstream firm is upstream, etc.). */
function tierTree(n: number, seed: number): ChainData {
  let s = seed >>> 0 || 1;
  const rand = () => ((s = (1664525 * s + 1013904223) % 4294967296) / 4294967296);
  const nodes: Record<string, unknown>[] = [{ id: 'L', name: 'Leader', type: 'leader', chain: 'c', tier: 'core' }];
  const links: Record<string, unknown>[] = [];
  const byTier: Record<string, string[]> = { upstream: [], core: [], downstream: [] };
  const firms: string[] = [];
  for (let i = 1; i < n; i++) {
    const id = `n${i}`;
    if (rand() < 0.15 && firms.length) {
      nodes.push({ id, name: `Branch ${i}`, type: 'party-branch', chain: 'c' });
      links.push({ source: id, target: firms[Math.floor(rand() * firms.length)], kind: 'party-link' });
      continue;
    }
    const tier = ['upstream', 'core', 'downstream'][Math.floor(rand() * 3)];
    nodes.push({ id, name: `Firm ${i}`, type: 'member', chain: 'c', tier });
    const same = byTier[tier];
    const parent = tier !== 'core' && same.length && rand() < 0.6 ? same[Math.floor(rand() * same.length)] : 'L';
    if (tier === 'upstream') links.push({ source: id, target: parent, kind: 'supply' });
    else if (tier === 'downstream') links.push({ source: parent, target: id, kind: 'supply' });
    else links.push({ source: id, target: 'L', kind: 'alliance' });
    same.push(id);
    firms.push(id);
  }
  return parseChainData({ chains: [{ id: 'c', name: 'C', leader: 'L' }], nodes, links }).value!;
}

/** Seeded layered graph with links between consecutive layers only. */
function randomLayers(seed: number, layers: number, width: number, m: number): { layers: string[][]; edges: [string, string][] } {
  let s = seed >>> 0 || 1;
  const rand = () => ((s = (1664525 * s + 1013904223) % 4294967296) / 4294967296);
  const ls = Array.from({ length: layers }, (_, l) => Array.from({ length: width }, (_, i) => `${l}:${i}`));
  const edges: [string, string][] = [];
  for (let k = 0; k < m; k++) {
    const l = Math.floor(rand() * (layers - 1));
    edges.push([ls[l][Math.floor(rand() * width)], ls[l + 1][Math.floor(rand() * width)]]);
  }
  return { layers: ls, edges };
}

const asLinks = (edges: [string, string][]): ChainLink[] => edges.map(([source, target]) => ({ source, target, kind: 'supply' }) as ChainLink);

describe('layered ordering (orderLayers)', () => {
  it('never has more crossings than the input order, counts them right, and is deterministic', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const g = randomLayers(seed, 5, 12, 50);
      const r = orderLayers(g);
      expect(r.inputCrossings).toBe(countCrossings(g.layers, asLinks(g.edges)));
      expect(r.crossings).toBe(countCrossings(r.layers, asLinks(g.edges)));
      expect(r.crossings).toBeLessThanOrEqual(r.inputCrossings);
      expect(r.crossings).toBeLessThan(r.inputCrossings); // random orders of 50 links always leave something to remove
      for (let l = 0; l < g.layers.length; l++) expect([...r.layers[l]].sort()).toEqual([...g.layers[l]].sort());
      expect(orderLayers(g)).toEqual(r);
      expect(orderLayers(g, { order: false }).layers).toEqual(g.layers);
    }
  });

  it('keeps the best order it met: never worse than the input on 1,000 small random graphs', () => {
    // (keeping the last sweep's order instead is worse than the input on some of these, e.g. seeds 408 and 940)
    for (let seed = 1; seed <= 1000; seed++) {
      const g = randomLayers(seed, 3, 6, 14);
      const r = orderLayers(g);
      expect(r.crossings, `seed ${seed}`).toBeLessThanOrEqual(r.inputCrossings);
    }
  });

  it('draws a layered tree without a crossing, whatever the input order', () => {
    // A complete ternary tree over 4 layers, each layer given reversed and interleaved.
    const layers: string[][] = [['r']];
    const edges: [string, string][] = [];
    for (let l = 1; l < 4; l++) {
      const next: string[] = [];
      for (const p of layers[l - 1]) for (let k = 0; k < 3; k++) (next.push(`${p}${k}`), edges.push([p, `${p}${k}`]));
      layers.push(next.filter((_, i) => i % 2 === 0).concat(next.filter((_, i) => i % 2 === 1)).reverse());
    }
    const r = orderLayers({ layers, edges, root: 'r' });
    expect(r.inputCrossings).toBeGreaterThan(0);
    expect(r.crossings).toBe(0);
  });

  it('routes a long link through virtual nodes that take part in the ordering', () => {
    // a → c spans the middle layer: in input order its virtual node sits after b1/b2 and crosses their links.
    const layers = [['a', 'x'], ['b1', 'b2'], ['c', 'y']];
    const edges: [string, string][] = [['a', 'c'], ['x', 'b1'], ['x', 'b2'], ['b1', 'y'], ['b2', 'y']];
    const r = orderLayers({ layers, edges, root: 'a' });
    expect(r.all[1].filter((e) => typeof e === 'number')).toEqual([0]);
    expect(r.crossings).toBe(0);
  });
});

describe('tiers coordinates', () => {
  it('keeps rows in order and apart, as close to the wanted heights as it can', () => {
    const y = spacedFit(Float64Array.from([10, 0, 30]), Float64Array.from([1, 1, 1]), Float64Array.from([4, 4]));
    expect(y[1] - y[0]).toBeGreaterThanOrEqual(4 - 1e-9);
    expect(y[2] - y[1]).toBeGreaterThanOrEqual(4 - 1e-9);
    // the first two pooled around their wanted mean (5), 4 apart
    expect(y[0]).toBeCloseTo(3, 9);
    expect(y[1]).toBeCloseTo(7, 9);
    expect(y[2]).toBe(30);
  });

  it('follows the drawn S-curve (the painter’s link and the bench’s polyline are the same curve)', () => {
    expect(sCurveShare(0)).toBe(0);
    expect(sCurveShare(1)).toBe(1);
    expect(sCurveShare(0.5)).toBeCloseTo(0.5, 6);
    const a = { x: 0, y: 0 }, b = { x: 300, y: 90 };
    expect(tiersLinkPoints(a, b)).toEqual(linkPolyline('tiers', a, b));
    const p = tiersLinkPoints(a, b, 60).find((q) => q.x >= 75)!;
    expect(p.y / 90).toBeCloseTo(sCurveShare(p.x / 300), 1);
    expect(tiersLinkPoints({ x: 5, y: 0 }, { x: 5, y: 40 })).toEqual(linkPolyline('tiers', { x: 5, y: 0 }, { x: 5, y: 40 }));
  });
});

describe('tiers layout crossings', () => {
  it('counts crossings as the bench does', () => {
    for (const d of [demo('auto'), demo(), parseChainData(syntheticChains(100)).value!]) {
      const r = tiersLayout(d);
      expect(tiersCrossings(d.links, r.positions)).toBe(drawn(d, r.positions));
    }
  });

  it('draws trees whose links agree with the tiers without a crossing (generated, 60 to 600 nodes)', () => {
    for (const [n, seed] of [[60, 1], [200, 2], [600, 3]]) {
      const d = tierTree(n, seed);
      const r = tiersLayout(d);
      expect(drawn(d, r.positions), `${n} nodes`).toBe(0);
      // the stacked input order crosses, so the ordering did the work
      expect(drawn(d, tiersLayout(d, { order: false }).positions)).toBeGreaterThan(0);
    }
  });

  it('crosses less than d3-force’s default layout on the demo chains, one at a time and both together', () => {
    for (const chain of ['auto', 'equip', undefined]) {
      const d = demo(chain);
      expect(drawn(d, tiersLayout(d, { aspect: 1.5 }).positions), chain ?? 'both').toBeLessThan(d3Default(d));
    }
  });

  it('crosses far less than the unordered columns on the demo and generated graphs, deterministically', () => {
    for (const d of [demo(), parseChainData(syntheticChains(100)).value!, parseChainData(syntheticChains(1000)).value!]) {
      const r = tiersLayout(d);
      const ordered = drawn(d, r.positions);
      expect(ordered * 2).toBeLessThan(drawn(d, tiersLayout(d, { order: false }).positions));
      expect([...tiersLayout(d).positions]).toEqual([...r.positions]);
    }
  });
});
