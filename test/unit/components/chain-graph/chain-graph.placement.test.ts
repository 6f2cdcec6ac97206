// Label placement on real layouts (issue 15): every layout, demo chains and generated graphs, a page and a wall view.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { adjacency, filterChainData, parseChainData } from '../../../../src/components/chain-graph/chain-graph.model.js';
import { defaultRadius, estimateTextWidth, forceLayout, radialLayout, tiersLayout, type LayoutResult } from '../../../../src/components/chain-graph/chain-graph.layout.js';
import { placeLabels } from '../../../../src/components/chain-graph/chain-graph.labels.js';
import { boxOverlaps, labelCandidates, labelNodeOverlaps, measureDrawn, type MeasureInput, type View } from '../../../../src/components/chain-graph/chain-graph.readability.js';
import type { ChainData } from '../../../../src/components/chain-graph/chain-graph.types.js';
import { syntheticChains } from '../../../fixtures/chain-graph/synthetic.js';

const demoAll: ChainData = parseChainData(JSON.parse(readFileSync(new URL('../../../../demo/data/chains.json', import.meta.url), 'utf8'))).value!;
const cases: [string, ChainData][] = [
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
  return { nodes, links: d.links, positions: r.positions, bounds: r.bounds, labelSide: r.labelSide, linkStyle: 'straight' };
}

const intersects = (a: { x: number; y: number; width: number; height: number }, b: typeof a, gap: number) =>
  a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;

describe('label placement on every layout', () => {
  for (const [name, d] of cases) {
    const layouts: [string, () => LayoutResult][] = [
      ['tiers', () => tiersLayout(d)],
      ['radial', () => radialLayout(d)],
      ['force', () => forceLayout(d, { seed: 1, ticks: d.nodes.length > 500 ? 30 : undefined })],
    ];
    for (const [kind, run] of layouts)
      it(`${name}, ${kind}: no overlaps, none over another node, none under the floor, priority kept`, () => {
        const m = input(d, run());
        for (const [, view] of views) {
          const r = measureDrawn(m, view);
          expect(r.labelOverlaps).toBe(0);
          expect(r.labelNodeOverlaps).toBe(0);
          if (view.width === 1280) expect(r.shown).toBeGreaterThan(0);
          expect(r.minLabelPx).toBeGreaterThanOrEqual(view.minScreenPx - 1e-9);
          // Dropped, not shrunk: every drawn label has the same CSS size, which is floor ÷ screen scale.
          const { cands, discs } = labelCandidates(m, view);
          const size = cands[0].height / 1.45;
          expect(size * (view.screenScale ?? 1)).toBeGreaterThanOrEqual(view.minScreenPx - 1e-9);
          // Priority: a dropped label that lies in the view and clear of other nodes is blocked by a kept label of
          // at least its priority.
          const kept = cands.filter((c) => r.kept.has(c.id));
          for (const c of cands) {
            if (r.kept.has(c.id)) continue;
            if (c.x < 0 || c.y < 0 || c.x + c.width > view.width || c.y + c.height > view.height) continue;
            if (labelNodeOverlaps([c], discs) > 0) continue;
            expect(kept.some((k) => k.priority >= c.priority && intersects(k, c, 2))).toBe(true);
          }
          // Chain leaders get their names whenever their label fits the view.
          for (const ch of d.chains) {
            const c = cands.find((x) => x.id === ch.leader)!;
            if (c.x >= 0 && c.y >= 0 && c.x + c.width <= view.width && c.y + c.height <= view.height && labelNodeOverlaps([c], discs) === 0) expect(r.kept.has(ch.leader)).toBe(true);
          }
        }
      });
  }
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

  it('sub-pixel dots of a zoomed-out graph do not block labels', () => {
    const cands = [{ id: 'a', x: 10, y: 10, width: 50, height: 16, priority: 1 }];
    expect(placeLabels(cands, undefined, 2, Infinity, [{ id: 'b', x: 30, y: 18, r: 0.4 }]).has('a')).toBe(true);
    expect(placeLabels(cands, undefined, 2, Infinity, [{ id: 'b', x: 30, y: 18, r: 2 }]).has('a')).toBe(false);
  });

  it('counts overlaps the way the bench does', () => {
    expect(boxOverlaps([{ x: 0, y: 0, width: 10, height: 10 }, { x: 5, y: 5, width: 10, height: 10 }, { x: 10, y: 4, width: 5, height: 5 }])).toBe(2);
    expect(labelNodeOverlaps([{ id: 'a', x: 0, y: 0, width: 10, height: 10 }], [{ id: 'b', x: 15, y: 5, r: 4 }, { id: 'c', x: 12, y: 5, r: 4 }])).toBe(1);
  });
});
