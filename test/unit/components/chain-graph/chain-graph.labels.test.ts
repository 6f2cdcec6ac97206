import { describe, expect, it } from 'vitest';
import { labelPriority, labelSizePx, labelSpots, placeLabels, placeLabelSteps, rightSpots, PLACE_STEP, type LabelCandidate } from '../../../../src/components/chain-graph/chain-graph.labels.js';

const box = (id: string, x: number, y: number, priority: number, width = 80, height = 16): LabelCandidate => ({ id, x, y, width, height, priority });
const intersect = (a: LabelCandidate, b: LabelCandidate) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('chain-graph labels: placeLabels', () => {
  it('keeps every label when none overlap', () => {
    const c = [box('a', 0, 0, 1), box('b', 0, 40, 1), box('c', 200, 0, 1)];
    expect([...placeLabels(c)].sort()).toEqual(['a', 'b', 'c']);
  });

  it('drops the lower-priority one of two overlapping labels, whatever the input order', () => {
    expect([...placeLabels([box('low', 0, 0, 1), box('high', 10, 4, 5)])]).toEqual(['high']);
    expect([...placeLabels([box('high', 10, 4, 5), box('low', 0, 0, 1)])]).toEqual(['high']);
  });

  it('ties keep the first in input order', () => {
    expect([...placeLabels([box('first', 0, 0, 1), box('second', 5, 0, 1)])]).toEqual(['first']);
  });

  it('never keeps two overlapping labels in a crowded field (200 random labels), and keeps the top one', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const c = Array.from({ length: 200 }, (_, i) => box('n' + i, rnd() * 400, rnd() * 300, Math.floor(rnd() * 50), 40 + rnd() * 80, 15));
    c.push(box('top', 200, 150, 1000));
    const kept = placeLabels(c, undefined, 0);
    const boxes = c.filter((x) => kept.has(x.id));
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(intersect(boxes[i], boxes[j]), `${boxes[i].id} × ${boxes[j].id}`).toBe(false);
    expect(kept.has('top')).toBe(true);
    expect(kept.size).toBeGreaterThan(5);
    expect(kept.size).toBeLessThan(200);
    // Greedy by priority: every dropped label overlaps a kept one of higher or equal priority.
    for (const d of c.filter((x) => !kept.has(x.id))) expect(boxes.some((k) => intersect(k, d) && k.priority >= d.priority), d.id).toBe(true);
  });

  it('drops labels that would be cut at the edge of the view', () => {
    const kept = placeLabels([box('in', 10, 10, 1), box('cut', 350, 10, 9), box('above', 10, -5, 9)], { x0: 0, y0: 0, x1: 400, y1: 300 });
    expect([...kept]).toEqual(['in']);
  });

  it('respects the gap and the cap', () => {
    expect(placeLabels([box('a', 0, 0, 2), box('b', 0, 17, 1)], undefined, 2).has('b')).toBe(false);
    expect(placeLabels([box('a', 0, 0, 2), box('b', 0, 17, 1)], undefined, 0).has('b')).toBe(true);
    expect(placeLabels([box('a', 0, 0, 3), box('b', 0, 40, 2), box('c', 0, 80, 1)], undefined, 2, 2).size).toBe(2);
  });
});

describe('chain-graph labels: spots around a node', () => {
  it('below first (tiers: right first), then other sides and corners, none over the node itself, all touching it', () => {
    const [sx, sy, r, w, h] = [100, 100, 10, 60, 17];
    for (const [spots, first] of [[labelSpots(sx, sy, r, w, h), { x: 70, y: 112 }], [rightSpots(sx, sy, r, w, h), { x: 114, y: 91.5 }]] as const) {
      expect(spots[0]).toEqual(first);
      expect(new Set(spots.map((p) => p.x + ',' + p.y)).size).toBe(spots.length);
      for (const p of spots) {
        // Clear of the disc, and near it: the box's nearest point lies within 5 px of the disc's edge.
        const nx = Math.max(p.x, Math.min(sx, p.x + w)), ny = Math.max(p.y, Math.min(sy, p.y + h));
        const d = Math.hypot(nx - sx, ny - sy);
        expect(d).toBeGreaterThanOrEqual(r);
        expect(d).toBeLessThanOrEqual(r + 5);
      }
    }
    expect(labelSpots(sx, sy, r, w, h)).toHaveLength(8);
  });
});

describe('chain-graph labels: priority and size', () => {
  it('orders emphasis > selected > leader > neighbourhood > degree > value', () => {
    const base = { type: 'member', degree: 3, value: 0 };
    const order = [
      labelPriority({ ...base, emphasis: true }),
      labelPriority({ ...base, selected: true }),
      labelPriority({ ...base, type: 'leader', degree: 0 }),
      labelPriority({ ...base, neighbour: true, degree: 0 }),
      labelPriority({ ...base, degree: 40, value: 1e12 }),
      labelPriority({ ...base, degree: 39, value: 1e15 }),
      labelPriority({ ...base, degree: 39, value: 5 }),
    ];
    for (let i = 1; i < order.length; i++) expect(order[i - 1], `rank ${i}`).toBeGreaterThan(order[i]);
  });

  it('raises the label size so that on screen it reaches the minimum, never lowers it', () => {
    expect(labelSizePx(15, 14, 1)).toBe(15);
    expect(labelSizePx(15, 14, 0.5)).toBe(28);
    expect(labelSizePx(12, 14, 2)).toBe(12);
    expect(labelSizePx(12, 14, 0)).toBe(14);
  });
});

describe('chain-graph labels: placeLabelSteps', () => {
  it('yields between steps of candidates and keeps the same labels as placeLabels', () => {
    // 1,000 crowded candidates with obstacles: most give way.
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const cands: LabelCandidate[] = Array.from({ length: 1000 }, (_, i) => ({ id: `n${i}`, x: rnd() * 800, y: rnd() * 600, width: 40 + rnd() * 60, height: 16, priority: Math.floor(rnd() * 50), alts: [{ x: rnd() * 800, y: rnd() * 600 }] }));
    const discs = cands.map((c) => ({ id: c.id, x: c.x + 5, y: c.y - 6, r: 5 }));
    const bounds = { x0: 0, y0: 0, x1: 800, y1: 600 };
    const atA = new Map<string, { x: number; y: number }>(), atB = new Map<string, { x: number; y: number }>();
    const whole = placeLabels(cands, bounds, 2, 300, discs, { must: 45, at: atA });
    const steps = placeLabelSteps(cands, bounds, 2, 300, discs, { must: 45, at: atB });
    let yields = 0;
    let r = steps.next();
    while (!r.done) {
      yields++;
      r = steps.next();
    }
    expect(yields).toBeGreaterThanOrEqual(Math.floor(1000 / PLACE_STEP) - 1);
    expect([...r.value]).toEqual([...whole]);
    expect([...atB]).toEqual([...atA]);
    expect(whole.size).toBeGreaterThan(20);
  });
});
