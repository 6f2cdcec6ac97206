import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CivicDataElement } from '../../data/civic-data-element.js';
import type { ParseContext } from '../../data/data-controller.js';
import type { Validated } from '../../data/validate.js';
import type { DrawnReason } from '../../core/events/drawn-event.js';
import { stateStyles, renderIllustrative } from '../../core/render/states.js';
import { cspStyle } from '../../core/render/csp-style.js';
import { CivicSelectEvent } from '../../core/events/select-event.js';
import { CivicHoverEvent } from '../../core/events/hover-event.js';
import { styles } from './chain-graph.styles.js';
import { chainGraphTerms } from './chain-graph.i18n.js';
import { CivicPositionsChangeEvent } from './chain-graph.events.js';
import { adjacency, filterChainData, hasIllustrative, neighbourInDirection, parseChainData, parseFieldMap, searchNodes, tourOrder } from './chain-graph.model.js';
import { radiusByAttribute, type LabelSide } from './chain-graph.layout.js';
import { ChainLayoutController, prewarmLayoutWorker } from './chain-graph.layout-controller.js';
import { ChainViewController } from './chain-graph.view.js';
import { renderLegend, renderTable, tooltipLines, type Terms } from './chain-graph.parts.js';
import { ChainPainter, createTextMeasure, nodeAt, round1, type Scene, type Shown } from './chain-graph.painter.js';
import { exportButtonStyles, renderExportButton } from '../../core/export/export-button.js';
import { drawSvgElement, loadPainters } from '../../core/export/lazy.js';
import { boxIn, canvasToPngBlob, createExportCanvas, drawBadge, drawBoxOf, drawTextNodes, drawTextPart, exportPng, layoutSize, resolvePixelRatio, type PngOptions } from '../../core/export/lazy.js';
import { LINK_KINDS, NODE_TYPES, type ChainData, type ChainLayout, type ChainLink, type ChainNode, type ChainPositions, type ChainRenderer, type Point } from './chain-graph.types.js';

/** `export` is on unless the attribute says `false`/`off`; removing the attribute turns it off too. */
const EXPORT_CONVERTER = {
  fromAttribute: (v: string | null): boolean => v !== null && v !== 'false' && v !== 'off',
  toAttribute: (v: boolean): string => (v ? '' : 'false'),
};
/** Label scale per density, as the tokens' --_type-scale (screen 1.25, elder 1.5 so the smallest text is 18 px). */
const DENSITY_SCALE: Record<string, number> = { default: 1, screen: 1.25, elder: 1.5 };
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
export class CivicChainGraph extends CivicDataElement<ChainData> {
  // ── styles ──
  static override styles = [...CivicDataElement.styles, stateStyles, styles, exportButtonStyles];

