// <civic-chain-graph>'s own zoom/drag controller (chain-graph.view.ts, issue 16: no d3-zoom/d3-drag): wheel zoom about
// the pointer, mouse drag pans, a node drag pins without selecting, keyboard + / - zoom and Shift+arrows pan, a
// two-finger pinch zooms about its midpoint, and the painter is told when a gesture starts and ends.
import { expect, fixture, html } from '@open-wc/testing';
import { until, nextTask } from './fixtures/wait.js';
import '../../src/components/chain-graph/chain-graph.define.js';
import type { CivicChainGraph } from '../../src/components/chain-graph/chain-graph.js';
import demo from '../fixtures/chain-graph/chains.json';

const demoData = () => JSON.parse(JSON.stringify(demo));
type T = { k: number; x: number; y: number; invert(p: [number, number]): [number, number]; applyX(x: number): number; applyY(y: number): number };
const zt = (el: CivicChainGraph): T => (el as unknown as { zt: T }).zt;
const stageOf = (el: CivicChainGraph) => el.shadowRoot!.querySelector('[part="stage"]') as HTMLElement;
const at = (x: number, y: number) => ({ bubbles: true, composed: true, cancelable: true, view: window, clientX: x, clientY: y, button: 0 });

async function mount(): Promise<CivicChainGraph> {
  const el = await fixture<CivicChainGraph>(html`<civic-chain-graph style="width:800px" .data=${demoData()}></civic-chain-graph>`);
  await el.whenDrawn();
  return el;
}

/** A stage-relative point of the stage that no node covers (for pans). */
function emptyPoint(el: CivicChainGraph): [number, number] {
  const r = stageOf(el).getBoundingClientRect();
  for (let y = 4; y < r.height; y += 8)
    for (let x = 4; x < r.width; x += 8) {
      const hit = el.shadowRoot!.elementFromPoint(r.x + x, r.y + y);
      if (hit && !hit.closest('.node')) return [r.x + x, r.y + y];
    }
  throw new Error('no empty point');
}

