import { issue, type Issue } from '../validate.js';

/**
 * CSV (or TSV) text → row objects, RFC 4180 quoting, parsed as d3-dsv's `csvParse`/`tsvParse` parse (same rows and
 * cells; test/unit/data/adapters/csv-d3.test.ts compares). Not d3-dsv itself: it builds its row objects with
 * `new Function`, which a page whose CSP has no 'unsafe-eval' refuses, and its one-file build weighs ≈2.5 KB
 * minified in every data element (issue 16).
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
  const [columns = [], ...records] = parseRows(clean, firstLine.includes('\t') && !firstLine.includes(',') ? TAB : COMMA);
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

const COMMA = 44;
const TAB = 9;
const QUOTE = 34;
const NEWLINE = 10;
const RETURN = 13;

/** Rows of cells, as d3-dsv's `parseRows` splits them (a trailing line break ends the last row; `""` in quotes is `"`). */
export function parseRows(text: string, delimiter: number): string[][] {
  const rows: string[][] = [];
  let N = text.length;
  let I = 0;
  let eof = N <= 0;
  let eol = false;
  if (text.charCodeAt(N - 1) === NEWLINE) --N;
  if (text.charCodeAt(N - 1) === RETURN) --N;
  const EOF = {};
  const EOL = {};
  const token = (): string | object => {
    if (eof) return EOF;
    if (eol) return (eol = false), EOL;
    let i: number;
    let c: number;
    const j = I;
    if (text.charCodeAt(j) === QUOTE) {
      while ((I++ < N && text.charCodeAt(I) !== QUOTE) || text.charCodeAt(++I) === QUOTE);
      if ((i = I) >= N) eof = true;
      else if ((c = text.charCodeAt(I++)) === NEWLINE) eol = true;
      else if (c === RETURN) {
        eol = true;
        if (text.charCodeAt(I) === NEWLINE) ++I;
      }
      return text.slice(j + 1, i - 1).replace(/""/g, '"');
    }
    while (I < N) {
      if ((c = text.charCodeAt((i = I++))) === NEWLINE) eol = true;
      else if (c === RETURN) {
        eol = true;
        if (text.charCodeAt(I) === NEWLINE) ++I;
      } else if (c !== delimiter) continue;
      return text.slice(j, i);
    }
    return (eof = true), text.slice(j, N);
  };
  let t: string | object;
  while ((t = token()) !== EOF) {
    const row: string[] = [];
    while (t !== EOL && t !== EOF) row.push(t as string), (t = token());
    rows.push(row);
  }
  return rows;
}
