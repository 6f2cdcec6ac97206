import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseChainData } from '../../../../src/components/chain-graph/chain-graph.model.js';
import {
  countCrossings,
  createForceLayout,
  defaultRadius,
  estimateTextWidth,
  forceLayout,
  nodeBox,
  radialLayout,
  radialRings,
  radiusByAttribute,
  tierColumns,
  tiersLayout,
  type LayoutResult,
} from '../../../../src/components/chain-graph/chain-graph.layout.js';
import { adjacency } from '../../../../src/components/chain-graph/chain-graph.model.js';
import type { ChainData } from '../../../../src/components/chain-graph/chain-graph.types.js';
import { syntheticChains } from '../../../fixtures/chain-graph/synthetic.js';

const demo: ChainData = parseChainData(JSON.parse(readFileSync(new URL('../../../fixtures/chain-graph/chains.json', import.meta.url), 'utf8'))).value!;

const round = (r: LayoutResult) => [...r.positions].map(([id, p]) => [id, Math.round(p.x * 100) / 100, Math.round(p.y * 100) / 100]);

function overlaps(data: ChainData, r: LayoutResult, measure = (t: string) => estimateTextWidth(t)): string[] {
  const boxes = data.nodes.map((n) => ({ id: n.id, b: nodeBox(r.positions.get(n.id)!, defaultRadius(n), measure(n.name), r.labelSide) }));
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i].b, b = boxes[j].b;
      if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) out.push(`${boxes[i].id}/${boxes[j].id}`);
    }
  return out;
}

