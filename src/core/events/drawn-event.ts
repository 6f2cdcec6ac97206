import { CivicEvent } from './civic-event.js';

/**
 * What made the picture redraw: `first` (the first picture), `data` (data accepted, or its error / stale state
 * changed), `resize`, `theme` (theme or density), `lang`, `other` (an attribute that changes the picture).
 */
export type DrawnReason = 'first' | 'data' | 'resize' | 'theme' | 'lang' | 'other';

export interface CivicDrawnDetail {
  /** Why this picture was drawn; several changes that land in one redraw are reported together. */
  reasons: DrawnReason[];
}

/**
 * A picture is complete on screen: fired once per redraw after the first picture and after each change of data,
 * size, theme or language (changes that land in the same redraw give one event). `whenDrawn()` resolves at the
 * same moment. With data, `civic-load` follows it.
 */
export class CivicDrawnEvent extends CivicEvent<CivicDrawnDetail> {
  static readonly eventName = 'civic-drawn';
  constructor(detail: CivicDrawnDetail) {
    super('civic-drawn', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-drawn': CivicDrawnEvent;
  }
}
