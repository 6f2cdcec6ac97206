// <civic-chain-graph> on the canvas pans by moving the bitmap of its last picture (links, nodes and rings drawn with a
// margin around the view; labels live on top), and draws the settled picture anew after the gesture. Links reaching
// past the bitmap are drawn only in their part on it (the canvas dashes a whole path, off the bitmap too: at 5,000
// nodes zoomed in, one slice of dashed links took 300 ms), keeping their dashes where they were (issue 15: pan/zoom
// worst frame under 50 ms). Checked here: during a pan the moved bitmap shows what a fresh picture at the pan's
// transform shows, and the settled picture after the pan equals a fresh draw at that transform.
import { expect, fixture, html } from '@open-wc/testing';
import { until, frames } from './fixtures/wait.js';
import '../../src/components/chain-graph/chain-graph.define.js';
import type { CivicChainGraph } from '../../src/components/chain-graph/chain-graph.js';
import { syntheticChains } from '../fixtures/chain-graph/synthetic.js';

interface Layer {
  canvas: HTMLCanvasElement;
  k: number;
  x: number;
  y: number;
  mx: number;
  my: number;
}
interface T {
  k: number;
  x: number;
  y: number;
  zoomTo(k: number, p: [number, number]): T;
}
interface Probe {
  view: { zt: T; gesturing: boolean; setTransform(t: T): void; userZoomed: boolean };
  drawCtl: { queued: number; painter?: { incomplete: boolean; layer?: Layer } };
  hitTest(x: number, y: number): string | null;
}
const probe = (el: CivicChainGraph) => el as unknown as Probe;
const stageOf = (el: CivicChainGraph) => el.shadowRoot!.querySelector('[part="stage"]') as HTMLElement;
const canvasOf = (el: CivicChainGraph) => el.shadowRoot!.querySelector('canvas[part="canvas"]') as HTMLCanvasElement;
const at = (x: number, y: number) => ({ bubbles: true, composed: true, cancelable: true, view: window, clientX: x, clientY: y, button: 0 });

/** The picture is complete: no gesture, no frame queued, no bitmap being drawn in slices. */
const complete = (el: CivicChainGraph) => {
  const p = probe(el);
  return !p.view.gesturing && !p.drawCtl.queued && !p.drawCtl.painter?.incomplete;
};

async function mount(data: unknown): Promise<CivicChainGraph> {
  const el = await fixture<CivicChainGraph>(html`<civic-chain-graph style="width:800px" layout="radial" renderer="canvas" .data=${data}></civic-chain-graph>`);
  await el.whenDrawn();
  return el;
}

async function showAt(el: CivicChainGraph, t: T): Promise<void> {
  probe(el).view.userZoomed = true;
  probe(el).view.setTransform(t);
  await until(() => probe(el).drawCtl.painter?.layer?.x === t.x && complete(el), 'picture at the transform complete');
}

/**
 * Pixels of a (w×h at offset ax, ay) and b (at bx, by) that differ by more than 48 in alpha or a premultiplied colour
 * channel, and the pixels inked in a.
 */
function diff(a: HTMLCanvasElement, ax: number, ay: number, b: HTMLCanvasElement, bx: number, by: number, w: number, h: number): { differ: number; inked: number } {
  const da = a.getContext('2d')!.getImageData(ax, ay, w, h).data;
  const db = b.getContext('2d')!.getImageData(bx, by, w, h).data;
  let differ = 0, inked = 0;
  for (let i = 0; i < da.length; i += 4) {
    if (da[i + 3] > 0) inked++;
    // Colours compared premultiplied (a nearly transparent pixel's colour is noise once unpremultiplied).
    let off = Math.abs(da[i + 3] - db[i + 3]) > 48;
    for (let c = 0; c < 3 && !off; c++) off = Math.abs(da[i + c] * da[i + 3] - db[i + c] * db[i + 3]) / 255 > 48;
    if (off) differ++;
  }
  return { differ, inked };
}

