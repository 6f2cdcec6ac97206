export { CivicEvent } from './civic-event.js';
export { CivicLoadEvent, type CivicLoadDetail } from './load-event.js';
export { CivicErrorEvent, type CivicErrorDetail, type CivicErrorKind, type DataSourceKind } from './error-event.js';
export { CivicSelectEvent, type CivicSelectDetail, type SelectTrigger } from './select-event.js';
export { CivicHoverEvent, type CivicHoverDetail } from './hover-event.js';
export { CivicExportEvent, type CivicExportDetail } from './export-event.js';
export { CivicDrawnEvent, type CivicDrawnDetail, type DrawnReason } from './drawn-event.js';
