/**
 * The details of a figure that many tiles do not have — status (explicit, thresholds, target), progress to the
 * target, the sparkline and the reporting period — with their templates and styles: one chunk loaded with the first
 * item that has one (issue 16: a tile with a value and a delta does not carry them). The tile draws such an item once
 * this chunk has arrived (the picture on screen, if any, stays meanwhile), so its first picture is whole: nothing
 * pops in later and nothing moves. It also carries the region filter of tiles whose items have division codes
 * (kpi-tile.region.ts). Pure logic here is tested in vitest (kpi-tile.model.test.ts).
 *
 * What the tile's first load already has (lit's tags, the number formatters) comes in as a kit, not by
 * import: a module of the first load imported by a lazy chunk would be split into a chunk of its own in users'
 * bundles (as status-view.ts does). The period formatter is only used here, so it comes with this chunk.
 */
import type { css as Css, html as Html, svg as Svg, TemplateResult } from 'lit';
import type { formatAmount as FormatAmount, formatPercent as FormatPercent } from '../../core/format/number.js';
import { formatPeriod } from '../../core/format/period.js';
import { detailTerms } from './kpi-tile.details.i18n.js';
import { pickRegionItem } from './kpi-tile.region.js';
import type { Status, TileView, TileViewOptions } from './kpi-tile.model.js';
import type { ParsedKpi } from './kpi-tile.parse.js';
import type { KpiItem, StatusLevel } from './kpi-tile.types.js';