  // ── public API ──
  /** Layout: `tiers` (upstream → leader → downstream columns), `force` (clusters per chain) or `radial` (leader at the centre, rings by hops). */
  @property({ reflect: true }) layout: ChainLayout = 'tiers';
  /** Chain id to show alone; empty or `all` shows every chain side by side. */
  @property() chain = '';
  /** Id of the selected node (reflected). Setting it from outside (after the first render) fires `civic-select` once with trigger `api`. */
  @property({ reflect: true }) selected?: string;
  /** Id of a node to focus: its neighbourhood is emphasised and the view centres on it. */
  @property({ attribute: 'focus' }) focusId?: string;
  /** Numeric attribute (`attrs.<name>`) that sizes nodes, e.g. `employees` or `output`. */
  @property({ attribute: 'size-by' }) sizeBy?: string;
  /** `auto` (SVG, canvas above `canvas-threshold` nodes), `svg` or `canvas`. Interaction is the same. */
  @property() renderer: ChainRenderer = 'auto';
  /** Node count above which `renderer="auto"` draws on canvas. */
  @property({ type: Number, attribute: 'canvas-threshold' }) canvasThreshold = 400;
  /** Cycles the highlight through leaders and members (big screens). */
  @property({ type: Boolean, reflect: true }) tour = false;
  /** Seconds per tour step. */
  @property({ type: Number, attribute: 'tour-interval' }) tourInterval = 4;
  /** Seed of the force layout: the same seed gives the same picture after every reload. */
  @property({ type: Number }) seed = 1;
  /** Field mapping for payloads that name fields differently, e.g. `id=code, name=title, type=category`. */
  @property() fields?: string;
  /** Text to search for in node names; matches are ringed and the first one is centred. */
  @property() search = '';
  /** Pinned node positions (graph coordinates) keyed by id; dragging a node adds to it and fires `civic-positions-change`. */
  @property({ attribute: false }) positions: ChainPositions = {};
  /**
   * Shows the export button (part `export-button`) in the toolbar, which downloads the graph as a PNG.
   * On by default, unlike the KPI tiles and the rank board: the graph already has a toolbar (search, reset
   * view), it is explored rather than glanced at, and a picture of the arrangement the user has panned, zoomed,
   * filtered and dragged cannot be rebuilt elsewhere — the same reasoning as `<civic-growth-chart>`'s always-
   * present export menu. `export="false"` hides it (an HTML boolean attribute cannot be switched off otherwise).
   */
  @property({ reflect: true, converter: EXPORT_CONVERTER }) export = true;
  /** Base name of the exported file (sanitised; `.png` is added); default: the tag, `civic-chain-graph`. */
  @property({ attribute: 'file-name' }) fileName?: string;

  // ── internal state ──
  @state() private hovered: string | null = null;
  @state() private highlighted: string | null = null;
  @state() private active: string | null = null;
  @state() private hiddenTypes: ReadonlySet<string> = new Set();
  @state() private hiddenKinds: ReadonlySet<string> = new Set();
  @state() private progress: number | null = null;
  @state() private announcement = '';
  @state() private tableOpen = false;
  /** Labels dropped at this zoom (they stay reachable by hover, keyboard and the table): said visibly. */
  @state() private droppedLabels = 0;
  private shown?: Shown;
  private labelSide: LabelSide = 'right';
  private layoutKey = '';
  private shownGen = 0;
  private shownInputs: unknown[] = [];
  private pinsGen = 0;
  /** The pins object this element assigned itself after a drag (no re-layout for those). */
  private ownPins?: ChainPositions;
  /** Set while the element changes `selected` itself (click, Enter, Escape): no `api` event for those. */
  private ownSelect = false;
  private fontFamily = '';
  private drawQueued = 0;
  private tourTimer?: ReturnType<typeof setInterval>;
  private tourIndex = -1;
  private lastHoverEvent: string | null = null;
  /** Zoom of the gesture's first frame: a pan (same zoom) moves the placed labels with the picture. */
  private gestureK?: number;

  // ── controllers ──
  /** Layout jobs (worker from the start, slices as fallback), progress and on-screen positions. @internal */
  private readonly layoutCtl = new ChainLayoutController({
    progress: (v) => (this.progress = v),
    result: (r) => {
      this.labelSide = r.labelSide;
      if (!this.view.userZoomed) this.view.fit(r);
    },
    moved: () => {
      this.painter.moved();
      this.requestDraw();
    },
    live: () => this.isConnected,
  });
  /** Zoom, pan, drag and the stage size (core ResizeController). @internal */
  private readonly view = new ChainViewController(this, {
    changed: () => this.requestDraw(),
    gesture: (on) => {
      this.gestureK = on ? this.view.zt.k : undefined;
      if (!on) this.requestDraw();
    },
    resized: () => {
      if (this.layout === 'tiers' && this.aspect !== this.layoutAspect) this.requestUpdate();
      if (!this.view.userZoomed) this.view.fit(this.layoutCtl.target);
      this.requestDraw();
    },
    hit: (x, y, target) => this.hitTest(x, y, target),
    position: (id) => this.layoutCtl.display.get(id),
    drag: (id, p) => this.layoutCtl.moveNode(id, p),
    dragEnd: (id) => this.pin(id),
  });
  /** Canvas picture, SVG template and label placement. @internal */
  private readonly painter = new ChainPainter((name, fallback) => this.themeCtl.token(name, fallback));
  private readonly measure = createTextMeasure(() => ({ family: this.fontFamily, scale: DENSITY_SCALE[this.themeCtl.density] ?? 1 }));
  private layoutAspect = 0;

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
    this.syncTour();
    // A layout abandoned on disconnect starts again.
    if (this.layoutCtl.pending) {
      this.layoutKey = '';
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopTour();
    this.layoutCtl.stop();
    cancelAnimationFrame(this.drawQueued);
    this.drawQueued = 0;
    this.view.detach();
  }

