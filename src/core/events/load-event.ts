import { CivicEvent } from './civic-event.js';
import type { DataSourceKind } from './error-event.js';

export interface CivicLoadDetail {
  /** Where the data came from. */
  source: DataSourceKind;
  /** The URL, when `source` is `src`. */
  url?: string;
  /** Number of top-level records the element accepted (rows, nodes, items…), when countable. */
  count?: number;
  /** True when this load came from a poll tick (the data had changed). */
  poll: boolean;
}

/** Data arrived, passed validation, and is on screen. Fired once per change of data, not per poll tick. */
export class CivicLoadEvent extends CivicEvent<CivicLoadDetail> {
  static readonly eventName = 'civic-load';
  constructor(detail: CivicLoadDetail) {
    super('civic-load', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-load': CivicLoadEvent;
  }
}
