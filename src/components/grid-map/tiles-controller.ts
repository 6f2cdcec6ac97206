/**
 * The vector-tile mode of <civic-grid-map> as a Lit reactive controller: it owns the tiles renderer, the per-level
 * classification, the hover / selection state and the tiles-mode template (stage, tooltip, legend, table twin).
 * Kept apart from the element because almost nothing is shared with the in-memory path: there is no geometry in
 * memory, levels follow the zoom (the tile set's layers), and the table lists metric rows rather than features.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { cspStyle } from '../../core/render/csp-style.js';
import { renderIllustrative } from '../../core/render/states.js';
import { CivicSelectEvent } from '../../core/events/select-event.js';
import { CivicHoverEvent } from '../../core/events/hover-event.js';
import { CivicErrorEvent } from '../../core/events/error-event.js';
import { maplibreUsable } from '../../core/maplibre/load.js';
import { formatAmount, formatNumber, NO_VALUE, UNITS } from '../../core/format/number.js';
import { classify, classRangeLabel, legendModel, legendPrecision, parseLabelList, parseNumberList, type Classifier, type ClassifySpec, type LegendModel } from './classify.js';
import { gridMapTerms } from './grid-map.i18n.js';
import { CivicRendererChangeEvent } from './grid-map.events.js';
import { pageOf } from './grid-map.model.js';
import { VIEW_LEVELS, type GridMetric, type GridMetricsData } from './grid-map.types.js';
import { fillExpression, levelValues, parseTilesRef, tileValues, valueOf, type TileValues } from './tiles.js';
import { webglMaps } from './renderers/renderer.js';
import { renderExportButton } from '../../core/export/export-button.js';
import { exportPng } from '../../core/export/png.js';
import type { TilePick, TilesRenderer, TilesColors } from './renderers/tiles-renderer.js';
import type { CivicGridMap } from './grid-map.js';
import type { LocalizeController } from '../../core/controllers/localize-controller.js';

export interface TilesHostAccess {
  t(): LocalizeController;
  feed(): { value?: GridMetricsData; renderStatus(): unknown };
  warn(message: string): void;
  pixelRatio(): number;
}

interface LevelStyle {
  classifier: Classifier;
  legend: LegendModel;
  values: (number | undefined)[];
}

export class TilesController implements ReactiveController {
  r?: TilesRenderer;
  private mounting?: Promise<void>;
  private mountedKey?: string;
  private tv?: TileValues;
  private tvData?: GridMetricsData;
  private styles = new Map<number, LevelStyle>();
  private styleKey?: string;
  /** Level with the most units on screen (from the renderer after each idle). */
  rank = 2;
  private tip?: { pick: TilePick; x: number; y: number };
  private hover?: string;
  private names = new Map<string, string>();
  private hidden = new Set<number>();
  private page = 0;
  private failed = false;
  private downAt?: [number, number];

  constructor(
    private readonly host: CivicGridMap,
    /** The element's protected parts this controller may use. */
    private readonly x: TilesHostAccess,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.restTimer);
    this.r?.destroy();
    this.r = undefined;
    this.mounting = undefined;
    this.mountedKey = undefined;
  }

  private layers(): { sourceLayer: string; rank: number }[] {
    const h = this.host;
    const parents = (parseLabelList(h.parentLayers) ?? []).filter(Boolean);
    // parent-layers lists the nearest parent first: communities, then streets.
    return [{ sourceLayer: h.sourceLayer || 'grids', rank: 2 }, ...parents.slice(0, 2).map((l, i) => ({ sourceLayer: l, rank: 1 - i }))];
  }

  private spec(): ClassifySpec {
    const h = this.host;
    return {
      kind: h.classification,
      classes: h.classes,
      scheme: h.scheme,
      breaks: parseNumberList(h.thresholds),
      labels: parseLabelList(h.classLabels),
      colors: parseLabelList(h.classColors)?.filter(Boolean),
    };
  }

  metric(): GridMetric | undefined {
    const ms = this.x.feed().value?.metrics ?? [];
    return ms.find((m) => m.key === this.host.metric) ?? ms[0];
  }

  /** Called from the element's updated(): mounts the renderer once, then pushes values, colours and highlight. */
  sync(colors: TilesColors, noData: string): void {
    const h = this.host;
    const data = this.x.feed().value;
    if (data !== this.tvData) {
      this.tvData = data;
      this.tv = data ? tileValues(data) : undefined;
      this.styleKey = undefined;
      this.r?.setValues(this.tv, data?.metrics.map((m) => m.key) ?? []);
    }
    const m = this.metric();
    const key = JSON.stringify([m?.key, this.spec(), [...this.hidden], noData]) + (this.tv ? '' : '-');
    if (key !== this.styleKey) {
      this.styleKey = key;
      this.noData = noData;
      this.styles.clear();
      clearTimeout(this.restTimer);
      // The level on screen first; the others (a national grid level can hold 10⁶ values) once the picture is up.
      this.styleLevel(this.rank);
      this.restTimer = setTimeout(() => {
        for (const { rank } of this.layers()) this.styleLevel(rank);
      }, 0);
    } else this.styleLevel(this.rank);
    const ref = parseTilesRef(h.tiles, document.baseURI);
    const mkey = `${ref?.kind}|${ref?.url}|${h.sourceLayer}|${h.parentLayers}|${h.promoteId}|${h.basemap}`;
    if (ref && mkey !== this.mountedKey && !this.mounting) {
      this.r?.destroy();
      this.r = undefined;
      this.mountedKey = mkey;
      this.mounting = this.mount(ref, colors, noData).finally(() => (this.mounting = undefined));
    } else if (this.r) {
      this.r.setColors(colors);
      this.r.setHighlight(h.selected || null, this.hover ?? null);
    }
  }

  private noData = '#e4e7eb';
  private restTimer?: ReturnType<typeof setTimeout>;

  /** Classifies one level (once per metric / classification) and gives the renderer its fill expression. */
  private styleLevel(rank: number): LevelStyle {
    let st = this.styles.get(rank);
    if (st) return st;
    const m = this.metric();
    const values = this.tv ? levelValues(this.tv, m, rank) : [];
    const classifier = classify(values, this.spec());
    st = { classifier, legend: legendModel(classifier, values), values };
    this.styles.set(rank, st);
    this.r?.setFill(rank, m ? fillExpression(classifier, m.key, this.noData, this.hidden) : ['to-color', this.noData]);
    return st;
  }

  private async mount(ref: NonNullable<ReturnType<typeof parseTilesRef>>, colors: TilesColors, noData: string): Promise<void> {
    const h = this.host;
    const surface = h.renderRoot.querySelector<HTMLElement>('[part~="canvas"]');
    if (!surface) return;
    if (!maplibreUsable() || webglMaps.live >= h.maxWebglMaps) {
      this.fail(!maplibreUsable() ? 'maplibre-gl cannot run in this browser without a known worker URL' : `${webglMaps.live} WebGL maps already on the page`);
      return;
    }
    const { TilesRenderer } = await import('./renderers/tiles-renderer.js');
    this.checkedEmpty = false;
    this.failed = false;
    const bounds = parseNumberList(h.bounds);
    const r = new TilesRenderer({
      pixelRatio: this.x.pixelRatio(),
      preserveDrawingBuffer: h.preserveDrawingBuffer,
      basemap: h.basemap,
      restoreTimeout: h.restoreTimeout,
      promoteId: h.promoteId || 'code',
      credentials: h.credentials,
      minzoom: h.tilesMinZoom,
      maxzoom: h.tilesMaxZoom,
      bounds: bounds && bounds.length === 4 ? (bounds as [number, number, number, number]) : undefined,
      onIdle: (rank) => {
        if (!this.checkedEmpty) {
          this.checkedEmpty = true;
          if (r.renderedCount() === 0) void this.diagnoseEmpty(ref, r);
        }
        if (rank !== this.rank) {
          this.rank = rank;
          this.styleLevel(rank);
          this.page = 0;
          h.requestUpdate();
        }
      },
      onMove: () => {
        if (this.tip) (this.tip = undefined), h.requestUpdate();
      },
      onSourceError: (message) => this.sourceError(message),
      onFail: (why) => this.fail(`WebGL context lost and not restored (${why})`),
    });
    this.r = r;
    const m = this.metric();
    for (const [rank, st] of this.styles) r.setFill(rank, m ? fillExpression(st.classifier, m.key, noData, this.hidden) : ['to-color', noData]);
    r.setValues(this.tv, this.tvData?.metrics.map((x) => x.key) ?? []);
    try {
      await r.mount(surface, ref, this.layers(), colors);
    } catch (e) {
      r.destroy();
      if (this.r === r) this.r = undefined;
      if (h.isConnected && (e as Error)?.message !== 'destroyed') this.fail(e instanceof Error ? e.message : String(e));
      return;
    }
    if (this.r !== r) return;
    r.setHighlight(h.selected || null, null);
    h.setAttribute('data-renderer', 'webgl');
    h.dispatchEvent(new CivicRendererChangeEvent({ renderer: 'webgl', reason: 'tiles' }));
    h.requestUpdate();
  }

  private checkedEmpty = false;

  /**
   * Nothing drawn at the first view. maplibre treats a 404 tile as empty (sparse tile sets omit tiles), so a wrong
   * URL would be a silent blank map: fetch the centre tile once to tell a dead URL from a wrong layer name.
   */
  private async diagnoseEmpty(ref: NonNullable<ReturnType<typeof parseTilesRef>>, r: TilesRenderer): Promise<void> {
    const h = this.host;
    const t = r.centreTile();
    const layers = this.layers().map((l) => l.sourceLayer).join(', ');
    if (ref.kind === 'template' && t) {
      const url = ref.url.replace('{z}', String(t.z)).replace('{x}', String(t.x)).replace('{y}', String(t.y));
      let status = 0;
      try {
        status = (await fetch(url, { credentials: h.credentials === 'include' ? 'include' : 'same-origin' })).status;
      } catch {
        status = -1;
      }
      if (this.r !== r) return;
      if (status < 200 || status >= 300) {
        this.failed = true;
        this.report(status > 0 ? 'http' : 'network', `tiles: nothing drawn; the centre tile ${url} answered ${status > 0 ? `HTTP ${status}` : 'with a network error'}`, status > 0 ? status : undefined);
        h.requestUpdate();
        return;
      }
    }
    this.report('validation', `tiles: no unit drawn at the first view; are the source layers (${layers}) in the tile set?`);
  }

  /** Vector tiles need WebGL: without it there is no picture to fall back to, so say so (visible + event). */
  private fail(message: string): void {
    this.failed = true;
    this.report('network', `tiles: ${message}`);
    this.host.requestUpdate();
  }

  private reported = 0;
  private sourceError(message: string): void {
    // One report per burst of failing tiles (a dead server fails every tile).
    if (Date.now() - this.reported < 5000) return;
    this.reported = Date.now();
    this.failed = true;
    this.report('network', `tiles: ${message}`);
    this.host.requestUpdate();
  }

  private report(kind: 'network' | 'http' | 'validation', message: string, status?: number): void {
    const h = this.host;
    h.dispatchEvent(
      new CivicErrorEvent({ kind, source: 'attribute', url: h.tiles, status, message, issues: [{ path: 'tiles', code: kind, message, severity: 'error' }], issueCount: 1, issueCounts: { [kind]: 1 }, partial: !!this.r, keptPrevious: !!this.r }),
    );
    this.x.warn(message);
  }

  async whenDrawn(): Promise<void> {
    await this.host.updateComplete;
    while (this.mounting) await this.mounting;
    await this.r?.idle();
  }

  // ── interaction ──
  private local(e: MouseEvent): [number, number] | undefined {
    const el = e.currentTarget as HTMLElement;
    const rect = el.getBoundingClientRect();
    // Inside a CSS-scaled <civic-screen>, pointer positions arrive scaled: undo it.
    const sx = el.offsetWidth ? rect.width / el.offsetWidth : 1;
    const sy = el.offsetHeight ? rect.height / el.offsetHeight : 1;
    return [(e.clientX - rect.left) / (sx || 1), (e.clientY - rect.top) / (sy || 1)];
  }

  private onMove = (e: PointerEvent): void => {
    const p = this.local(e);
    const pick = p ? this.r?.pick(p[0], p[1]) : undefined;
    if (pick) this.names.set(pick.code, String(pick.properties.name ?? pick.code));
    if (pick?.code !== this.hover) {
      this.hover = pick?.code;
      this.host.dispatchEvent(new CivicHoverEvent({ id: pick?.code ?? null, item: pick ? this.itemOf(pick) : undefined }));
      this.r?.setHighlight(this.host.selected || null, this.hover ?? null);
    }
    this.tip = pick && p ? { pick, x: p[0], y: p[1] } : undefined;
    this.host.requestUpdate();
  };

  private onLeave = (): void => {
    if (this.hover) this.host.dispatchEvent(new CivicHoverEvent({ id: null }));
    this.hover = undefined;
    this.tip = undefined;
    this.r?.setHighlight(this.host.selected || null, null);
    this.host.requestUpdate();
  };

  private onDown = (e: PointerEvent): void => {
    this.downAt = [e.clientX, e.clientY];
  };

  private onClick = (e: MouseEvent): void => {
    if (this.downAt && Math.hypot(e.clientX - this.downAt[0], e.clientY - this.downAt[1]) > 5) return;
    const p = this.local(e);
    const pick = p ? this.r?.pick(p[0], p[1]) : undefined;
    if (pick) this.choose(pick, 'pointer');
  };

  private choose(pick: TilePick, trigger: 'pointer' | 'keyboard'): void {
    const h = this.host;
    this.names.set(pick.code, String(pick.properties.name ?? pick.code));
    h.selectFromTiles(pick.code);
    h.dispatchEvent(new CivicSelectEvent({ id: pick.code, item: this.itemOf(pick), region: pick.code, trigger }));
    this.r?.setHighlight(pick.code, this.hover ?? null);
    // Streets and communities: zoom to them, and the tile set's finer layer takes over.
    if (pick.rank < 2) this.r?.zoomTo(pick.code, pick.rank);
  }

  private itemOf(pick: TilePick): Record<string, unknown> {
    const values: Record<string, number> = {};
    for (const k of this.tv?.columns.keys() ?? []) {
      const v = valueOf(this.tv!, k, pick.code);
      if (v !== undefined) values[k] = v;
    }
    return { ...pick.properties, code: pick.code, values };
  }

  private onKey = (e: KeyboardEvent): void => {
    const r = this.r;
    if (!r) return;
    const step = 80;
    const pans: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (pans[e.key]) {
      e.preventDefault();
      r.panBy(...pans[e.key]);
    } else if (e.key === '+' || e.key === '=') {
      e.preventDefault();
      r.zoomBy(1);
    } else if (e.key === '-' || e.key === '_') {
      e.preventDefault();
      r.zoomBy(-1);
    } else if (e.key === 'Enter' || e.key === ' ') {
      const el = e.currentTarget as HTMLElement;
      const pick = r.pick(el.clientWidth / 2, el.clientHeight / 2);
      if (pick) {
        e.preventDefault();
        this.choose(pick, 'keyboard');
        const c = r.project(r.unproject(el.clientWidth / 2, el.clientHeight / 2)!);
        if (c) this.tip = { pick, x: c[0], y: c[1] };
        this.host.requestUpdate();
      }
    } else if (e.key === 'Escape') {
      e.preventDefault();
      r.zoomBy(-2);
    }
  };

  // ── template ──
  private valueText(v: number | undefined, m: GridMetric | undefined): string {
    const lang = this.x.t().lang;
    if (v === undefined) return NO_VALUE;
    return m?.unit ? formatAmount(v, m.unit, { lang }) : formatNumber(v, { lang });
  }

  private classText(st: LevelStyle | undefined, i: number): string {
    const c = st?.legend.entries[i];
    if (!st || !c) return '';
    const tt = this.x.t().pick(gridMapTerms);
    const integer = st.values.every((v) => v === undefined || Number.isInteger(v));
    const range = classRangeLabel(c, integer, (v) => formatNumber(v, { lang: this.x.t().lang, precision: legendPrecision(v) }), tt);
    return c.label ? `${range} ${c.label}` : range;
  }

  private metricLabel(m: GridMetric | undefined): string {
    if (!m) return NO_VALUE;
    return this.x.t().lang === 'en' && m.labelEn ? m.labelEn : m.label;
  }

  /** The `n` codes of the level on screen with the highest values of the current metric (one pass, no full sort). */
  topCodes(n: number): string[] {
    const m = this.metric();
    const tv = this.tv;
    if (!m || !tv) return [];
    const top: [string, number][] = [];
    for (const code of tv.codes[this.rank]) {
      const v = valueOf(tv, m.key, code);
      if (v === undefined) continue;
      if (top.length < n || v > top[top.length - 1][1]) {
        top.push([code, v]);
        top.sort((a, b) => b[1] - a[1]);
        if (top.length > n) top.pop();
      }
    }
    return top.map((t) => t[0]);
  }

  /** The legend's classes with counts for the level on screen (tests and linked views). */
  get legend(): { label: string; color: string; count: number }[] {
    const st = this.styles.get(this.rank);
    return st ? st.legend.entries.map((e) => ({ label: this.classText(st, e.index), color: e.color, count: e.count })) : [];
  }

  render(): TemplateResult {
    const h = this.host;
    const tt = this.x.t().pick(gridMapTerms);
    const m = this.metric();
    const st = this.styles.get(this.rank);
    const levelName = tt[`level_${VIEW_LEVELS[this.rank]}` as 'level_grid'];
    const illustrative = !!m?.illustrative || !!this.x.feed().value?.illustrative;
    return html`<div part="base" class="base">
      <div part="toolbar" class="toolbar">
        <nav part="breadcrumb" aria-label=${tt.breadcrumb}>
          <ol>
            <li>
              ${VIEW_LEVELS.map((l, i) => html`<button type="button" part="level-button" aria-pressed=${this.rank === i ? 'true' : 'false'} disabled>${tt[`level_${l}` as 'level_grid']}</button>`)}
            </li>
            <li><button type="button" aria-label=${tt.zoomIn} @click=${() => this.r?.zoomBy(1)}>+</button></li>
            <li><button type="button" aria-label=${tt.zoomOut} @click=${() => this.r?.zoomBy(-1)}>−</button></li>
          </ol>
        </nav>
        <button type="button" class="toggle" part="table-toggle" aria-expanded=${h.tableOpen ? 'true' : 'false'} @click=${() => (h.tableOpen = !h.tableOpen)}>
          ${h.tableOpen ? this.x.t().core.hideTable : this.x.t().core.showTable}
        </button>
        ${h.export ? renderExportButton(tt.exportPng, () => void exportPng(h, h.fileName, (m) => this.x.warn(m))) : nothing}
      </div>
      ${this.x.feed().renderStatus()}
      <div part="stage" class="stage">
        <div
          part="canvas"
          tabindex="0"
          role="application"
          aria-roledescription=${tt.map}
          aria-label=${tt.tilesSummary(levelName, this.tv?.codes[this.rank].length ?? 0, this.metricLabel(m))}
          aria-describedby="help"
          @pointermove=${this.onMove}
          @pointerleave=${this.onLeave}
          @pointerdown=${this.onDown}
          @click=${this.onClick}
          @keydown=${this.onKey}
        ></div>
        ${this.renderTip(m, st)} ${illustrative ? html`<span class="badge">${renderIllustrative(this.x.t().core)}</span>` : nothing}
        ${this.failed ? html`<div part="status" data-kind="error" role="alert" class="state-overlay">${tt.tilesFailed}</div>` : nothing}
      </div>
      <span id="help" class="live">${tt.tilesHelp}</span>
      ${this.renderLegend(m, st)} ${h.tableOpen ? this.renderTable(m, st) : nothing}
      <div class="attribution"><slot name="attribution"></slot> <slot name="review-number"></slot></div>
    </div>`;
  }

  private renderTip(m: GridMetric | undefined, _st: LevelStyle | undefined): unknown {
    const tip = this.tip;
    if (!tip) return nothing;
    const h = this.host;
    const tt = this.x.t().pick(gridMapTerms);
    const p = tip.pick;
    const st = this.styleLevel(p.rank);
    const v = m ? (this.tv && valueOf(this.tv, m.key, p.code)) ?? (typeof p.properties[m.key] === 'number' ? (p.properties[m.key] as number) : undefined) : undefined;
    const c = st && v !== undefined ? st.classifier.classOf(v) : -1;
    const parent = typeof p.properties.parent === 'string' ? this.names.get(p.properties.parent) ?? p.properties.parent : undefined;
    const w = (h.renderRoot.querySelector('[part~="canvas"]') as HTMLElement | null)?.clientWidth ?? 0;
    const left = tip.x + 12 > w - 200 ? Math.max(0, tip.x - 212) : tip.x + 12;
    const real = !!this.tv?.real.has(p.code);
    const extra = (parseLabelList(h.tooltipFields) ?? []).filter((k) => k && p.properties[k] !== undefined && p.properties[k] !== null);
    return html`<div part="tooltip" role="tooltip" style=${cspStyle({ left: `${Math.round(left)}px`, top: `${Math.round(tip.y + 12)}px` })}>
      <div class="t-name">${String(p.properties.name ?? p.code)}</div>
      <div class="t-muted">${tt.code}: ${p.code}</div>
      ${parent ? html`<div class="t-muted">${tt.parent}: ${parent}</div>` : nothing}
      ${m ? html`<div>${this.metricLabel(m)}: ${this.valueText(v, m)}</div>` : nothing}
      ${m ? html`<div>${tt.klass}: ${c >= 0 ? this.classText(st, c) : tt.noData}</div>` : nothing}
      ${extra.map((k) => html`<div class="t-muted">${k}: ${String(p.properties[k])}</div>`)}
      ${m?.illustrative && !real ? html`<div>${renderIllustrative(this.x.t().core)}</div>` : nothing}
    </div>`;
  }

  private renderLegend(m: GridMetric | undefined, st: LevelStyle | undefined): unknown {
    if (!st) return nothing;
    const h = this.host;
    const tt = this.x.t().pick(gridMapTerms);
    const unit = m?.unit ? (this.x.t().lang === 'en' ? UNITS[m.unit]?.en || m.unit : m.unit) : '';
    return html`<div part="legend" role="group" aria-label=${tt.legend}>
      <span class="legend-title">${m ? this.metricLabel(m) : tt.legend}${unit ? ` (${unit})` : ''}</span>
      <ul>
        ${st.legend.entries.map(
          (e) => html`<li>
            <button type="button" part="legend-item" data-class=${e.index} aria-pressed=${this.hidden.has(e.index) ? 'false' : 'true'} title=${tt.hideClass} @click=${() => this.toggle(e.index)}>
              <span class="swatch" style=${cspStyle({ background: e.color })}></span>
              <span class="label">${this.classText(st, e.index)}</span>
              <span class="count">${tt.count(e.count)}</span>
            </button>
          </li>`,
        )}
        <li>
          <button type="button" part="legend-item" data-class="no-data" aria-pressed="true">
            <span class="swatch no-data"></span><span class="label">${tt.noData}</span><span class="count">${tt.count(st.legend.noData)}</span>
          </button>
        </li>
      </ul>
    </div>`;
  }

  private toggle(i: number): void {
    const next = new Set(this.hidden);
    if (next.has(i)) next.delete(i);
    else next.add(i);
    this.hidden = next;
    this.host.requestUpdate();
  }

  private renderTable(m: GridMetric | undefined, st: LevelStyle | undefined): TemplateResult {
    const h = this.host;
    const tt = this.x.t().pick(gridMapTerms);
    const codes = this.tv?.codes[this.rank] ?? [];
    // Row positions in `codes`, sorted by code; only one page is ever in the DOM (a national set has 10⁶ rows).
    const order = codes.map((_, i) => i).sort((a, b) => (codes[a] < codes[b] ? -1 : codes[a] > codes[b] ? 1 : 0));
    const p = pageOf(order, this.page, Math.max(1, h.pageSize));
    return html`<div part="table">
      <table>
        <caption class="visually-hidden">${this.x.t().core.table}</caption>
        <thead>
          <tr><th scope="col">${tt.name}</th><th scope="col">${tt.code}</th><th scope="col">${m ? this.metricLabel(m) : tt.value}</th><th scope="col">${tt.klass}</th></tr>
        </thead>
        <tbody>
          ${p.rows.map((i) => {
            const code = codes[i];
            const v = st?.values[i];
            const c = st ? st.classifier.classOf(v) : -1;
            return html`<tr aria-selected=${code === h.selected ? 'true' : 'false'}>
              <td>${this.names.get(code) ?? NO_VALUE}</td>
              <td>${code}</td>
              <td class="num">${this.valueText(v, m)}</td>
              <td>${c >= 0 ? this.classText(st, c) : tt.noData}</td>
            </tr>`;
          })}
        </tbody>
      </table>
      <div class="pager">
        <button type="button" class="toggle" ?disabled=${p.page === 0} @click=${() => ((this.page = p.page - 1), h.requestUpdate())}>${tt.prev}</button>
        <span>${tt.page(p.page + 1, p.pages)} · ${tt.nUnits(p.total)}</span>
        <button type="button" class="toggle" ?disabled=${p.page >= p.pages - 1} @click=${() => ((this.page = p.page + 1), h.requestUpdate())}>${tt.next}</button>
      </div>
    </div>`;
  }
}
