import { html, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { CivicDataElement } from '../../data/civic-data-element.js';
import { ChainGraphProps } from './chain-graph.props.js';
import type { DrawnReason } from '../../core/events/drawn-event.js';
import { stateStyles } from '../../core/render/states.js';
import { paletteStyles } from '../../core/theme/tokens.js'; // node-type colours: not in CivicElement's base tokens (2e407b7)
import { exportButtonStyles } from '../../core/export/export-button.js';
import { exportPng, loadPainters, type PngOptions } from '../../core/export/lazy.js';
import { styles } from './chain-graph.styles.js';
import { chainGraphTerms } from './chain-graph.i18n.js';
import { CivicPositionsChangeEvent } from './chain-graph.events.js';
import { searchNodes } from './chain-graph.model.js';
import { ChainModelController } from './chain-graph.model-controller.js';
import { ChainLayoutController, preloadLayouts, prewarmLayoutWorker } from './chain-graph.layout-controller.js';
import { ChainViewController } from './chain-graph.view.js';
import { ChainNavController } from './chain-graph.navigation.js';
import type { Terms } from './chain-graph.parts.js';
import { renderGraph, type GraphView } from './chain-graph.template.js';
import { hitNode, type Scene, type Shown } from './chain-graph.scene.js';
import { ChainDrawController } from './chain-graph.draw.js';
import type { ChainData, ChainNode, Point } from './chain-graph.types.js';

/** Ids `tourTargets()` offers `<civic-screen>`'s tour: the first ones of the element's own tour order. */
const SCREEN_TOUR_STOPS = 12;

/**
 * @summary Industry-chain alliance graph: chain leaders, member firms, party branches, parks, projects and service teams, with who supplies whom and how the party organisation links them.
 * @tag civic-chain-graph
 * @status experimental
 * @since 0.1.0
 * @slot - Optional `<script type="application/json">` holding `{ chains, nodes, links }`.
 * @csspart base - Wrapper of everything.
 * @csspart toolbar - Title, search box and badges above the graph.
 * @csspart title - Chain name(s).
 * @csspart search - The search input.
 * @csspart legend - Node types and link kinds; each entry is a toggle button that filters.
 * @csspart stage - The focusable graph area (one tab stop; arrow keys walk along links).
 * @csspart plot - The SVG (SVG renderer).
 * @csspart canvas - The canvas (canvas renderer).
 * @csspart callout - Line from a node to its label put away from it (a leader's or the selected node's; SVG renderer).
 * @csspart tooltip - Text-only tooltip of the hovered or highlighted node.
 * @csspart reset - Reset-view button.
 * @csspart progress - Progress of a large layout being computed.
 * @csspart table-details - Disclosure holding the table.
 * @csspart table - Table twin of the nodes and their relations.
 * @csspart illustrative - The 示例数据 / Illustrative data badge.
 * @csspart status - Loading, empty, error and stale banners.
 * @csspart export-button - The 导出图片 / "Export PNG" button in the toolbar (shown unless `export="false"`).
 * @cssproperty [--civic-chain-graph-height=512px] - Height of the graph area.
 * @cssproperty [--civic-chain-graph-leader-color=var(--civic-color-accent)] - Fill of chain leaders.
 * @cssproperty [--civic-chain-graph-member-color=var(--civic-scheme-category-1)] - Fill of member firms.
 * @cssproperty [--civic-chain-graph-party-branch-color=var(--civic-scheme-category-2)] - Fill of party branches and party links.
 * @cssproperty [--civic-chain-graph-park-color=var(--civic-scheme-category-3)] - Fill of parks.
 * @cssproperty [--civic-chain-graph-project-color=var(--civic-scheme-category-4)] - Fill of projects.
 * @cssproperty [--civic-chain-graph-service-team-color=var(--civic-scheme-category-5)] - Fill of service teams.
 * @cssproperty [--civic-chain-graph-link-color=var(--civic-color-text-muted)] - Stroke of links.
 * @cssproperty [--civic-chain-graph-label-color=var(--civic-color-text)] - Label text.
 * @cssproperty [--civic-chain-graph-label-halo=var(--civic-color-surface)] - Halo behind labels.
 * @cssproperty [--civic-chain-graph-callout-color=var(--civic-chain-graph-label-color)] - Line from a node to its label put away from it (drawn at 55 % opacity).
 * @cssproperty [--civic-chain-graph-dim-opacity=0.15] - Opacity of nodes outside the highlighted neighbourhood.
 * @cssproperty [--civic-chain-graph-tooltip-background=var(--civic-color-surface-raised)] - Tooltip background.
 * @event {CivicLoadEvent} civic-load - Data arrived and passed validation; detail.count is the number of nodes.
 * @event {CivicErrorEvent} civic-error - Loading or validation failed; detail.issues has paths such as `links[7].target`.
 * @event {CivicSelectEvent} civic-select - A node was chosen by click or Enter (detail.id, detail.item), or cleared by Escape (id null); `selected` set from outside fires it too, with trigger `api`.
 * @event {CivicDrawnEvent} civic-drawn - The settled picture is on screen (layout computed, glide finished, painted) after data, layout, filter, size, theme or language changed; not for pan, zoom or hover. `whenDrawn()` resolves at the same moment.
 * @event {CivicHoverEvent} civic-hover - The pointer or keyboard moved to another node (detail.id, null when it left).
 * @event {CivicPositionsChangeEvent} civic-positions-change - A node was dragged and pinned; detail.positions holds every pin.
 * @event {CivicExportEvent} civic-export - The export button is about to download the PNG; cancelable; `detail: { format: 'png', blob, filename }`.
 */
export class CivicChainGraph extends ChainGraphProps {
  // ── styles ──
  static override styles = [...CivicDataElement.styles, paletteStyles, stateStyles, styles, exportButtonStyles];

  // ── internal state ──
  /** Reactive internal state: a table, not `@state()` (issue 16); `attribute: false` is what `@state()` sets. */
  static override properties: PropertyDeclarations = {
    hiddenTypes: { attribute: false }, hiddenKinds: { attribute: false }, progress: { attribute: false }, tableOpen: { attribute: false }, droppedLabels: { attribute: false },
  };
  private hiddenTypes: ReadonlySet<string> = new Set();
  private hiddenKinds: ReadonlySet<string> = new Set();
  private progress: number | null = null;
  private tableOpen = false;
  /**
   * Labels dropped at this zoom on the canvas (a render shows the note; they stay reachable by hover, keyboard and
   * the table). The note reads the draw controller's count, which the SVG picture sets in the same render.
   */
  private droppedLabels = 0;

  // ── controllers ──
  /** Layout jobs (worker from the start, slices as fallback), progress and on-screen positions. @internal */
  private readonly layoutCtl = new ChainLayoutController({
    progress: (v) => (this.progress = v),
    result: (r) => {
      this.model.result(r);
      if (!this.view.userZoomed) this.view.fit(r);
    },
    moved: (settled) => this.drawCtl.moved(settled),
    live: () => this.isConnected,
  });
  /** Zoom, pan, drag (own pointer/wheel/pinch/key handling) and the stage size (core ResizeController). @internal */
  private readonly view = new ChainViewController(this, {
    changed: () => this.drawCtl.request(),
    gesture: (on) => this.drawCtl.gesture(on, this.view.zt.k),
    resized: () => {
      if (this.layout === 'tiers' && this.aspect !== this.model.layoutAspect) this.requestUpdate();
      if (!this.view.userZoomed) this.view.fit(this.layoutCtl.target);
      this.drawCtl.request();
    },
    hit: (x, y, target) => this.hitTest(x, y, target),
    position: (id) => this.layoutCtl.display.get(id),
    drag: (id, p) => this.layoutCtl.moveNode(id, p),
    dragEnd: (id) => this.pin(id),
  });
  /** Hover, highlight, keyboard walk, selection events and the tour. @internal */
  private readonly nav = new ChainNavController(this, {
    shown: () => this.shown,
    positions: () => this.layoutCtl.display,
    view: this.view,
    hit: (x, y, target) => this.hitTest(x, y, target),
    label: () => this.labelFn(),
    terms: () => this.terms,
    node: (id) => this.feed.value?.nodes.find((m) => m.id === id),
    centreOn: (id) => this.centreOn(id),
  });
  /** One redraw per frame through the painter (canvas picture, SVG template, label placement). @internal */
  private readonly drawCtl = new ChainDrawController(this, {
    scene: () => this.scene(),
    canvas: () => this.useCanvas,
    canvasEl: () => this.renderRoot.querySelector<HTMLCanvasElement>('canvas[part="canvas"]'),
    pixelRatio: () => this.pixelRatio,
    gesturing: () => this.view.gesturing,
    token: (name, fallback) => this.themeCtl.token(name, fallback),
    dropped: (n) => (this.droppedLabels = n),
  });
  /** The graph shown, when it is laid out again, pins, label widths and each picture's scene. @internal */
  private readonly model = new ChainModelController((req) => this.layoutCtl.run(req), () => this.themeCtl.density);

  /**
   * Starts the layout worker before any graph exists (its module loads while the page fetches data), so the first
   * layout does not wait for it. Call it early on pages that show a large graph; safe to call more than once.
   */
  static prewarm(): void {
    prewarmLayoutWorker();
  }

  /** Same as the static `CivicChainGraph.prewarm()`. */
  prewarm(): void {
    prewarmLayoutWorker();
  }

  // ── lifecycle ──
  override connectedCallback(): void {
    super.connectedCallback();
    // The main-thread layouts (small graphs, or where no worker runs) load while the data does.
    void preloadLayouts();
    // Tiers and radial layouts run in the worker whatever the size: it starts now, while the data loads.
    if (this.layout !== 'force') prewarmLayoutWorker();
    // A layout abandoned on disconnect starts again.
    if (this.layoutCtl.pending) {
      this.model.relayout();
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.layoutCtl.stop();
    this.view.detach();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.nav.willUpdate(changed);
    const { chain, hiddenTypes, hiddenKinds, sizeBy, layout, seed, positions, aspect } = this;
    const started = this.model.update({
      chain, hiddenTypes, hiddenKinds, sizeBy, layout, seed, positions, aspect,
      data: this.feed.value, lang: this.t.lang, density: this.themeCtl.density, positionsChanged: changed.has('positions'),
      label: this.labelFn(),
      // The element's own font token, not the host's font-family: a page rule such as `* { font-family: serif }` matches the host.
      font: () => (this.isConnected ? this.themeCtl.token('--_font-family', '') : ''),
    });
    // The canvas painter loads while the layout is computed.
    if (started && this.useCanvas) this.drawCtl.canvasPainter().catch(() => undefined);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.view.attach(this.renderRoot.querySelector<HTMLElement>('[part="stage"]') ?? undefined);
    // The canvas repaints after a render that changed what it shows (not for the dropped-labels note it set itself).
    if (this.useCanvas && !(changed.size === 1 && changed.has('droppedLabels'))) this.drawCtl.request();
    if ((changed.has('focusId') && this.focusId) || (changed.has('search') && this.search)) {
      const id = changed.has('focusId') && this.focusId ? this.focusId : searchNodes(this.shown?.data.nodes ?? [], this.search)[0];
      if (id) this.centreOn(id);
    }
  }

  // ── public methods ──
  /** Highlights a node's neighbourhood and shows its tooltip, as the tour and `<civic-screen>` do; `null` clears. */
  override highlight(id: string | null): void {
    this.nav.highlight(id);
  }

  /**
   * Nodes `<civic-screen>`'s auto-tour passes to `highlight()`: the first twelve stops of the element's own tour
   * (each chain's leader, then its member firms), among the nodes shown.
   */
  override tourTargets(): string[] {
    return this.tourIds.slice(0, SCREEN_TOUR_STOPS);
  }

  /** Advances the tour by one node (public for `<civic-screen>`-style drivers through `highlight`). @internal */
  tourStep(): void {
    this.nav.tourStep();
  }

  /**
   * Resolves when the settled picture is on screen: the layout computed (worker or slices), the glide between
   * layouts finished and the canvas or SVG painted. At once when it already is; never before a first picture.
   * `civic-drawn` fires at the same moment (once per change of data, layout, filters, size, theme or language;
   * not for pan, zoom or hover).
   */
  whenDrawn(): Promise<void> {
    return this.drawnCtl.whenDrawn();
  }

  /** Fits the whole graph into view. */
  resetView(): void {
    this.view.userZoomed = false;
    this.view.fit(this.layoutCtl.target);
  }

  /** Node ids in the order the tour visits them. */
  get tourIds(): string[] {
    return this.nav.tourIds;
  }

  /** Node ids currently drawn (after the `chain` choice and legend filters). */
  get visibleNodeIds(): string[] {
    return this.shown ? this.shown.data.nodes.map((n) => n.id) : [];
  }

  /** True while a layout is being computed (in the worker, or in time slices where no worker can run). */
  get computing(): boolean {
    return this.layoutCtl.pending;
  }

  /** The renderer in use: `svg` or `canvas`. */
  get activeRenderer(): 'svg' | 'canvas' {
    return this.useCanvas ? 'canvas' : 'svg';
  }

  /** Current on-screen position of a node in graph coordinates (for tests and hosts), or undefined. */
  positionOf(id: string): Point | undefined {
    const p = this.layoutCtl.display.get(id);
    return p ? { x: p.x, y: p.y } : undefined;
  }

  /**
   * The graph as a PNG image at the element's current size, as shown: title, 示例数据 marker, legend (with
   * filtered entries dimmed), and the graph with the current zoom, pan, filters, highlight and labels — the
   * SVG renderer's nodes, links, arrowheads and labels painted from their computed styles, the canvas
   * renderer's canvas copied. Search box, buttons, tooltip and table are not drawn. Rejects while nothing has
   * loaded or the element is not laid out.
   * @param options `pixelRatio` (default: the screen's, at least 2) and `background` (CSS colour; default the
   * surface colour).
   */
  async toPNG(options: PngOptions = {}): Promise<Blob> {
    if (!this.isConnected) throw new Error('not in the page: append the element before toPNG()'); // never in the page, Lit never draws it: no waiting for ever
    const painter = this.useCanvas ? this.drawCtl.canvasPainter() : this.drawCtl.svgPainter();
    const [, { chainGraphPng }] = await Promise.all([loadPainters(), import('./chain-graph.export.js'), painter.catch(() => undefined)]);
    await this.updateComplete;
    if (!this.shown) throw new Error('nothing to export (no data yet)');
    // Pending animation frames (layout glide, redraw) first: export what the next frame shows.
    if (this.drawCtl.queued || this.layoutCtl.anim) await new Promise<void>((r) => requestAnimationFrame(() => r()));
    if (!this.useCanvas) await this.updateComplete;
    else this.drawCtl.flush();
    return chainGraphPng(this, this.renderRoot, options, this.pixelRatio, this.themeCtl.token('--_color-surface', '#ffffff'));
  }

  // ── render ──
  override render(): TemplateResult {
    return html`<div part="base">
      ${this.feed.render({ complete: () => renderGraph(this.graphView()) })}
    </div>`;
  }

  /** What the template shows once data is there, and its callbacks. */
  private graphView(): GraphView {
    const { search, hiddenTypes, hiddenKinds, tableOpen, progress, nav, view } = this;
    return {
      tt: this.terms, core: this.t.core, lang: this.t.lang, shown: this.shown!, label: this.labelFn(), chainName: this.chainName, note: this.feed.value?.note,
      search, hiddenTypes, hiddenKinds, tableOpen, progress, nav,
      picture: this.useCanvas ? html`<canvas part="canvas" aria-hidden="true"></canvas>` : this.drawCtl.svg(),
      dropped: this.drawCtl.dropped,
      at: (id) => {
        const p = this.layoutCtl.display.get(id);
        return p && view.zt.apply([p.x, p.y]);
      },
      exportPng: this.export ? () => void exportPng(this, this.fileName, (m) => this.warn(m)) : undefined,
      reset: () => this.resetView(),
      set: { search: (v) => (this.search = v), hiddenTypes: (v) => (this.hiddenTypes = v), hiddenKinds: (v) => (this.hiddenKinds = v), tableOpen: (v) => (this.tableOpen = v) },
    };
  }

  // ── drawn signal ──
  /** Layout, filters, renderer and pins: a new picture (`civic-drawn` reason `other`). @internal */
  protected override drawnWatch(): Partial<Record<DrawnReason, unknown>> {
    return { ...super.drawnWatch(), other: [this.layout, this.chain, this.hiddenTypes, this.hiddenKinds, this.sizeBy, this.seed, this.model.pinsGen, this.renderer, this.canvasThreshold] };
  }

  /** The stage's height follows a CSS property, not only the host width: both count. @internal */
  protected override drawnResize(): 'width' | 'box' | 'none' {
    return 'box';
  }

  /**
   * Not pictured before the stage has its size (the first fit needs it; the stage's ResizeObserver report can come a
   * frame after the first render), unless the element is not displayed at all (the view controller looks), or the
   * data has no node (the empty state is the picture: no stage, so no size ever comes). @internal
   */
  protected override drawnReady(): boolean {
    const v = this.feed.value;
    return super.drawnReady() && (!v || this.isEmpty(v) || this.view.sizeKnown());
  }

  /** The picture is complete once the layout is computed, the glide finished and the last queued paint ran. @internal */
  protected override drawnSettle(): Promise<void> {
    return this.drawCtl.settled(() => this.layoutCtl.pending || this.layoutCtl.anim !== 0);
  }

  // ── layout ──
  private get terms(): Terms {
    return this.t.pick(chainGraphTerms) as unknown as Terms;
  }

  /** Stage width / height rounded to 0.25 (tiers stretch to it); 0 while unknown. */
  private get aspect(): number {
    const { width, height } = this.view.stageSize;
    return width > 0 && height > 0 ? Math.round((width / height) * 4) / 4 : 0;
  }

  private get useCanvas(): boolean {
    if (this.drawCtl.canvasFailed) return false;
    if (this.renderer === 'canvas') return true;
    if (this.renderer === 'svg') return false;
    return (this.shown?.data.nodes.length ?? 0) > this.canvasThreshold;
  }

  private labelFn(): (n: ChainNode) => string {
    return this.t.lang === 'en' ? (n) => n.nameEn ?? n.name : (n) => n.name;
  }

  private chainName = (c: ChainData['chains'][number]): string => (this.t.lang === 'en' ? c.nameEn ?? c.name : c.name);

  /** A dragged node stays where it was dropped: pinned, `civic-positions-change`, no new layout. */
  private pin(id: string): void {
    const p = this.layoutCtl.display.get(id);
    if (!p) return;
    const positions = (this.positions = this.model.pin(id, p, this.positions));
    this.layoutCtl.target?.positions.set(id, positions[id]);
    this.dispatchEvent(new CivicPositionsChangeEvent({ positions, id }));
  }

  /** The graph being shown (after the chain choice and legend filters). */
  private get shown(): Shown | undefined {
    return this.model.shown;
  }

  // ── picture ──
  /** The current zoom transform (tests read it). @internal */
  private get zt() {
    return this.view.zt;
  }

  private centreOn(id: string): void {
    this.view.centreOn(this.layoutCtl.display.get(id) ?? this.layoutCtl.target?.positions.get(id));
  }

  /** Everything the painter needs for one picture, or undefined before data. */
  private scene(): Scene | undefined {
    const { layout, selected, search, chainName } = this;
    const { zt, stageSize } = this.view;
    const { emphasis, active } = this.nav;
    return this.model.scene({
      layout, selected, search, chainName, zt, width: stageSize.width, height: stageSize.height, emphasis, active,
      display: this.layoutCtl.display, label: this.labelFn(), density: this.themeCtl.density,
      legible: (px) => this.legibleTextPx(px),
      font: () => this.themeCtl.token('--_font-family', ''),
    });
  }

  protected override themeChanged(): void {
    this.drawCtl.themeChanged();
  }

  /** Node under a stage-relative point (see hitNode). */
  private hitTest(x: number, y: number, target?: EventTarget | null): string | null {
    return this.shown ? hitNode(this.shown, this.layoutCtl.display, this.view.zt, x, y, target) : null;
  }
}