describe('<civic-chain-graph> canvas pan', () => {
  it('moves the last bitmap during a pan, and the picture after it equals a fresh draw at that transform', async () => {
    const data = syntheticChains(1000);
    const a = await mount(data);
    // Zoomed in about the middle, so that many links reach past the bitmap (and are cut to it).
    const stage = stageOf(a);
    const w = stage.clientWidth, h = stage.clientHeight;
    const t0 = probe(a).view.zt.zoomTo(probe(a).view.zt.k * 3, [w / 2, h / 2]);
    await showAt(a, t0);
    const before = probe(a).drawCtl.painter!.layer!;
    // A mouse drag from a point no node covers, by whole pixels, within the bitmap's margin.
    const r = stage.getBoundingClientRect();
    let sx = 0, sy = 0;
    for (let y = 10; y < h && !sx; y += 7)
      for (let x = 10; x < w; x += 7)
        if (!probe(a).hitTest(x, y)) {
          [sx, sy] = [x, y];
          break;
        }
    const x0 = Math.round(r.x + stage.clientLeft + sx), y0 = Math.round(r.y + stage.clientTop + sy);
    const dx = 37, dy = -23;
    stage.dispatchEvent(new MouseEvent('mousedown', at(x0, y0)));
    for (let i = 1; i <= 4; i++) {
      window.dispatchEvent(new MouseEvent('mousemove', at(x0 + (dx * i) / 4, y0 + (dy * i) / 4)));
      await frames(1);
    }
    await frames(1);
    const t1 = probe(a).view.zt;
    expect(t1.x - t0.x, 'panned by the drag (x)').to.be.closeTo(dx, 1e-6);
    expect(t1.y - t0.y, 'panned by the drag (y)').to.be.closeTo(dy, 1e-6);
    const moved = probe(a).drawCtl.painter!.layer!;
    expect(moved, 'the bitmap of the picture before the pan is moved, not drawn anew').to.equal(before);
    expect(moved.x).to.equal(t0.x);
    // During the pan its labels move as one stage-sized bitmap (drawn on the pan's first frame).
    expect((probe(a).drawCtl.painter as { labelLayer?: unknown }).labelLayer !== undefined, "the pan's label bitmap").to.equal(true);

    // A fresh element at the pan's transform: its bitmap shows the same as the moved one, where both reach.
    const b = await mount(data);
    await showAt(b, t1);
    const fresh = probe(b).drawCtl.painter!.layer!;
    const ox = Math.round(fresh.mx - moved.mx + dx), oy = Math.round(fresh.my - moved.my + dy);
    // moved pixel (u, v) shows what fresh pixel (u + ox, v + oy) shows.
    const cw = moved.canvas.width - Math.abs(ox), ch = moved.canvas.height - Math.abs(oy);
    const mid = diff(moved.canvas, Math.max(0, -ox), Math.max(0, -oy), fresh.canvas, Math.max(0, ox), Math.max(0, oy), cw, ch);
    expect(mid.inked, 'links and nodes drawn').to.be.greaterThan(20000);
    // Exactly: a dash moved by the cut (4 pixels here when the cut ignored the dash period) is a difference.
    expect(mid.differ, `moved bitmap vs fresh: ${mid.differ} of ${mid.inked} inked pixels differ`).to.equal(0);

    // The gesture ends: the settled picture (bitmap and labels) equals the fresh one.
    window.dispatchEvent(new MouseEvent('mouseup', at(x0 + dx, y0 + dy)));
    await until(() => probe(a).drawCtl.painter?.layer?.x === t1.x && complete(a), 'settled picture after the pan');
    const ca = canvasOf(a), cb = canvasOf(b);
    const end = diff(ca, 0, 0, cb, 0, 0, ca.width, ca.height);
    expect(end.inked).to.be.greaterThan(20000);
    expect(end.differ, `settled after the pan vs fresh: ${end.differ} of ${end.inked} inked pixels differ`).to.equal(0);
    // At rest the pan's label bitmap is let go (megabytes on a wall).
    // (a boolean: the bitmap's record holds the whole placement, too big for an assertion message)
    expect((probe(a).drawCtl.painter as { labelLayer?: unknown }).labelLayer === undefined, 'label bitmap let go after the pan').to.equal(true);
  });
});