  protected override parse(raw: unknown, _ctx: ParseContext): Validated<ChainData> {
    return parseChainData(raw, { fields: parseFieldMap(this.fields) });
  }

  protected override parseDeps(): readonly unknown[] {
    return [this.fields];
  }

  protected override count(v: ChainData): number {
    return v.nodes.length;
  }

  protected override isEmpty(v: ChainData): boolean {
    return v.nodes.length === 0;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.announceApiSelect(changed);
    const data = this.feed.value;
    if (!data) {
      this.shown = undefined;
      return;
    }
    const inputs = [data, this.chain, this.hiddenTypes, this.hiddenKinds, this.sizeBy];
    if (!this.shown || !inputs.every((v, i) => v === this.shownInputs[i])) {
      this.shownInputs = inputs;
      const visible = filterChainData(data, { chain: this.chain, hiddenTypes: this.hiddenTypes, hiddenKinds: this.hiddenKinds });
      this.shownGen++;
      this.shown = {
        data: visible,
        byId: new Map(visible.nodes.map((n) => [n.id, n])),
        adj: adjacency(visible.links),
        radius: radiusByAttribute(visible.nodes, this.sizeBy),
        illustrative: hasIllustrative(visible),
        types: NODE_TYPES.filter((t) => data.nodes.some((n) => n.type === t)),
        kinds: LINK_KINDS.filter((k) => data.links.some((l) => l.kind === k)),
      };
    }
    if (changed.has('positions') && this.positions !== this.ownPins) this.pinsGen++;
    const key = [this.layout, this.seed, this.t.lang, this.sizeBy ?? '', this.themeCtl.density, this.shownGen, this.pinsGen, this.layout === 'tiers' ? this.aspect : ''].join('|');
    if (key !== this.layoutKey) {
      this.layoutKey = key;
      this.computeLayout();
    }
    if (changed.has('tour') || changed.has('tourInterval')) this.syncTour();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.view.attach(this.renderRoot.querySelector<HTMLElement>('[part="stage"]') ?? undefined);
    // The canvas repaints after a render that changed what it shows (not for the dropped-labels note it set itself).
    if (this.useCanvas && !(changed.size === 1 && changed.has('droppedLabels'))) this.requestDraw();
    if ((changed.has('focusId') && this.focusId) || (changed.has('search') && this.search)) {
      const id = changed.has('focusId') && this.focusId ? this.focusId : searchNodes(this.shown?.data.nodes ?? [], this.search)[0];
      if (id) this.centreOn(id);
    }
  }

  // ── public methods ──
  /** Highlights a node's neighbourhood and shows its tooltip, as the tour and `<civic-screen>` do; `null` clears. */
  override highlight(id: string | null): void {
    this.highlighted = id && this.shown?.byId.has(id) ? id : null;
    if (this.highlighted) this.announce(this.describeNode(this.highlighted));
  }

