import { CivicEvent } from './civic-event.js';

export type SelectTrigger = 'pointer' | 'keyboard' | 'api' | 'tour';

export interface CivicSelectDetail {
  /** Id or code of the chosen thing (grid code, node id, period, row id); null when the selection was cleared. */
  id: string | null;
  /** The chosen record (feature properties, node, row…), as plain data. */
  item?: unknown;
  /** Division code of the chosen thing, when it has one; linked views narrow to it. */
  region?: string | null;
  /** What caused it. */
  trigger: SelectTrigger;
}

/** Something was chosen by click, Enter, or from outside through `selected`. */
export class CivicSelectEvent extends CivicEvent<CivicSelectDetail> {
  static readonly eventName = 'civic-select';
  constructor(detail: CivicSelectDetail) {
    super('civic-select', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-select': CivicSelectEvent;
  }
}
