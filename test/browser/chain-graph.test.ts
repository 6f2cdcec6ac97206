import { expect, fixture, html, oneEvent, aTimeout } from '@open-wc/testing';
import { until } from './fixtures/wait.js';
import '../../src/components/chain-graph/chain-graph.define.js';
import type { CivicChainGraph } from '../../src/components/chain-graph/chain-graph.js';
import type { CivicErrorEvent } from '../../src/core/events/error-event.js';
import type { CivicSelectEvent } from '../../src/core/events/select-event.js';
import type { CivicPositionsChangeEvent } from '../../src/components/chain-graph/chain-graph.events.js';
import { syntheticChains } from '../fixtures/chain-graph/synthetic.js';
import demo from '../fixtures/chain-graph/chains.json';
import { FakeServer } from './fixtures/server.js';
import { countColour, decodePng, distinctColours, regionOf, rgbOf } from './png-helpers.js';

async function loadDemo(): Promise<any> {
  return JSON.parse(JSON.stringify(demo));
}

const $ = (el: CivicChainGraph, sel: string) => el.shadowRoot!.querySelector(sel) as HTMLElement | null;
const $$ = (el: CivicChainGraph, sel: string) => [...el.shadowRoot!.querySelectorAll(sel)] as HTMLElement[];
const nodeIds = (el: CivicChainGraph) => $$(el, '[part="plot"] .node').map((n) => n.getAttribute('data-id'));
const frames = (n = 2) => new Promise<void>((r) => {
  const step = (k: number) => (k <= 0 ? r() : requestAnimationFrame(() => step(k - 1)));
  step(n);
});

function count(el: EventTarget, type: string): { n: number; last?: any } {
  const c: { n: number; last?: any } = { n: 0 };
  el.addEventListener(type, (e) => {
    c.n++;
    c.last = e;
  });
  return c;
}

/** Waits until the layout is computed and the transition between layouts has finished. */
async function settle(el: CivicChainGraph): Promise<void> {
  await el.updateComplete;
  // The element's own signal first: a payload of over 1,000 nodes is parsed in slices before any layout starts, so
  // `computing` alone can read false before the layout has begun.
  await el.whenDrawn();
  await frames(2); // the stage's ResizeObserver reports its size (tiers then stretch to the aspect)
  await until(() => !el.computing && (el as any).layoutCtl.anim === 0, 'layout computed and transition finished', 45_000);
  await frames(2);
  await el.updateComplete;
}

