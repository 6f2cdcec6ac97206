import { type Issue } from '../validate.js';
import { unwrapEnvelope } from './envelope.js';
import { looksLikeDataset, datasetToRows } from './echarts-dataset.js';
import { parseCsv } from './csv.js';

export { readPath, parsePath, splitListPath } from './path.js';
export { unwrapEnvelope, looksLikeEnvelope } from './envelope.js';
export { datasetToRows, looksLikeDataset } from './echarts-dataset.js';
export { parseCsv, DEFAULT_TEXT_COLUMNS } from './csv.js';
export { mapFields, type FieldMap } from './field-map.js';

/** Which adapters run before the element's own parser. `auto` (default) detects each shape. */
export const ADAPTERS = ['auto', 'none', 'envelope', 'echarts', 'csv'] as const;
export type AdapterName = (typeof ADAPTERS)[number];

export interface AdaptResult {
  /** The payload for the element's parser: its native shape, or an array of row objects. */
  value: unknown;
  issues: Issue[];
  /** Set when an envelope reported failure: the API's message. */
  apiError?: string;
  /**
   * The payload as it arrived (as devtools shows it), when an envelope was unwrapped: field paths such as
   * `data.list[].gdp` are read against it first (see `mapFields`).
   */
  outer?: unknown;
}

/**
 * Runs the generic adapters in order: CSV text → rows; `{code,msg,data}` envelope → data;
 * ECharts `{dimensions, source}` → rows. Pure; never throws.
 */
export function adaptPayload(raw: unknown, adapter: AdapterName = 'auto'): AdaptResult {
  if (adapter === 'none') return { value: raw, issues: [] };
  let v = raw;
  let outer: unknown;
  const issues: Issue[] = [];
  if (typeof v === 'string' && (adapter === 'auto' || adapter === 'csv')) {
    const r = parseCsv(v);
    issues.push(...r.issues);
    v = r.rows;
  }
  if (adapter === 'auto' || adapter === 'envelope') {
    const e = unwrapEnvelope(v);
    if (e.matched && !e.ok) return { value: undefined, issues: e.issues, apiError: e.message };
    if (e.matched) outer = v;
    v = e.data;
  }
  if ((adapter === 'auto' || adapter === 'echarts') && looksLikeDataset(v)) {
    const r = datasetToRows(v);
    issues.push(...r.issues);
    v = r.rows;
  }
  return outer === undefined ? { value: v, issues } : { value: v, issues, outer };
}