  /**
   * Nodes `<civic-screen>`'s auto-tour passes to `highlight()`: the first twelve stops of the element's own tour
   * (each chain's leader, then its member firms), among the nodes shown.
   */
  override tourTargets(): string[] {
    return this.tourIds.slice(0, SCREEN_TOUR_STOPS);
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
    return this.shown ? tourOrder(this.shown.data) : [];
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
    await loadPainters();
    await this.updateComplete;
    if (!this.shown) throw new Error('nothing to export (no data yet)');
    // Pending animation frames (layout glide, redraw) first: export what the next frame shows.
    if (this.drawQueued || this.layoutCtl.anim) await new Promise<void>((r) => requestAnimationFrame(() => r()));
    if (!this.useCanvas) await this.updateComplete;
    else if (this.drawQueued) {
      cancelAnimationFrame(this.drawQueued);
      this.drawQueued = 0;
      this.drawCanvas();
    }
    const { width, height, scale } = layoutSize(this);
    if (!(width >= 1 && height >= 1)) throw new Error('nothing to export (the graph is not laid out)');
    const ratio = resolvePixelRatio(options.pixelRatio, this.pixelRatio, width, height);
    const { canvas, ctx } = createExportCanvas(width, height, ratio, options.background ?? this.themeCtl.token('--_color-surface', '#ffffff'));
    const root = this.renderRoot;
    const q = (part: string) => root.querySelector<HTMLElement>(`[part~="${part}"]`);
    drawTextPart(ctx, q('title'), this, { wrap: false, scale });
    drawBadge(ctx, q('toolbar')?.querySelector('[part~="illustrative"]'), this, scale);
    root.querySelectorAll<HTMLElement>('[part~="legend"] .legend-heading, [part~="legend"] button').forEach((el) => {
      ctx.save();
      ctx.globalAlpha = parseFloat(getComputedStyle(el).opacity) || 1;
      const sw = el.querySelector<SVGSVGElement>('svg.swatch');
      const sb = boxIn(sw, this, scale);
      if (sw && sb) drawSvgElement(ctx, sw, sb);
      drawTextNodes(ctx, el, this, scale);
      ctx.restore();
    });
    const stage = q('stage');
    const stb = boxIn(stage, this, scale);
    if (stage && stb) {
      drawBoxOf(ctx, stage, stb);
      ctx.save();
      ctx.beginPath();
      ctx.rect(stb.x, stb.y, stb.width, stb.height);
      ctx.clip();
      const plot = root.querySelector<SVGSVGElement>('svg[part~="plot"]');
      const pb = boxIn(plot, this, scale);
      if (plot && pb) drawSvgElement(ctx, plot, pb);
      const cv = root.querySelector<HTMLCanvasElement>('canvas[part~="canvas"]');
      const cb = boxIn(cv, this, scale);
      if (cv && cb && cv.width > 0 && cv.height > 0) ctx.drawImage(cv, cb.x, cb.y, cb.width, cb.height);
      ctx.restore();
    }
    root.querySelectorAll('[part~="base"] > [part~="status"]').forEach((el) => drawTextPart(ctx, el, this, { scale }));
    return canvasToPngBlob(canvas);
  }

  // ── render ──
  override render(): TemplateResult {
    return html`<div part="base">
      ${this.feed.render({ complete: () => this.renderGraph() })}
    </div>`;
  }

  private renderGraph(): TemplateResult {
    const tt = this.t.pick(chainGraphTerms);
    const s = this.shown!;
    const lang = this.t.lang;
    const chainNames = s.data.chains.map((c) => (lang === 'en' ? c.nameEn ?? c.name : c.name)).filter(Boolean);
    const summary = tt.summary(chainNames.join(lang === 'en' ? ', ' : '、') || tt.graph, s.data.nodes.length, s.data.links.length);
    const focusNode = this.emphasis;
    const tip = focusNode ? this.tooltipFor(focusNode) : undefined;
    return html`
      <div part="toolbar">
        <div part="title">${chainNames.join(' · ')}</div>
        ${s.illustrative ? renderIllustrative(this.t.core, this.feed.value?.note) : nothing}
        <span class="spacer"></span>
        ${this.export ? renderExportButton(tt.exportPng, this.onExport) : nothing}
        <button part="reset" type="button" @click=${() => this.resetView()}>${tt.resetZoom}</button>
        <label
          >${tt.search}
          <input part="search" type="search" .value=${this.search} @input=${(e: Event) => (this.search = (e.target as HTMLInputElement).value)} @keydown=${this.onSearchKey}
        /></label>
      </div>
      ${this.renderLegend()}
      <div
        part="stage"
        tabindex="0"
        role="application"
        aria-roledescription=${tt.graph}
        aria-label=${summary}
        aria-describedby="instructions"
        @keydown=${this.onKey}
        @click=${this.onClick}
        @pointermove=${this.onPointerMove}
        @pointerleave=${this.onPointerLeave}
        @blur=${() => (this.active = null)}
      >
        ${this.useCanvas ? html`<canvas part="canvas" aria-hidden="true"></canvas>` : this.renderSvg()}
        ${tip && focusNode ? this.renderTooltip(focusNode, tip) : nothing}
        ${this.droppedLabels > 0 ? html`<div part="label-note">${tt.moreLabels(this.droppedLabels)}</div>` : nothing}
        ${this.progress !== null
          ? html`<div part="progress" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow=${Math.round(this.progress * 100)} aria-label=${tt.computing(Math.round(this.progress * 100))}>
              ${tt.computing(Math.round(this.progress * 100))}
              <div class="bar"><div style=${cspStyle({ width: `${Math.round(this.progress * 100)}%` })}></div></div>
            </div>`
          : nothing}
      </div>
      <div id="instructions" class="visually-hidden">${tt.instructions}</div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${this.renderTable()}
    `;
  }

