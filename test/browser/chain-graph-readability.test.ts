// Issue 15, readability in the painter: radial links along a ring bend towards the chain's centre, links between
// rings stay straight; labels keep clear of other nodes (a force layout of both demo chains in 640×440 px, where
// labels below their nodes would cover others); the selected node is always labelled (others give way).
import { expect, fixture, html } from '@open-wc/testing';
import { until, frames } from './fixtures/wait.js';
import '../../src/components/chain-graph/chain-graph.define.js';
import type { CivicChainGraph } from '../../src/components/chain-graph/chain-graph.js';
import demo from '../fixtures/chain-graph/chains.json';

async function settleGraph(el: CivicChainGraph): Promise<void> {
  await el.updateComplete;
  await frames(2);
  await until(() => !el.computing && (el as any).layoutCtl.anim === 0, 'layout computed and transition finished', 45_000);
  await frames(2);
  await el.updateComplete;
}

describe('chain graph readability (painter)', () => {
  it('radial: links along a ring are curves towards the leader, links between rings straight', async () => {
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph layout="radial" chain="auto" style="width:900px; --civic-chain-graph-height: 700px"></civic-chain-graph>`);
    el.data = JSON.parse(JSON.stringify(demo));
    await settleGraph(el);
    const links = [...el.shadowRoot!.querySelectorAll<SVGPathElement>('[part="plot"] .link')];
    expect(links.length).to.be.greaterThan(10);
    const curved = links.filter((l) => /Q/.test(l.getAttribute('d')!));
    const straight = links.filter((l) => /L/.test(l.getAttribute('d')!));
    expect(curved.length, 'curved links').to.be.greaterThan(0);
    expect(straight.length, 'straight links').to.be.greaterThan(0);
    // A curve's control point lies nearer the leader than the chord's midpoint.
    const c = el.positionOf('gwm')!;
    for (const l of curved) {
      const [, ax, ay, qx, qy, bx, by] = /^M([-\d.]+),([-\d.]+)Q([-\d.]+),([-\d.]+) ([-\d.]+),([-\d.]+)$/.exec(l.getAttribute('d')!)!.map(Number);
      const mid = Math.hypot((ax + bx) / 2 - c.x, (ay + by) / 2 - c.y);
      expect(Math.hypot(qx - c.x, qy - c.y)).to.be.lessThan(mid);
    }
    // Tiers are never drawn with radial curves.
    el.layout = 'tiers';
    await settleGraph(el);
    expect([...el.shadowRoot!.querySelectorAll('[part="plot"] .link')].some((l) => /Q/.test(l.getAttribute('d')!))).to.equal(false);
  });

  it('a crowded view: no label covers another node, and the selected node keeps its label', async () => {
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph layout="force" style="width:640px; --civic-chain-graph-height: 440px"></civic-chain-graph>`);
    el.data = JSON.parse(JSON.stringify(demo));
    await settleGraph(el);
    const root = el.shadowRoot!;
    const nodes = () => [...root.querySelectorAll<SVGGElement>('[part="plot"] .node')];
    await until(() => nodes().some((n) => n.querySelector('text')), 'labels drawn');
    // Label boxes against the other nodes' symbols (screen rects, 1 px tolerance); leaders may cover a node.
    const leaders = new Set((demo as any).chains.map((c: any) => c.leader));
    const shapes = nodes().map((n) => ({ id: n.getAttribute('data-id')!, r: n.querySelector('path')!.getBoundingClientRect() }));
    for (const n of nodes()) {
      const t = n.querySelector('text');
      if (!t || leaders.has(n.getAttribute('data-id'))) continue;
      const b = t.getBoundingClientRect();
      for (const s of shapes) {
        // Sub-pixel dots of a zoomed-out graph do not block labels (MIN_OBSTACLE_PX).
        if (s.id === n.getAttribute('data-id') || s.r.width < 3) continue;
        const cx = (s.r.left + s.r.right) / 2, cy = (s.r.top + s.r.bottom) / 2;
        const inside = cx > b.left + 1 && cx < b.right - 1 && cy > b.top + 1 && cy < b.bottom - 1;
        expect(inside, `${t.textContent} over ${s.id} (${s.r.width.toFixed(1)} px)`).to.equal(false);
      }
    }
    const dropped = nodes().find((n) => !n.querySelector('text'));
    expect(dropped, 'a node without a label in a crowded view').to.not.equal(undefined);
    const id = dropped!.getAttribute('data-id')!;
    el.selected = id;
    await el.updateComplete;
    await until(() => root.querySelector(`[part="plot"] .node[data-id="${id}"] text`), 'the selected node is labelled');
  });
});

describe('chain graph pan/zoom (canvas)', () => {
  it('during a pan the links and nodes come from the bitmap of the last picture (nothing stroked), drawn anew after', async () => {
    const { syntheticChains } = await import('../fixtures/chain-graph/synthetic.js');
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph renderer="canvas" layout="radial" style="width:800px; --civic-chain-graph-height: 500px"></civic-chain-graph>`);
    el.data = syntheticChains(600);
    await settleGraph(el);
    // The settled picture complete (a large bitmap is drawn in slices after the layout; those stroke too).
    await el.whenDrawn();
    const stage = el.shadowRoot!.querySelector('[part="stage"]') as HTMLElement;
    const visible = el.shadowRoot!.querySelector('canvas') as HTMLCanvasElement;
    const calls = { stroke: 0, image: 0 };
    const proto = CanvasRenderingContext2D.prototype;
    const stroke = proto.stroke, drawImage = proto.drawImage;
    proto.stroke = function (this: CanvasRenderingContext2D, ...a: any[]) {
      calls.stroke++; // on any canvas: the stage's or the bitmap's
      return (stroke as any).apply(this, a);
    };
    proto.drawImage = function (this: CanvasRenderingContext2D, ...a: any[]) {
      if (this.canvas === visible) calls.image++;
      return (drawImage as any).apply(this, a);
    };
    try {
      const r = stage.getBoundingClientRect();
      const at = (x: number, y: number) => ({ bubbles: true, composed: true, cancelable: true, view: window, clientX: x, clientY: y, button: 0 });
      stage.dispatchEvent(new MouseEvent('mousedown', at(r.x + 4, r.y + 4)));
      for (let i = 1; i <= 4; i++) {
        window.dispatchEvent(new MouseEvent('mousemove', at(r.x + 4 + 10 * i, r.y + 4 + 5 * i)));
        await frames(1);
      }
      await until(() => calls.image >= 2, 'gesture frames drawn from the bitmap');
      expect(calls.stroke, 'links stroked during the pan').to.equal(0);
      window.dispatchEvent(new MouseEvent('mouseup', at(r.x + 44, r.y + 24)));
      await until(() => calls.stroke > 0, 'the picture drawn anew after the gesture');
    } finally {
      proto.stroke = stroke;
      proto.drawImage = drawImage;
    }
  });
});
