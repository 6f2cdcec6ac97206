import { CivicEvent } from './civic-event.js';

export interface CivicHoverDetail {
  /** Id or code under the pointer or keyboard focus; null when it left. */
  id: string | null;
  item?: unknown;
}

/** The pointer (or keyboard focus) moved onto a different item. Fired on change only, not per mouse move. */
export class CivicHoverEvent extends CivicEvent<CivicHoverDetail> {
  static readonly eventName = 'civic-hover';
  constructor(detail: CivicHoverDetail) {
    super('civic-hover', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-hover': CivicHoverEvent;
  }
}
