import { css, html, nothing, type TemplateResult } from 'lit';
import type { Translation } from '../i18n/translation.js';
import type { CivicErrorDetail } from '../events/error-event.js';
import { formatIssue } from '../../data/validate.js';
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
  .state-overlay {
    position: absolute;
    inset-inline: var(--_space-s);
    inset-block-start: var(--_space-s);
    z-index: 5;
  }
  .state-block {
    min-height: 64px;
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

/**
 * Error banner. `overlay` places it over the kept picture (stale data); otherwise it stands alone.
 * Issue paths and messages are rendered as text (Lit escapes them), never as HTML.
 */
export function renderError(t: Translation, e: CivicErrorDetail, options: { overlay?: boolean; lang: Lang; lastUpdated?: Date; onRetry?: () => void }): TemplateResult {
  const stale = options.overlay
    ? options.lastUpdated
      ? t.stale(formatTime(options.lastUpdated, options.lang))
      : t.staleUnknown
    : '';
  return html`<div
    part="status"
    data-kind=${e.partial ? 'warning' : 'error'}
    role="alert"
    class=${options.overlay ? 'state-overlay' : 'state-block'}
  >
    <div>
      <strong>${e.partial ? '' : t.loadFailed + '：'}${errorMessage(t, e)}</strong>
      ${stale ? html`<div>${stale}</div>` : nothing}
      ${e.issues.length
        ? html`<details>
            <summary>${t.errorDetails} (${t.nIssues(e.issueCount)})</summary>
            <ul>
              ${e.issues.slice(0, 20).map((i) => html`<li>${formatIssue(i)}</li>`)}
            </ul>
          </details>`
        : nothing}
    </div>
    ${options.onRetry && !e.partial ? html`<button type="button" @click=${options.onRetry}>${t.retry}</button>` : nothing}
  </div>`;
}

/** The 示例数据 / Illustrative data badge. */
export function renderIllustrative(t: Translation, title?: string): TemplateResult {
  return html`<span part="illustrative" title=${title ?? t.illustrativeNote}>${t.illustrative}</span>`;
}