  private renderSvg(): TemplateResult {
    const scene = this.scene();
    if (!scene) return html``;
    const { template, placed } = this.painter.svg(scene);
    if (placed.dropped !== this.droppedLabels) queueMicrotask(() => (this.droppedLabels = placed.dropped));
    return template;
  }

  private renderLegend(): TemplateResult {
    return renderLegend(this.t.pick(chainGraphTerms) as unknown as Terms, this.shown!, this.hiddenTypes, this.hiddenKinds, {
      type: (t) => (this.hiddenTypes = toggle(this.hiddenTypes, t)),
      kind: (k) => (this.hiddenKinds = toggle(this.hiddenKinds, k)),
    });
  }

  private renderTable(): TemplateResult {
    return renderTable(this.t.pick(chainGraphTerms) as unknown as Terms, this.t.core.table, this.shown!, this.labelFn(), this.chainName, this.tableOpen, (open) => (this.tableOpen = open));
  }

  private tooltipFor(id: string): string[] | undefined {
    return tooltipLines(this.t.pick(chainGraphTerms) as unknown as Terms, this.shown!, id, this.labelFn(), this.t.lang, this.t.core.illustrative);
  }

  private renderTooltip(id: string, lines: string[]): TemplateResult {
    const p = this.layoutCtl.display.get(id);
    if (!p) return html``;
    const [x, y] = this.zt.apply([p.x, p.y]);
    const w = this.stageSize.width || 600;
    const left = x + 14 > w - 200 ? Math.max(0, x - 214) : x + 14;
    return html`<div part="tooltip" role="tooltip" style=${cspStyle({ left: `${Math.round(left)}px`, top: `${Math.round(Math.max(0, y + 10))}px` })}>
      <strong>${lines[0]}</strong>${lines.slice(1).join('\n')}
    </div>`;
  }

  // ── private helpers: drawn signal ──
  /** Layout, filters, renderer and pins: a new picture (`civic-drawn` reason `other`). @internal */
  protected override drawnWatch(): Partial<Record<DrawnReason, unknown>> {
    return { ...super.drawnWatch(), other: [this.layout, this.chain, this.hiddenTypes, this.hiddenKinds, this.sizeBy, this.seed, this.pinsGen, this.renderer, this.canvasThreshold] };
  }

  /** The stage's height follows a CSS property, not only the host width: both count. @internal */
  protected override drawnResize(): 'width' | 'box' | 'none' {
    return 'box';
  }

  /**
   * Not pictured before the stage has its size (the first fit needs it; the stage's ResizeObserver report can come a
   * frame after the first render), unless the element is not displayed at all. @internal
   */
  protected override drawnReady(): boolean {
    return super.drawnReady() && (!this.feed.value || this.view.stageSize.width > 0 || this.offsetWidth === 0);
  }

