// Issue 15, readability in the painter: radial links along a ring bend towards the chain's centre, links between
// rings stay straight; no drawn text covers another node's symbol or another text, leaders and chain names included
// (every layout of both demo chains, in a page and a wall tile); the selected node is labelled (others give way).
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

  /**
   * What is drawn, checked in the page: every drawn text (node labels, leaders' and chain names included) against
   * every other node's symbol, sampled every 2 px inside the text's box with isPointInFill (the symbol's real shape:
   * a star's points, a diamond's tips), and against every other text's box. Returns the problems found.
   */
  function drawnOverlaps(el: CivicChainGraph): string[] {
    const root = el.shadowRoot!;
    const out: string[] = [];
    const symbols = [...root.querySelectorAll<SVGGElement>('[part="plot"] .node')].map((n) => ({ id: n.getAttribute('data-id')!, path: n.querySelector<SVGPathElement>(':scope > path')!, r: n.querySelector(':scope > path')!.getBoundingClientRect() }));
    const texts = [...root.querySelectorAll<SVGTextElement>('[part="plot"] text')].map((t) => ({ t, id: t.closest('.node')?.getAttribute('data-id') ?? 'chain', b: t.getBoundingClientRect() }));
    const svg = root.querySelector<SVGSVGElement>('[part="plot"]')!;
    for (const { t, id, b } of texts) {
      for (const s of symbols) {
        // Sub-pixel dots of a zoomed-out graph do not block labels (MIN_OBSTACLE_PX).
        if (s.id === id || s.r.width < 2 || s.r.right <= b.left || s.r.left >= b.right || s.r.bottom <= b.top || s.r.top >= b.bottom) continue;
        const m = s.path.getScreenCTM()!.inverse();
        let hit = false;
        for (let x = b.left + 0.5; x < b.right && !hit; x += 2)
          for (let y = b.top + 0.5; y < b.bottom && !hit; y += 2) {
            const p = svg.createSVGPoint();
            p.x = x;
            p.y = y;
            hit = s.path.isPointInFill(p.matrixTransform(m));
          }
        if (hit) out.push(`${t.textContent} over ${s.id}`);
      }
      for (const o of texts)
        if (o.t !== t && o.b.left < b.right && b.left < o.b.right && o.b.top < b.bottom && b.top < o.b.bottom) out.push(`${t.textContent} over ${o.t.textContent}`);
    }
    return out;
  }

  for (const [layout, width, height] of [['force', 640, 440], ['force', 460, 400], ['tiers', 460, 400], ['tiers', 1280, 800], ['radial', 460, 400]] as const)
    it(`${layout} in ${width}×${height}: no drawn text covers another node's symbol or another text, leaders and chain names included`, async () => {
      const el = await fixture<CivicChainGraph>(html`<civic-chain-graph layout=${layout} style=${`width:${width}px; --civic-chain-graph-height: ${height}px`}></civic-chain-graph>`);
      el.data = JSON.parse(JSON.stringify(demo));
      await settleGraph(el);
      await until(() => el.shadowRoot!.querySelector('[part="plot"] .node text'), 'labels drawn');
      expect(drawnOverlaps(el)).to.deep.equal([]);
    });

  it('a dropped name stays reachable: the note counts it, hover and the tour show it in the tooltip, the table has it', async () => {
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph layout="force" style="width:460px; --civic-chain-graph-height: 400px"></civic-chain-graph>`);
    el.data = JSON.parse(JSON.stringify(demo));
    await settleGraph(el);
    const root = el.shadowRoot!;
    await until(() => root.querySelector('[part="plot"] .node text'), 'labels drawn');
    const nodes = [...root.querySelectorAll<SVGGElement>('[part="plot"] .node')];
    const dropped = nodes.filter((n) => !n.querySelector('text')).map((n) => n.getAttribute('data-id')!);
    expect(dropped.length, 'names dropped in a 460×400 tile').to.be.greaterThan(5);
    expect(root.querySelector('[part="label-note"]')!.textContent).to.contain(String(dropped.length));
    const name = (id: string) => (demo as any).nodes.find((n: any) => n.id === id).name as string;
    // The tour (and <civic-screen>'s, through highlight()) shows the name in the tooltip.
    const toured = dropped.find((id) => (demo as any).nodes.find((n: any) => n.id === id).type !== 'leader')!;
    el.highlight(toured);
    await until(() => root.querySelector('[part="tooltip"]')?.textContent?.includes(name(toured)), 'tooltip of the toured node');
    el.highlight(null);
    await until(() => !root.querySelector('[part="tooltip"]'), 'tooltip gone');
    // Hover.
    const other = dropped.find((id) => id !== toured)!;
    const path = root.querySelector(`[part="plot"] .node[data-id="${other}"] path`)!;
    const r = path.getBoundingClientRect();
    path.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true, clientX: r.x + r.width / 2, clientY: r.y + r.height / 2 }));
    await until(() => root.querySelector('[part="tooltip"]')?.textContent?.includes(name(other)), 'tooltip of the hovered node');
    // The table twin lists every node, drawn names or not.
    for (const id of dropped) expect(root.querySelector(`tr[data-id="${id}"] th`)!.textContent).to.contain(name(id));
  });

  it('a crowded view: labels give way, and the selected node keeps its label', async () => {
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph layout="force" style="width:640px; --civic-chain-graph-height: 440px"></civic-chain-graph>`);
    el.data = JSON.parse(JSON.stringify(demo));
    await settleGraph(el);
    const root = el.shadowRoot!;
    const nodes = () => [...root.querySelectorAll<SVGGElement>('[part="plot"] .node')];
    await until(() => nodes().some((n) => n.querySelector('text')), 'labels drawn');
    const dropped = nodes().find((n) => !n.querySelector('text'));
    expect(dropped, 'a node without a label in a crowded view').to.not.equal(undefined);
    const id = dropped!.getAttribute('data-id')!;
    el.selected = id;
    await el.updateComplete;
    await until(() => root.querySelector(`[part="plot"] .node[data-id="${id}"] text`), 'the selected node is labelled');
    expect(drawnOverlaps(el)).to.deep.equal([]);
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
