import { csvParse, tsvParse } from 'd3-dsv';
import { issue, type Issue } from '../validate.js';

/**
 * CSV (or TSV) text → row objects, via d3-dsv (RFC 4180 quoting).
 *
 * Cells that are plain decimal numbers become numbers, except in identifier columns (`code`, `id`,
 * `parent`, `region`, `name`, `label`, `period` and any listed in `textColumns`): a division code such as
 * 500118002007 or a period such as 2022 must stay a string. Empty cells become null. A UTF-8 BOM is dropped.
 */
export const DEFAULT_TEXT_COLUMNS = ['code', 'id', 'parent', 'region', 'name', 'label', 'period', 'source', 'target', 'type', 'kind', 'unit', 'tier', 'chain'];

const NUMERIC = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

export function parseCsv(text: string, textColumns: readonly string[] = DEFAULT_TEXT_COLUMNS): { rows: Record<string, unknown>[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const clean = text.replace(/^\uFEFF/, '');
  const firstLine = clean.slice(0, clean.indexOf('\n') >= 0 ? clean.indexOf('\n') : clean.length);
  const parsed = firstLine.includes('\t') && !firstLine.includes(',') ? tsvParse(clean) : csvParse(clean);
  if (parsed.columns.length === 0 || (parsed.columns.length === 1 && parsed.columns[0] === '')) {
    issues.push(issue('$', 'json', 'the CSV has no header row'));
    return { rows: [], issues };
  }
  const text_ = new Set(textColumns);
  const rows = parsed.map((r) => {
    const o: Record<string, unknown> = {};
    for (const c of parsed.columns) {
      const v = r[c];
      if (v === undefined || v === '') o[c] = null;
      else if (!text_.has(c) && NUMERIC.test(v)) o[c] = Number(v);
      else o[c] = v;
    }
    return o;
  });
  return { rows, issues };
}
