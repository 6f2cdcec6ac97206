import { createLayoutWorker } from './chain-graph.worker-factory.js';
import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { select } from 'd3-selection';
import { zoom as d3zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { drag as d3drag } from 'd3-drag';
import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye, type SymbolType } from 'd3-shape';
import { CivicDataElement } from '../../data/civic-data-element.js';
import type { ParseContext } from '../../data/data-controller.js';
import type { Validated } from '../../data/validate.js';
import { stateStyles, renderIllustrative } from '../../core/render/states.js';
import { cspStyle } from '../../core/render/csp-style.js';
import { CivicSelectEvent } from '../../core/events/select-event.js';
import { CivicHoverEvent } from '../../core/events/hover-event.js';
import { formatNumber } from '../../core/format/number.js';
import { styles } from './chain-graph.styles.js';
import { chainGraphTerms } from './chain-graph.i18n.js';
import { CivicPositionsChangeEvent } from './chain-graph.events.js';
import { labelPriority, placeLabels, LABEL_PRIORITY, type LabelCandidate } from './chain-graph.labels.js';
import { adjacency, filterChainData, hasIllustrative, neighbourhood, parseChainData, parseFieldMap, searchNodes, tourOrder } from './chain-graph.model.js';
import { createForceLayout, estimateTextWidth, radialLayout, radiusByAttribute, resultFromPositions, tiersLayout, type ForceOptions, type LabelSide, type LayoutResult } from './chain-graph.layout.js';
import type { LayoutJob } from './chain-graph.worker.js';
import { exportButtonStyles, renderExportButton } from '../../core/export/export-button.js';
import { drawSvgElement } from '../../core/export/draw-svg.js';
import { boxIn, canvasToPngBlob, createExportCanvas, drawBadge, drawBoxOf, drawTextNodes, drawTextPart, exportPng, layoutSize, resolvePixelRatio, type PngOptions } from '../../core/export/png.js';
import {
  LINK_KINDS,
  NODE_TYPES,
  type ChainData,
  type ChainLayout,
  type ChainLink,
  type ChainNode,
  type ChainPositions,
  type ChainRenderer,
  type LinkKind,
  type NodeType,
  type Point,
} from './chain-graph.types.js';

const SHAPES: Record<NodeType, SymbolType> = {
  leader: symbolStar,
  member: symbolCircle,
  'party-branch': symbolTriangle,
  park: symbolSquare,
  project: symbolDiamond,
  'service-team': symbolWye,
};
/** `export` is on unless the attribute says `false`/`off`; removing the attribute turns it off too. */
const EXPORT_CONVERTER = {
  fromAttribute: (v: string | null): boolean => v !== null && v !== 'false' && v !== 'off',
  toAttribute: (v: boolean): string => (v ? '' : 'false'),
};
const DASH: Record<LinkKind, number[]> = { supply: [], alliance: [6, 4], 'party-link': [2, 3], service: [8, 3, 2, 3], 'located-in': [12, 4] };

/** Force layouts from this many nodes show a progress bar while they compute (smaller ones finish within a few frames). */
const PROGRESS_FROM = 300;
/** Force layouts from this many nodes run in a Web Worker (module worker; time slices if it cannot start). */
const WORKER_FROM = 1000;
/** One slice of layout work stays under this many milliseconds (the main thread never blocks > 50 ms). */
const SLICE_MS = 24;

interface Shown {
  data: ChainData;
  byId: Map<string, ChainNode>;
  adj: Map<string, string[]>;
  radius: (n: ChainNode) => number;
  illustrative: boolean;
  /** Node types and link kinds present in the whole payload (the legend keeps filtered ones as toggles). */
  types: NodeType[];
  kinds: LinkKind[];
}

