import { CivicEvent } from '../../core/events/civic-event.js';

export interface CivicTourDetail {
  /** Step number since the tour (re)started, from 0. */
  step: number;
  /** The element highlighted in this step. */
  target: Element;
  /** The id passed to `target.highlight(id)`; null when the element offers no ids (it is only ringed). */
  id: string | null;
  /** Index of the target among the screen's tour targets. */
  targetIndex: number;
}

/** `<civic-screen>`'s auto-tour moved to the next item (fired once per step, after `highlight` was called). */
export class CivicTourEvent extends CivicEvent<CivicTourDetail> {
  static readonly eventName = 'civic-tour';
  constructor(detail: CivicTourDetail) {
    super(CivicTourEvent.eventName, detail);
  }
}

export interface CivicRegionChangeDetail {
  /** The active region (division code) the chip shows, or null after clearing. */
  region: string | null;
  /** Its display name when the selecting element sent one (detail.item.name), else the code. */
  label: string | null;
  /** The element whose civic-select set it (null when cleared). */
  source: Element | null;
}

/** The screen's active-region chip changed (a descendant selected a region, or the chip was cleared). */
export class CivicRegionChangeEvent extends CivicEvent<CivicRegionChangeDetail> {
  static readonly eventName = 'civic-region-change';
  constructor(detail: CivicRegionChangeDetail) {
    super(CivicRegionChangeEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-tour': CivicTourEvent;
    'civic-region-change': CivicRegionChangeEvent;
  }
}
