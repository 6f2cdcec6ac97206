// Issue 15, callouts: a chain leader whose name finds no free spot next to its node (pinned in a dense field of
// members) is named in the nearest free box, joined to its node by a thin line (part "callout"), on the SVG and the
// canvas picture; the box covers no other label or node.
import { expect, fixture, html } from '@open-wc/testing';
import { until, frames } from './fixtures/wait.js';
import '../../src/components/chain-graph/chain-graph.define.js';
import type { CivicChainGraph } from '../../src/components/chain-graph/chain-graph.js';

/**
 * A leader in the middle of a dense field of pinned members (15×15, 20 units apart) and one member pinned far away:
 * zoomed to fit, no spot next to the leader, nor three box heights out, is free; the empty corner is.
 */
function crowded(): { data: unknown; positions: Record<string, { x: number; y: number }> } {
  const nodes: unknown[] = [{ id: 'L', name: 'Leader firm', type: 'leader', chain: 'c', tier: 'core' }];
  const links: unknown[] = [];
  const positions: Record<string, { x: number; y: number }> = { L: { x: 0, y: 0 }, far: { x: 640, y: 420 } };
  for (let i = -7; i <= 7; i++)
    for (let j = -7; j <= 7; j++) {
      if (!i && !j) continue;
      const id = `m${i}_${j}`;
      nodes.push({ id, name: id, type: 'member', chain: 'c', tier: 'upstream' });
      links.push({ source: id, target: 'L', kind: 'supply' });
      positions[id] = { x: i * 20, y: j * 20 };
    }
  nodes.push({ id: 'far', name: 'far', type: 'member', chain: 'c', tier: 'downstream' });
  return { data: { chains: [{ id: 'c', name: 'Chain', leader: 'L' }], nodes, links }, positions };
}

async function crowdedGraph(renderer: string): Promise<CivicChainGraph> {
  const el = await fixture<CivicChainGraph>(html`<civic-chain-graph layout="force" renderer=${renderer} style="width:520px; --civic-chain-graph-height: 420px"></civic-chain-graph>`);
  const { data, positions } = crowded();
  el.positions = positions;
  el.data = data as any;
  await el.updateComplete;
  await frames(2);
  await until(() => !el.computing && (el as any).layoutCtl.anim === 0, 'layout computed and transition finished', 45_000);
  await el.whenDrawn();
  await frames(2);
  return el;
}

const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
const distTo = (r: DOMRect, x: number, y: number) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));

describe('chain graph callouts', () => {
  it('SVG: the leader is named away from its node, with a line from the node to its name; the name covers nothing', async () => {
    const el = await crowdedGraph('svg');
    const root = el.shadowRoot!;
    const leader = root.querySelector<SVGGElement>('[part="plot"] .node[data-id="L"]')!;
    const text = leader.querySelector('text');
    expect(text, 'leader labelled').to.not.equal(null);
    const line = leader.querySelector<SVGLineElement>('line[part~="callout"]');
    expect(line, 'callout line').to.not.equal(null);
    const m = line!.getScreenCTM()!;
    const end = (x: number, y: number) => new DOMPoint(x, y).matrixTransform(m);
    const a = end(line!.x1.baseVal.value, line!.y1.baseVal.value), b = end(line!.x2.baseVal.value, line!.y2.baseVal.value);
    const sym = leader.querySelector('path')!.getBoundingClientRect(), name = text!.getBoundingClientRect();
    // From the node's edge (its symbol's reach from the centre, plus a pixel) to its name (within a few screen px).
    const c = leader.getScreenCTM()!;
    const reach = Math.max(sym.width, sym.height) / 2;
    expect(Math.hypot(a.x - c.e, a.y - c.f), 'line starts at the node').to.be.within(reach * 0.5, reach + 2);
    expect(distTo(name, b.x, b.y), 'line ends at the name').to.be.lessThan(4);
    expect(Math.hypot(b.x - a.x, b.y - a.y), 'a visible line').to.be.greaterThan(1);
    expect(getComputedStyle(line!).stroke).to.not.equal('none');
    // The name covers no other text and no other node's symbol.
    for (const t of root.querySelectorAll<SVGTextElement>('[part="plot"] text')) if (t !== text) expect(overlap(name, t.getBoundingClientRect()), t.textContent!).to.equal(false);
    for (const p of root.querySelectorAll<SVGPathElement>('[part="plot"] .node:not([data-id="L"]) > path')) expect(overlap(name, p.getBoundingClientRect()), p.parentElement!.dataset.id).to.equal(false);
  });

  it('canvas: the same placement keeps the leader as a callout', async () => {
    const el = await crowdedGraph('canvas');
    const placed = (el as any).drawCtl.painter.placed;
    expect(el.shadowRoot!.querySelector('canvas[part~="canvas"]')).to.not.equal(null);
    expect(placed.kept.has('L')).to.equal(true);
    expect(placed.callouts.has('L')).to.equal(true);
  });
});
