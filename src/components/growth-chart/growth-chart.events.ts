import { CivicEvent } from '../../core/events/civic-event.js';

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

export interface CivicExportDetail {
  format: 'png' | 'svg' | 'csv';
  /** The file offered for download. */
  blob: Blob;
  filename: string;
}

/** The toolbar exported the chart (fired before the download starts; cancel it to handle the file yourself). */
export class CivicExportEvent extends CivicEvent<CivicExportDetail> {
  static readonly eventName = 'civic-export';
  constructor(detail: CivicExportDetail) {
    super(CivicExportEvent.eventName, detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-series-toggle': CivicSeriesToggleEvent;
    'civic-export': CivicExportEvent;
  }
}