describe('tiers layout', () => {
  it('is deterministic', () => {
    expect(round(tiersLayout(demo))).toEqual(round(tiersLayout(demo)));
  });

  it('puts upstream left of the leader and downstream right of it, per chain', () => {
    const r = tiersLayout(demo);
    const x = (id: string) => r.positions.get(id)!.x;
    for (const c of demo.chains) {
      const members = demo.nodes.filter((m) => m.home === c.id && m.type === 'member');
      const ups = members.filter((n) => n.tier === 'upstream').map((n) => x(n.id));
      const downs = members.filter((n) => n.tier === 'downstream').map((n) => x(n.id));
      for (const u of ups) expect(u).toBeLessThan(x(c.leader));
      for (const d of downs) expect(d).toBeGreaterThan(x(c.leader));
      // core members flank the leader inside the core band (between the upstream and the downstream columns)
      for (const n of members.filter((m) => m.tier === 'core')) {
        expect(x(n.id)).toBeGreaterThan(Math.max(...ups));
        expect(x(n.id)).toBeLessThan(Math.min(...downs));
      }
    }
    // chains side by side: every auto node left of every equip node
    const autoMax = Math.max(...demo.nodes.filter((n) => n.home === 'auto').map((n) => x(n.id)));
    const equipMin = Math.min(...demo.nodes.filter((n) => n.home === 'equip').map((n) => x(n.id)));
    expect(autoMax).toBeLessThan(equipMin);
  });

  it('puts suppliers of suppliers further left', () => {
    const cols = tierColumns(demo.nodes.filter((n) => n.home === 'auto'), demo.links);
    // m-auto-2 (upstream) supplies m-auto-1 (upstream) which supplies gwm
    expect(cols.get('gwm')).toBe(0);
    expect(cols.get('m-auto-1')).toBe(-1);
    expect(cols.get('m-auto-2')).toBe(-2);
    expect(cols.get('m-auto-3')).toBe(1);
    expect(cols.get('b-auto-1')).toBe(-1); // party branch in its firm's column
  });

  it('has no node or label overlap, also with real-ish label widths and 1,000 nodes', () => {
    expect(overlaps(demo, tiersLayout(demo))).toEqual([]);
    const wide = (t: string) => t.length * 14;
    expect(overlaps(demo, tiersLayout(demo, { measureText: wide }), wide)).toEqual([]);
    const big = parseChainData(syntheticChains(1000)).value!;
    expect(overlaps(big, tiersLayout(big))).toEqual([]);
  });

  it('makes columns wider when labels are wider (label-width aware)', () => {
    const narrow = tiersLayout(demo, { measureText: () => 20 });
    const wide = tiersLayout(demo, { measureText: () => 200 });
    expect(wide.bounds.x1 - wide.bounds.x0).toBeGreaterThan(narrow.bounds.x1 - narrow.bounds.x0 + 500);
  });

  it('barycentre ordering removes avoidable crossings', () => {
    // Two columns; input order makes a full cross (a1-b2, a2-b1); ordering must untangle it.
    const data = parseChainData({
      chains: [{ id: 'c', name: 'C', leader: 'L' }],
      nodes: [
        { id: 'L', name: 'L', type: 'leader', chain: 'c' },
        { id: 'a1', name: 'a1', type: 'member', chain: 'c', tier: 'upstream' },
        { id: 'a2', name: 'a2', type: 'member', chain: 'c', tier: 'upstream' },
        { id: 'a3', name: 'a3', type: 'member', chain: 'c', tier: 'upstream' },
        { id: 'b1', name: 'b1', type: 'member', chain: 'c', tier: 'core' },
        { id: 'b2', name: 'b2', type: 'member', chain: 'c', tier: 'core' },
        { id: 'b3', name: 'b3', type: 'member', chain: 'c', tier: 'core' },
      ],
      links: [
        { source: 'a1', target: 'b3', kind: 'alliance' },
        { source: 'a2', target: 'b2', kind: 'alliance' },
        { source: 'a3', target: 'b1', kind: 'alliance' },
      ],
    }).value!;
    const r = tiersLayout(data);
    const order = (ids: string[]) => ids.slice().sort((p, q) => r.positions.get(p)!.y - r.positions.get(q)!.y);
    const cols = [order(['a1', 'a2', 'a3']), order(['L', 'b1', 'b2', 'b3'])];
    expect(countCrossings(cols, data.links)).toBe(0);
    expect(countCrossings([['a1', 'a2', 'a3'], ['b1', 'b2', 'b3']], data.links)).toBe(3);
  });

  it('keeps pinned nodes where they were put', () => {
    const r = tiersLayout(demo, { pins: { 'm-auto-1': { x: 1234, y: -56 }, ghost: { x: 1, y: 1 } } });
    expect(r.positions.get('m-auto-1')).toEqual({ x: 1234, y: -56 });
    expect(r.positions.has('ghost')).toBe(false);
  });

  it('ignores cyclic supply links instead of looping', () => {
    const data = parseChainData({
      chains: [{ id: 'c', name: 'C', leader: 'L' }],
      nodes: [{ id: 'L', name: 'L', type: 'leader', chain: 'c' }, ...['p', 'q'].map((id) => ({ id, name: id, type: 'member', chain: 'c', tier: 'upstream' }))],
      links: [{ source: 'p', target: 'q', kind: 'supply' }, { source: 'q', target: 'p', kind: 'supply' }, { source: 'q', target: 'L', kind: 'supply' }],
    }).value!;
    const r = tiersLayout(data);
    expect(r.positions.get('p')!.x).toBeLessThan(r.positions.get('q')!.x);
  });
});

