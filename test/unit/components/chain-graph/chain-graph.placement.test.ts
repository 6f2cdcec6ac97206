// Label placement on real layouts (issue 15): every layout, demo chains and generated graphs, a page and a wall view.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { adjacency, filterChainData, parseChainData } from '../../../../src/components/chain-graph/chain-graph.model.js';
import { defaultRadius, estimateTextWidth, forceLayout, radialLayout, tiersLayout, type LayoutResult } from '../../../../src/components/chain-graph/chain-graph.layout.js';
import { CALLOUT_REACH, LABEL_PRIORITY, calloutSpots, farSpots, labelSpots, placeLabels, symbolReach, type LabelCandidate } from '../../../../src/components/chain-graph/chain-graph.labels.js';
import { calloutLine } from '../../../../src/components/chain-graph/chain-graph.callout.js';
import { SHAPES } from '../../../../src/components/chain-graph/chain-graph.scene.js';
import { symbol } from '../../../../src/components/chain-graph/chain-graph.symbols.js';
import { boxOverlaps, labelCandidates, labelNodeOverlaps, measureDrawn, nodeReach, type MeasureInput, type View } from '../../../../src/components/chain-graph/chain-graph.readability.js';
import type { ChainData } from '../../../../src/components/chain-graph/chain-graph.types.js';
import { syntheticChains } from '../../../fixtures/chain-graph/synthetic.js';

const demoAll: ChainData = parseChainData(JSON.parse(readFileSync(new URL('../../../../demo/data/chains.json', import.meta.url), 'utf8'))).value!;
const cases: [string, ChainData][] = [
  ['demo auto', filterChainData(demoAll, { chain: 'auto' })],
  ['demo equip', filterChainData(demoAll, { chain: 'equip' })],
  ['demo both', demoAll],
  ['generated 100', parseChainData(syntheticChains(100)).value!],
  ['generated 1,000', parseChainData(syntheticChains(1000)).value!],
];
const views: [string, View][] = [
  ['page 1280×800, floor 12', { width: 1280, height: 800, minScreenPx: 12 }],
  ['wall tile 460×400, floor 14', { width: 460, height: 400, minScreenPx: 14 }],
  ['wall scaled to 0.4, floor 14', { width: 460, height: 400, minScreenPx: 14, screenScale: 0.4 }],
];

function input(d: ChainData, r: LayoutResult): MeasureInput {
  const adj = adjacency(d.links);
  const nodes = d.nodes.map((n) => {
    let value = 0;
    for (const v of Object.values(n.attrs)) if (Number.isFinite(v) && v > value) value = v;
    return { id: n.id, type: n.type, home: n.home, r: defaultRadius(n), w: estimateTextWidth(n.name), degree: (adj.get(n.id) ?? []).length, value };
  });
  const chains = d.chains.map((c) => ({ id: c.id, name: c.name }));
  return { nodes, links: d.links, positions: r.positions, bounds: r.bounds, labelSide: r.labelSide, linkStyle: 'straight', chains };
}

const intersects = (a: { x: number; y: number; width: number; height: number }, b: typeof a, gap: number) =>
  a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;

