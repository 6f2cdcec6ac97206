import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CivicSelectEvent } from '../events/select-event.js';

export interface LinkedHost extends ReactiveControllerHost, HTMLElement {
  /** Division-code prefix the element filters its rows by. */
  region?: string;
  /** Follow the `civic-select` of the map inside the same `<civic-screen>`. */
  linked: boolean;
  /** Follow the `civic-select` of the element with this id (plain pages). */
  linkedTo?: string;
}

/**
 * Linked views without JavaScript: an element with `linked-to="map-id"` (or `linked` inside a `<civic-screen>`)
 * narrows itself to the region chosen on that map. It listens on the document (so a map added later still
 * counts) and sets the host's `region` from `civic-select` detail (`region`, else `id`); a cleared selection
 * (`id: null`) restores everything. It only writes `region` when it set it or `region` was empty, so a page
 * author's explicit region is not overwritten by accident.
 */
export class LinkedRegionController implements ReactiveController {
  private host: LinkedHost;
  private listening = false;
  /** The region this controller last applied (undefined when none). */
  applied?: string;

  constructor(host: LinkedHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof document === 'undefined' || this.listening) return;
    document.addEventListener('civic-select', this.onSelect as EventListener);
    this.listening = true;
  }

  hostDisconnected(): void {
    document.removeEventListener('civic-select', this.onSelect as EventListener);
    this.listening = false;
  }

  private follows(source: Element): boolean {
    const h = this.host;
    if (source === h) return false;
    if (h.linkedTo) return source.id === h.linkedTo;
    if (!h.linked) return false;
    // Inside a screen, the map drives linked views; any other element can opt in with `link-source`.
    if (source.localName !== 'civic-grid-map' && !source.hasAttribute('link-source')) return false;
    const screen = h.closest('civic-screen');
    return !!screen && screen.contains(source);
  }

  private onSelect = (e: CivicSelectEvent): void => {
    const source = e.composedPath()[0];
    if (!(source instanceof Element) || !this.follows(source)) return;
    const region = e.detail.id === null ? undefined : (e.detail.region ?? e.detail.id ?? undefined);
    if (this.host.region !== undefined && this.host.region !== this.applied) return; // author-set region wins
    this.applied = region;
    this.host.region = region;
    this.host.requestUpdate();
  };
}
