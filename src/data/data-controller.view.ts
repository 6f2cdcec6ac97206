import { html, nothing, type TemplateResult } from 'lit';
import { loadStatusView, renderEmpty, renderLoading, renderPlainStatus, statusView, statusViewSettled } from '../core/render/states.js';
import type { CivicErrorDetail } from '../core/events/error-event.js';
import type { DataController } from './data-controller.js';

// What a DataController's state looks like (DataController.render / renderStatus): the loading, empty and error
// states, and the error / stale / partial banner over a kept picture.

/** What an element draws for each state (DataController.render). */
export interface StateViews<T> {
  complete: (value: T) => unknown;
  pending?: () => unknown;
  error?: (e: CivicErrorDetail) => unknown;
  empty?: () => unknown;
  /** Put the status banner somewhere else (call `renderStatus()` yourself). */
  noBanner?: boolean;
}

/** DataController.render. */
export function renderState<T>(dc: DataController<T>, r: StateViews<T>): unknown {
  const { t } = dc.o.terms();
  const v = dc.value;
  if (v === undefined) {
    if (dc.status === 'error' && dc.error) return r.error ? r.error(dc.error) : renderStatus(dc);
    if (dc.status === 'idle') return r.empty ? r.empty() : renderEmpty(t);
    return r.pending ? r.pending() : renderLoading(t);
  }
  if (dc.o.isEmpty?.(v)) return html`${r.noBanner ? nothing : renderStatus(dc)}${r.empty ? r.empty() : renderEmpty(t)}`;
  // The banner goes first, in flow: it takes its own space above the picture and never covers it.
  return html`${r.noBanner ? nothing : renderStatus(dc)}${r.complete(v)}`;
}

/** DataController.renderStatus. */
export function renderStatus<T>(dc: DataController<T>): TemplateResult | typeof nothing {
  const e = dc.error;
  const at = dc.lastUpdated;
  if (!e && !((dc.fromCache || dc.liveStale) && at)) return nothing;
  const { t, lang } = dc.o.terms();
  // The full banner (status-view.ts: reason, "not updated" time, details, Retry, dismiss — dismissing hides this state
  // only —, the compact badge) loads on first use; a failed load is tried again by the next state. Meanwhile, or when
  // it cannot load (offline), the plain one says a short translated headline in the same place.
  const view = statusView();
  if (view) return view.render(dc, t, lang);
  if ((e ?? at) !== dc.viewKey) {
    dc.viewKey = e ?? at;
    void loadStatusView().then(() => dc.host.requestUpdate());
  }
  dc.viewPending = !statusViewSettled();
  if (!e) return renderPlainStatus('stale', 'status', t.staleUnknown, true);
  const overlay = dc.value !== undefined || !!e.partial;
  return e.partial
    ? renderPlainStatus('warning', 'alert', e.kind === 'validation' ? t.partialData(e.issueCount) : t.partNotShown, true)
    : renderPlainStatus('error', 'alert', t.loadFailed, overlay, overlay ? t.staleUnknown : '');
}
