import type { Translation, ViewWords } from './translation.js';

export const en: Translation = {
  loading: 'Loading data…',
  loadFailed: 'Could not load the data',
  empty: 'Nothing to show',
  staleUnknown: 'Not updated: showing the last data that loaded',
  illustrative: 'Illustrative data',
  illustrativeNote: 'Includes illustrative data (not official statistics)',
  partialData: (n) => `Some of the data is invalid (${n}); the rest is shown`,
  partNotShown: 'Part of this content could not be shown: network error',
};

export const enViews: ViewWords = {
  exportPng: 'Export PNG',
  exportSvg: 'Export SVG',
  exportCsv: 'Export CSV',
  table: 'Data table',
  showTable: 'Show data table',
  hideTable: 'Hide data table',
  source: 'Source',
};