  /** The picture is complete once the layout is computed, the glide finished and the last queued paint ran. @internal */
  protected override async drawnSettle(): Promise<void> {
    for (;;) {
      await this.updateComplete;
      if (!this.layoutCtl.pending && !this.layoutCtl.anim && !this.drawQueued && !this.isUpdatePending) return;
      await new Promise<void>((r) => requestAnimationFrame(() => r()));
    }
  }

  /**
   * `selected` set from outside (attribute or property, after the first render) fires `civic-select` once with
   * trigger `api`, as a click would, so linked views and listeners follow either way.
   */
  private announceApiSelect(changed: PropertyValues): void {
    if (!changed.has('selected')) return;
    const own = this.ownSelect;
    this.ownSelect = false;
    if (own || !this.hasUpdated) return;
    const id = this.selected || null;
    this.dispatchEvent(new CivicSelectEvent({ id, item: id ? this.plainNode(id) : undefined, trigger: 'api' }));
  }

  // ── private helpers: layout ──
  /** Stage width / height rounded to 0.25 (tiers stretch to it); 0 while unknown. */
  private get aspect(): number {
    const { width, height } = this.view.stageSize;
    return width > 0 && height > 0 ? Math.round((width / height) * 4) / 4 : 0;
  }

  private get useCanvas(): boolean {
    if (this.renderer === 'canvas') return true;
    if (this.renderer === 'svg') return false;
    return (this.shown?.data.nodes.length ?? 0) > this.canvasThreshold;
  }

  /** The node whose neighbourhood is emphasised: hover wins, then highlight (tour), keyboard, focus attribute. */
  private get emphasis(): string | null {
    const s = this.shown;
    if (!s) return null;
    for (const id of [this.hovered, this.highlighted, this.active, this.focusId ?? null]) if (id && s.byId.has(id)) return id;
    return null;
  }

  private labelFn(): (n: ChainNode) => string {
    return this.t.lang === 'en' ? (n) => n.nameEn ?? n.name : (n) => n.name;
  }

  private chainName = (c: ChainData['chains'][number]): string => (this.t.lang === 'en' ? c.nameEn ?? c.name : c.name);

  private computeLayout(): void {
    const s = this.shown;
    if (!s) return;
    // The element's own font token, not the host's font-family: a page rule such as `* { font-family: serif }` matches the host.
    this.fontFamily = this.isConnected ? this.themeCtl.token('--_font-family', '') : '';
    this.layoutAspect = this.aspect;
    const label = this.labelFn();
    const opts = { measureText: this.measure, radius: s.radius, label, pins: this.positions, seed: this.seed, aspect: this.aspect || undefined };
    this.layoutCtl.run({
      kind: this.layout,
      data: s.data,
      opts,
      seed: this.seed,
      pins: this.positions ?? {},
      sizeBy: this.sizeBy,
      lang: this.t.lang,
      widths: () => {
        const widths: Record<string, number> = {};
        for (const n of s.data.nodes) {
          const t = label(n);
          widths[t] = this.measure(t);
        }
        return widths;
      },
    });
  }

  /** A dragged node stays where it was dropped: pinned, `civic-positions-change`, no new layout. */
  private pin(id: string): void {
    const p = this.layoutCtl.display.get(id);
    if (!p) return;
    const positions = { ...this.positions, [id]: { x: round1(p.x), y: round1(p.y) } };
    this.ownPins = positions;
    this.positions = positions;
    this.layoutCtl.target?.positions.set(id, positions[id]);
    this.dispatchEvent(new CivicPositionsChangeEvent({ positions, id }));
  }

  // ── private helpers: view ──
  private get zt() {
    return this.view.zt;
  }

  private get stageSize() {
    return this.view.stageSize;
  }

  private centreOn(id: string): void {
    this.view.centreOn(this.layoutCtl.display.get(id) ?? this.layoutCtl.target?.positions.get(id));
  }

