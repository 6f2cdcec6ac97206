// The legibility rule (issue 13): elements know their on-screen scale and a minimum text size in SCREEN pixels
// (--civic-min-text-size: 14 px under <civic-screen> / density="screen", 12 px on a page). Text that cannot reach it is
// dropped by priority and stays reachable, never shrunk; what is dropped is said visibly.
import { expect, fixture, html } from '@open-wc/testing';
import { until, frames, settled } from './fixtures/wait.js';
import '../../src/components/screen/screen.define.js';
import '../../src/components/chain-graph/chain-graph.define.js';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import '../../src/components/growth-chart/growth-chart.define.js';
import type { CivicGrowthChart } from '../../src/components/growth-chart/growth-chart.js';
import growth from '../fixtures/growth-chart/growth.json';
import type { CivicChainGraph } from '../../src/components/chain-graph/chain-graph.js';
import demo from '../fixtures/chain-graph/chains.json';

/** Rendered size of an SVG <text> in screen px: its font size × the scale of its screen CTM (CSS transforms included). */
const svgTextPx = (t: SVGTextElement): number => {
  const m = t.getScreenCTM()!;
  return parseFloat(getComputedStyle(t).fontSize) * Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
};
const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;

async function settleGraph(el: CivicChainGraph): Promise<void> {
  await el.updateComplete;
  await frames(2);
  await until(() => !el.computing && (el as any).layoutCtl.anim === 0, 'layout computed and transition finished', 45_000);
  await frames(2);
  await el.updateComplete;
}

/**
 * A <civic-screen> (1920×1080 design) in a box of w×h px, holding `inner`; `feed` gives its elements their data (an
 * element not given its data yet has no picture, so whenDrawn() waits for it); resolves once everything has settled.
 */
async function wall(w: number, h: number, inner: string, feed?: (screen: HTMLElement) => void): Promise<HTMLElement> {
  const box = await fixture<HTMLDivElement>(html`<div style="width:${w}px;height:${h}px;position:relative"></div>`);
  box.innerHTML = `<civic-screen heading="legibility" idle-cursor="0" tour="0" style="--civic-screen-columns: 1fr; --civic-screen-rows: 1fr">${inner}</civic-screen>`;
  const screen = box.querySelector('civic-screen')!;
  feed?.(screen as HTMLElement);
  await settled(box);
  return screen as HTMLElement;
}