describe('<civic-chain-graph> zoom and drag controller', () => {
  it('zooms with the wheel about the pointer, and ends the gesture after the wheel stops', async () => {
    const el = await mount();
    const r = stageOf(el).getBoundingClientRect();
    // Whole client pixels (synthetic mouse events round them); stage points are inside its 1 px border.
    const cx = Math.round(r.x + r.width * 0.3), cy = Math.round(r.y + r.height * 0.6);
    const px = cx - r.x - stageOf(el).clientLeft, py = cy - r.y - stageOf(el).clientTop;
    const before = zt(el);
    const g0 = before.invert([px, py]);
    stageOf(el).dispatchEvent(new WheelEvent('wheel', { ...at(cx, cy), deltaY: -250, deltaMode: 0 }));
    const after = zt(el);
    expect(after.k / before.k, 'zoomed in by 2^(250/500)').to.be.closeTo(Math.SQRT2, 0.01);
    const g1 = after.invert([px, py]);
    expect(g1[0], 'graph point under the pointer kept (x)').to.be.closeTo(g0[0], 0.01);
    expect(g1[1], 'graph point under the pointer kept (y)').to.be.closeTo(g0[1], 0.01);
    expect((el as unknown as { view: { gesturing: boolean } }).view.gesturing, 'gesture running').to.equal(true);
    await until(() => !(el as unknown as { view: { gesturing: boolean } }).view.gesturing, 'wheel gesture ended');
    // A reset view fits again.
    el.resetView();
    expect(zt(el).k).to.be.closeTo(before.k, 1e-9);
  });

  it('pans with a mouse drag on an empty spot, without moving nodes or selecting', async () => {
    const el = await mount();
    const [x0, y0] = emptyPoint(el);
    const t0 = zt(el);
    const p0 = JSON.stringify(el.visibleNodeIds.map((id) => el.positionOf(id)));
    let selects = 0;
    el.addEventListener('civic-select', () => selects++);
    stageOf(el).dispatchEvent(new MouseEvent('mousedown', at(x0, y0)));
    window.dispatchEvent(new MouseEvent('mousemove', at(x0 + 20, y0 + 10)));
    window.dispatchEvent(new MouseEvent('mousemove', at(x0 + 50, y0 + 30)));
    window.dispatchEvent(new MouseEvent('mouseup', at(x0 + 50, y0 + 30)));
    const t1 = zt(el);
    expect(t1.k).to.equal(t0.k);
    expect(t1.x - t0.x).to.be.closeTo(50, 0.01);
    expect(t1.y - t0.y).to.be.closeTo(30, 0.01);
    expect(JSON.stringify(el.visibleNodeIds.map((id) => el.positionOf(id))), 'nodes stay').to.equal(p0);
    // Moving the mouse after the release pans no more.
    window.dispatchEvent(new MouseEvent('mousemove', at(x0 + 90, y0 + 60)));
    expect(zt(el).x).to.equal(t1.x);
    expect(selects).to.equal(0);
  });

  it('drags a node (pinned, no selection from the click that ends the drag); a later click selects', async () => {
    const el = await mount();
    const node = el.shadowRoot!.querySelector('.node[data-id="m-auto-5"] path') as SVGPathElement;
    const r = node.getBoundingClientRect();
    const x0 = r.x + r.width / 2, y0 = r.y + r.height / 2;
    const g0 = el.positionOf('m-auto-5')!;
    const t0 = zt(el);
    const ids: (string | null)[] = [];
    el.addEventListener('civic-select', (e) => ids.push((e as CustomEvent).detail.id));
    node.dispatchEvent(new MouseEvent('mousedown', at(x0, y0)));
    window.dispatchEvent(new MouseEvent('mousemove', at(x0 + 30, y0 + 20)));
    window.dispatchEvent(new MouseEvent('mouseup', at(x0 + 30, y0 + 20)));
    node.dispatchEvent(new MouseEvent('click', at(x0 + 30, y0 + 20)));
    const g1 = el.positionOf('m-auto-5')!;
    expect(g1.x - g0.x, 'moved by the drag in graph units').to.be.closeTo(30 / t0.k, 0.2);
    expect(g1.y - g0.y).to.be.closeTo(20 / t0.k, 0.2);
    expect(zt(el).x, 'no pan').to.equal(t0.x);
    expect(el.positions['m-auto-5']).to.exist;
    expect(ids, 'the click ending a drag selects nothing').to.deep.equal([]);
    await nextTask();
    await el.updateComplete;
    const r2 = (el.shadowRoot!.querySelector('.node[data-id="m-auto-5"] path') as SVGPathElement).getBoundingClientRect();
    el.shadowRoot!.querySelector('.node[data-id="m-auto-5"] path')!.dispatchEvent(new MouseEvent('click', at(r2.x + r2.width / 2, r2.y + r2.height / 2)));
    expect(ids).to.deep.equal(['m-auto-5']);
  });

  it('zooms with + and - and pans with Shift+arrows on the focused stage; plain arrows still walk the links', async () => {
    const el = await mount();
    const stage = stageOf(el);
    stage.focus();
    const key = (k: string, shiftKey = false) => stage.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, composed: true, cancelable: true }));
    const t0 = zt(el);
    const centre = t0.invert([stage.clientWidth / 2, stage.clientHeight / 2]);
    key('+');
    expect(zt(el).k / t0.k).to.be.closeTo(Math.SQRT2, 1e-9);
    const c1 = zt(el).invert([stage.clientWidth / 2, stage.clientHeight / 2]);
    expect(c1[0], 'zoomed about the centre').to.be.closeTo(centre[0], 0.01);
    key('-');
    expect(zt(el).k).to.be.closeTo(t0.k, 1e-9);
    const x1 = zt(el).x;
    key('ArrowRight', true);
    expect(zt(el).x, 'Shift+ArrowRight shows what is right: the picture moves left').to.be.closeTo(x1 - 48, 1e-9);
    key('ArrowDown', true);
    expect(zt(el).y).to.be.lessThan(t0.y);
    // Plain arrows are the link walk, not a zoom or a pan by the key step.
    const x2 = zt(el).x;
    key('ArrowRight');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.node[data-active]'), 'an arrow key picked a node').to.exist;
    expect(zt(el).k).to.be.closeTo(t0.k, 1e-9);
    expect(zt(el).x).to.not.be.closeTo(x2 - 48, 1e-6);
  });

  it('pinches with two touch pointers about their midpoint', async () => {
    const el = await mount();
    const stage = stageOf(el);
    const r = stage.getBoundingClientRect();
    const cx = Math.round(r.x + r.width / 2), cy = Math.round(r.y + r.height / 2);
    const sx = cx - r.x - stage.clientLeft, sy = cy - r.y - stage.clientTop;
    const t0 = zt(el);
    const g0 = t0.invert([sx, sy]);
    const touch = (type: string, id: number, x: number, y: number) => stage.dispatchEvent(new PointerEvent(type, { ...at(x, y), pointerId: id, pointerType: 'touch', isPrimary: id === 1 }));
    touch('pointerdown', 1, cx - 40, cy);
    touch('pointerdown', 2, cx + 40, cy);
    touch('pointermove', 1, cx - 80, cy);
    touch('pointermove', 2, cx + 80, cy);
    expect(zt(el).k / t0.k, 'fingers twice as far apart: twice the zoom').to.be.closeTo(2, 1e-6);
    const g1 = zt(el).invert([sx, sy]);
    expect(g1[0]).to.be.closeTo(g0[0], 0.01);
    expect(g1[1]).to.be.closeTo(g0[1], 0.01);
    touch('pointerup', 1, cx - 80, cy);
    touch('pointerup', 2, cx + 80, cy);
    expect((el as unknown as { view: { gesturing: boolean } }).view.gesturing, 'gesture over').to.equal(false);
  });

  it('fits a drawing wider than the usual zoom limit allows, and zooms out no further than that fitted view', async () => {
    // Two nodes pinned 60,000 units apart (a 5,000-node radial drawing is that wide): the fitted zoom is below 0.05.
    const positions = { gwm: { x: -30000, y: 0 }, 'm-auto-1': { x: 30000, y: 0 } };
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph layout="tiers" style="width:800px" .positions=${positions} .data=${demoData()}></civic-chain-graph>`);
    await el.whenDrawn();
    await until(() => el.positionOf('m-auto-1')?.x === 30000, 'pinned positions laid out');
    await el.whenDrawn();
    const r = stageOf(el).getBoundingClientRect();
    const t = zt(el);
    expect(t.k, 'zoomed out below the usual limit').to.be.lessThan(0.05);
    for (const id of ['gwm', 'm-auto-1']) {
      const p = el.positionOf(id)!;
      const sx = t.applyX(p.x), sy = t.applyY(p.y);
      expect(sx >= 0 && sx <= r.width && sy >= 0 && sy <= r.height, `${id} on screen at (${sx}, ${sy})`).to.equal(true);
    }
    // Zooming out from the fitted view stays at it; zooming in and out again comes back to it.
    const stage = stageOf(el);
    const key = (k: string) => stage.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true }));
    key('-');
    expect(zt(el).k).to.be.closeTo(t.k, 1e-9);
    key('+');
    expect(zt(el).k).to.be.greaterThan(t.k);
    key('-');
    key('-');
    expect(zt(el).k).to.be.closeTo(t.k, 1e-9);
  });
});
