import { describe, expect, it } from 'vitest';
import { parseChainData } from '../../../../src/components/chain-graph/chain-graph.model.js';
import { createForceLayout, SETTLED_TICKS } from '../../../../src/components/chain-graph/chain-graph.layout.js';
import { syntheticChains } from '../../../fixtures/chain-graph/synthetic.js';

const data = parseChainData(syntheticChains(100)).value!;

/** Largest move of each tick, ticking one at a time with the stop rule off. */
function movesPerTick(warmStart: boolean): number[] {
  const run = createForceLayout(data, { seed: 1, warmStart, settle: 0 });
  const out: number[] = [];
  for (let k = 0; k < run.total; k++) {
    const prev = run.nodes.map((n) => [n.x!, n.y!]);
    run.step(1);
    out.push(Math.max(...run.nodes.map((n, i) => Math.hypot(n.x! - prev[i][0], n.y! - prev[i][1]))));
  }
  return out;
}

describe('force stop rule (settle)', () => {
  it('stops a settled warm start early, at the first run of SETTLED_TICKS ticks under 0.5 px', () => {
    const run = createForceLayout(data, { seed: 1 });
    expect(run.step(run.total)).toBe(true);
    expect(run.remaining).toBe(0);
    expect(run.ticked).toBeLessThan(run.total * 0.7);
    const moves = movesPerTick(true);
    // The tick it stopped at ends the first streak of calm ticks; every tick before the streak moved a node ≥ 0.5 px.
    const streak = moves.slice(run.ticked - SETTLED_TICKS, run.ticked);
    expect(streak.every((m) => m < 0.5)).toBe(true);
    expect(moves[run.ticked - SETTLED_TICKS - 1]).toBeGreaterThanOrEqual(0.5);
  });

  it('runs on while the nodes still move (random start, or a higher bar than the moves reach)', () => {
    const cold = createForceLayout(data, { seed: 1, warmStart: false, settle: 0.5, ticks: 60 });
    cold.step(cold.total);
    // From random positions at alpha 1 the nodes still move > 0.5 px a tick after 60 ticks: all ticks run.
    expect(movesPerTick(false).slice(0, 60).some((m, i) => i > 40 && m >= 0.5)).toBe(true);
    expect(cold.ticked).toBe(60);
    const off = createForceLayout(data, { seed: 1, settle: 0 });
    off.step(off.total);
    expect(off.ticked).toBe(off.total);
  });

  it('stops at the same tick whether ticked in slices (the element) or at once (workers, tests)', () => {
    const once = createForceLayout(data, { seed: 1 });
    once.step(once.total);
    const sliced = createForceLayout(data, { seed: 1 });
    let calls = 0;
    while (!sliced.step(5)) calls++;
    expect(calls).toBeGreaterThan(1);
    expect(sliced.ticked).toBe(once.ticked);
    expect(sliced.result().positions).toEqual(once.result().positions);
  });
});
