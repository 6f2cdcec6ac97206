import { css, html, nothing, type TemplateResult } from 'lit';
import type { Translation } from '../i18n/translation.js';
import type { CivicErrorDetail } from '../events/error-event.js';
import { formatIssue } from '../issues/issue.js';
import { formatTime } from '../format/number.js';
import type { Lang } from '../i18n/lang.js';

/**
 * Shared markup for data states. Every element shows the same loading, empty, error and stale
 * states, with the same parts (`status`), so a page styles them once.
 */
export const stateStyles = css`
  [part~='status'] {
    display: flex;
    align-items: flex-start;
    gap: var(--_space-s);
    padding: var(--_space-s) var(--_space-m);
    font-size: var(--_font-size-s);
    color: var(--_color-text);
    background: var(--_color-surface-raised);
    border: 1px solid var(--_color-border);
    border-inline-start: 4px solid var(--_color-warning);
    border-radius: var(--_radius);
  }
  [part~='status'][data-kind='error'] {
    border-inline-start-color: var(--_color-negative);
  }
  [part~='status'][data-kind='loading'] {
    border-inline-start-color: var(--_color-focus);
  }
  [part~='status'][data-kind='empty'] {
    border-inline-start-color: var(--_color-border);
  }
  /* The banner takes its own space (in flow, above the picture): it never covers a value. */
  .state-strip {
    margin-block-end: var(--_space-s);
    align-items: center;
  }
  .state-block {
    min-height: 64px;
  }
  /* Inside a map's picture only (the map's own warnings): a corner note, as map controls are. */
  .state-overlay {
    position: absolute;
    inset-inline-start: var(--_space-s);
    inset-block-start: var(--_space-s);
    max-width: calc(100% - 2 * var(--_space-s));
    z-index: 5;
  }
  [part~='status'] .status-main {
    flex: 1;
    min-width: 0;
  }
  [part~='status'] .status-icon {
    flex: none;
    font-weight: 700;
  }
  [part~='status'] button {
    font: inherit;
    min-height: var(--_min-target, 24px);
  }
  [part~='status'] .status-dismiss {
    flex: none;
    margin-inline-start: auto;
    min-width: var(--_min-target, 24px);
    padding: 0 var(--_space-xs);
    color: var(--_color-text-muted);
    background: none;
    border: 0;
    border-radius: var(--_radius);
    cursor: pointer;
    font-size: var(--_font-size-m);
    line-height: 1;
  }
  [part~='status'] .status-dismiss:focus-visible,
  [part~='status'] summary:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 1px;
  }
  /* Compact: a badge (icon + one word) in its own small line; the full text opens below it on click or Enter. */
  [part~='status'][data-compact] {
    position: relative;
    padding: 0 var(--_space-xs);
    gap: var(--_space-xs);
  }
  [part~='status'][data-compact] > details {
    flex: 1;
    min-width: 0;
  }
  [part~='status'][data-compact] > details > summary {
    list-style: none;
    display: flex;
    align-items: center;
    gap: var(--_space-xs);
    min-height: var(--_min-target, 24px);
    color: var(--_color-text);
    white-space: nowrap;
  }
  [part~='status'][data-compact] > details > summary::-webkit-details-marker {
    display: none;
  }
  [part~='status'][data-compact] .status-pop {
    position: absolute;
    inset-inline: 0;
    inset-block-start: 100%;
    z-index: 6;
    padding: var(--_space-s);
    background: var(--_color-surface-raised);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.25);
  }
  [part~='status'] details {
    margin: 0;
  }
  [part~='status'] summary {
    cursor: pointer;
    color: var(--_color-text-muted);
  }
  [part~='status'] ul {
    margin: var(--_space-xs) 0 0;
    padding-inline-start: 1.2em;
    max-height: 8em;
    overflow: auto;
    font-family: ui-monospace, monospace;
    font-size: var(--_font-size-xs);
  }
  [part~='illustrative'] {
    display: inline-block;
    padding: 0 var(--_space-xs);
    font-size: var(--_font-size-xs);
    line-height: 1.6;
    color: var(--_color-illustrative);
    border: 1px dashed currentColor;
    border-radius: var(--_radius);
    white-space: nowrap;
  }
  .spinner {
    width: 1em;
    height: 1em;
    flex: none;
    border-radius: 50%;
    border: 2px solid var(--_color-border);
    border-top-color: var(--_color-focus);
    animation: civic-spin 0.8s linear infinite;
  }
  @keyframes civic-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
`;

