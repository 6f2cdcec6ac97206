// Tooltips of the grid map and the chain graph on stages that clip (overflow: hidden), as on the demo wall: pointer,
// keyboard and tour tooltips stay inside their stage, show whole (nothing inside them overflows, even on a stage shorter
// than them: wider, then columns) and keep the wall's scale (they are on the stage, not in the top layer). The placement
// maths is unit-tested (test/unit/core/render/tooltip-place.test.ts); A2's wall repro is tooltip-inside.test.ts.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { settled } from './fixtures/wait.js';
import '../../src/components/grid-map/grid-map.define.js';
import '../../src/components/chain-graph/chain-graph.define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';
import type { CivicChainGraph } from '../../src/components/chain-graph/chain-graph.js';

const tipOf = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part~="tooltip"]');

/** The tooltip is inside its stage (client px), shows all it holds, and is not in the top layer. */
function whole(el: Element, what: string): DOMRect {
  const tip = tipOf(el)!;
  const stage = el.shadowRoot!.querySelector('[part~="stage"]')!;
  expect(tip.offsetParent, `${what}: on the stage`).to.equal(stage);
  const t = tip.getBoundingClientRect();
  const s = stage.getBoundingClientRect();
  const past = Math.max(s.left - t.left, t.right - s.right, s.top - t.top, t.bottom - s.bottom);
  expect(past, `${what}: tooltip ${JSON.stringify([t.left, t.top, t.right, t.bottom].map(Math.round))} in stage ${JSON.stringify([s.left, s.top, s.right, s.bottom].map(Math.round))}`).to.be.at.most(1);
  expect(tip.scrollHeight, `${what}: nothing overflows the tooltip's height`).to.be.at.most(tip.clientHeight + 1);
  expect(tip.scrollWidth, `${what}: nothing overflows the tooltip's width`).to.be.at.most(tip.clientWidth + 1);
  return t;
}

/** Pointer moves over a grid of stage points; `seen` counts the points that opened a tooltip. */
async function sweep(el: HTMLElement, target: Element, check: (x: number, y: number) => void): Promise<number> {
  const r = target.getBoundingClientRect();
  let seen = 0;
  for (let i = 1; i < 12; i++)
    for (let j = 1; j < 8; j++) {
      const x = r.left + (r.width * i) / 12, y = r.top + (r.height * j) / 8;
      target.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true, composed: true }));
      await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      if (tipOf(el)) {
        seen++;
        check(x, y);
      }
    }
  return seen;
}

const MAP = (style: string, fields = '') => html`<civic-grid-map density="screen" theme="dark" style=${style} tooltip-fields=${fields}
  geometry-src="/demo/data/grids.geojson" src="/demo/data/grid-metrics.json" metric="households"></civic-grid-map>`;
const GRAPH = (style: string) => html`<civic-chain-graph density="screen" chain="auto" style=${style} src="/demo/data/chains.json"></civic-chain-graph>`;

describe('tooltips confined to their stage', () => {
  it('grid map, pointer: inside a short stage everywhere, whole; off the point when the stage has room', async () => {
    const el = await fixture<CivicGridMap>(MAP('width:480px;--civic-grid-map-height:150px', 'code,name'));
    await el.whenDrawn();
    const canvas = el.shadowRoot!.querySelector('[part~="canvas"]')!;
    expect(await sweep(el, canvas, (x, y) => whole(el, `at ${Math.round(x)},${Math.round(y)}`)), 'points with a tooltip').to.be.greaterThan(3);
    const big = await fixture<CivicGridMap>(MAP('width:900px;--civic-grid-map-height:480px'));
    await big.whenDrawn();
    const covered: string[] = [];
    await sweep(big, big.shadowRoot!.querySelector('[part~="canvas"]')!, (x, y) => {
      const t = whole(big, `at ${Math.round(x)},${Math.round(y)}`);
      if (x > t.left && x < t.right && y > t.top && y < t.bottom) covered.push(`${Math.round(x)},${Math.round(y)}`);
    });
    expect(covered, 'the tooltip flips above / left rather than over the pointer').to.deep.equal([]);
  });

  it('grid map, tour on the wall: a tooltip taller than the 170 px stage is reshaped and shows whole', async () => {
    const el = await fixture<CivicGridMap>(MAP('width:578px;--civic-grid-map-height:170px', 'code,name,level'));
    await el.whenDrawn();
    for (const id of ['500118002007003', '500118002007', '500118002']) {
      el.highlight(id);
      await el.updateComplete;
      await settled(el.parentElement!);
      whole(el, `highlight(${id})`);
    }
  });

  it('keeps the wall\'s scale: a scaled ancestor scales the tooltip with the stage', async () => {
    const wrap = await fixture<HTMLElement>(html`<div style="transform:scale(0.5);transform-origin:0 0;width:1200px">
      ${MAP('width:578px;--civic-grid-map-height:170px')}</div>`);
    const el = wrap.querySelector<CivicGridMap>('civic-grid-map')!;
    await el.whenDrawn();
    el.highlight('500118002007003');
    await el.updateComplete;
    await settled(wrap);
    const t = whole(el, 'scaled');
    expect(t.width / tipOf(el)!.offsetWidth).to.be.closeTo(0.5, 0.02);
  });

  it('chain graph, pointer and keyboard: inside a 170 px stage, whole', async () => {
    const el = await fixture<CivicChainGraph>(GRAPH('width:456px;--civic-chain-graph-height:170px'));
    await el.whenDrawn();
    const nodes = [...el.shadowRoot!.querySelectorAll('.node[data-id] path')];
    let hovered = 0;
    for (const n of nodes) {
      const r = n.getBoundingClientRect();
      n.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true, clientX: r.x + r.width / 2, clientY: r.y + r.height / 2 }));
      await el.updateComplete;
      if (tipOf(el)) whole(el, `hover ${n.parentElement!.getAttribute('data-id')}`), hovered++;
    }
    expect(hovered, 'nodes hovered').to.be.greaterThan(5);
    el.shadowRoot!.querySelector<HTMLElement>('[part="stage"]')!.focus();
    let keyed = 0;
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'ArrowRight']) {
      await sendKeys({ press: key });
      await el.updateComplete;
      if (tipOf(el)) whole(el, `key ${key}`), keyed++;
    }
    expect(keyed, 'keyboard tooltips').to.be.greaterThan(2);
    for (const id of ['gwm', 'yadea', 'b-auto-1', 'm-auto-1']) {
      el.highlight(id);
      await el.updateComplete;
      whole(el, `highlight(${id})`);
    }
  });

  it('chain graph on a roomy stage: the tooltip flips above / left of nodes near the edges, never over the node', async () => {
    const el = await fixture<CivicChainGraph>(GRAPH('width:900px;--civic-chain-graph-height:420px'));
    await el.whenDrawn();
    const covered: string[] = [];
    let flipped = 0;
    for (const n of el.shadowRoot!.querySelectorAll('.node[data-id] path')) {
      const r = n.getBoundingClientRect();
      const x = r.x + r.width / 2, y = r.y + r.height / 2;
      n.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true, clientX: x, clientY: y }));
      await el.updateComplete;
      if (!tipOf(el)) continue;
      const t = whole(el, `hover ${n.parentElement!.getAttribute('data-id')}`);
      if (x > t.left && x < t.right && y > t.top && y < t.bottom) covered.push(n.parentElement!.getAttribute('data-id')!);
      if (t.bottom < y || t.right < x) flipped++;
    }
    expect(covered, 'nodes under their own tooltip').to.deep.equal([]);
    expect(flipped, 'tooltips flipped above or left').to.be.greaterThan(0);
  });
});
