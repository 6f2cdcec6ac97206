// <civic-chain-graph>'s first large canvas picture (issue 15, main-thread tasks): while the layout is computed the empty
// stage is cleared once, not on every progress frame, and a first bitmap drawn in slices is not copied to the stage
// before it is complete (each copy made the next slice copy the whole bitmap first); the complete picture then shows.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/chain-graph/chain-graph.define.js';
import type { CivicChainGraph } from '../../src/components/chain-graph/chain-graph.js';
import { syntheticChains } from '../fixtures/chain-graph/synthetic.js';

interface PainterProbe {
  incomplete: boolean;
  sliceMs: number;
  drawCanvas: (...args: unknown[]) => unknown;
}

let after: (() => void) | undefined;

describe('<civic-chain-graph> first large picture', () => {
  afterEach(() => after?.());

  it('clears the empty stage once and shows the first sliced bitmap only when complete', async () => {
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph style="width:800px" layout="radial" renderer="canvas"></civic-chain-graph>`);
    // The canvas painter is loaded on first use (issue 15, weight): the test takes it as the element will.
    const painter = await (el as unknown as { drawCtl: { canvasPainter(): Promise<PainterProbe> } }).drawCtl.canvasPainter();
    painter.sliceMs = 0; // one slice per task: many frames while the bitmap grows
    // The stage canvas is rendered with the data: its calls are caught on the prototype (other canvases pass).
    const log: string[] = [];
    const proto = CanvasRenderingContext2D.prototype;
    const { clearRect, drawImage } = proto;
    const onStage = (c: CanvasRenderingContext2D) => c.canvas.getAttribute('part') === 'canvas';
    proto.clearRect = function (this: CanvasRenderingContext2D, ...a: Parameters<CanvasRenderingContext2D['clearRect']>) {
      if (onStage(this)) log.push('clear');
      return clearRect.apply(this, a);
    };
    (proto as unknown as { drawImage: (...a: unknown[]) => void }).drawImage = function (this: CanvasRenderingContext2D, ...a: unknown[]) {
      if (onStage(this)) log.push(painter.incomplete ? 'image-incomplete' : 'image');
      return (drawImage as (...b: unknown[]) => void).apply(this, a);
    };
    after = () => Object.assign(proto, { clearRect, drawImage });
    let frames = 0;
    const draw = painter.drawCanvas;
    painter.drawCanvas = function (this: PainterProbe, ...args: unknown[]) {
      frames++;
      return draw.apply(this, args);
    };
    el.data = syntheticChains(1000);
    await el.whenDrawn();
    expect(frames, 'frames drawn').to.be.greaterThan(3);
    expect(log.filter((x) => x === 'image-incomplete'), 'stage copies of an incomplete first bitmap').to.have.length(0);
    const firstImage = log.indexOf('image');
    expect(firstImage, 'the complete picture was shown').to.be.greaterThan(-1);
    // Before the picture: the stage cleared at most twice (before the layout, and once more when the bitmap started).
    expect(log.slice(0, firstImage).filter((x) => x === 'clear').length, 'clears of the empty stage').to.be.at.most(2);
  });
});
