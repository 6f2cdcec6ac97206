import type { Issue } from '../../core/issues/issue.js';
import { isRecord, issue } from '../lazy-issues.js';

/**
 * ECharts' dataset shape, which many teams already have:
 *   { dimensions: ['name', 'value'], source: [['中山路', 12], …] }
 *   { source: [['name', 'value'], ['中山路', 12], …] }            (first row is the header)
 *   { source: [{ name: '中山路', value: 12 }, …] }                (objects already)
 *   { dimensions: [{ name: 'name' }, …], source: … }
 * becomes an array of row objects.
 */
export function looksLikeDataset(v: unknown): v is Record<string, unknown> {
  return isRecord(v) && Array.isArray(v.source) && (Array.isArray(v.dimensions) || v.source.length === 0 || Array.isArray(v.source[0]) || isRecord(v.source[0])) && Object.keys(v).every((k) => ['source', 'dimensions', 'sourceHeader', 'id'].includes(k));
}

export function datasetToRows(v: Record<string, unknown>): { rows: Record<string, unknown>[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const source = v.source as unknown[];
  let dims: string[] | undefined;
  if (Array.isArray(v.dimensions)) {
    dims = v.dimensions.map((d, i) => {
      if (typeof d === 'string') return d;
      if (isRecord(d) && typeof d.name === 'string') return d.name;
      issues.push(issue(`dimensions[${i}]`, 'type', 'expected a dimension name'));
      return `dim${i}`;
    });
  }
  let start = 0;
  if (!dims && Array.isArray(source[0]) && v.sourceHeader !== false) {
    dims = (source[0] as unknown[]).map((d, i) => (typeof d === 'string' ? d : `dim${i}`));
    start = 1;
  }
  const rows: Record<string, unknown>[] = [];
  for (let i = start; i < source.length; i++) {
    const r = source[i];
    if (isRecord(r)) rows.push(r);
    else if (Array.isArray(r) && dims) {
      const o: Record<string, unknown> = {};
      dims.forEach((d, j) => (o[d] = r[j]));
      rows.push(o);
    } else issues.push(issue(`source[${i}]`, 'type', 'expected a row (array or object)'));
  }
  return { rows, issues };
}
