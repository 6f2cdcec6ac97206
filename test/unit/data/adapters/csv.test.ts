import { describe, expect, it } from 'vitest';
import { DEFAULT_TEXT_COLUMNS, parseCsv } from '../../../../src/data/adapters/csv.js';
import { issue } from '../../../../src/data/validate.js';

describe('parseCsv', () => {
  it('codes stay strings, numbers are converted', () => {
    expect(parseCsv('code,name,value,period\n500118002007,中山路,12.5,2022\n500118002008,胜利路,-3,2023\n')).toEqual({
      rows: [
        { code: '500118002007', name: '中山路', value: 12.5, period: '2022' },
        { code: '500118002008', name: '胜利路', value: -3, period: '2023' },
      ],
      issues: [],
    });
  });
  it('every default identifier column stays text', () => {
    const header = DEFAULT_TEXT_COLUMNS.join(',');
    const row = DEFAULT_TEXT_COLUMNS.map(() => '1').join(',');
    const r = parseCsv(`${header},n\n${row},1`);
    expect(r.rows[0]).toEqual({ ...Object.fromEntries(DEFAULT_TEXT_COLUMNS.map((c) => [c, '1'])), n: 1 });
  });
  it('custom text columns', () => {
    expect(parseCsv('zip,v\n0123,5', ['zip']).rows).toEqual([{ zip: '0123', v: 5 }]);
    expect(parseCsv('code,v\n0123,5', []).rows).toEqual([{ code: 123, v: 5 }]);
  });
  it('number forms', () => {
    expect(parseCsv('a,b,c,d,e,f\n1e3,.5,+2, 7 ,1.,0x1').rows).toEqual([{ a: 1000, b: 0.5, c: 2, d: 7, e: 1, f: '0x1' }]);
    expect(parseCsv('a,b\n1 000,12%').rows).toEqual([{ a: '1 000', b: '12%' }]);
  });
  it('empty cells and short rows → null', () => {
    expect(parseCsv('code,name,value\n500118,,\n500119').rows).toEqual([
      { code: '500118', name: null, value: null },
      { code: '500119', name: null, value: null },
    ]);
  });
  it('drops a UTF-8 BOM', () => {
    expect(parseCsv('\uFEFFcode,value\n1,2').rows).toEqual([{ code: '1', value: 2 }]);
  });
  it('only a leading BOM is dropped', () => {
    expect(parseCsv('name,v\n\uFEFFx,1').rows).toEqual([{ name: '\uFEFFx', v: 1 }]);
  });
  it('a one-column CSV whose cells contain tabs stays CSV', () => {
    expect(parseCsv('name\na\tb').rows).toEqual([{ name: 'a\tb' }]);
  });
  it('an empty first column name is still a header', () => {
    expect(parseCsv(',x\n1,2')).toEqual({ rows: [{ '': 1, x: 2 }], issues: [] });
  });
  it('TSV when the header has tabs and no commas', () => {
    expect(parseCsv('name\tvalue\n中山路\t1,200').rows).toEqual([{ name: '中山路', value: '1,200' }]);
    expect(parseCsv('\uFEFFa\tb\n1\t2').rows).toEqual([{ a: 1, b: 2 }]);
    expect(parseCsv('a\tb,c\n1\t2,3').rows).toEqual([{ 'a\tb': '1\t2', c: 3 }]);
  });
  it('single-line input is a header only', () => {
    expect(parseCsv('a,b')).toEqual({ rows: [], issues: [] });
    expect(parseCsv('a\tb')).toEqual({ rows: [], issues: [] });
  });
  it('RFC 4180 quoting', () => {
    expect(parseCsv('name,value\n"a, ""b""",3').rows).toEqual([{ name: 'a, "b"', value: 3 }]);
  });
  it('no header → issue', () => {
    expect(parseCsv('\n1,2').issues).toEqual([issue('$', 'json', 'the CSV has no header row')]);
  });
  it('one line without a separator, or nothing, is not a table → issue (text that is neither JSON nor CSV)', () => {
    const not = (got: string) => ({ rows: [], issues: [issue('$', 'text', `expected JSON or CSV text (a header row and at least one row), got ${got}`)] });
    expect(parseCsv('hello')).toEqual(not('"hello"'));
    expect(parseCsv('{bad')).toEqual(not('"{bad"'));
    expect(parseCsv('value\n')).toEqual(not('"value\\n"'));
    expect(parseCsv('')).toEqual(not('""'));
    expect(parseCsv('\uFEFF')).toEqual(not('""'));
    // A one-column table with rows is one.
    expect(parseCsv('value\n3')).toEqual({ rows: [{ value: 3 }], issues: [] });
  });
});
