import { parseCsv } from './csv.js';
import { adaptShapes } from './shapes.js';
import { adaptWith, type AdapterName, type AdaptResult } from './adapt.js';

export { readPath, parsePath, splitListPath } from './path.js';
export { unwrapEnvelope, looksLikeEnvelope } from './envelope.js';
export { datasetToRows, looksLikeDataset } from './echarts-dataset.js';
export { parseCsv, DEFAULT_TEXT_COLUMNS } from './csv.js';
// The synchronous field-path reader (elements load it on first use through field-map.ts).
export { mapFields } from './field-map.impl.js';
export type { FieldMap } from './field-map.js';

export { ADAPTERS, adaptWith, loadCsv, csvReader, adaptersReady, type AdapterName, type AdaptResult } from './adapt.js';

/**
 * Runs the generic adapters in order: CSV text → rows; `{code,msg,data}` envelope → data;
 * ECharts `{dimensions, source}` → rows. Pure; never throws. (Elements go through `adaptWith` and load the CSV
 * reader and the envelope / dataset adapters on first use; this synchronous form, for workers and the public API,
 * carries them.)
 */
// Not `import * as`: a namespace object as a value makes bundlers emit an export helper that code-splits into a chunk
// of its own, shared with the first load (issue 16).
const MODULES = { csv: { parseCsv }, shapes: { adaptShapes } };

export function adaptPayload(raw: unknown, adapter: AdapterName = 'auto'): AdaptResult {
  return adaptWith(raw, adapter, MODULES);
}
