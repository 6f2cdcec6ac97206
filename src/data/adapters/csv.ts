import { csvParseRows, tsvParseRows } from 'd3-dsv';
import type { Issue } from '../../core/issues/issue.js';
import { describe, issue } from '../lazy-issues.js';

/**
 * CSV (or TSV) text → row objects, RFC 4180 quoting. Rows are split by d3-dsv's `csvParseRows`/`tsvParseRows`; the
 * row objects are built here by plain assignment, not by d3-dsv's `csvParse`, which builds them with `new Function`
 * (a page whose CSP has no 'unsafe-eval' refuses that). test/unit/data/adapters/csv-d3.test.ts checks the rows match
 * what `csvParse`/`tsvParse` give.
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
  const [columns = [], ...records] = (firstLine.includes('\t') && !firstLine.includes(',') ? tsvParseRows : csvParseRows)(clean);
  // One line without a separator ('hello', a plain-text error page, a `data` string that is neither JSON nor CSV):
  // not a table, whatever it is (README, Data: text is read as CSV).
  if (records.length === 0 && columns.length < 2) {
    issues.push(issue('$', 'text', `expected JSON or CSV text (a header row and at least one row), got ${describe(clean)}`));
    return { rows: [], issues };
  }
  if (columns.length === 0 || (columns.length === 1 && columns[0] === '')) {
    issues.push(issue('$', 'json', 'the CSV has no header row'));
    return { rows: [], issues };
  }
  const text_ = new Set(textColumns);
  // A column named twice reads its last cell (as d3-dsv's row objects do).
  const last = new Map<string, number>();
  columns.forEach((c, i) => last.set(c, i));
  const rows = records.map((r) => {
    const o: Record<string, unknown> = {};
    for (const c of columns) {
      const v = r[last.get(c)!];
      if (v === undefined || v === '') o[c] = null;
      else if (!text_.has(c) && NUMERIC.test(v)) o[c] = Number(v);
      else o[c] = v;
    }
    return o;
  });
  return { rows, issues };
}