describe('force layout', () => {
  it('gives the same positions for the same seed and different ones for another seed', () => {
    const a = round(forceLayout(demo, { seed: 3, ticks: 120 }));
    const b = round(forceLayout(demo, { seed: 3, ticks: 120 }));
    const c = round(forceLayout(demo, { seed: 4, ticks: 120 }));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('anchors leaders at their cluster centre and clusters chains apart', () => {
    const r = forceLayout(demo, { seed: 1 });
    const gwm = r.positions.get('gwm')!, pac = r.positions.get('pacific')!;
    expect(gwm).toEqual({ x: 0, y: 0 });
    expect(pac.x).toBeGreaterThan(100);
    const mean = (home: string) => {
      const ps = demo.nodes.filter((n) => n.home === home).map((n) => r.positions.get(n.id)!.x);
      return ps.reduce((s, v) => s + v, 0) / ps.length;
    };
    expect(mean('auto')).toBeLessThan(mean('equip'));
  });

  it('keeps pinned nodes fixed', () => {
    const r = forceLayout(demo, { seed: 1, pins: { 'm-auto-5': { x: -300, y: 200 } } });
    expect(r.positions.get('m-auto-5')).toEqual({ x: -300, y: 200 });
  });

  it('time-sliced stepping gives the same result as one run', () => {
    const run = createForceLayout(demo, { seed: 9, ticks: 100, settle: 0 });
    let done = false;
    let slices = 0;
    while (!done) {
      done = run.step(7);
      slices++;
    }
    expect(slices).toBe(15);
    expect(round(run.result())).toEqual(round(forceLayout(demo, { seed: 9, ticks: 100, settle: 0 })));
  });

  it('separates nodes by label size (collision)', () => {
    const r = forceLayout(demo, { seed: 1 });
    let close = 0;
    const ids = demo.nodes.map((n) => n.id);
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) {
        const a = r.positions.get(ids[i])!, b = r.positions.get(ids[j])!;
        if (Math.hypot(a.x - b.x, a.y - b.y) < 10) close++;
      }
    expect(close).toBe(0);
  });
});

describe('radial layout', () => {
  it('puts the leader at the centre and rings by hop distance', () => {
    const r = radialLayout(demo);
    for (const c of demo.chains) {
      const centre = r.positions.get(c.leader)!;
      const nodes = demo.nodes.filter((n) => n.home === c.id);
      const ids = new Set(nodes.map((n) => n.id));
      const rings = radialRings(c.leader, nodes, adjacency(demo.links.filter((l) => ids.has(l.source) && ids.has(l.target))));
      const dist = (id: string) => Math.hypot(r.positions.get(id)!.x - centre.x, r.positions.get(id)!.y - centre.y);
      for (const a of nodes)
        for (const b of nodes) if (rings.get(a.id)! < rings.get(b.id)!) expect(dist(a.id)).toBeLessThan(dist(b.id));
      expect(rings.get(c.leader)).toBe(0);
      expect(rings.get('b-auto-1')).toBe(c.id === 'auto' ? 1 : undefined);
    }
  });

  it('is deterministic and keeps pins', () => {
    expect(round(radialLayout(demo))).toEqual(round(radialLayout(demo)));
    expect(radialLayout(demo, { pins: { gwm: { x: 5, y: 6 } } }).positions.get('gwm')).toEqual({ x: 5, y: 6 });
  });
});

describe('sizes', () => {
  it('scales radius by an attribute with a square root and keeps leaders large', () => {
    const rad = radiusByAttribute(demo.nodes, 'employees');
    const byId = (id: string) => demo.nodes.find((n) => n.id === id)!;
    expect(rad(byId('m-auto-12'))).toBeGreaterThan(rad(byId('m-auto-1')));
    expect(rad(byId('gwm'))).toBeGreaterThanOrEqual(12);
    expect(rad(byId('park-fhh'))).toBe(defaultRadius(byId('park-fhh')));
    expect(radiusByAttribute(demo.nodes, undefined)).toBe(defaultRadius);
    expect(estimateTextWidth('长城ab')).toBe(Math.ceil(24 + 14.4));
  });
});

describe('tiers aspect', () => {
  it('stretches rows apart (never together) to approach the view aspect', () => {
    const plain = tiersLayout(demo);
    const fitted = tiersLayout(demo, { aspect: 1.6 });
    const h = (r: LayoutResult) => r.bounds.y1 - r.bounds.y0;
    const w = (r: LayoutResult) => r.bounds.x1 - r.bounds.x0;
    expect(h(fitted)).toBeGreaterThan(h(plain) * 1.5);
    expect(w(fitted)).toBe(w(plain));
    expect(overlaps(demo, fitted)).toEqual([]);
    expect(round(tiersLayout(demo, { aspect: 100 }))).toEqual(round(plain));
  });
});
