import type { Issue } from '../../core/issues/issue.js';
import { unwrapEnvelope } from './envelope.js';
import { looksLikeDataset, datasetToRows } from './echarts-dataset.js';
import type { AdapterName, AdaptResult } from './adapt.js';

/**
 * The shape adapters after the CSV reader: `{code,msg,data}` envelope → data; ECharts `{dimensions, source}` → rows.
 * Loaded with the first payload that may have one of these shapes (adapt.ts `mayHaveShape`, issue 16); `issues` are
 * the CSV reader's, kept in front. Pure; never throws.
 */
export function adaptShapes(v: unknown, adapter: AdapterName, issues: Issue[]): AdaptResult {
  let outer: unknown;
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