  /** Everything the painter needs for one picture, or undefined before data. */
  private scene(): Scene | undefined {
    const shown = this.shown;
    if (!shown) return undefined;
    const density = DENSITY_SCALE[this.themeCtl.density] ?? 1;
    return {
      shown,
      display: this.layoutCtl.display,
      zt: this.view.zt,
      width: this.view.stageSize.width,
      height: this.view.stageSize.height,
      layout: this.layout,
      labelSide: this.labelSide,
      emphasis: this.emphasis,
      selected: this.selected,
      active: this.active,
      search: this.search,
      matches: new Set(searchNodes(shown.data.nodes, this.search)),
      label: this.labelFn(),
      chainName: this.chainName,
      measure: this.measure,
      density,
      size: this.legibleTextPx(12 * density),
      chainSize: this.legibleTextPx(14 * density),
      fontFamily: this.fontFamily || this.themeCtl.token('--_font-family', ''),
    };
  }

  /** Schedules one redraw on the next frame (SVG: a Lit update; canvas: drawCanvas). Never updates synchronously. */
  private requestDraw(): void {
    if (this.drawQueued) return;
    this.drawQueued = requestAnimationFrame(() => {
      this.drawQueued = 0;
      if (this.useCanvas) this.drawCanvas();
      else this.requestUpdate();
    });
  }

  protected override themeChanged(): void {
    this.painter.themeChanged();
    this.requestDraw();
  }

  /** One canvas frame (canvas renderer only). */
  private drawCanvas(): void {
    const canvas = this.renderRoot.querySelector<HTMLCanvasElement>('canvas[part="canvas"]');
    const scene = this.scene();
    if (!canvas || !scene) return;
    const gesture = this.gestureK === undefined ? 'none' : this.gestureK === scene.zt.k ? 'pan' : 'zoom';
    const placed = this.painter.drawCanvas(canvas, scene, this.pixelRatio, gesture);
    // The note about names not shown follows at rest (a Lit update per gesture frame would cost more than the frame).
    if (placed && !this.view.gesturing && placed.dropped !== this.droppedLabels) this.droppedLabels = placed.dropped;
  }

  /** Node under a stage-relative point: the SVG target's node first, else the nearest node within its radius. */
  private hitTest(x: number, y: number, target?: EventTarget | null): string | null {
    const el = target instanceof Element ? target.closest('[data-id]') : null;
    if (el && el.closest('[part="plot"]')) return el.getAttribute('data-id');
    return this.shown ? nodeAt(this.shown, this.layoutCtl.display, this.view.zt, x, y) : null;
  }

  // ── private helpers: interaction ──
  private onExport = (): void => {
    void exportPng(this, this.fileName, (m) => this.warn(m));
  };

  private onPointerMove = (e: PointerEvent): void => {
    if (this.view.gesturing) return; // no hit-testing while a pan or zoom runs
    const [x, y] = this.view.stagePoint(e);
    const id = this.hitTest(x, y, e.composedPath()[0]);
    if (id !== this.hovered) {
      this.hovered = id;
      this.emitHover(id);
    }
  };

  private onPointerLeave = (): void => {
    if (this.hovered !== null) {
      this.hovered = null;
      this.emitHover(null);
    }
  };

  private emitHover(id: string | null): void {
    if (id === this.lastHoverEvent) return;
    this.lastHoverEvent = id;
    this.dispatchEvent(new CivicHoverEvent({ id, item: id ? this.plainNode(id) : undefined }));
  }

  private onClick = (e: MouseEvent): void => {
    const [x, y] = this.view.stagePoint(e);
    const id = this.hitTest(x, y, e.composedPath()[0]);
    if (id) {
      this.active = id;
      this.choose(id, 'pointer');
    }
  };