describe('label placement on every layout', () => {
  for (const [name, d] of cases) {
    // Tiers are stretched to the view's aspect, as the element does (width / height rounded to 0.25).
    const layouts: [string, (view: View) => LayoutResult][] = [
      ['tiers', (v) => tiersLayout(d, { aspect: Math.round((v.width / v.height) * 4) / 4 })],
      ['radial', () => radialLayout(d)],
      ['force', () => forceLayout(d, { seed: 1, ticks: d.nodes.length > 500 ? 30 : undefined })],
    ];
    for (const [kind, run] of layouts)
      it(`${name}, ${kind}: no label over another label or any other node, none under the floor, priority kept`, () => {
        let shared: LayoutResult | undefined;
        for (const [vname, view] of views) {
          const m = input(d, kind === 'tiers' ? run(view) : (shared ??= run(view)));
          const r = measureDrawn(m, view);
          const { cands, discs, bounds } = labelCandidates(m, view);
          const kept = cands.filter((c) => r.kept.has(c.id)).map((c) => ({ ...c, ...r.at.get(c.id)! }));
          // Every drawn box (node labels, leaders' and chain names included), against every other box and every other
          // node's symbol (brute force here, the grid hash in placeLabels): none, whatever its priority.
          expect(r.labelOverlaps, vname).toBe(0);
          expect(boxOverlaps(kept), vname).toBe(0);
          expect(labelNodeOverlaps(kept, discs), vname).toBe(0);
          expect(r.labelNodeOverlaps, vname).toBe(0);
          if (view.width === 1280) expect(r.shown).toBeGreaterThan(0);
          expect(r.minLabelPx).toBeGreaterThanOrEqual(view.minScreenPx - 1e-9);
          // Dropped, not shrunk: every candidate has the same CSS size, which is floor ÷ screen scale.
          const node = cands.filter((c) => !c.id.startsWith('chain:'));
          for (const c of node) expect((c.height / 1.45) * (view.screenScale ?? 1)).toBeGreaterThanOrEqual(view.minScreenPx - 1e-9);
          const inView = (c: LabelCandidate) => c.x >= bounds.x0 && c.y >= bounds.y0 && c.x + c.width <= bounds.x1 && c.y + c.height <= bounds.y1;
          const spots = (c: LabelCandidate): LabelCandidate[] => [c, ...(c.alts ?? []).map((a) => ({ ...c, ...a })), ...(c.priority >= LABEL_PRIORITY.leader && !c.fixed ? farSpots(c) : [])];
          // Priority: a dropped label had no spot that fits alone (in the view and clear of other nodes), or each such
          // spot is taken by a kept label of at least its priority; a higher one never gives way to a lower one.
          for (const c of cands) {
            if (r.kept.has(c.id)) continue;
            for (const sp of spots(c)) {
              if (!inView(sp) || labelNodeOverlaps([sp], discs) > 0) continue;
              expect(kept.some((k) => k.priority >= c.priority && intersects(k, sp, 2)), `${vname}: ${c.id} dropped`).toBe(true);
            }
          }
          // Chain leaders: shown whenever one of their spots fits alone, unless a leader's name or a chain name is
          // already there.
          let leadersShown = 0;
          for (const ch of d.chains) {
            const c = cands.find((x) => x.id === ch.leader)!;
            if (r.kept.has(ch.leader)) {
              leadersShown++;
              continue;
            }
            for (const sp of spots(c).filter(inView)) if (labelNodeOverlaps([sp], discs) === 0) expect(kept.some((k) => k.priority >= LABEL_PRIORITY.leader && intersects(k, sp, 2)), `${vname}: leader ${ch.leader}`).toBe(true);
          }
          if (view.width === 1280 && d.chains.length <= 3) expect(leadersShown, `${vname}: leaders shown`).toBe(d.chains.length);
        }
      });
  }
});

