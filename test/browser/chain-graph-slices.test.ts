// <civic-chain-graph> draws a large canvas picture in slices, each in a task of its own, and then places its labels
// in slices too (issue 15: no main-thread task over 50 ms while a graph of thousands of nodes is laid out and
// painted): the element keeps asking for frames until the painter says the picture is complete, `civic-drawn` /
// whenDrawn() wait for that, and the sliced picture is the same as one drawn at once. The painter's slice budget is set to 0 here (one slice per frame), so the slicing does
// not depend on the machine's speed.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/chain-graph/chain-graph.define.js';
import type { CivicChainGraph } from '../../src/components/chain-graph/chain-graph.js';
import { syntheticChains } from '../fixtures/chain-graph/synthetic.js';

interface PainterProbe {
  incomplete: boolean;
  sliceMs: number;
  drawCanvas: (...args: unknown[]) => unknown;
  runJob: (...args: unknown[]) => boolean;
  computePlacement: (...args: unknown[]) => unknown;
  placed?: { kept: Set<string> };
}
const painterOf = (el: CivicChainGraph) => {
  const e = el as unknown as { painter?: PainterProbe; drawCtl?: { painter: PainterProbe } };
  return (e.drawCtl?.painter ?? e.painter)!;
};
/** The canvas painter, loaded on first use since issue 15's weight work (the element loads it the same way). */
const canvasPainterOf = async (el: CivicChainGraph): Promise<PainterProbe> => {
  const e = el as unknown as { drawCtl?: { canvasPainter?: () => Promise<PainterProbe> } };
  return e.drawCtl?.canvasPainter ? e.drawCtl.canvasPainter() : painterOf(el);
};
const canvasOf = (el: CivicChainGraph) => el.shadowRoot!.querySelector('canvas[part="canvas"]') as HTMLCanvasElement;

/** Pixels of the stage canvas that are not transparent. */
function inked(el: CivicChainGraph): number {
  const c = canvasOf(el);
  const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
  return n;
}

async function mount(sliceMs?: number): Promise<{ el: CivicChainGraph; frames: boolean[]; slices: number; drawnWhileIncomplete: boolean[]; wholePlacements: number }> {
  const el = await fixture<CivicChainGraph>(html`<civic-chain-graph style="width:800px" layout="radial" renderer="canvas"></civic-chain-graph>`);
  const painter = await canvasPainterOf(el);
  if (sliceMs !== undefined) painter.sliceMs = sliceMs;
  // Per drawCanvas call: was the picture still incomplete after it?
  const frames: boolean[] = [];
  const draw = painter.drawCanvas;
  painter.drawCanvas = function (this: PainterProbe, ...args: unknown[]) {
    const r = draw.apply(this, args);
    frames.push(this.incomplete);
    return r;
  };
  // Slices of the bitmap drawn (each in a task of its own).
  let slices = 0;
  const run = painter.runJob;
  painter.runJob = function (this: PainterProbe, ...args: unknown[]) {
    slices++;
    return run.apply(this, args);
  };
  // Label placements computed in one go (not in the bitmap job's slices).
  let wholePlacements = 0;
  const place = painter.computePlacement;
  painter.computePlacement = function (this: PainterProbe, ...args: unknown[]) {
    wholePlacements++;
    return place.apply(this, args);
  };
  const drawnWhileIncomplete: boolean[] = [];
  el.addEventListener('civic-drawn', () => drawnWhileIncomplete.push(painter.incomplete));
  el.data = syntheticChains(1000);
  await el.whenDrawn();
  return { el, frames, slices, drawnWhileIncomplete, wholePlacements };
}

describe('<civic-chain-graph> large pictures in slices', () => {
  it('draws a 1,000-node picture in slices, and civic-drawn waits for the complete one', async () => {
    const sliced = await mount(0);
    expect(sliced.slices, 'slices of the bitmap').to.be.greaterThan(3);
    expect(sliced.frames.filter((x) => x).length, 'frames before the picture was complete').to.be.greaterThan(0);
    expect(sliced.frames[sliced.frames.length - 1], 'the last frame drew the complete picture').to.equal(false);
    expect(painterOf(sliced.el).incomplete).to.equal(false);
    expect(sliced.drawnWhileIncomplete, 'civic-drawn only once the picture is complete').to.deep.equal([false]);
    // The labels too are placed in the job's slices (thousands of candidates), not in one go when the picture shows.
    expect(sliced.wholePlacements, 'label placements computed in one go').to.equal(0);
    expect(painterOf(sliced.el).placed?.kept.size ?? 0, 'labels placed').to.be.greaterThan(10);
    // The same picture as one drawn in a single frame (a budget no slice reaches).
    const whole = await mount(1e9);
    expect(whole.slices, 'drawn in one slice').to.be.at.most(1);
    const a = inked(sliced.el), b = inked(whole.el);
    expect(b, 'something drawn').to.be.greaterThan(5000);
    expect(Math.abs(a - b) / b, `inked pixels sliced ${a} vs whole ${b}`).to.be.lessThan(0.02);
  });
});
