import { CivicEvent } from '../../core/events/civic-event.js';

export { CivicExportEvent, type CivicExportDetail } from '../../core/events/export-event.js';

export interface CivicSeriesToggleDetail {
  /** The series switched in the legend. */
  id: string;
  /** Whether it is now shown. */
  visible: boolean;
  /** Every series id now hidden. */
  hidden: string[];
}

/** A series was shown or hidden from the legend (or through `toggleSeries()`). */
export class CivicSeriesToggleEvent extends CivicEvent<CivicSeriesToggleDetail> {
  static readonly eventName = 'civic-series-toggle';
  constructor(detail: CivicSeriesToggleDetail) {
    super(CivicSeriesToggleEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-series-toggle': CivicSeriesToggleEvent;
  }
}
