// <civic-chain-graph>'s first picture pays only for what it shows (issue 15, cold settle and main-thread tasks; issue
// 16, weight): the task that renders new data does not force a style and layout of the new shadow tree (whether the
// element is displayed is looked at in the next frame), an element that is not displayed still completes its picture,
// and the canvas painter (chain-graph.painter-canvas.ts) is loaded only for a canvas picture.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/chain-graph/chain-graph.define.js';
import type { CivicChainGraph } from '../../src/components/chain-graph/chain-graph.js';
import demo from '../fixtures/chain-graph/chains.json';

const demoData = () => JSON.parse(JSON.stringify(demo));
type DrawProbe = { drawCtl: { painter: object } };

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

/** Counts reads of `offsetWidth` / `offsetHeight` on `el` (each forces style and layout when the tree is dirty). */
function countSizeReads(el: HTMLElement): { reads: number } {
  const box = { reads: 0 };
  const saved: [string, PropertyDescriptor][] = [];
  for (const name of ['offsetWidth', 'offsetHeight']) {
    const d = Object.getOwnPropertyDescriptor(HTMLElement.prototype, name)!;
    saved.push([name, d]);
    Object.defineProperty(HTMLElement.prototype, name, {
      configurable: true,
      get(this: HTMLElement) {
        if (this === el) box.reads++;
        return d.get!.call(this);
      },
    });
  }
  restore = () => saved.forEach(([name, d]) => Object.defineProperty(HTMLElement.prototype, name, d));
  return box;
}

describe('<civic-chain-graph> cold path', () => {
  it('does not read its own size in the task that renders new data', async () => {
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph style="width:800px" layout="tiers"></civic-chain-graph>`);
    const probe = countSizeReads(el);
    el.data = demoData();
    // The update and the picture check after it (whenDrawn's readiness) run in this task's microtasks.
    await el.updateComplete;
    await el.updateComplete;
    expect(probe.reads, 'offsetWidth/offsetHeight reads of the host right after the data render').to.equal(0);
    restore?.();
    restore = undefined;
    await el.whenDrawn();
    expect(el.visibleNodeIds.length).to.be.greaterThan(10);
  });

  it('completes the picture of an element that is not displayed', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="display:none"><civic-chain-graph layout="tiers"></civic-chain-graph></div>`);
    const el = box.querySelector('civic-chain-graph') as CivicChainGraph;
    let drawn = 0;
    el.addEventListener('civic-drawn', () => drawn++);
    el.data = demoData();
    await el.whenDrawn();
    expect(drawn, 'civic-drawn').to.equal(1);
  });

  it('loads the canvas painter only for a canvas picture', async () => {
    const svgEl = await fixture<CivicChainGraph>(html`<civic-chain-graph style="width:800px" layout="tiers" .data=${demoData()}></civic-chain-graph>`);
    await svgEl.whenDrawn();
    expect(svgEl.activeRenderer).to.equal('svg');
    expect('drawCanvas' in (svgEl as unknown as DrawProbe).drawCtl.painter, 'SVG graph: canvas painter in use').to.equal(false);
    const canvasEl = await fixture<CivicChainGraph>(html`<civic-chain-graph style="width:800px" layout="tiers" renderer="canvas" .data=${demoData()}></civic-chain-graph>`);
    await canvasEl.whenDrawn();
    expect('drawCanvas' in (canvasEl as unknown as DrawProbe).drawCtl.painter, 'canvas graph: canvas painter in use').to.equal(true);
    const canvas = canvasEl.shadowRoot!.querySelector('canvas[part="canvas"]') as HTMLCanvasElement;
    const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let inked = 0;
    for (let i = 3; i < px.length; i += 4) if (px[i] > 0) inked++;
    expect(inked, 'canvas pixels drawn when whenDrawn() resolved').to.be.greaterThan(500);
  });
});
