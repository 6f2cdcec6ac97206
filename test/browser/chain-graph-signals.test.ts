// <civic-chain-graph> signals (issue 15): civic-drawn / whenDrawn() after the settled picture, tourTargets() toured by
// <civic-screen>, `selected` from outside → one civic-select with trigger 'api', and the label floor kept during pan
// and zoom gestures under a small screen scale (the painter's gesture path).
import { expect, fixture, html } from '@open-wc/testing';
import { until, frames, settled } from './fixtures/wait.js';
import '../../src/components/chain-graph/chain-graph.define.js';
import '../../src/components/screen/screen.define.js';
import type { CivicChainGraph } from '../../src/components/chain-graph/chain-graph.js';
import type { CivicScreen } from '../../src/components/screen/screen.js';
import type { CivicSelectEvent } from '../../src/core/events/select-event.js';
import demo from '../fixtures/chain-graph/chains.json';

const demoData = () => JSON.parse(JSON.stringify(demo));

/** Non-transparent pixels of the graph's canvas. */
function painted(el: CivicChainGraph): number {
  const canvas = el.shadowRoot!.querySelector('canvas[part="canvas"]') as HTMLCanvasElement | null;
  if (!canvas || canvas.width === 0) return 0;
  const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  let n = 0;
  for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++;
  return n;
}

const positions = (el: CivicChainGraph) => JSON.stringify(el.visibleNodeIds.map((id) => el.positionOf(id)));