/** The first load's pieces this chunk draws with (see the file comment). */
export interface DetailsKit {
  html: typeof Html;
  svg: typeof Svg;
  css: typeof Css;
  formatAmount: typeof FormatAmount;
  formatPercent: typeof FormatPercent;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

// ── status and progress ──

const LEVEL_TERM = { ok: 'statusOk', warn: 'statusWarn', alert: 'statusAlert' } as const;

/**
 * Status of an item: an explicit `status` wins; then `thresholds` (with `better`: higher values are better
 * unless `better: "lower"`; a value beyond `alert` is an alert, beyond `warn` a warning); then the target
 * (met or not). Undefined when none applies or the value is missing.
 */
export function computeStatus(item: KpiItem): Status | undefined {
  if (item.status) return { level: item.status, reason: 'explicit', term: LEVEL_TERM[item.status] };
  const v = item.value;
  if (!isNumber(v)) return undefined;
  const lower = item.better === 'lower';
  const worse = (limit: number) => (lower ? v > limit : v < limit);
  const t = item.thresholds;
  if (t && (t.warn !== undefined || t.alert !== undefined)) {
    const level: StatusLevel = t.alert !== undefined && worse(t.alert) ? 'alert' : t.warn !== undefined && worse(t.warn) ? 'warn' : 'ok';
    return { level, reason: 'threshold', term: LEVEL_TERM[level] };
  }
  if (isNumber(item.target)) {
    if (!worse(item.target)) return { level: 'ok', reason: 'target', term: 'targetMet' };
    return { level: 'warn', reason: 'target', term: lower ? 'aboveTarget' : 'belowTarget' };
  }
  return undefined;
}

/** Share of the target reached, clamped to 0…1 for the bar; `raw` keeps the true ratio (1.12 = 112%). */
export function progressRatio(value: number | null | undefined, target: number | null | undefined): { ratio: number; raw: number } | undefined {
  if (!isNumber(value) || !isNumber(target) || target <= 0) return undefined;
  const raw = value / target;
  return { ratio: Math.min(1, Math.max(0, raw)), raw };
}

// ── sparkline ──

/**
 * SVG path of a sparkline in a `width × height` box (y grows downward), with `pad` units kept free at top and
 * bottom so the stroke is not clipped. A flat series draws a middle line; fewer than 2 points draw nothing.
 */
export function sparklinePath(values: readonly number[], width = 100, height = 30, pad = 2): string {
  const v = values.filter((n) => Number.isFinite(n));
  if (v.length < 2) return '';
  let lo = v[0];
  let hi = v[0];
  for (const n of v) {
    if (n < lo) lo = n;
    if (n > hi) hi = n;
  }
  // Linear maps written out (the tile needs no d3: d3-scale + d3-shape cost ≈10 KB gz on every page with a tile);
  // same arithmetic as d3's scaleLinear (a·(1−t) + b·t) and line() (M x,y L x,y …), so the path is unchanged.
  const lerp = (a: number, b: number, t: number) => a * (1 - t) + b * t;
  const [d0, d1] = lo === hi ? [lo - 1, hi + 1] : [lo, hi];
  const [r0, r1] = lo === hi ? [height, 0] : [height - pad, pad];
  const x = (i: number) => lerp(0, width, i / (v.length - 1));
  const y = (n: number) => lerp(r0, r1, (n - d0) / (d1 - d0));
  const r = (n: number) => Math.round(n * 100) / 100;
  return v.map((n, i) => `${i ? 'L' : 'M'}${r(x(i))},${r(y(n))}`).join('');
}

/** The chunk's drawing, made with the first load's `kit` (kpi-tile.view.ts calls it once the chunk is here). */
export function makeDetails(kit: DetailsKit) {
  const { html, svg, css, formatAmount, formatPercent } = kit;

  /** Adds the item's status, progress, sparkline and period to `view` (before the model words the announcement). */
  function addDetails(view: TileView, item: ParsedKpi, o: TileViewOptions): void {
    const { lang } = o;
    const terms = detailTerms[lang] ?? detailTerms.en;
    if (!item.invalid) {
      const st = computeStatus(item);
      if (st) view.status = { ...st, text: terms[st.term] };
      const pr = progressRatio(item.value, item.target);
      if (pr) {
        const percentText = formatPercent(pr.raw * 100, { lang, precision: 0, signed: false });
        view.progress = { ratio: pr.ratio, percentText, a11y: terms.progress(percentText, formatAmount(item.target, item.unit, { lang, precision: item.precision })) };
      }
    }
    if (item.history && item.history.length >= 2) {
      const illustrative = !!(item.illustrative || item.historyIllustrative);
      const trend = terms.trend(item.history.length);
      view.spark = {
        path: sparklinePath(item.history),
        values: item.history,
        illustrative,
        a11y: illustrative ? `${trend}（${terms.trendIllustrative}）` : trend,
        note: terms.trendIllustrative,
      };
    }
    if (item.period) view.period = formatPeriod(item.period, lang);
  }

  // ── templates ──

  /** Icon beside a status word: check, warning triangle, alert octagon (decorative). */
  function statusIcon(level: StatusLevel) {
    const path =
      level === 'ok'
        ? 'M6.2 11.6 2.4 7.8 1 9.2l5.2 5.2L15 5.6l-1.4-1.4Z'
        : level === 'warn'
          ? 'M8 1 15.5 14.5H.5ZM7 6v4.5h2V6Zm0 5.8v1.7h2v-1.7Z'
          : 'M5 1h6l4 4v6l-4 4H5l-4-4V5ZM7 4v5h2V4Zm0 6.5v2h2v-2Z';
    return svg`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d=${path} fill-rule="evenodd"></path></svg>`;
  }

  /** The status word with its icon (in the row beside the delta). */
  function renderStatus(s: NonNullable<TileView['status']>): TemplateResult {
    return html`<span part="threshold" data-level=${s.level} aria-hidden="true">${statusIcon(s.level)}<span>${s.text}</span></span>`;
  }

  /**
   * The progress bar (role progressbar) and the sparkline, under the row. The fill's width is set through the CSSOM
   * (a `.style` property binding sets `style.cssText`), never as a `style="…"` attribute, which a strict CSP
   * (`style-src 'self'`) refuses; cspStyle() does the same for several properties, but is a first-load module.
   */
  function renderBars(v: TileView): TemplateResult {
    const p = v.progress;
    const s = v.spark;
    return html`${p
      ? html`<div
          part="progress"
          role="progressbar"
          aria-valuemin="0"
          aria-valuemax="100"
          aria-valuenow=${Math.round(p.ratio * 100)}
          aria-valuetext=${p.percentText}
          aria-label=${p.a11y}
        >
          <span class="fill" .style=${`width:${(p.ratio * 100).toFixed(2)}%`}></span>
        </div>`
      : ''}${s
      ? html`<svg part="sparkline" viewBox="0 0 100 30" preserveAspectRatio="none" role="img" aria-label=${s.a11y}>
          ${svg`<path d=${s.path}></path>`}
        </svg>`
      : ''}`;
  }

  // ── styles ──

  /*
   * Forced colours: the progress fill is a background (the UA would paint it Canvas), so it is drawn in Highlight
   * with forced-color-adjust: none, the track outlined (test/browser/a11y-media.test.ts).
   */
  const styles = css`
    :host {
      --_bar: var(--civic-kpi-tile-progress-color, var(--_color-accent));
      --_spark: var(--civic-kpi-tile-sparkline-color, var(--_color-accent));
    }
    [part~='period'] {
      flex: none;
      font-size: var(--_font-size-xs);
      color: var(--_color-text-muted);
      white-space: nowrap;
    }
    [part~='threshold'] {
      display: inline-flex;
      align-items: center;
      gap: 0.3em;
      font-size: var(--_font-size-s);
      font-weight: 600;
    }
    [part~='threshold'][data-level='ok'] {
      color: var(--_color-positive);
    }
    [part~='threshold'][data-level='warn'] {
      color: var(--_color-warning);
    }
    [part~='threshold'][data-level='alert'] {
      color: var(--_color-negative);
    }
    [part~='sparkline'] {
      display: block;
      width: 100%;
      height: var(--civic-kpi-tile-sparkline-height, calc(32px * var(--_type-scale)));
      color: var(--_spark);
      overflow: visible;
    }
    [part~='sparkline'] path {
      fill: none;
      stroke: currentColor;
      stroke-width: calc(1.5 * var(--_stroke-width));
      vector-effect: non-scaling-stroke;
      stroke-linejoin: round;
      stroke-linecap: round;
    }
    [part~='progress'] {
      position: relative;
      height: var(--civic-kpi-tile-progress-height, calc(6px * var(--_type-scale)));
      background: var(--_color-no-data);
      border-radius: 999px;
      overflow: hidden;
    }
    [part~='progress'] .fill {
      position: absolute;
      inset-block: 0;
      inset-inline-start: 0;
      background: var(--_bar);
      /* width, not transform: no composited animation (see rank-board.styles.ts) */
      transition: width var(--_transition) ease-out;
    }
    :host([motion='reduce']) [part~='progress'] .fill {
      transition: none;
    }
    @media (forced-colors: active) {
      [part~='progress'] {
        border: 1px solid CanvasText;
      }
      [part~='progress'] .fill {
        forced-color-adjust: none;
        background: Highlight;
      }
    }
  `;

  /**
   * Adds these styles to a tile's shadow root once, next to its own (before the render that first shows a detail, so
   * it is never painted unstyled). As status-view.ts and growth-chart.extras.ts do: adopted under CSP, or Lit's own
   * fallback, a <style> element with the page's nonce.
   */
  const adopted = new WeakSet<ShadowRoot>();
  function adoptDetailStyles(root: unknown): void {
    if (!(root instanceof ShadowRoot) || adopted.has(root)) return;
    adopted.add(root);
    const s = styles.styleSheet;
    if (s && 'adoptedStyleSheets' in root) root.adoptedStyleSheets = [...root.adoptedStyleSheets, s];
    else {
      const style = document.createElement('style');
      const nonce = (globalThis as { litNonce?: string }).litNonce;
      if (nonce !== undefined) style.setAttribute('nonce', nonce);
      style.textContent = styles.cssText;
      root.appendChild(style);
    }
  }

  return { addDetails, renderStatus, renderBars, adoptDetailStyles, pickRegionItem };
}

/** What `makeDetails` gives the tile. */
export type TileDetails = ReturnType<typeof makeDetails>;
