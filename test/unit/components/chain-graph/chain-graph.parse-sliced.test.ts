/**
 * The chain payload validated in time slices (issue 15: no main-thread task over 50 ms at 5,000 nodes) gives the same
 * outcome as the one-go parse, value and issues, and really spreads over several tasks.
 */
import { describe, expect, it, vi } from 'vitest';
import { parseChainData, parseChainSteps, parseFieldMap, PARSE_STEP } from '../../../../src/components/chain-graph/chain-graph.model.js';
import { parseSliced } from '../../../../src/components/chain-graph/chain-graph.props.js';
import { syntheticChains } from '../../../fixtures/chain-graph/synthetic.js';

/** A large payload with problems of every kind (duplicates, unknown nodes, self links, bad types, a supply cycle). */
function messy(n: number): Record<string, unknown> {
  const g = syntheticChains(n) as unknown as { nodes: Record<string, unknown>[]; links: Record<string, unknown>[] };
  g.nodes.push({ id: g.nodes[3].id, name: 'dup', type: 'member' }, { id: 'x1', type: 'nope', tier: 'sideways', attrs: 'no' }, 7 as never);
  g.links.push({ source: 'x1', target: 'missing', kind: 'supply' }, { source: 'x1', target: 'x1', kind: 'alliance' }, { source: g.nodes[5].id, target: g.nodes[6].id, kind: 'weird' });
  g.links.push({ source: g.nodes[10].id, target: g.nodes[11].id, kind: 'supply' }, { source: g.nodes[11].id, target: g.nodes[10].id, kind: 'supply' });
  return g as unknown as Record<string, unknown>;
}

describe('chain payload parsed in slices', () => {
  it('parseChainSteps run to the end equals parseChainData, and yields between chunks', () => {
    const raw = messy(3000);
    const steps = parseChainSteps(raw);
    let yields = 0;
    let r = steps.next();
    while (!r.done) {
      yields++;
      r = steps.next();
    }
    expect(yields).toBeGreaterThanOrEqual(Math.floor(3000 / PARSE_STEP));
    const once = parseChainData(raw);
    expect(r.value).toEqual(once);
    expect(once.issues.length).toBeGreaterThan(5);
  });

  it('parseSliced resolves to the same value and issues over several tasks', async () => {
    const raw = messy(4000);
    const once = parseChainData(raw);
    // A clock that runs 4 ms per read: every slice ends after a few steps, so the parse needs many tasks.
    let t = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (t += 4));
    let tasks = 0;
    const counter = setInterval(() => tasks++, 0); // counts tasks that ran in between (not a wait)
    try {
      const sliced = await parseSliced(raw, undefined);
      expect(sliced).toEqual(once);
    } finally {
      clearInterval(counter);
      now.mockRestore();
    }
    expect(tasks).toBeGreaterThan(0);
  });

  it('parseSliced applies the field map like parseChainData', async () => {
    const g = syntheticChains(1500) as unknown as { nodes: Record<string, unknown>[] };
    for (const n of g.nodes) {
      n.code = n.id;
      delete n.id;
    }
    const fields = parseFieldMap('id=code');
    const once = parseChainData(g, { fields });
    expect(once.value?.nodes).toHaveLength(1500);
    expect(await parseSliced(g, fields)).toEqual(once);
  });
});