describe('legibility: chain graph labels under a small scale', () => {
  it('draws labels at ≥ 14 screen px whatever the zoom, keeps the leader, drops the others (not shrunk), no overlaps, says how many', async () => {
    // 1920×1080 design in 640×360: the screen scales by 1/3; the graph also zooms out to fit its 30 nodes.
    const screen = await wall(640, 360, `<civic-chain-graph chain="auto" style="--civic-chain-graph-height: 300px"></civic-chain-graph>`, (s) => {
      (s.querySelector('civic-chain-graph') as CivicChainGraph).data = JSON.parse(JSON.stringify(demo));
    });
    const el = screen.querySelector('civic-chain-graph') as CivicChainGraph;
    await settleGraph(el);
    const root = el.shadowRoot!;
    await until(() => root.querySelectorAll('.node text').length > 0, 'labels drawn');
    const nodes = [...root.querySelectorAll<SVGGElement>('[part="plot"] .node')];
    const labelled = nodes.filter((n) => n.querySelector('text'));
    const texts = [...root.querySelectorAll<SVGTextElement>('[part="plot"] text')];
    // Every drawn label, node or chain name, reaches the floor on screen.
    const sizes = texts.map(svgTextPx);
    expect(Math.min(...sizes), `smallest label of ${sizes.length}`).to.be.at.least(14 - 0.05);
    // The chain leader keeps its label; not every node can (dropped, not shrunk).
    expect(labelled.map((n) => n.getAttribute('data-id'))).to.include('gwm');
    expect(labelled.length).to.be.lessThan(nodes.length);
    expect(labelled.length).to.be.greaterThan(0);
    // No two labels drawn over each other, none cut at the edge of the stage.
    const stage = root.querySelector('[part="stage"]')!.getBoundingClientRect();
    const rects = texts.map((t) => t.getBoundingClientRect());
    for (let i = 0; i < rects.length; i++) {
      expect(rects[i].left >= stage.left - 1 && rects[i].right <= stage.right + 1 && rects[i].top >= stage.top - 1 && rects[i].bottom <= stage.bottom + 1, `label ${texts[i].textContent} inside the stage`).to.equal(true);
      for (let j = i + 1; j < rects.length; j++) expect(overlap(rects[i], rects[j]), `${texts[i].textContent} × ${texts[j].textContent}`).to.equal(false);
    }
    // What is dropped is said visibly, with the count.
    const note = root.querySelector<HTMLElement>('[part="label-note"]');
    expect(note, 'label note').to.not.equal(null);
    expect(note!.textContent).to.contain(String(nodes.length - labelled.length));
    // A dropped node's name stays reachable: highlighting it (as the tour and hover do) labels it or shows its tooltip.
    const droppedEl = nodes.find((n) => !n.querySelector('text'))!;
    const dropped = droppedEl.getAttribute('data-id')!;
    const name = (demo as any).nodes.find((n: any) => n.id === dropped).name as string;
    el.highlight(dropped);
    await el.updateComplete;
    await until(
      () => root.querySelector(`.node[data-id="${dropped}"] text`) || (root.querySelector('[part="tooltip"]')?.textContent ?? '').includes(name),
      'the highlighted node is labelled or named in the tooltip',
    );
  });

  it('on a page (no screen) labels are ≥ 12 px on screen even when the graph zooms out to fit', async () => {
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph style="width:360px; --civic-chain-graph-height: 260px"></civic-chain-graph>`);
    el.data = JSON.parse(JSON.stringify(demo));
    await settleGraph(el);
    const texts = [...el.shadowRoot!.querySelectorAll<SVGTextElement>('[part="plot"] text')];
    expect(texts.length).to.be.greaterThan(0);
    expect(Math.min(...texts.map(svgTextPx))).to.be.at.least(12 - 0.05);
    // the view is zoomed out below 1: the labels were not scaled with it
    expect((el as any).zt.k).to.be.lessThan(1);
  });

  it('canvas renderer: labels are drawn at ≥ the floor in screen px too', async () => {
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
      const el = await fixture<CivicChainGraph>(html`<civic-chain-graph renderer="canvas" style="width:360px; --civic-chain-graph-height: 260px"></civic-chain-graph>`);
      el.data = JSON.parse(JSON.stringify(demo));
      await settleGraph(el);
      await until(() => calls.length > 0, 'canvas labels drawn');
      expect(Math.min(...calls)).to.be.at.least(12 - 0.05);
    } finally {
      CanvasRenderingContext2D.prototype.fillText = orig;
    }
  });
});

describe('legibility: KPI tile under a screen', () => {
  it('every visible text of a tile is ≥ 14 px on a 1920×1080 wall shown at full size', async () => {
    const screen = await wall(1920, 1080, `<civic-kpi-tile label="在校学生" value="170000" unit="人" qualifier="over" caption="涵盖44个专业，学生4400余人" source="2022 年永川区党建工作报道" delta="4.3" delta-label="同比"></civic-kpi-tile>`);
    const tile = screen.querySelector('civic-kpi-tile')!;
    await until(() => /17/.test(tile.shadowRoot!.textContent ?? ''), 'value drawn');
    const sizes: { px: number; text: string }[] = [];
    const walk = (n: Node) => {
      for (const c of n.childNodes) {
        if (c.nodeType === 3 && c.textContent!.trim()) {
          const p = c.parentElement!;
          const r = document.createRange();
          r.selectNodeContents(c);
          const b = r.getBoundingClientRect();
          const cs = getComputedStyle(p);
          if (b.width > 1 && b.height > 1 && cs.visibility === 'visible' && cs.clip === 'auto') sizes.push({ px: parseFloat(cs.fontSize) * (screen as any).layout.scale, text: c.textContent!.trim() });
        } else if (c.nodeType === 1 && !['style', 'script'].includes((c as Element).localName)) walk(c);
      }
    };
    walk(tile.shadowRoot!);
    expect(sizes.length).to.be.greaterThan(3);
    const small = sizes.filter((s) => s.px < 14 - 0.05);
    expect(small, JSON.stringify(small)).to.deep.equal([]);
  });
});

describe('legibility: growth chart in English in a narrow box', () => {
  it('axis titles do not overlap (the left one moves a line up), x labels thin out instead of colliding, the legend wraps inside the element', async () => {
    const el = await fixture<CivicGrowthChart>(html`<civic-growth-chart lang="en" kind="value-growth" density="screen" style="width:340px; --civic-growth-chart-height: 240px"></civic-growth-chart>`);
    el.data = JSON.parse(JSON.stringify(growth));
    const root = el.shadowRoot!;
    await until(() => root.querySelectorAll('.axis-title').length === 2, 'both axis titles drawn');
    await el.updateComplete;
    const [a, b] = [...root.querySelectorAll<SVGTextElement>('.axis-title')].map((t) => t.getBoundingClientRect());
    expect(overlap(a, b), 'axis titles overlap').to.equal(false);
    // x tick labels: every drawn one is ≥ 12 px and none runs into another (compared in the first one's own frame,
    // exact for labels rotated alike)
    const ticks = [...root.querySelectorAll<SVGTextElement>('.x-axis text')];
    expect(ticks.length).to.be.greaterThan(1);
    expect(Math.min(...ticks.map(svgTextPx))).to.be.at.least(12 - 0.05);
    for (let i = 0; i + 1 < ticks.length; i++) {
      const m = ticks[i].getScreenCTM()!.inverse().multiply(ticks[i + 1].getScreenCTM()!);
      const bb = ticks[i + 1].getBBox(), ab = ticks[i].getBBox();
      const pts = [[bb.x, bb.y], [bb.x + bb.width, bb.y], [bb.x, bb.y + bb.height], [bb.x + bb.width, bb.y + bb.height]].map(([x, y]) => new DOMPoint(x, y).matrixTransform(m));
      const xs = pts.map((p) => p.x), ys = pts.map((p) => p.y);
      const apart = Math.min(...xs) >= ab.x + ab.width - 1 || Math.max(...xs) <= ab.x + 1 || Math.min(...ys) >= ab.y + ab.height - 1 || Math.max(...ys) <= ab.y + 1;
      expect(apart, `${ticks[i].textContent} × ${ticks[i + 1].textContent}`).to.equal(true);
    }
    // the legend wraps: every item inside the element's box
    const box = el.getBoundingClientRect();
    for (const li of root.querySelectorAll('[part="legend"] li')) {
      const r = li.getBoundingClientRect();
      expect(r.right <= box.right + 1 && r.left >= box.left - 1, `legend item ${li.textContent!.trim()} inside`).to.equal(true);
    }
  });
});