  private onSearchKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Enter') return;
    const id = searchNodes(this.shown?.data.nodes ?? [], this.search)[0];
    if (id) {
      this.active = id;
      this.centreOn(id);
      this.announce(this.describeNode(id));
    }
  };

  private onKey = (e: KeyboardEvent): void => {
    const s = this.shown;
    if (!s || e.composedPath()[0] !== this.view.stageEl) return;
    if (this.view.key(e)) return; // + / - zoom, Shift+arrows pan
    const dirs: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    if (e.key in dirs) {
      e.preventDefault();
      const cur = this.active && s.byId.has(this.active) ? this.active : null;
      const next = cur ? neighbourInDirection(cur, dirs[e.key], s.adj, this.layoutCtl.display) : this.startNode();
      if (next) this.moveActive(next);
      return;
    }
    if ((e.key === 'Enter' || e.key === ' ') && this.active && s.byId.has(this.active)) {
      e.preventDefault();
      this.choose(this.active, 'keyboard');
      return;
    }
    if (e.key === 'Escape') {
      const had = this.selected !== undefined && this.selected !== null && this.selected !== '';
      this.active = null;
      this.hovered = null;
      this.highlighted = null;
      if (had) {
        this.ownSelect = true;
        this.selected = undefined;
        this.announce(this.t.pick(chainGraphTerms).cleared);
        this.dispatchEvent(new CivicSelectEvent({ id: null, trigger: 'keyboard' }));
      }
      this.emitHover(null);
    }
  };

  private startNode(): string | null {
    const s = this.shown!;
    for (const id of [this.selected, this.focusId, ...s.data.chains.map((c) => c.leader)]) if (id && s.byId.has(id)) return id;
    return s.data.nodes[0]?.id ?? null;
  }

  private moveActive(id: string): void {
    this.active = id;
    this.announce(this.describeNode(id));
    this.emitHover(id);
    const p = this.layoutCtl.display.get(id);
    const { width, height } = this.view.stageSize;
    if (p && width > 0) {
      const [x, y] = this.view.zt.apply([p.x, p.y]);
      if (x < 20 || y < 20 || x > width - 20 || y > height - 20) this.centreOn(id);
    }
  }

  private choose(id: string, trigger: 'pointer' | 'keyboard'): void {
    if (this.selected !== id) this.ownSelect = true;
    this.selected = id;
    this.announce(this.t.pick(chainGraphTerms).selectedNode(this.labelFn()(this.shown!.byId.get(id)!)));
    this.dispatchEvent(new CivicSelectEvent({ id, item: this.plainNode(id), trigger }));
  }

  private plainNode(id: string): Record<string, unknown> | undefined {
    const n = this.shown?.byId.get(id) ?? this.feed.value?.nodes.find((m) => m.id === id);
    if (!n) return undefined;
    return { id: n.id, name: n.name, nameEn: n.nameEn, type: n.type, chain: n.chain ?? n.home, tier: n.tier, flags: [...n.flags], attrs: { ...n.attrs }, illustrative: n.illustrative };
  }

  private describeNode(id: string): string {
    const s = this.shown!;
    const n = s.byId.get(id);
    if (!n) return '';
    const tt = this.t.pick(chainGraphTerms) as unknown as Record<string, string> & typeof chainGraphTerms.en;
    return tt.current(this.labelFn()(n), tt['type-' + n.type], (s.adj.get(id) ?? []).length);
  }

  private announce(text: string): void {
    this.announcement = text;
  }

  // ── private helpers: tour ──
  private syncTour(): void {
    this.stopTour();
    if (!this.tour || !this.isConnected) return;
    const ms = Math.max(1, this.tourInterval || 4) * 1000;
    this.tourTimer = setInterval(() => this.tourStep(), ms);
  }

  private stopTour(): void {
    if (this.tourTimer !== undefined) clearInterval(this.tourTimer);
    this.tourTimer = undefined;
  }

  /** Advances the tour by one node (public for `<civic-screen>`-style drivers through `highlight`). @internal */
  tourStep(): void {
    if (this.hovered) return;
    const ids = this.tourIds;
    if (!ids.length) return;
    this.tourIndex = (this.tourIndex + 1) % ids.length;
    this.highlight(ids[this.tourIndex]);
  }
}

// ── module helpers ──
function toggle(set: ReadonlySet<string>, v: string): ReadonlySet<string> {
  const next = new Set(set);
  if (next.has(v)) next.delete(v);
  else next.add(v);
  return next;
}