describe('node symbols as label obstacles', () => {
  it('reach as far as the symbol drawn with the disc\'s area (star 1.67 r, diamond 1.62 r, circle r)', () => {
    for (const [type, shape] of Object.entries(SHAPES)) {
      const reach = symbolReach(shape);
      // Every vertex of the drawn path (area π: r = 1) lies within the reach, and one lies on it.
      const pts = [...symbol(shape, Math.PI)().matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((x) => Math.hypot(+x[1], +x[2]));
      expect(Math.max(...pts), type).toBeCloseTo(reach, 1);
      expect(nodeReach({ type, r: 10 })).toBeCloseTo(10 * reach, 6);
    }
    expect(symbolReach(SHAPES.leader)).toBeCloseTo(1.673, 2);
    expect(symbolReach(SHAPES.member)).toBe(1);
    expect(symbolReach(SHAPES.project)).toBeCloseTo(1.618, 2);
    expect(symbolReach(undefined)).toBe(1);
  });
});

describe('label obstacles', () => {
  it('drops a label that would cover another node, not one next to its own node', () => {
    const cands = [
      { id: 'a', x: 10, y: 10, width: 50, height: 16, priority: 1 },
      { id: 'b', x: 200, y: 10, width: 50, height: 16, priority: 1 },
    ];
    const discs = [
      { id: 'a', x: 20, y: 18, r: 6 }, // its own node: allowed
      { id: 'c', x: 220, y: 18, r: 6 }, // another node under b's label
    ];
    expect([...placeLabels(cands, undefined, 2, Infinity, discs)]).toEqual(['a']);
    expect([...placeLabels(cands, undefined, 2, Infinity)].sort()).toEqual(['a', 'b']);
  });

  it('a label that must be shown goes further out, else is dropped: never over a node or a label', () => {
    const ring = Array.from({ length: 12 }, (_, i) => ({ id: 'm' + i, x: 100 + Math.cos(i / 2) * 30, y: 100 + Math.sin(i / 2) * 30, r: 8 }));
    const leader = { id: 'lead', x: 60, y: 110, width: 80, height: 16, priority: LABEL_PRIORITY.leader + 3, alts: [{ x: 60, y: 74 }] };
    const member = { id: 'm0', x: 60, y: 110, width: 60, height: 16, priority: 5 };
    const discs = [{ id: 'lead', x: 100, y: 100, r: 10 }, ...ring];
    const at = new Map<string, { x: number; y: number }>();
    // Crowded: the leader's own spots cover ring nodes; it is placed further out, clear of every node.
    const kept = placeLabels([member, leader], { x0: 0, y0: 0, x1: 200, y1: 200 }, 2, Infinity, discs, { must: LABEL_PRIORITY.leader, at });
    expect(kept.has('lead')).toBe(true);
    const box = { ...leader, ...at.get('lead')! };
    expect(farSpots(leader)).toContainEqual(box);
    expect(labelNodeOverlaps([box], discs)).toBe(0);
    // Without `must` the same leader is dropped (it covers nodes everywhere it may go).
    expect(placeLabels([leader], { x0: 0, y0: 0, x1: 200, y1: 200 }, 2, Infinity, discs).has('lead')).toBe(false);
    // With no room further out either (bounds tight around the ring) it is dropped, not drawn over a node.
    expect(placeLabels([leader], { x0: 55, y0: 65, x1: 145, y1: 135 }, 2, Infinity, discs, { must: LABEL_PRIORITY.leader }).has('lead')).toBe(false);
    // A member never covers another node, must or not.
    expect(placeLabels([member], undefined, 2, Infinity, discs, { must: LABEL_PRIORITY.leader }).has('m0')).toBe(false);
    // Two must labels on the same spot with nowhere else inside the bounds: the higher one is kept, never both.
    const a = { id: 'a', x: 0, y: 0, width: 100, height: 20, priority: LABEL_PRIORITY.leader + 2 };
    const b = { id: 'b', x: 0, y: 0, width: 100, height: 20, priority: LABEL_PRIORITY.leader + 1 };
    expect([...placeLabels([b, a], { x0: 0, y0: 0, x1: 100, y1: 20 }, 2, Infinity, [], { must: LABEL_PRIORITY.leader })]).toEqual(['a']);
    // A chain name (fixed) over a node is dropped, not moved or drawn over it.
    const title = { id: 'chain:x', x: 80, y: 90, width: 60, height: 20, priority: LABEL_PRIORITY.emphasis * 2, fixed: true };
    expect(placeLabels([title], undefined, 2, Infinity, discs, { must: LABEL_PRIORITY.leader }).size).toBe(0);
  });

  it('tries the other spots of a blocked label in order and reports the chosen one', () => {
    const top = { id: 'top', x: 0, y: 30, width: 50, height: 16, priority: 9 };
    const c = { id: 'c', x: 0, y: 30, width: 50, height: 16, priority: 1, alts: [{ x: 0, y: 35 }, { x: 0, y: 0 }, { x: 0, y: 100 }] };
    const at = new Map<string, { x: number; y: number }>();
    expect([...placeLabels([c, top], undefined, 2, Infinity, undefined, { at })].sort()).toEqual(['c', 'top']);
    expect(at.get('c')).toEqual({ x: 0, y: 0 });
    expect(at.get('top')).toEqual({ x: 0, y: 30 });
  });

  it('sub-pixel dots of a zoomed-out graph do not block labels', () => {
    const cands = [{ id: 'a', x: 10, y: 10, width: 50, height: 16, priority: 1 }];
    expect(placeLabels(cands, undefined, 2, Infinity, [{ id: 'b', x: 30, y: 18, r: 0.4 }]).has('a')).toBe(true);
    expect(placeLabels(cands, undefined, 2, Infinity, [{ id: 'b', x: 30, y: 18, r: 2 }]).has('a')).toBe(false);
  });

  it('counts overlaps the way the bench does', () => {
    expect(boxOverlaps([{ x: 0, y: 0, width: 10, height: 10 }, { x: 5, y: 5, width: 10, height: 10 }, { x: 10, y: 4, width: 5, height: 5 }])).toBe(2);
    expect(labelNodeOverlaps([{ id: 'a', x: 0, y: 0, width: 10, height: 10 }], [{ id: 'b', x: 15, y: 5, r: 4 }, { id: 'c', x: 12, y: 5, r: 4 }])).toBe(1);
  });

  it('a must label with no free spot near its node gets a callout at the nearest free box; others are dropped', () => {
    // A leader at (200, 200) in a dense field of nodes (every 14 px, x 60..340, y 120..280): its own spots and the
    // far spots all cover nodes. Free room only outside the field, inside the bounds.
    const lead = { id: 'lead', x: 200, y: 200, r: 10 };
    const field = [];
    for (let x = 60; x <= 340; x += 14) for (let y = 120; y <= 280; y += 14) if (Math.hypot(x - 200, y - 200) > 16) field.push({ id: `n${x},${y}`, x, y, r: 5 });
    const discs = [lead, ...field];
    const w = 80, h = 16;
    const [first, ...alts] = labelSpots(200, 200, 10, w, h);
    const leader = { id: 'lead', ...first, alts, width: w, height: h, priority: LABEL_PRIORITY.leader + 1 };
    const bounds = { x0: 0, y0: 0, x1: 400, y1: 400 };
    // A lower label wanting the spot just above the field, where the callout goes (placed after the leader).
    const low = { id: 'low', x: 160, y: 96, width: w, height: h, priority: 7, alts: [{ x: 160, y: 76 }, { x: 160, y: 56 }] };
    const at = new Map<string, { x: number; y: number }>();
    const callouts = new Set<string>();
    const kept = placeLabels([low, leader], bounds, 2, Infinity, discs, { must: LABEL_PRIORITY.leader, at, callouts });
    expect(kept.has('lead')).toBe(true);
    expect([...callouts]).toEqual(['lead']);
    const box = { ...leader, ...at.get('lead')! };
    // Not one of its own spots nor a far spot: a callout box, inside the bounds, within reach, over no node.
    expect([first, ...alts, ...farSpots(leader)].some((p) => p.x === box.x && p.y === box.y)).toBe(false);
    expect(box.x >= 0 && box.y >= 0 && box.x + w <= 400 && box.y + h <= 400).toBe(true);
    expect(labelNodeOverlaps([box], discs)).toBe(0);
    const near = { x: Math.max(box.x, Math.min(200, box.x + w)), y: Math.max(box.y, Math.min(200, box.y + h)) };
    const dist = Math.hypot(near.x - 200, near.y - 200);
    expect(dist).toBeLessThanOrEqual(10 + CALLOUT_REACH * h);
    // The nearest free box: no spot the search tries before it is free.
    const spots = calloutSpots(leader, lead, bounds);
    const i = spots.findIndex((p) => p.x === box.x && p.y === box.y);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(spots.slice(0, i).every((p) => labelNodeOverlaps([{ ...p, id: 'lead' }], discs) > 0)).toBe(true);
    // The lower label came after and keeps clear of the callout (moved or dropped), and of every node.
    const boxes = [...kept].map((id) => ({ ...(id === 'lead' ? leader : low), ...at.get(id)! }));
    expect(boxOverlaps(boxes)).toBe(0);
    expect(labelNodeOverlaps(boxes, discs)).toBe(0);
    // Its line runs from the node's edge to the box.
    const line = calloutLine({ x: box.x - 200, y: box.y - 200, width: w, height: h, r: 10 })!;
    expect(Math.hypot(line.x1, line.y1)).toBeCloseTo(11, 5);
    expect(Math.hypot(line.x2, line.y2)).toBeCloseTo(dist - 2, 5);
    // Not a must label (a member, or no `must`): dropped, no callout.
    const member = { ...leader, id: 'm', priority: 9 };
    const none = new Set<string>();
    expect(placeLabels([member], bounds, 2, Infinity, [{ ...lead, id: 'm' }, ...field], { must: LABEL_PRIORITY.leader, callouts: none }).size).toBe(0);
    expect(placeLabels([leader], bounds, 2, Infinity, discs).size).toBe(0);
    expect(none.size).toBe(0);
    // No free box within reach (bounds around the field only): dropped, never drawn over a node.
    expect(placeLabels([leader], { x0: 56, y0: 116, x1: 344, y1: 284 }, 2, Infinity, discs, { must: LABEL_PRIORITY.leader }).size).toBe(0);
  });

  it('draws no callout line when the label sits next to its node', () => {
    expect(calloutLine({ x: -40, y: 12, width: 80, height: 16, r: 10 })).toBeUndefined();
    expect(calloutLine({ x: 30, y: -8, width: 80, height: 16, r: 10 })).toEqual({ x1: 11, y1: 0, x2: 28, y2: 0 });
  });
});
