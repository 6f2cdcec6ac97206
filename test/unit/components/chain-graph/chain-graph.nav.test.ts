import { describe, expect, it } from 'vitest';
import { adjacency, neighbourInDirection } from '../../../../src/components/chain-graph/chain-graph.model.js';

// A star around `c` with a far node `e2` east as well, and an unlinked node `x` straight north.
const pos = new Map([
  ['c', { x: 0, y: 0 }],
  ['e', { x: 10, y: 1 }],
  ['e2', { x: 50, y: 0 }],
  ['n', { x: 2, y: -10 }],
  ['w', { x: -10, y: 3 }],
  ['se', { x: 10, y: 10 }],
  ['x', { x: 0, y: -5 }],
]);
const links = ['e', 'e2', 'n', 'w', 'se'].map((t, index) => ({ source: 'c', target: t, kind: 'supply' as const, weight: 1, index }));
const adj = adjacency(links);

describe('neighbourInDirection', () => {
  it('takes the linked node closest to the arrow direction', () => {
    expect(neighbourInDirection('c', [0, -1], adj, pos)).toBe('n'); // x is nearer north but not linked
    expect(neighbourInDirection('c', [-1, 0], adj, pos)).toBe('w');
    expect(neighbourInDirection('c', [0, 1], adj, pos)).toBe('se');
  });

  it('breaks a tie in direction by the shorter distance', () => {
    const p = new Map(pos).set('e', { x: 10, y: 0 });
    expect(neighbourInDirection('c', [1, 0], adj, p)).toBe('e');
  });

  it('prefers the better angle over the shorter distance', () => {
    // e is 5.7° off east, e2 exactly east but farther away
    expect(neighbourInDirection('c', [1, 0], adj, pos)).toBe('e2');
  });

  it('ignores neighbours more than 80° off the arrow and nodes without a position', () => {
    expect(neighbourInDirection('e', [1, 0], adj, pos)).toBe(null); // its only neighbour, c, lies west
    expect(neighbourInDirection('e', [-1, 0], adj, pos)).toBe('c');
    expect(neighbourInDirection('nowhere', [1, 0], adj, pos)).toBe(null);
    expect(neighbourInDirection('c', [0, -1], adj, new Map([['c', { x: 0, y: 0 }]]))).toBe(null);
  });
});