describe('<civic-chain-graph>', () => {
  let warn: typeof console.warn;
  let warnings: string[];
  beforeEach(() => {
    warnings = [];
    warn = console.warn;
    console.warn = (...a: unknown[]) => void warnings.push(a.map(String).join(' '));
  });
  afterEach(() => {
    console.warn = warn;
  });

  it('renders both chains from demo-like data with every part, in SVG', async () => {
    const data = await loadDemo();
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph lang="zh-CN" style="width:900px" .data=${data}></civic-chain-graph>`);
    await settle(el);
    expect(el.layout).to.equal('tiers');
    expect(el.getAttribute('layout')).to.equal('tiers');
    expect(el.activeRenderer).to.equal('svg');
    for (const part of ['base', 'toolbar', 'title', 'search', 'legend', 'stage', 'plot', 'reset', 'table-details', 'table', 'illustrative'])
      expect($(el, `[part~="${part}"]`), part).to.exist;
    expect(nodeIds(el)).to.have.length(data.nodes.length);
    expect(nodeIds(el)).to.include.members(['gwm', 'pacific']);
    expect($(el, '[part="title"]')!.textContent).to.contain('汽车产业链党建联盟').and.contain('智能装备产业链党建联盟');
    expect($(el, '[part="illustrative"]')!.textContent).to.contain('示例数据');
    // links drawn with dash patterns by kind (not colour alone)
    const alliance = $(el, '.link[data-kind="alliance"]')!;
    expect(getComputedStyle(alliance).strokeDasharray).to.not.equal('none');
    expect(getComputedStyle($(el, '.link[data-kind="supply"]')!).strokeDasharray).to.equal('none');
    // table twin lists every node and relations
    expect($$(el, '[part="table"] tbody tr')).to.have.length(data.nodes.length);
    expect($(el, '[part="table"] tr[data-id="gwm"]')!.textContent).to.contain('长城汽车重庆分公司联合党支部');
    // leader upstream/downstream order on screen
    const x = (id: string) => el.positionOf(id)!.x;
    expect(x('m-auto-1')).to.be.lessThan(x('gwm'));
    expect(x('m-auto-3')).to.be.greaterThan(x('gwm'));
    expect(warnings).to.deep.equal([]);
  });

  it('shows one chain with the chain attribute', async () => {
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph chain="equip" .data=${await loadDemo()}></civic-chain-graph>`);
    await settle(el);
    expect(nodeIds(el)).to.include('pacific');
    expect(nodeIds(el)).to.not.include('gwm');
    expect($(el, '[part="title"]')!.textContent).to.contain('智能装备').and.not.contain('汽车');
  });

  it('legend filters types and kinds', async () => {
    const data = await loadDemo();
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph .data=${data}></civic-chain-graph>`);
    await settle(el);
    const branches = data.nodes.filter((n: any) => n.type === 'party-branch').length;
    const typeBtn = $(el, '[part="legend"] button[data-type="party-branch"]')!;
    expect(typeBtn.getAttribute('aria-pressed')).to.equal('true');
    typeBtn.click();
    await settle(el);
    expect(typeBtn.getAttribute('aria-pressed')).to.equal('false');
    expect(nodeIds(el)).to.have.length(data.nodes.length - branches);
    expect($$(el, '.link[data-kind="party-link"]')).to.have.length(0);
    typeBtn.click();
    await settle(el);
    expect(nodeIds(el)).to.have.length(data.nodes.length);
    const kindBtn = $(el, '[part="legend"] button[data-kind="supply"]')!;
    kindBtn.click();
    await settle(el);
    expect($$(el, '.link[data-kind="supply"]')).to.have.length(0);
    expect($$(el, '.link[data-kind="alliance"]').length).to.be.greaterThan(0);
  });

  it('hover highlights the neighbourhood and shows a text-only tooltip', async () => {
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph style="width:900px" .data=${await loadDemo()}></civic-chain-graph>`);
    await settle(el);
    const hover = count(el, 'civic-hover');
    const node = $(el, '.node[data-id="b-auto-1"] path')!;
    const r = node.getBoundingClientRect();
    node.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true, clientX: r.x + r.width / 2, clientY: r.y + r.height / 2 }));
    await el.updateComplete;
    expect(hover.n).to.equal(1);
    expect(hover.last.detail.id).to.equal('b-auto-1');
    const dimmed = $$(el, '.node[data-dim]').map((n) => n.getAttribute('data-id'));
    const lit = $$(el, '.node:not([data-dim])').map((n) => n.getAttribute('data-id'));
    expect(lit.sort()).to.deep.equal(['b-auto-1', 'gwm', 'm-auto-1']);
    expect(dimmed).to.include('pacific');
    const tip = $(el, '[part="tooltip"]')!;
    expect(tip.textContent).to.contain('配套企业A');
    expect(tip.querySelectorAll('*:not(strong)')).to.have.length(0);
    $(el, '[part="stage"]')!.dispatchEvent(new PointerEvent('pointerleave'));
    await el.updateComplete;
    expect($(el, '[part="tooltip"]')).to.not.exist;
    expect($$(el, '.node[data-dim]')).to.have.length(0);
  });

  it('click fires civic-select once with detail and reflects selected', async () => {
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph .data=${await loadDemo()}></civic-chain-graph>`);
    await settle(el);
    const sel = count(el, 'civic-select');
    const node = $(el, '.node[data-id="gwm"] path')!;
    setTimeout(() => node.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true })));
    const e = (await oneEvent(el, 'civic-select')) as CivicSelectEvent;
    await aTimeout(30); // time-under-test: a duplicate civic-select would arrive within this
    expect(sel.n).to.equal(1);
    expect(e.detail.id).to.equal('gwm');
    expect(e.detail.trigger).to.equal('pointer');
    expect((e.detail.item as any).name).to.equal('长城汽车重庆分公司联合党支部');
    expect((e.detail.item as any).attrs.capacity).to.equal(250000);
    await el.updateComplete;
    expect(el.getAttribute('selected')).to.equal('gwm');
    expect($(el, '.node[data-id="gwm"] .ring')).to.exist;
  });

  it('keyboard: one tab stop, arrows walk along links, Enter selects, Escape clears', async () => {
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph style="width:900px" .data=${await loadDemo()}></civic-chain-graph>`);
    await settle(el);
    const stage = $(el, '[part="stage"]')!;
    expect(stage.getAttribute('tabindex')).to.equal('0');
    expect($$(el, '[part="plot"] [tabindex]')).to.have.length(0);
    stage.focus();
    const key = (k: string) => stage.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true }));
    key('ArrowRight'); // first arrow: starts at the first leader
    await el.updateComplete;
    expect($(el, '.node[data-active]')!.getAttribute('data-id')).to.equal('gwm');
    key('ArrowLeft'); // to an upstream neighbour of the leader
    await el.updateComplete;
    const now = $(el, '.node[data-active]')!.getAttribute('data-id')!;
    expect(now).to.not.equal('gwm');
    expect(el.positionOf(now)!.x).to.be.lessThan(el.positionOf('gwm')!.x);
    const linked = el.shadowRoot!.querySelector(`.link[data-source="${now}"][data-target="gwm"], .link[data-source="gwm"][data-target="${now}"]`);
    expect(linked, 'walked along a link').to.exist;
    expect($(el, '[role="status"]')!.textContent).to.not.equal('');
    const sel = count(el, 'civic-select');
    key('Enter');
    await el.updateComplete;
    expect(sel.n).to.equal(1);
    expect(sel.last.detail).to.include({ id: now, trigger: 'keyboard' });
    key('Escape');
    await el.updateComplete;
    expect(sel.n).to.equal(2);
    expect(sel.last.detail.id).to.equal(null);
    expect(el.hasAttribute('selected')).to.equal(false);
    expect($(el, '.node[data-active]')).to.not.exist;
  });

  it('switches to canvas above the threshold with the same interaction', async () => {
    const data = syntheticChains(120);
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph style="width:800px" canvas-threshold="100" .data=${data}></civic-chain-graph>`);
    await settle(el);
    expect(el.activeRenderer).to.equal('canvas');
    expect($(el, '[part="canvas"]')).to.exist;
    expect($(el, '[part="plot"]')).to.not.exist;
    await frames(2);
    const canvas = $(el, '[part="canvas"]') as HTMLCanvasElement;
    expect(canvas.width).to.be.greaterThan(0);
    // something was drawn
    const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < px.length; i += 4) if (px[i] > 0) painted++;
    expect(painted).to.be.greaterThan(100);
    // click at the leader's screen position selects it
    const p = el.positionOf('c1-leader')!;
    const t = (el as any).zt;
    const r = canvas.getBoundingClientRect();
    const sel = count(el, 'civic-select');
    canvas.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: r.x + t.applyX(p.x), clientY: r.y + t.applyY(p.y) }));
    expect(sel.n).to.equal(1);
    expect(sel.last.detail.id).to.equal('c1-leader');
    // svg below the threshold, forced canvas with renderer=canvas
    el.canvasThreshold = 1000;
    await settle(el);
    expect(el.activeRenderer).to.equal('svg');
    el.renderer = 'canvas';
    await settle(el);
    expect(el.activeRenderer).to.equal('canvas');
  });

  it('reports bad links in civic-error with paths while the rest draws', async () => {
    const data = await loadDemo();
    data.links.push({ source: 'gwm', target: 'ghost', kind: 'supply' });
    data.nodes.push({ id: 'gwm', name: 'dup', type: 'member' });
    const n = data.links.length - 1;
    const el = document.createElement('civic-chain-graph') as CivicChainGraph;
    el.data = data;
    setTimeout(() => document.body.appendChild(el));
    const e = (await oneEvent(el, 'civic-error')) as CivicErrorEvent;
    expect(e.detail.kind).to.equal('validation');
    expect(e.detail.partial).to.equal(true);
    expect(e.detail.issues.map((i) => i.path)).to.include.members([`links[${n}].target`, `nodes[${data.nodes.length - 1}].id`]);
    await settle(el);
    expect(nodeIds(el)).to.have.length(data.nodes.length - 1);
    expect($(el, '[part~="status"]')!.textContent).to.contain('2');
    expect(warnings.length).to.equal(1);
    expect(warnings[0]).to.match(/^\[civic-chain-graph\]/);
    el.remove();
  });

  it('shows the error state when nothing is usable, and the empty state for no nodes', async () => {
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph .data=${{ chains: [] }}></civic-chain-graph>`);
    await until(() => $(el, '[part~="status"]')?.getAttribute('data-kind') === 'error', 'error state shown');
    expect($(el, '[part~="status"]')!.getAttribute('data-kind')).to.equal('error');
    el.data = { chains: [], nodes: [], links: [] };
    await el.updateComplete;
    await el.updateComplete;
    expect($(el, '[part~="status"]')!.getAttribute('data-kind')).to.equal('empty');
  });

  it('switches layouts with deterministic positions, and radial puts the leader at the centre', async () => {
    const data = await loadDemo();
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph layout="force" seed="3" .data=${data}></civic-chain-graph>`);
    await settle(el);
    const first = el.positionOf('m-auto-4')!;
    const el2 = await fixture<CivicChainGraph>(html`<civic-chain-graph layout="force" seed="3" .data=${await loadDemo()}></civic-chain-graph>`);
    await settle(el2);
    expect(el2.positionOf('m-auto-4')).to.deep.equal(first);
    el.layout = 'radial';
    await settle(el);
    const c = el.positionOf('gwm')!;
    const d = (id: string) => Math.hypot(el.positionOf(id)!.x - c.x, el.positionOf(id)!.y - c.y);
    // every node of the automotive chain is one hop from its leader: one ring around it
    expect(d('m-auto-1')).to.be.greaterThan(40);
    expect(Math.abs(d('m-auto-1') - d('proj-unirec'))).to.be.lessThan(0.01);
    expect(Math.abs(d('m-auto-1') - d('b-auto-1'))).to.be.lessThan(0.01);
  });

  it('animates between layouts, and jumps when prefers-reduced-motion is set', async () => {
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph .data=${await loadDemo()}></civic-chain-graph>`);
    await settle(el);
    const from = el.positionOf('m-auto-1')!;
    el.layout = 'radial';
    await el.updateComplete;
    // Radial layouts are computed in the worker; the glide starts when the result is in. Checked once per frame, by a
    // frame callback queued before the glide's own: the glide's first frame is seen even if it is its last.
    await new Promise<void>((resolve, reject) => {
      const end = performance.now() + 45_000;
      const check = () => {
        if ((el as any).layoutCtl.anim !== 0) resolve();
        else if (performance.now() > end) reject(new Error('no glide towards the radial layout'));
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
    await settle(el);
    const to = el.positionOf('m-auto-1')!;
    expect(to).to.not.deep.equal(from);
    const real = window.matchMedia;
    window.matchMedia = ((q: string) => ({ matches: q.includes('reduced-motion'), media: q, addEventListener() {}, removeEventListener() {} })) as any;
    try {
      el.layout = 'tiers';
      await el.updateComplete;
      // Tiers layouts are computed in the worker: once the result is in, the positions jump to it (no glide).
      await until(() => !(el as any).layoutCtl.pending, 'tiers layout computed', 45_000);
      await el.updateComplete;
      expect((el as any).layoutCtl.anim).to.equal(0);
      const target = (el as any).layoutCtl.target.positions.get('m-auto-1');
      expect(el.positionOf('m-auto-1')).to.deep.equal(target);
      expect(target.x).to.equal(from.x); // tiers again: same column as before
    } finally {
      window.matchMedia = real;
    }
  });

  it('pins dragged nodes and lets the host save and restore positions', async () => {
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph style="width:900px" .data=${await loadDemo()}></civic-chain-graph>`);
    await settle(el);
    const node = $(el, '.node[data-id="m-auto-5"] path')!;
    const r = node.getBoundingClientRect();
    const x0 = r.x + r.width / 2, y0 = r.y + r.height / 2;
    const pos = count(el, 'civic-positions-change');
    node.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, composed: true, clientX: x0, clientY: y0, view: window }));
    window.dispatchEvent(new MouseEvent('mousemove', { clientX: x0 + 40, clientY: y0 + 30, view: window }));
    window.dispatchEvent(new MouseEvent('mouseup', { clientX: x0 + 40, clientY: y0 + 30, view: window }));
    await el.updateComplete;
    expect(pos.n).to.equal(1);
    const saved = (pos.last as CivicPositionsChangeEvent).detail.positions;
    expect(Object.keys(saved)).to.deep.equal(['m-auto-5']);
    expect(el.positions).to.deep.equal(saved);
    // restore on a fresh element, in another layout too: the pinned node stays
    const el2 = await fixture<CivicChainGraph>(html`<civic-chain-graph .positions=${saved} .data=${await loadDemo()}></civic-chain-graph>`);
    await settle(el2);
    expect(el2.positionOf('m-auto-5')).to.deep.equal(saved['m-auto-5']);
    el2.layout = 'force';
    await settle(el2);
    expect(el2.positionOf('m-auto-5')).to.deep.equal(saved['m-auto-5']);
  });

  it('highlight() and the tour cycle through leaders and members', async () => {
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph .data=${await loadDemo()}></civic-chain-graph>`);
    await settle(el);
    el.highlight('pacific');
    await el.updateComplete;
    expect($(el, '[part="tooltip"]')!.textContent).to.contain('太平洋精工联合党支部');
    el.highlight(null);
    await el.updateComplete;
    expect($(el, '[part="tooltip"]')).to.not.exist;
    expect(el.tourIds[0]).to.equal('gwm');
    el.tourInterval = 1;
    el.tour = true;
    await until(() => $(el, '[part="tooltip"]'), 'the tour shows its first stop');
    await el.updateComplete;
    expect($(el, '[part="tooltip"]')!.textContent).to.contain('长城汽车');
    el.remove();
  });

  it('computes a large force layout in slices with visible progress, then switches to canvas', async () => {
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph layout="force" style="width:800px" .data=${syntheticChains(1000)}></civic-chain-graph>`);
    await until(() => el.computing, 'layout computing');
    await el.updateComplete;
    expect(el.computing).to.equal(true);
    expect($(el, '[part="progress"]')).to.exist;
    expect($(el, '[part="progress"]')!.getAttribute('role')).to.equal('progressbar');
    await settle(el);
    expect(el.computing).to.equal(false);
    expect($(el, '[part="progress"]')).to.not.exist;
    expect(el.activeRenderer).to.equal('canvas');
    expect(el.positionOf('c1-leader')).to.exist;
    // 1,000 nodes: computed in the module worker, which loaded (no fallback to time slices)
    expect((el as any).layoutCtl.worker, 'worker').to.exist;
    expect((el as any).layoutCtl.workerBroken).to.equal(false);
  });

  it('lays out very large graphs (tiers, 3,000 nodes) in the worker with the same result as the main thread', async () => {
    const data = syntheticChains(3000);
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph style="width:800px" .data=${data}></civic-chain-graph>`);
    await settle(el);
    expect((el as any).layoutCtl.worker, 'worker').to.exist;
    const { tiersLayout } = await import('../../src/components/chain-graph/chain-graph.layout.js');
    const { parseChainData } = await import('../../src/components/chain-graph/chain-graph.model.js');
    const own = tiersLayout(parseChainData(data).value!, { measureText: (el as any).model.measure, radius: (el as any).shown.radius, aspect: (el as any).aspect || undefined });
    for (const id of ['c1-leader', 'c2-n77', 'c1-n2998']) expect(el.positionOf(id), id).to.deep.equal(own.positions.get(id));
  });

  it('falls back to time slices when the worker fails to start', async () => {
    const el = document.createElement('civic-chain-graph') as CivicChainGraph;
    el.layout = 'force';
    document.body.appendChild(el);
    (el as any).layoutCtl.worker = new Worker(URL.createObjectURL(new Blob(['throw new Error("no worker here")'], { type: 'text/javascript' })), { type: 'module' });
    el.data = syntheticChains(1000);
    await settle(el);
    expect((el as any).layoutCtl.workerBroken).to.equal(true);
    expect(el.computing).to.equal(false);
    expect(el.positionOf('c1-leader')).to.exist;
    el.remove();
  });

  it('gives the same force picture from the worker as from time slices (same seed)', async () => {
    const data = syntheticChains(1000);
    const a = await fixture<CivicChainGraph>(html`<civic-chain-graph layout="force" seed="5" .data=${data}></civic-chain-graph>`);
    await settle(a);
    const b = await fixture<CivicChainGraph>(html`<civic-chain-graph layout="force" seed="5" .data=${data}></civic-chain-graph>`);
    (b as any).layoutCtl.workerBroken = true; // force the main-thread path
    b.seed = 6;
    await b.updateComplete;
    b.seed = 5;
    await settle(b);
    for (const id of ['c1-leader', 'c1-n10', 'c2-n501', 'c2-n999']) {
      const p = a.positionOf(id)!, q = b.positionOf(id)!;
      expect(Math.abs(p.x - q.x) + Math.abs(p.y - q.y), id).to.be.lessThan(1e-6);
    }
  });

  it('cleans up on disconnect (no more layout work, tour stopped)', async () => {
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph layout="force" tour tour-interval="1" .data=${syntheticChains(800)}></civic-chain-graph>`);
    await el.updateComplete;
    await until(() => el.computing, 'layout computing');
    expect(el.computing).to.equal(true);
    const before = el.positionOf('c1-n5');
    el.remove();
    await aTimeout(1200); // time-under-test: longer than a tour step; nothing may move or finish after disconnect
    expect(el.positionOf('c1-n5')).to.deep.equal(before);
    expect(el.computing).to.equal(true); // abandoned, never finished
    expect(warnings).to.deep.equal([]);
  });

  describe('PNG export', () => {
    it('toPNG() paints the SVG graph (nodes in their type colours, labels) with the legend and title, at size × ratio', async () => {
      const data = await loadDemo();
      const el = await fixture<CivicChainGraph>(html`<civic-chain-graph lang="zh-CN" style="width:800px" .data=${data}></civic-chain-graph>`);
      await settle(el);
      const blob = await el.toPNG({ pixelRatio: 1 });
      expect(blob.type).to.equal('image/png');
      const px = await decodePng(blob);
      expect(px.width).to.equal(el.offsetWidth);
      expect(px.height).to.equal(el.offsetHeight);
      expect(distinctColours(px)).to.be.greaterThan(12);
      const stage = regionOf($(el, '[part="stage"]')!, el, px.width);
      // Every node type present is drawn in its own colour inside the stage, over roughly its nodes' area.
      for (const type of ['leader', 'member', 'party-branch']) {
        const path = $(el, `.node[data-type="${type}"] path`)!;
        const colour = rgbOf(getComputedStyle(path).fill);
        expect(countColour(px, colour, 12, stage), type).to.be.greaterThan(30);
      }
      // A leader node is drawn where it is on screen (its exact fill covers about a fifth of its ~16 px box at this
      // zoom, the rest being its outline and anti-aliased edge: 53 of 263 px before the tiers side-group rows, 45 of 243
      // after, with the drawing a little smaller; a missing leader gives about none).
      const leader = $(el, '.node[data-type="leader"] path')!;
      const lr = regionOf(leader, el, px.width);
      expect(countColour(px, rgbOf(getComputedStyle(leader).fill), 12, lr)).to.be.greaterThan(lr.width * lr.height * 0.12);
      // Labels in the label colour inside the stage; the title above it.
      // Labels (small at this zoom) in the label colour inside the stage: compare with a picture without them.
      const label = $(el, '.node text')!;
      const labelColour = rgbOf(getComputedStyle(label).fill);
      const withLabels = countColour(px, labelColour, 80, stage);
      el.style.setProperty('--civic-chain-graph-label-color', 'transparent');
      const bare = await decodePng(await el.toPNG({ pixelRatio: 1 }));
      expect(withLabels).to.be.greaterThan(countColour(bare, labelColour, 80, stage) + 100);
      el.style.removeProperty('--civic-chain-graph-label-color');
      const title = $(el, '[part="title"]')!;
      expect(countColour(px, rgbOf(getComputedStyle(title).color), 60, regionOf(title, el, px.width))).to.be.greaterThan(50);
      expect(warnings).to.deep.equal([]);
    });

    it('toPNG() copies the canvas renderer and draws the dark theme', async () => {
      const data = await loadDemo();
      const el = await fixture<CivicChainGraph>(html`<civic-chain-graph theme="dark" renderer="canvas" style="width:700px" .data=${data}></civic-chain-graph>`);
      await settle(el);
      expect(el.activeRenderer).to.equal('canvas');
      const px = await decodePng(await el.toPNG({ pixelRatio: 2 }));
      expect(px.width).to.equal(Math.round(el.offsetWidth * 2));
      expect(countColour(px, rgbOf('#0a1a2f'), 6)).to.be.greaterThan(px.width * px.height * 0.3);
      const stage = regionOf($(el, '[part="stage"]')!, el, px.width);
      const leaderColour = rgbOf(getComputedStyle(el).getPropertyValue('--_node-leader').trim());
      expect(countColour(px, leaderColour, 12, stage)).to.be.greaterThan(30);
    });

    it('shows the export button by default (export="false" hides it); it fires a cancelable civic-export', async () => {
      const data = await loadDemo();
      const el = await fixture<CivicChainGraph>(html`<civic-chain-graph style="width:700px" file-name="产业链 图谱" .data=${data}></civic-chain-graph>`);
      await settle(el);
      const btn = $(el, '[part~="export-button"]')!;
      expect(btn).to.exist;
      expect(el.export).to.equal(true);
      expect(btn.getAttribute('aria-label')).to.equal('导出图片');
      expect(btn.getBoundingClientRect().height).to.be.at.least(24);
      el.addEventListener('civic-export', (e) => e.preventDefault());
      setTimeout(() => btn.click());
      const ev = await oneEvent(el, 'civic-export');
      expect(ev.cancelable).to.equal(true);
      expect(ev.detail.format).to.equal('png');
      expect(ev.detail.filename).to.equal('产业链-图谱.png');
      expect(ev.detail.blob.type).to.equal('image/png');
      el.setAttribute('export', 'false');
      await el.updateComplete;
      expect(el.export).to.equal(false);
      expect($(el, '[part~="export-button"]')).to.equal(null);
      el.setAttribute('export', '');
      await el.updateComplete;
      expect($(el, '[part~="export-button"]')).to.exist;
      el.removeAttribute('export');
      await el.updateComplete;
      expect($(el, '[part~="export-button"]')).to.equal(null);
    });

    it('toPNG() rejects before data arrives', async () => {
      const el = await fixture<CivicChainGraph>(html`<civic-chain-graph></civic-chain-graph>`);
      let failed = false;
      await el.toPNG().catch(() => (failed = true));
      expect(failed).to.equal(true);
    });
  });


  it('switches language (labels, legend) and is accessible', async () => {
    const data = await loadDemo();
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph lang="en" .data=${data}></civic-chain-graph>`);
    await settle(el);
    expect($(el, '[part="legend"]')!.textContent).to.contain('Chain leader');
    // Every drawn name is the English one. The leader's (45 characters) is wider than its tiers column at this zoom:
    // dropped from the picture, never drawn over the next column's nodes (issue 15); the table twin keeps it.
    const drawn = [...el.shadowRoot!.querySelectorAll('[part="plot"] .node text')];
    expect(drawn.length).to.be.greaterThan(3);
    const en = new Map<string, string>(data.nodes.map((n: any) => [n.id, n.nameEn ?? n.name]));
    for (const t of drawn) expect(t.textContent).to.equal(en.get(t.closest('.node')!.getAttribute('data-id')!));
    expect($(el, 'tr[data-id="gwm"] th')!.textContent).to.contain('Great Wall Motor Chongqing joint party branch');
    expect($(el, '[part="illustrative"]')!.textContent).to.contain('Illustrative');
    await expect(el).to.be.accessible();
    el.setAttribute('lang', 'zh-CN');
    el.theme = 'dark';
    await settle(el);
    expect($(el, '.node[data-id="gwm"] text')!.textContent).to.equal('长城汽车重庆分公司联合党支部');
    await expect(el).to.be.accessible();
  });

  it('focus emphasises a neighbourhood, search rings matches, size-by sizes nodes', async () => {
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph focus="b-auto-1" .data=${await loadDemo()}></civic-chain-graph>`);
    await settle(el);
    expect($$(el, '.node:not([data-dim])').map((n) => n.getAttribute('data-id')).sort()).to.deep.equal(['b-auto-1', 'gwm', 'm-auto-1']);
    el.focusId = undefined;
    el.search = '雅迪';
    await settle(el);
    expect($$(el, '.node[data-match]').map((n) => n.getAttribute('data-id'))).to.deep.equal(['proj-yadi']);
    expect($$(el, '.node[data-dim]')).to.have.length(0);
    const size = (id: string) => $(el, `.node[data-id="${id}"] path`)!.getBoundingClientRect().width;
    const before = [size('m-auto-1'), size('m-auto-12')];
    expect(Math.abs(before[0] - before[1])).to.be.lessThan(0.5);
    el.sizeBy = 'employees';
    await settle(el);
    expect(size('m-auto-12')).to.be.greaterThan(size('m-auto-1') * 1.2);
  });

  it('every story renders an element without throwing', async () => {
    const server = new FakeServer();
    server.routes.set('/data/chains.json', { body: JSON.stringify(demo) });
    server.routes.set('/data/missing-chains.json', { status: 404, body: '' });
    server.install();
    try {
      const stories: Record<string, any> = await import('../../stories/chain-graph.stories.js');
      const meta = stories.default;
      const names = Object.keys(stories).filter((k) => k !== 'default');
      expect(names.length).to.be.greaterThan(10);
      for (const name of names) {
        const story = stories[name];
        const render = story.render ?? meta.render;
        const el = await fixture(html`<div>${render({ ...meta.args, ...(story.args ?? {}) })}</div>`);
        const graph = el.querySelector('civic-chain-graph') as CivicChainGraph;
        expect(graph, name).to.exist;
        await graph.updateComplete;
        el.remove();
      }
    } finally {
      server.uninstall();
    }
  });

  it('loads from src and inline JSON, with field mapping', async () => {
    const server = new FakeServer();
    server.routes.set('/chains.json', { body: JSON.stringify(demo) });
    server.install();
    try {
      const el = document.createElement('civic-chain-graph') as CivicChainGraph;
      el.src = '/chains.json';
      setTimeout(() => document.body.appendChild(el));
      await oneEvent(el, 'civic-load');
      await settle(el);
      expect(nodeIds(el)).to.include('gwm');
      el.remove();
    } finally {
      server.uninstall();
    }
    const el2 = await fixture<CivicChainGraph>(html`<civic-chain-graph fields="id=code, type=category, source=from, target=to">
      <script type="application/json">{"chains":[{"id":"a","name":"A","leader":"x"}],"nodes":[{"code":"x","name":"X","category":"leader","chain":"a"},{"code":"y","name":"Y","category":"member","chain":"a","tier":"upstream"}],"links":[{"from":"y","to":"x","kind":"supply"}]}</script>
    </civic-chain-graph>`);
    await settle(el2);
    expect(nodeIds(el2).sort()).to.deep.equal(['x', 'y']);
    expect($$(el2, '.link[data-kind="supply"]')).to.have.length(1);
  });
});
