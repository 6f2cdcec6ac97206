import type { LinkedHost } from './linked-region-controller.js';
import type { CivicSelectDetail } from '../events/select-event.js';

/**
 * What a linked element does with a `civic-select` (linked-region-controller.ts): loaded with the first element that
 * has `linked` or `linked-to` (issue 16: most elements follow nothing). Imports nothing of the first load.
 */
export interface LinkState {
  readonly host: LinkedHost;
  /** The region this controller last applied (undefined when none). */
  applied?: string;
}

/** True when the host follows the selections of `source`. */
function follows(h: LinkedHost, source: Element): boolean {
  if (source === h) return false;
  if (h.linkedTo) return source.id === h.linkedTo;
  if (!h.linked) return false;
  // Inside a screen, the map drives linked views; any other element can opt in with `link-source`.
  if (source.localName !== 'civic-grid-map' && !source.hasAttribute('link-source')) return false;
  const screen = h.closest('civic-screen');
  return !!screen && screen.contains(source);
}

/** Sets the host's `region` from a selection of `source` it follows; an author-set region wins. */
export function follow(c: LinkState, source: unknown, detail: CivicSelectDetail): void {
  const h = c.host;
  if (!(source instanceof Element) || !follows(h, source)) return;
  const region = detail.id === null ? undefined : (detail.region ?? detail.id ?? undefined);
  if (h.region !== undefined && h.region !== c.applied) return; // author-set region wins
  c.applied = region;
  h.region = region;
  h.requestUpdate();
}
