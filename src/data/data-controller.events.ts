import { CivicLoadEvent } from '../core/events/load-event.js';
import { CivicErrorEvent } from '../core/events/error-event.js';
import { loadStatusView } from '../core/render/states.js';
import type { DataController } from './data-controller.js';

// When a DataController's events leave (from its hostUpdated, after the render that shows their state): `civic-load`
// once the element's picture of that value is on screen, `civic-error` once its error state is drawn in full, and a
// partial `civic-error` after the `civic-load` of the data it is about.

/** Sends the events queued since the last update, each when its picture is there. */
export function sendQueued<T>(dc: DataController<T>): void {
  const events = dc.queued;
  dc.queued = [];
  let afterLoad = false;
  // This render drew the plain status banner while the full one loads (first use): a civic-error leaves once the
  // full banner (or, when it cannot load, the plain one) is drawn, so a listener finds the error state complete.
  let gate: Promise<unknown> | undefined;
  for (const e of events) {
    const drawn = dc.o.drawn;
    const send = () => void dc.host.dispatchEvent(e);
    if (!gate && dc.viewPending && e instanceof CivicErrorEvent) gate = loadStatusView().then(() => dc.host.updateComplete);
    if (drawn && e instanceof CivicLoadEvent) {
      afterLoad = true;
      dc.loadsInOrder = dc.loadsInOrder.then(() => drawn().then(send, () => undefined));
    } else if (afterLoad || (e instanceof CivicErrorEvent && e.detail.partial)) {
      // A partial civic-error follows the civic-load of the data it is about: loaded, then what was skipped or
      // could not be drawn (partFailed).
      const g = gate;
      dc.loadsInOrder = dc.loadsInOrder.then(() => g).then(send);
    } else if (gate) gate = gate.then(send);
    else send();
  }
}