describe('<civic-chain-graph> signals', () => {
  it('fires civic-drawn once the settled picture is painted (force layout from the worker), once per change, not for pan', async () => {
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph layout="force" renderer="canvas" style="width:700px"></civic-chain-graph>`);
    const seen: { computing: boolean; painted: number; positions: string }[] = [];
    el.addEventListener('civic-drawn', () => seen.push({ computing: el.computing, painted: painted(el), positions: positions(el) }));
    el.data = demoData();
    await until(() => seen.length > 0, 'civic-drawn after data', 45_000);
    expect(seen[0].computing, 'layout finished').to.equal(false);
    expect(seen[0].painted, 'canvas painted').to.be.greaterThan(500);
    // Settled: nothing moves afterwards.
    await frames(6);
    expect(positions(el)).to.equal(seen[0].positions);
    expect(seen.length, 'one event for the data').to.equal(1);
    // A new layout: one more event, after the glide has ended (positions at the event are the final ones).
    el.layout = 'radial';
    await until(() => seen.length > 1, 'civic-drawn after the layout change', 45_000);
    await frames(6);
    expect(positions(el)).to.equal(seen[1].positions);
    expect(seen.length).to.equal(2);
    // Pan and hover repaint, but are no new picture.
    el.resetView();
    el.highlight(el.visibleNodeIds[0]);
    await frames(6);
    await el.updateComplete;
    expect(seen.length).to.equal(2);
  });

  it('whenDrawn() resolves after the settled picture, and at once when it is already on screen', async () => {
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph layout="force" renderer="canvas" style="width:700px"></civic-chain-graph>`);
    el.data = demoData();
    await el.whenDrawn();
    expect(el.computing).to.equal(false);
    expect(painted(el)).to.be.greaterThan(500);
    const at = positions(el);
    await frames(6);
    expect(positions(el), 'no glide after whenDrawn').to.equal(at);
    let resolved = false;
    void el.whenDrawn().then(() => (resolved = true));
    await Promise.resolve();
    await Promise.resolve();
    expect(resolved, 'already drawn: resolves in a microtask').to.equal(true);
  });

  it('is toured by <civic-screen> through tourTargets()', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="width:960px;height:540px;position:relative"></div>`);
    box.innerHTML = `<civic-screen heading="tour" idle-cursor="0" tour="0" style="--civic-screen-columns: 1fr; --civic-screen-rows: 1fr"><civic-chain-graph lang="zh-CN" style="--civic-chain-graph-height: 400px"></civic-chain-graph></civic-screen>`;
    const screen = box.querySelector('civic-screen') as CivicScreen;
    const el = box.querySelector('civic-chain-graph') as CivicChainGraph;
    el.data = demoData();
    await el.whenDrawn();
    await settled(box);
    const targets = el.tourTargets();
    expect(targets.length).to.be.greaterThan(1);
    expect(targets[0]).to.equal(el.tourIds[0]); // a chain leader first
    const calls: (string | null)[] = [];
    const orig = el.highlight.bind(el);
    el.highlight = (id: string | null) => {
      calls.push(id);
      orig(id);
    };
    screen.tourStep();
    screen.tourStep();
    expect(calls.filter((c) => c !== null), 'the screen walks the graph’s targets').to.deep.equal(targets.slice(0, 2));
    await el.updateComplete;
    const name = demoData().nodes.find((n: { id: string }) => n.id === targets[1]).name;
    expect(el.shadowRoot!.querySelector('[part="tooltip"]')?.textContent, 'the toured node shows its tooltip').to.contain(name);
  });

  it('fires one civic-select with trigger "api" when selected is set from outside, none extra for its own choices', async () => {
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph renderer="svg" style="width:800px"></civic-chain-graph>`);
    el.data = demoData();
    await el.whenDrawn();
    const events: CivicSelectEvent[] = [];
    el.addEventListener('civic-select', (e) => events.push(e as CivicSelectEvent));
    el.selected = 'gwm';
    await el.updateComplete;
    expect(events.length).to.equal(1);
    expect(events[0].detail).to.include({ id: 'gwm', trigger: 'api' });
    expect((events[0].detail.item as { name: string }).name).to.equal('长城汽车重庆分公司联合党支部');
    el.setAttribute('selected', 'gwm'); // same value: no change, no event
    await el.updateComplete;
    expect(events.length).to.equal(1);
    el.removeAttribute('selected'); // cleared from outside
    await el.updateComplete;
    expect(events.length).to.equal(2);
    expect(events[1].detail).to.include({ id: null, trigger: 'api' });
    // A click selects with trigger pointer only (the element's own change of `selected` is not reported again).
    const node = el.shadowRoot!.querySelector('[part="plot"] .node[data-id="gwm"]') as SVGGElement;
    node.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: node.getBoundingClientRect().x + 2, clientY: node.getBoundingClientRect().y + 2 }));
    await el.updateComplete;
    await el.updateComplete;
    expect(events.map((e) => e.detail.trigger)).to.deep.equal(['api', 'api', 'pointer']);
    expect(el.selected).to.equal('gwm');
  });

  it('keeps labels at ≥ 14 screen px under a 1/3 screen scale while a zoom-out and a pan gesture run (canvas)', async () => {
    const calls: number[] = [];
    const orig = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, ...args: Parameters<typeof orig>) {
      const m = this.getTransform();
      const px = Number((/(\d+(?:\.\d+)?)px/.exec(this.font) ?? [])[1] ?? 10);
      const canvas = this.canvas as HTMLCanvasElement;
      if (canvas.isConnected) calls.push(px * Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) * (canvas.getBoundingClientRect().width / canvas.width));
      return orig.apply(this, args);
    };
    try {
      const box = await fixture<HTMLDivElement>(html`<div style="width:640px;height:360px;position:relative"></div>`);
      box.innerHTML = `<civic-screen heading="floor" idle-cursor="0" tour="0" style="--civic-screen-columns: 1fr; --civic-screen-rows: 1fr"><civic-chain-graph renderer="canvas" style="--civic-chain-graph-height: 700px"></civic-chain-graph></civic-screen>`;
      const el = box.querySelector('civic-chain-graph') as CivicChainGraph;
      el.data = demoData();
      await el.whenDrawn();
      await settled(box);
      await until(() => calls.length > 0, 'labels drawn');
      const stage = el.shadowRoot!.querySelector('[part="stage"]') as HTMLElement;
      const r = stage.getBoundingClientRect();
      const at = (x: number, y: number) => ({ bubbles: true, composed: true, cancelable: true, view: window, clientX: x, clientY: y, button: 0 });
      calls.length = 0;
      // Zoom out over the middle, one wheel step per frame …
      for (let i = 0; i < 8; i++) {
        stage.dispatchEvent(new WheelEvent('wheel', { ...at(r.x + r.width / 2, r.y + r.height / 2), deltaY: 120, deltaMode: 0 }));
        await frames(1);
      }
      // … then pan from the corner.
      stage.dispatchEvent(new MouseEvent('mousedown', at(r.x + 3, r.y + 3)));
      for (let i = 1; i <= 8; i++) {
        window.dispatchEvent(new MouseEvent('mousemove', at(r.x + 3 + 5 * i, r.y + 3 + 3 * i)));
        await frames(1);
      }
      window.dispatchEvent(new MouseEvent('mouseup', at(r.x + 43, r.y + 27)));
      await frames(2);
      expect((el as any).zt.k, 'zoomed out').to.be.lessThan(0.5);
      expect(calls.length, 'labels drawn during the gestures').to.be.greaterThan(0);
      expect(Math.min(...calls)).to.be.at.least(14 - 0.05);
    } finally {
      CanvasRenderingContext2D.prototype.fillText = orig;
    }
  });
});
