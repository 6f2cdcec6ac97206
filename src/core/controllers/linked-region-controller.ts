import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CivicSelectEvent } from '../events/select-event.js';
import { lazyModule } from '../lazy-module.js';

// What a linked element does with a selection (linked-region.ts) loads with the first element that has `linked` or
// `linked-to`, when it connects (issue 16): most elements follow nothing. A selection that comes before it has loaded
// is applied once it has; when it cannot load (offline), the element stays as it is. Once loaded it also checks that
// a `linked-to` partner exists (linked-region.ts `watch`: a mistyped id is reported, a partner added later is awaited).
const logic = lazyModule(() => import('./linked-region.js'));

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
  /** @internal */
  readonly host: LinkedHost;
  /** The region this controller last applied (undefined when none). */
  applied?: string;

  constructor(host: LinkedHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    // Only ever called in a page (an element connects to a document). Adding the same listener twice is a no-op (no
    // flag needed on a reconnection).
    document.addEventListener('civic-select', this.onSelect as EventListener);
    if (this.host.linked || this.host.linkedTo) logic.load().then((m) => m.watch(this), () => undefined);
  }

  hostDisconnected(): void {
    document.removeEventListener('civic-select', this.onSelect as EventListener);
  }

  private onSelect = (e: CivicSelectEvent): void => {
    if (!this.host.linked && !this.host.linkedTo) return;
    // The source is read now: an event's path is empty once its dispatch is over.
    const source = e.composedPath()[0];
    const m = logic.loaded;
    if (m) m.follow(this, source, e.detail);
    else logic.load().then((l) => l.follow(this, source, e.detail), () => undefined);
  };
}
