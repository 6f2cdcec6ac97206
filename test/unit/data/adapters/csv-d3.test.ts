// The CSV adapter gives what d3-dsv's csvParse/tsvParse give (it splits rows with csvParseRows/tsvParseRows and builds
// the objects itself: csvParse's `new Function` row objects are refused by a CSP without 'unsafe-eval'): same rows
// and cells on tricky input.
import { describe, expect, it } from 'vitest';
import { csvParse, tsvParse } from 'd3-dsv';
import { parseCsv } from '../../../../src/data/adapters/csv.js';

const CASES = [
  'a,b\n1,2\n3,4',
  'a,b\n1,2\n',
  'a,b\r\n1,2\r\n3,4\r\n',
  'a,b\r1,2\r3,4',
  'name,value\n"Chongqing, CN",12.5\n"say ""hi""",3\n"multi\nline",-4e3\n',
  'a,b,c\n1\n2,3,4,5\n,,\n',
  'a,a,b\n1,2,3\n',
  'a,b\n\n1,2\n\n',
  'a,b\n"unterminated,1\n2,3',
  '"quoted head","b"\nx,y',
  'a\tb\n1\t2\n"x\ty"\t3\n',
  '',
  '\n',
  'only,header',
  '\uFEFFcode,value\n500118,1.5\n',
  'period,gdp\n2022,86.09\n2023 ,  7 \n',
];

/** What csv.ts made of d3-dsv's rows (the same cell rules). */
function viaD3(text: string) {
  const clean = text.replace(/^\uFEFF/, '');
  const firstLine = clean.slice(0, clean.indexOf('\n') >= 0 ? clean.indexOf('\n') : clean.length);
  const parsed = firstLine.includes('\t') && !firstLine.includes(',') ? tsvParse(clean) : csvParse(clean);
  return { columns: parsed.columns, rows: parsed.map((r) => Object.fromEntries(parsed.columns.map((c) => [c, r[c]]))) };
}

describe('parseCsv parses as d3-dsv', () => {
  it('same rows and cells', () => {
    for (const text of CASES) {
      const d3 = viaD3(text);
      const ours = parseCsv(text, []);
      if (d3.columns.length === 0 || (d3.columns.length === 1 && d3.columns[0] === '')) {
        expect(ours.rows, JSON.stringify(text)).toEqual([]);
        expect(ours.issues.length, JSON.stringify(text)).toBe(1);
        continue;
      }
      const expected = d3.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === undefined || v === '' ? null : /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v) ? Number(v) : v])));
      expect(ours.rows, JSON.stringify(text)).toEqual(expected);
      expect(ours.issues, JSON.stringify(text)).toEqual([]);
    }
  });
});