/** Label scale per density, as the tokens' --_type-scale (screen 1.25, elder 1.5 so the smallest text is 18 px). */
const DENSITY_SCALE: Record<string, number> = { default: 1, screen: 1.25, elder: 1.5 };
/** A label's box height in em (the content area of CJK fonts) and its baseline from the top of that box. */
const LINE = 1.45;
const BASELINE = 1.1;

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
 * @event {CivicSelectEvent} civic-select - A node was chosen by click or Enter (detail.id, detail.item), or cleared by Escape (id null).
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
  /** Id of the selected node (reflected). Setting it from outside does not fire `civic-select`. */
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
  private target?: LayoutResult;
  /** Positions on screen (animated towards `target`). */
  private display = new Map<string, Point>();
  private labelSide: LabelSide = 'right';
  private zt: ZoomTransform = zoomIdentity;
  private userZoomed = false;
  private stageSize = { width: 0, height: 0 };
  private layoutKey = '';
  private pending = false;
  private worker?: Worker;
  private workerBroken = false;
  private shownGen = 0;
  private shownInputs: unknown[] = [];
  private pinsGen = 0;
  /** The pins object this element assigned itself after a drag (no re-layout for those). */
  private ownPins?: ChainPositions;
  private fontFamily = '';
  private layoutJob = 0;
  private anim = 0;
  private drawQueued = 0;
  private tourTimer?: ReturnType<typeof setInterval>;
  private tourIndex = -1;
  private resizeObs?: ResizeObserver;
  private zoomBehavior?: ZoomBehavior<HTMLElement, unknown>;
  private stageEl?: HTMLElement;
  private textCtx?: CanvasRenderingContext2D | null;
  private textCache = new Map<string, number>();
  private colors?: Record<string, string>;
  private lastHoverEvent: string | null = null;
  private dragMoved = false;

  // ── lifecycle ──
  override connectedCallback(): void {
    super.connectedCallback();
    this.syncTour();
    // A layout abandoned on disconnect starts again.
    if (this.pending) {
      this.layoutKey = '';
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopTour();
    this.layoutJob++;
    cancelAnimationFrame(this.anim);
    cancelAnimationFrame(this.drawQueued);
    this.anim = this.drawQueued = 0;
    this.resizeObs?.disconnect();
    this.resizeObs = undefined;
    this.worker?.terminate();
    this.worker = undefined;
    if (this.stageEl) select(this.stageEl).on('.zoom', null).on('.drag', null);
    this.stageEl = undefined;
    this.zoomBehavior = undefined;
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
    this.attachStage();
    if (this.useCanvas) this.requestDraw();
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

  /** Fits the whole graph into view. */
  resetView(): void {
    this.userZoomed = false;
    this.fit();
  }

  /** Node ids in the order the tour visits them. */
  get tourIds(): string[] {
    return this.shown ? tourOrder(this.shown.data) : [];
  }

  /** Node ids currently drawn (after the `chain` choice and legend filters). */
  get visibleNodeIds(): string[] {
    return this.shown ? this.shown.data.nodes.map((n) => n.id) : [];
  }

  /**
   * @internal `civic-load` waits for the picture: layouts in a worker or in time slices finish first, and the canvas
   * renderer draws in the next frame.
   */
  protected override async dataDrawn(): Promise<void> {
    for (;;) {
      await this.updateComplete;
      if (!this.pending && !this.drawQueued) return;
      await new Promise<void>((r) => requestAnimationFrame(() => r()));
    }
  }

  /** True while a layout is being computed (force layouts run in time slices). */
  get computing(): boolean {
    return this.pending;
  }

  /** The renderer in use: `svg` or `canvas`. */
  get activeRenderer(): 'svg' | 'canvas' {
    return this.useCanvas ? 'canvas' : 'svg';
  }

  /** Current on-screen position of a node in graph coordinates (for tests and hosts), or undefined. */
  positionOf(id: string): Point | undefined {
    const p = this.display.get(id);
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
    await this.updateComplete;
    if (!this.shown) throw new Error('nothing to export (no data yet)');
    // Pending animation frames (layout glide, redraw) first: export what the next frame shows.
    if (this.drawQueued || this.anim) await new Promise<void>((r) => requestAnimationFrame(() => r()));
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

  private renderLegend(): TemplateResult {
    const tt = this.t.pick(chainGraphTerms) as unknown as Record<string, string>;
    const { types, kinds } = this.shown!;
    return html`<ul part="legend" aria-label=${tt.legend}>
      <li class="legend-heading" aria-hidden="true">${tt.nodeTypes}</li>
      ${types.map(
        (t) => html`<li>
          <button type="button" aria-pressed=${this.hiddenTypes.has(t) ? 'false' : 'true'} data-type=${t} @click=${() => (this.hiddenTypes = toggle(this.hiddenTypes, t))}>
            <svg class="swatch" viewBox="-10 -7 20 14" aria-hidden="true"><path class="sw" data-type=${t} d=${symbol(SHAPES[t], 90)() ?? ''}></path></svg>${tt['type-' + t]}
          </button>
        </li>`,
      )}
      <li class="legend-heading" aria-hidden="true">${tt.linkKinds}</li>
      ${kinds.map(
        (k) => html`<li>
          <button type="button" aria-pressed=${this.hiddenKinds.has(k) ? 'false' : 'true'} data-kind=${k} @click=${() => (this.hiddenKinds = toggle(this.hiddenKinds, k))}>
            <svg class="swatch" viewBox="0 -5 24 10" aria-hidden="true"><line class="ls" data-kind=${k} x1="0" y1="0" x2="24" y2="0"></line></svg>${tt['kind-' + k]}
          </button>
        </li>`,
      )}
    </ul>`;
  }

  private renderSvg(): TemplateResult {
    const s = this.shown!;
    const emph = this.emphasis;
    const hood = emph ? neighbourhood(emph, s.adj) : undefined;
    const matches = new Set(searchNodes(s.data.nodes, this.search));
    const label = this.labelFn();
    const side = this.labelSide;
    const pos = this.display;
    const placed = this.placeLabels();
    if (placed.dropped !== this.droppedLabels) queueMicrotask(() => (this.droppedLabels = placed.dropped));
    const k = this.zt.k;
    const fs = placed.size;
    return html`<svg part="plot" aria-hidden="true" width="100%" height="100%" style=${cspStyle({ '--_label-px': `${fs}px`, '--_chain-label-px': `${placed.chainSize}px` })}>
      <defs>
        <marker id="arrow" viewBox="0 -4 8 8" refX="8" refY="0" markerWidth="7" markerHeight="7" orient="auto"><path class="arrow" d="M0,-4L8,0L0,4Z"></path></marker>
      </defs>
      <g class="viewport" transform=${this.zt.toString()}>
        ${this.layout === 'tiers' || this.chainLabels().length > 1
          ? this.chainLabels().map((c) =>
              placed.kept.has('chain:' + c.id)
                ? svg`<g transform="translate(${round1(c.x)},${round1(c.y0)}) scale(${1 / k})"><text class="chain-label" y=${round1(-placed.chainSize * (LINE - BASELINE) - 2)}>${c.text}</text></g>`
                : nothing,
            )
          : nothing}
        <g class="links">
          ${s.data.links.map((l) => {
            const a = pos.get(l.source), b = pos.get(l.target);
            if (!a || !b) return nothing;
            const hot = hood && (l.source === emph || l.target === emph);
            return svg`<path class="link" data-kind=${l.kind} data-source=${l.source} data-target=${l.target} ?data-dim=${!!hood && !hot} ?data-hot=${!!hot} d=${this.linkPath(l, a, b)}></path>`;
          })}
        </g>
        <g class="nodes">
          ${s.data.nodes.map((n) => {
            const p = pos.get(n.id);
            if (!p) return nothing;
            const r = s.radius(n);
            const text = label(n);
            return svg`<g class="node" data-id=${n.id} data-type=${n.type} ?data-dim=${!!hood && !hood.has(n.id)} ?data-match=${matches.has(n.id)} ?data-selected=${this.selected === n.id} ?data-active=${this.active === n.id} transform="translate(${round1(p.x)},${round1(p.y)})">
              ${this.selected === n.id || this.active === n.id ? svg`<circle class="ring" r=${r + 4}></circle>` : nothing}
              ${matches.has(n.id) ? svg`<circle class="match" r=${r + 7}></circle>` : nothing}
              <path d=${symbol(SHAPES[n.type], Math.PI * r * r)() ?? ''}></path>
              ${!placed.kept.has(n.id)
                ? nothing
                : svg`<g class="label" transform="scale(${1 / k})">${side === 'right'
                    ? svg`<text x=${round1(r * k + 4)} dy="0.35em">${text}</text>`
                    : svg`<text y=${round1(r * k + 2 + fs * BASELINE)} text-anchor="middle">${text}</text>`}</g>`}
            </g>`;
          })}
        </g>
      </g>
    </svg>`;
  }

  private renderTooltip(id: string, lines: string[]): TemplateResult {
    const p = this.display.get(id);
    if (!p) return html``;
    const [x, y] = this.zt.apply([p.x, p.y]);
    const w = this.stageSize.width || 600;
    const left = x + 14 > w - 200 ? Math.max(0, x - 214) : x + 14;
    return html`<div part="tooltip" role="tooltip" style=${cspStyle({ left: `${Math.round(left)}px`, top: `${Math.round(Math.max(0, y + 10))}px` })}>
      <strong>${lines[0]}</strong>${lines.slice(1).join('\n')}
    </div>`;
  }

  private renderTable(): TemplateResult {
    const tt = this.t.pick(chainGraphTerms) as unknown as Record<string, string> & typeof chainGraphTerms.en;
    const s = this.shown!;
    const big = s.data.nodes.length > 500;
    const label = this.labelFn();
    const chainName = new Map(s.data.chains.map((c) => [c.id, this.t.lang === 'en' ? c.nameEn ?? c.name : c.name]));
    const showRows = !big || this.tableOpen;
    const out = new Map<string, ChainLink[]>();
    const inc = new Map<string, ChainLink[]>();
    if (showRows)
      for (const l of s.data.links) {
        (out.get(l.source) ?? out.set(l.source, []).get(l.source)!).push(l);
        (inc.get(l.target) ?? inc.set(l.target, []).get(l.target)!).push(l);
      }
    return html`<details part="table-details" @toggle=${(e: Event) => (this.tableOpen = (e.target as HTMLDetailsElement).open)}>
      <summary>${this.t.core.table} (${tt.nNodes(s.data.nodes.length)})</summary>
      <table part="table">
        <thead>
          <tr>
            <th scope="col">${tt.name}</th>
            <th scope="col">${tt.type}</th>
            <th scope="col">${tt.chain}</th>
            <th scope="col">${tt.tier}</th>
            <th scope="col">${tt.flags}</th>
            <th scope="col">${tt.relations}</th>
          </tr>
        </thead>
        <tbody>
          ${showRows
            ? s.data.nodes.map(
                (n) => html`<tr data-id=${n.id}>
                  <th scope="row">${label(n)}${n.illustrative ? html` <small>(${tt.illustrativeNode})</small>` : nothing}</th>
                  <td>${tt['type-' + n.type]}</td>
                  <td>${chainName.get(n.home) ?? ''}</td>
                  <td>${tt['tier-' + n.tier]}</td>
                  <td>${n.flags.join('、')}</td>
                  <td>
                    ${[
                      ...(out.get(n.id) ?? []).map((l) => tt.outgoing(tt['kind-' + l.kind], label(s.byId.get(l.target)!))),
                      ...(inc.get(n.id) ?? []).map((l) => tt.incoming(tt['kind-' + l.kind], label(s.byId.get(l.source)!))),
                    ].join('；')}
                  </td>
                </tr>`,
              )
            : nothing}
        </tbody>
      </table>
    </details>`;
  }

  // ── private helpers: layout ──
  /** Stage width / height rounded to 0.25 (tiers stretch to it); 0 while unknown. */
  private get aspect(): number {
    const { width, height } = this.stageSize;
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

  private measure = (text: string): number => {
    const scale = DENSITY_SCALE[this.themeCtl.density] ?? 1;
    const key = scale + '|' + text;
    const hit = this.textCache.get(key);
    if (hit !== undefined) return hit;
    if (this.textCtx === undefined) {
      try {
        this.textCtx = document.createElement('canvas').getContext('2d');
      } catch {
        this.textCtx = null;
      }
    }
    let w: number;
    if (this.textCtx) {
      this.textCtx.font = `${12 * scale}px ${this.fontFamily || 'sans-serif'}`;
      w = Math.ceil(this.textCtx.measureText(text).width);
    } else w = estimateTextWidth(text, 12 * scale);
    if (this.textCache.size > 20000) this.textCache.clear();
    this.textCache.set(key, w);
    return w;
  };

  private computeLayout(): void {
    const s = this.shown;
    if (!s) return;
    const job = ++this.layoutJob;
    // The element's own font token, not the host's font-family: a page rule such as `* { font-family: serif }` matches the host.
    this.fontFamily = this.isConnected ? this.themeCtl.token('--_font-family', '') : '';
    const opts = { measureText: this.measure, radius: s.radius, label: this.labelFn(), pins: this.positions, seed: this.seed, aspect: this.aspect || undefined };
    const n = s.data.nodes.length;
    if (this.layout !== 'force') {
      // tiers / radial take well under 100 ms at 1,000 nodes; very large graphs go to the worker too.
      if (n >= WORKER_FROM * 3) {
        this.progress = 0;
        this.pending = true;
        if (this.runInWorker(job, s, opts)) return;
      }
      this.progress = null;
      this.pending = false;
      this.setTarget(this.layout === 'radial' ? radialLayout(s.data, opts) : tiersLayout(s.data, opts));
      return;
    }
    this.progress = n >= PROGRESS_FROM ? 0 : null;
    this.pending = true;
    if (n >= WORKER_FROM && this.runInWorker(job, s, opts)) return;
    this.runSliced(job, s, opts);
  }

  /**
   * Large layouts run in a module worker (off the main thread). Returns false when no worker can be made;
   * a worker that fails to load falls back to time slices (force) or the main thread (tiers, radial).
   */
  private runInWorker(job: number, s: Shown, opts: ForceOptions): boolean {
    if (this.workerBroken || typeof Worker === 'undefined') return false;
    if (!this.worker) {
      try {
        this.worker = createLayoutWorker();
      } catch {
        this.workerBroken = true;
        return false;
      }
    }
    const worker = this.worker;
    const kind = this.layout;
    const label = this.labelFn();
    const widths: Record<string, number> = {};
    for (const n of s.data.nodes) {
      const t = label(n);
      widths[t] = this.measure(t);
    }
    worker.onmessage = (e: MessageEvent<{ job: number; type: string; value?: number; ids?: string[]; xs?: Float64Array; ys?: Float64Array }>) => {
      const m = e.data;
      if (m.job !== this.layoutJob || !this.isConnected) return;
      if (m.type === 'progress') {
        if (this.progress !== null) this.progress = m.value ?? 0;
        return;
      }
      const positions = new Map<string, Point>();
      m.ids!.forEach((id, i) => positions.set(id, { x: m.xs![i], y: m.ys![i] }));
      this.pending = false;
      this.progress = null;
      this.setTarget(resultFromPositions(s.data, positions, opts, kind === 'tiers' ? 'right' : 'below'));
    };
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.workerBroken = true;
      worker.terminate();
      this.worker = undefined;
      if (job !== this.layoutJob || !this.isConnected) return;
      if (kind === 'force') this.runSliced(job, s, opts);
      else {
        this.pending = false;
        this.progress = null;
        this.setTarget(kind === 'radial' ? radialLayout(s.data, opts) : tiersLayout(s.data, opts));
      }
    };
    const message: LayoutJob = { job, kind, data: s.data, seed: this.seed, pins: this.positions ?? {}, sizeBy: this.sizeBy, lang: this.t.lang, widths, aspect: opts.aspect };
    worker.postMessage(message);
    return true;
  }

  /** Ticks in slices of at most SLICE_MS, yielding between slices; progress re-renders at most every 100 ms. */
  private runSliced(job: number, s: Shown, opts: ForceOptions): void {
    const run = createForceLayout(s.data, opts);
    let shown = performance.now();
    const slice = () => {
      if (job !== this.layoutJob || !this.isConnected) return;
      const t0 = performance.now();
      let done = false;
      do done = run.step(1);
      while (!done && performance.now() - t0 < SLICE_MS);
      if (done) {
        this.pending = false;
        this.progress = null;
        this.setTarget(run.result());
      } else {
        if (this.progress !== null && t0 - shown > 100) {
          shown = t0;
          this.progress = 1 - run.remaining / run.total;
        }
        yieldThen(slice);
      }
    };
    yieldThen(slice);
  }

  private setTarget(result: LayoutResult, animate = true): void {
    const first = this.display.size === 0;
    this.target = result;
    this.labelSide = result.labelSide;
    const big = result.positions.size > 1500;
    const reduced = typeof matchMedia !== 'undefined' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    cancelAnimationFrame(this.anim);
    if (!this.userZoomed) this.fit(result);
    if (first || big || reduced || !animate) {
      this.display = new Map(result.positions);
      this.requestDraw();
      return;
    }
    const from = new Map(this.display);
    const to = result.positions;
    const t0 = performance.now();
    const dur = 450;
    const frame = () => {
      const e = Math.min(1, (performance.now() - t0) / dur);
      const k = e < 0.5 ? 4 * e * e * e : 1 - Math.pow(-2 * e + 2, 3) / 2;
      const next = new Map<string, Point>();
      for (const [id, p] of to) {
        const a = from.get(id) ?? p;
        next.set(id, { x: a.x + (p.x - a.x) * k, y: a.y + (p.y - a.y) * k });
      }
      this.display = next;
      this.requestDraw();
      this.anim = e < 1 ? requestAnimationFrame(frame) : 0;
    };
    this.anim = requestAnimationFrame(frame);
  }

  /**
   * Which labels to draw at the current zoom, at a size that reaches the legibility floor on screen (labels are never
   * shrunk with the drawing's zoom-to-fit): by priority, none overlapping another or cut at the edge of the stage.
   */
  private placeLabels(): { kept: Set<string>; dropped: number; size: number; chainSize: number } {
    const s = this.shown;
    const density = DENSITY_SCALE[this.themeCtl.density] ?? 1;
    const size = this.legibleTextPx(12 * density);
    const chainSize = this.legibleTextPx(14 * density);
    if (!s) return { kept: new Set(), dropped: 0, size, chainSize };
    const { width, height } = this.stageSize;
    const t = this.zt;
    const emph = this.emphasis;
    const hood = emph ? neighbourhood(emph, s.adj) : undefined;
    const label = this.labelFn();
    const widthAt = (text: string, px: number): number => (this.measure(text) * px) / (12 * density);
    const cands: LabelCandidate[] = [];
    const showChains = this.layout === 'tiers' || s.data.chains.length > 1;
    if (showChains)
      for (const c of this.chainLabels()) {
        const [cx, cy] = t.apply([c.x, c.y0]);
        const w = widthAt(c.text, chainSize) * 1.1; // bold
        cands.push({ id: 'chain:' + c.id, x: cx - w / 2, y: cy - chainSize * LINE - 2, width: w, height: chainSize * LINE, priority: LABEL_PRIORITY.emphasis * 2 });
      }
    let inView = 0;
    for (const n of s.data.nodes) {
      const p = this.display.get(n.id);
      if (!p) continue;
      const [sx, sy] = t.apply([p.x, p.y]);
      if (sx < 0 || sy < 0 || sx > width || sy > height) continue;
      inView++;
      const r = s.radius(n) * t.k;
      const w = widthAt(label(n), size);
      const h = size * LINE;
      const box = this.labelSide === 'right' ? { x: sx + r + 4, y: sy - h / 2 } : { x: sx - w / 2, y: sy + r + 2 };
      let value = 0;
      for (const v of Object.values(n.attrs)) if (Number.isFinite(v) && v > value) value = v;
      const priority = labelPriority({ type: n.type, degree: (s.adj.get(n.id) ?? []).length, value, emphasis: emph === n.id, selected: this.selected === n.id || this.active === n.id, neighbour: !!hood && hood.has(n.id) });
      cands.push({ id: n.id, ...box, width: w, height: h, priority });
    }
    // The bottom strip is kept free for the note that says how many names are not shown.
    const noteH = Math.max(size, 14 * density) * 1.6;
    const kept = width > 0 && height > 0 ? placeLabels(cands, { x0: 0, y0: 0, x1: width, y1: height - noteH }, 2, 600) : new Set<string>();
    let keptNodes = kept.size;
    for (const id of kept) if (id.startsWith('chain:')) keptNodes--;
    return { kept, dropped: Math.max(0, inView - keptNodes), size, chainSize };
  }

  private chainLabels(): { id: string; x: number; y: number; y0: number; text: string }[] {
    const s = this.shown;
    if (!s) return [];
    const out: { id: string; x: number; y: number; y0: number; text: string }[] = [];
    for (const c of s.data.chains) {
      let x0 = Infinity, x1 = -Infinity, y0 = Infinity;
      for (const n of s.data.nodes) {
        if (n.home !== c.id) continue;
        const p = this.display.get(n.id);
        if (!p) continue;
        x0 = Math.min(x0, p.x);
        x1 = Math.max(x1, p.x);
        y0 = Math.min(y0, p.y - s.radius(n));
      }
      if (x0 !== Infinity) out.push({ id: c.id, x: (x0 + x1) / 2, y: y0 - 18, y0, text: this.t.lang === 'en' ? c.nameEn ?? c.name : c.name });
    }
    return out;
  }

  private linkPath(l: ChainLink, a: Point, b: Point): string {
    const s = this.shown!;
    const rt = s.radius(s.byId.get(l.target)!) + 2;
    if (this.labelSide === 'right' && Math.abs(b.x - a.x) > 1) {
      const mx = (a.x + b.x) / 2;
      const dx = b.x > a.x ? -rt : rt;
      return `M${round1(a.x)},${round1(a.y)}C${round1(mx)},${round1(a.y)} ${round1(mx)},${round1(b.y)} ${round1(b.x + dx)},${round1(b.y)}`;
    }
    if (this.labelSide === 'right') {
      // Same column: bow to the left so the link does not run through the nodes between.
      const bow = Math.min(90, 12 + Math.abs(b.y - a.y) / 4);
      const ey = b.y + (b.y > a.y ? -rt : rt);
      return `M${round1(a.x)},${round1(a.y)}C${round1(a.x - bow)},${round1(a.y)} ${round1(b.x - bow)},${round1(b.y)} ${round1(b.x)},${round1(ey)}`;
    }
    const d = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const ex = b.x - ((b.x - a.x) / d) * rt, ey = b.y - ((b.y - a.y) / d) * rt;
    return `M${round1(a.x)},${round1(a.y)}L${round1(ex)},${round1(ey)}`;
  }

  // ── private helpers: view ──
  private attachStage(): void {
    const stage = this.renderRoot.querySelector<HTMLElement>('[part="stage"]') ?? undefined;
    if (stage === this.stageEl) return;
    if (this.stageEl) select(this.stageEl).on('.zoom', null).on('.drag', null);
    this.resizeObs?.disconnect();
    this.stageEl = stage;
    if (!stage) return;
    this.resizeObs = new ResizeObserver((entries) => {
      const r = entries[entries.length - 1].contentRect;
      if (Math.abs(r.width - this.stageSize.width) < 1 && Math.abs(r.height - this.stageSize.height) < 1) return;
      const before = this.aspect;
      this.stageSize = { width: r.width, height: r.height };
      if (this.layout === 'tiers' && this.aspect !== before) this.requestUpdate();
      if (!this.userZoomed) this.fit();
      this.requestDraw();
    });
    // The observer reports the first size asynchronously (outside this update), which then fits the view.
    this.resizeObs.observe(stage);
    this.setupInteraction(stage);
  }

  /** d3-drag (pins a node) then d3-zoom (pans and zooms) on the stage; drag takes the gesture when it starts on a node. */
  private setupInteraction(stage: HTMLElement): void {
    const sel = select<HTMLElement, unknown>(stage);
    const dragBehavior = d3drag<HTMLElement, unknown, { id: string; x: number; y: number } | undefined>()
      .container(() => stage)
      .subject((event: { sourceEvent: PointerEvent; x: number; y: number }) => {
        const id = this.hitTest(event.x, event.y, event.sourceEvent?.target);
        if (!id) return undefined;
        const p = this.display.get(id)!;
        const [x, y] = this.zt.apply([p.x, p.y]);
        return { id, x, y };
      })
      .on('start', () => {
        this.dragMoved = false;
      })
      .on('drag', (event: { subject: { id: string }; x: number; y: number }) => {
        const [gx, gy] = this.zt.invert([event.x, event.y]);
        this.dragMoved = true;
        cancelAnimationFrame(this.anim);
        this.display.set(event.subject.id, { x: gx, y: gy });
        this.requestDraw();
      })
      .on('end', (event: { subject: { id: string } }) => {
        if (!this.dragMoved) return;
        const id = event.subject.id;
        const p = this.display.get(id)!;
        const positions = { ...this.positions, [id]: { x: round1(p.x), y: round1(p.y) } };
        // Keep the picture: pins set by a drag do not re-run the layout.
        this.ownPins = positions;
        this.positions = positions;
        this.target?.positions.set(id, positions[id]);
        this.dispatchEvent(new CivicPositionsChangeEvent({ positions, id }));
      });
    this.zoomBehavior = d3zoom<HTMLElement, unknown>()
      .scaleExtent([0.05, 8])
      .on('zoom', (event: { transform: ZoomTransform; sourceEvent: Event | null }) => {
        this.zt = event.transform;
        if (event.sourceEvent) this.userZoomed = true;
        this.requestDraw();
      });
    sel.call(dragBehavior).call(this.zoomBehavior).on('dblclick.zoom', null);
  }

  private fit(result: LayoutResult | undefined = this.target): void {
    const { width, height } = this.stageSize;
    if (!result || width < 1 || height < 1) return;
    const b = result.bounds;
    const pad = 28;
    const gw = Math.max(1, b.x1 - b.x0), gh = Math.max(1, b.y1 - b.y0 + 24);
    const k = Math.min(2, Math.max(0.05, Math.min((width - 2 * pad) / gw, (height - 2 * pad) / gh)));
    const t = zoomIdentity.translate(width / 2 - k * (b.x0 + gw / 2), height / 2 - k * (b.y0 - 24 + gh / 2)).scale(k);
    this.setTransform(t);
  }

  private setTransform(t: ZoomTransform): void {
    this.zt = t;
    if (this.stageEl && this.zoomBehavior) {
      // Tell d3-zoom the new transform without a synthetic event loop (sourceEvent stays null).
      select(this.stageEl).call(this.zoomBehavior.transform, t);
    }
    this.requestDraw();
  }

  private centreOn(id: string): void {
    const p = this.display.get(id) ?? this.target?.positions.get(id);
    const { width, height } = this.stageSize;
    if (!p || width < 1) return;
    const k = this.zt.k;
    this.setTransform(zoomIdentity.translate(width / 2 - k * p.x, height / 2 - k * p.y).scale(k));
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
    this.colors = undefined;
    this.requestDraw();
  }

  /** Per-frame canvas drawing (canvas renderer only). */
  private drawCanvas(): void {
    const canvas = this.renderRoot.querySelector<HTMLCanvasElement>('canvas[part="canvas"]');
    const s = this.shown;
    if (!canvas || !s) return;
    const { width, height } = this.stageSize;
    const dpr = this.pixelRatio;
    if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    if (!this.colors) {
      const c: Record<string, string> = {};
      for (const t of NODE_TYPES) c[t] = this.themeCtl.token('--_node-' + t, '#0072b2');
      c.link = this.themeCtl.token('--_link-color', '#52606d');
      c.label = this.themeCtl.token('--_label-color', '#1f2933');
      c.halo = this.themeCtl.token('--_halo', '#ffffff');
      c.focus = this.themeCtl.token('--_color-focus', '#1d4ed8');
      c.match = this.themeCtl.token('--_color-warning', '#8a5a00');
      this.colors = c;
    }
    const col = this.colors;
    const emph = this.emphasis;
    const hood = emph ? neighbourhood(emph, s.adj) : undefined;
    const matches = new Set(searchNodes(s.data.nodes, this.search));
    const t = this.zt;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(dpr * t.k, 0, 0, dpr * t.k, dpr * t.x, dpr * t.y);
    const pos = this.display;
    // Links, batched by kind (one path per kind and emphasis).
    ctx.lineWidth = Math.max(1.2, 0.6 / t.k);
    ctx.strokeStyle = col.link;
    for (const kind of LINK_KINDS) {
      for (const dim of hood ? [true, false] : [false]) {
        ctx.beginPath();
        let any = false;
        for (const l of s.data.links) {
          if (l.kind !== kind) continue;
          const hot = !!hood && (l.source === emph || l.target === emph);
          if (hood && dim === hot) continue;
          const a = pos.get(l.source), b = pos.get(l.target);
          if (!a || !b) continue;
          ctx.moveTo(a.x, a.y);
          ctx.lineTo(b.x, b.y);
          any = true;
        }
        if (!any) continue;
        ctx.globalAlpha = dim ? 0.15 : 1;
        ctx.setLineDash(DASH[kind]);
        ctx.strokeStyle = kind === 'party-link' ? col['party-branch'] : col.link;
        ctx.stroke();
      }
    }
    ctx.setLineDash([]);
    ctx.globalAlpha = 1;
    // Nodes by type.
    const shape = symbol().context(ctx);
    for (const type of NODE_TYPES) {
      ctx.fillStyle = col[type];
      for (const n of s.data.nodes) {
        if (n.type !== type) continue;
        const p = pos.get(n.id);
        if (!p) continue;
        const r = s.radius(n);
        ctx.globalAlpha = hood && !hood.has(n.id) ? 0.15 : 1;
        ctx.save();
        ctx.translate(p.x, p.y);
        ctx.beginPath();
        shape.type(SHAPES[type]).size(Math.PI * r * r)();
        ctx.fill();
        ctx.restore();
      }
    }
    ctx.globalAlpha = 1;
    // Rings: selected / keyboard / search matches.
    for (const [id, color] of [
      [this.selected, col.focus],
      [this.active, col.focus],
    ] as const) {
      const p = id ? pos.get(id) : undefined;
      if (!p || !id || !s.byId.has(id)) continue;
      ctx.beginPath();
      ctx.arc(p.x, p.y, s.radius(s.byId.get(id)!) + 4, 0, 2 * Math.PI);
      ctx.strokeStyle = color;
      ctx.lineWidth = 2.5 / t.k;
      ctx.stroke();
    }
    for (const id of matches) {
      const p = pos.get(id);
      if (!p) continue;
      ctx.beginPath();
      ctx.arc(p.x, p.y, s.radius(s.byId.get(id)!) + 7, 0, 2 * Math.PI);
      ctx.strokeStyle = col.match;
      ctx.lineWidth = 2 / t.k;
      ctx.stroke();
    }
    // Labels at a fixed screen size (≥ the legibility floor), placed by priority in stage pixels; the others are
    // dropped, not shrunk (placeLabels).
    const label = this.labelFn();
    const placed = this.placeLabels();
    if (placed.dropped !== this.droppedLabels) this.droppedLabels = placed.dropped;
    const fs = placed.size;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.font = `${fs}px ${this.themeCtl.token('--_font-family', '') || 'sans-serif'}`;
    ctx.lineWidth = 3;
    ctx.lineJoin = 'round';
    ctx.strokeStyle = col.halo;
    ctx.fillStyle = col.label;
    ctx.textBaseline = 'middle';
    for (const n of s.data.nodes) {
      if (!placed.kept.has(n.id)) continue;
      const p = pos.get(n.id);
      if (!p) continue;
      const [sx, sy] = t.apply([p.x, p.y]);
      const r = s.radius(n) * t.k;
      ctx.globalAlpha = hood && !hood.has(n.id) ? 0.15 : 1;
      const text = label(n);
      if (this.labelSide === 'right') {
        ctx.textAlign = 'left';
        ctx.strokeText(text, sx + r + 4, sy);
        ctx.fillText(text, sx + r + 4, sy);
      } else {
        ctx.textAlign = 'center';
        ctx.strokeText(text, sx, sy + r + 2 + (fs * LINE) / 2);
        ctx.fillText(text, sx, sy + r + 2 + (fs * LINE) / 2);
      }
    }
    ctx.globalAlpha = 1;
  }

  /** Node under a stage-relative point: the SVG target's node first, else the nearest node within its radius. */
  private hitTest(x: number, y: number, target?: EventTarget | null): string | null {
    const el = target instanceof Element ? target.closest('[data-id]') : null;
    if (el && el.closest('[part="plot"]')) return el.getAttribute('data-id');
    const s = this.shown;
    if (!s) return null;
    const [gx, gy] = this.zt.invert([x, y]);
    let best: string | null = null;
    let bestD = Infinity;
    for (const n of s.data.nodes) {
      const p = this.display.get(n.id);
      if (!p) continue;
      const d = Math.hypot(p.x - gx, p.y - gy);
      const r = s.radius(n) + 3 / this.zt.k;
      if (d <= r && d < bestD) {
        best = n.id;
        bestD = d;
      }
    }
    return best;
  }

  private stagePoint(e: MouseEvent): [number, number] {
    const r = this.stageEl?.getBoundingClientRect();
    return r ? [e.clientX - r.left, e.clientY - r.top] : [0, 0];
  }

  // ── private helpers: interaction ──
  private onExport = (): void => {
    void exportPng(this, this.fileName, (m) => this.warn(m));
  };

  private onPointerMove = (e: PointerEvent): void => {
    const [x, y] = this.stagePoint(e);
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
    const [x, y] = this.stagePoint(e);
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
    if (!s || e.composedPath()[0] !== this.stageEl) return;
    const dirs: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    if (e.key in dirs) {
      e.preventDefault();
      const cur = this.active && s.byId.has(this.active) ? this.active : null;
      const next = cur ? this.neighbourInDirection(cur, dirs[e.key]) : this.startNode();
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

  /** The linked node whose direction is closest to the arrow's (within ±80°); ties by distance. */
  private neighbourInDirection(id: string, [dx, dy]: [number, number]): string | null {
    const s = this.shown!;
    const p = this.display.get(id);
    if (!p) return null;
    let best: string | null = null;
    let bestScore = Infinity;
    for (const m of s.adj.get(id) ?? []) {
      const q = this.display.get(m);
      if (!q) continue;
      const vx = q.x - p.x, vy = q.y - p.y;
      const len = Math.hypot(vx, vy) || 1;
      const cos = (vx * dx + vy * dy) / len;
      if (cos < 0.17) continue;
      const score = (1 - cos) * 1000 + len / 1000;
      if (score < bestScore) {
        bestScore = score;
        best = m;
      }
    }
    return best;
  }

  private moveActive(id: string): void {
    this.active = id;
    this.announce(this.describeNode(id));
    this.emitHover(id);
    const p = this.display.get(id);
    const { width, height } = this.stageSize;
    if (p && width > 0) {
      const [x, y] = this.zt.apply([p.x, p.y]);
      if (x < 20 || y < 20 || x > width - 20 || y > height - 20) this.centreOn(id);
    }
  }

  private choose(id: string, trigger: 'pointer' | 'keyboard'): void {
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

  private tooltipFor(id: string): string[] | undefined {
    const s = this.shown!;
    const n = s.byId.get(id);
    if (!n) return undefined;
    const tt = this.t.pick(chainGraphTerms) as unknown as Record<string, string> & typeof chainGraphTerms.en;
    const lang = this.t.lang;
    const lines = [this.labelFn()(n)];
    lines.push(`${tt['type-' + n.type]} · ${tt['tier-' + n.tier]}`);
    if (n.flags.length) lines.push(n.flags.join('、'));
    for (const [k, v] of Object.entries(n.attrs)) lines.push(`${tt['attr-' + k] ?? k}${lang === 'en' ? ': ' : '：'}${formatNumber(v, { lang })}`);
    lines.push(tt.nLinks((s.adj.get(id) ?? []).length));
    if (n.illustrative) lines.push(this.t.core.illustrative);
    return lines;
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

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}

/** Yields to the event loop (a message-channel task: no 4 ms timer clamping), then runs `fn`. */
function yieldThen(fn: () => void): void {
  if (typeof MessageChannel !== 'undefined') {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      fn();
    };
    ch.port2.postMessage(0);
  } else setTimeout(fn, 0);
}