/** The translated one-line reason for an error, e.g. "服务器返回 HTTP 500". */
export function errorMessage(t: Translation, e: CivicErrorDetail): string {
  switch (e.kind) {
    case 'http':
      return t.httpStatus(e.status ?? 0);
    case 'timeout':
      return t.timeout;
    case 'network':
      return t.networkError;
    case 'json':
      return t.malformedJson;
    case 'api':
      return t.apiError(e.message);
    case 'validation':
      return e.partial ? t.partialData(e.issueCount) : t.invalidData;
  }
}

export function renderLoading(t: Translation): TemplateResult {
  return html`<div part="status" data-kind="loading" role="status" aria-busy="true" class="state-block">
    <span class="spinner" aria-hidden="true"></span><span>${t.loading}</span>
  </div>`;
}

export function renderEmpty(t: Translation): TemplateResult {
  return html`<div part="status" data-kind="empty" role="status" class="state-block">${t.empty}</div>`;
}

export interface StatusOptions {
  lang: Lang;
  /** A picture of earlier (or partly valid) data is on screen: the banner is a strip above it, not a block in its place. */
  overlay?: boolean;
  /** When the kept data last loaded (for the stale line). */
  lastUpdated?: Date;
  /** Offer a Retry button (only for failures of `src`). */
  onRetry?: () => void;
  /** Offer a dismiss button; the banner comes back on the next change of state. */
  onDismiss?: () => void;
  /** A small element: a badge with one word; the full text opens on click, Enter or Space. */
  compact?: boolean;
}

/**
 * The data-status banner (part `status`): an error with nothing to show, a stale picture (a refresh failed after good
 * data), or partly invalid data (the valid part is drawn). It takes its own space above the picture and never
 * covers it; on a small element it is a one-word badge whose details open below it. Issue paths and messages are
 * rendered as text (Lit escapes them), never as HTML.
 *
 * "Stale" is said only when a refresh failed after good data (`overlay` and not `partial`); partial data says so
 * in its own words, also on the first load.
 */
export function renderError(t: Translation, e: CivicErrorDetail, options: StatusOptions): TemplateResult {
  const stale = options.overlay && !e.partial ? (options.lastUpdated ? t.stale(formatTime(options.lastUpdated, options.lang)) : t.staleUnknown) : '';
  const headline = `${e.partial ? '' : t.loadFailed + '：'}${errorMessage(t, e)}`;
  const word = e.partial ? t.statusPartial : stale ? t.statusStale : t.statusFailed;
  const body = html`<strong>${headline}</strong>
    ${stale ? html`<div>${stale}</div>` : nothing}
    ${e.issues.length
      ? html`<details>
          <summary>${t.errorDetails} (${t.nIssues(e.issueCount)})</summary>
          <ul>
            ${e.issues.slice(0, 20).map((i) => html`<li>${formatIssue(i)}</li>`)}
          </ul>
        </details>`
      : nothing}`;
  return renderBanner(t, {
    kind: e.partial ? 'warning' : 'error',
    role: 'alert',
    word,
    body,
    options,
    retry: options.onRetry && !e.partial ? options.onRetry : undefined,
  });
}

/** A stale picture with no error object: data shown from the offline cache, marked with when it last loaded. */
export function renderStale(t: Translation, text: string, options: StatusOptions): TemplateResult {
  return renderBanner(t, { kind: 'stale', role: 'status', word: t.statusStale, body: html`<span>${text}</span>`, options });
}

function renderBanner(
  t: Translation,
  b: { kind: string; role: string; word: string; body: unknown; options: StatusOptions; retry?: () => void },
): TemplateResult {
  const o = b.options;
  const cls = o.overlay ? 'state-strip' : 'state-block';
  const dismiss = o.onDismiss
    ? html`<button type="button" class="status-dismiss" aria-label=${t.dismiss} title=${t.dismiss} @click=${o.onDismiss}>×</button>`
    : nothing;
  const retry = b.retry ? html`<button type="button" @click=${b.retry}>${t.retry}</button>` : nothing;
  if (o.compact)
    return html`<div part="status" data-kind=${b.kind} role=${b.role} class=${cls} data-compact>
      <details>
        <summary aria-label=${t.statusDetails(b.word)}><span class="status-icon" aria-hidden="true">⚠</span><span>${b.word}</span></summary>
        <div class="status-pop">${b.body}</div>
      </details>
      ${retry} ${dismiss}
    </div>`;
  return html`<div part="status" data-kind=${b.kind} role=${b.role} class=${cls}>
    <div class="status-main">${b.body}</div>
    ${retry} ${dismiss}
  </div>`;
}

/** The 示例数据 / Illustrative data badge. */
export function renderIllustrative(t: Translation, title?: string): TemplateResult {
  return html`<span part="illustrative" title=${title ?? t.illustrativeNote}>${t.illustrative}</span>`;
}
