import { CivicEvent } from './civic-event.js';

export interface CivicExportDetail {
  /** What is exported: `png` from every element's export button; `svg` and `csv` from `<civic-growth-chart>`'s menu. */
  format: 'png' | 'svg' | 'csv';
  /** The file offered for download. */
  blob: Blob;
  /** Suggested file name, e.g. `civic-rank-board.png` (from the element's `file-name`, else its tag). */
  filename: string;
}

/**
 * An element's toolbar is about to download an export. Fired before the download starts; cancelable: call
 * `preventDefault()` to handle `detail.blob` yourself (upload it, show it) instead of the browser download.
 */
export class CivicExportEvent extends CivicEvent<CivicExportDetail> {
  static readonly eventName = 'civic-export';
  constructor(detail: CivicExportDetail) {
    super('civic-export', detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-export': CivicExportEvent;
  }
}
