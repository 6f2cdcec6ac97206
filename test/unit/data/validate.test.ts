import { describe, expect, it } from 'vitest';
import {
  capIssues,
  describe as describeValue,
  formatIssue,
  hasErrors,
  isRecord,
  issue,
  joinPath,
  readArray,
  readBoolean,
  readNumber,
  readString,
  summariseIssues,
  type Issue,
} from '../../../src/data/validate.js';

describe('issue / formatIssue / hasErrors', () => {
  it('builds an issue, error by default', () => {
    expect(issue('rows[1]', 'type', 'bad')).toEqual({ path: 'rows[1]', code: 'type', message: 'bad', severity: 'error' });
    expect(issue('$', 'x', 'y', 'warning').severity).toBe('warning');
  });
  it('formats with the path', () => {
    const issues: Issue[] = [];
    readNumber('abc', 'rows[12].value', issues);
    expect(formatIssue(issues[0])).toBe('rows[12].value: expected a number, got "abc"');
  });
  it('hasErrors ignores warnings', () => {
    expect(hasErrors([])).toBe(false);
    expect(hasErrors([issue('a', 'w', 'w', 'warning')])).toBe(false);
    expect(hasErrors([issue('a', 'w', 'w', 'warning'), issue('b', 'e', 'e')])).toBe(true);
  });
});

describe('isRecord / describe / joinPath', () => {
  it('isRecord', () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord([])).toBe(false);
    expect(isRecord(null)).toBe(false);
    expect(isRecord('x')).toBe(false);
  });
  it('describe', () => {
    expect(describeValue(null)).toBe('null');
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue('abc')).toBe('"abc"');
    expect(describeValue('x'.repeat(40))).toBe(JSON.stringify('x'.repeat(40)));
    expect(describeValue('x'.repeat(41))).toBe(JSON.stringify('x'.repeat(40) + '…'));
    expect(describeValue(NaN)).toBe('NaN');
    expect(describeValue(12.5)).toBe('12.5');
    expect(describeValue(Infinity)).toBe('Infinity');
    expect(describeValue([1, 2, 3])).toBe('an array of 3');
    expect(describeValue({ a: 1 })).toBe('an object');
    expect(describeValue(true)).toBe('boolean');
  });
  it('joinPath', () => {
    expect(joinPath('rows', 12)).toBe('rows[12]');
    expect(joinPath('rows[12]', 'value')).toBe('rows[12].value');
    expect(joinPath('', 'rows')).toBe('rows');
    expect(joinPath('$', 'rows')).toBe('rows');
    expect(joinPath('$', 0)).toBe('$[0]');
  });
});

describe('readNumber', () => {
  const read = (v: unknown, rule?: Parameters<typeof readNumber>[3]) => {
    const issues: Issue[] = [];
    return { value: readNumber(v, 'p', issues, rule), issues };
  };
  it('accepts finite numbers', () => {
    expect(read(12.5)).toEqual({ value: 12.5, issues: [] });
    expect(read(0)).toEqual({ value: 0, issues: [] });
    expect(read(-3)).toEqual({ value: -3, issues: [] });
  });
  it('missing is silent unless required', () => {
    expect(read(undefined)).toEqual({ value: undefined, issues: [] });
    expect(read(null)).toEqual({ value: undefined, issues: [] });
    expect(read('')).toEqual({ value: undefined, issues: [] });
    expect(read(null, { required: true })).toEqual({ value: undefined, issues: [issue('p', 'required', 'expected a number, got null')] });
    expect(read(undefined, { required: true }).issues[0].message).toBe('expected a number, got nothing');
    expect(read('', { required: true }).issues[0]).toEqual(issue('p', 'required', 'expected a number, got ""'));
  });
  it('strings are reported unless coerce', () => {
    expect(read('12.5')).toEqual({ value: undefined, issues: [issue('p', 'type', 'expected a number, got "12.5"')] });
    expect(read('12.5', { coerce: true })).toEqual({ value: 12.5, issues: [] });
    expect(read(' -3 ', { coerce: true }).value).toBe(-3);
    expect(read('+4', { coerce: true }).value).toBe(4);
    expect(read('.5', { coerce: true }).value).toBe(0.5);
    expect(read('7.', { coerce: true }).value).toBe(7);
    expect(read('1e3', { coerce: true }).value).toBe(1000);
    expect(read('1.5E-2', { coerce: true }).value).toBe(0.015);
  });
  it('coerce rejects non-numeric strings', () => {
    for (const s of ['abc', '12abc', '1,00', '12,34', '1,,000', ',100', '1.000,5', '1,000万', '0x10', 'NaN', 'Infinity', '.', '1e', '--1', '1 2']) {
      const r = read(s, { coerce: true });
      expect(r.value, s).toBeUndefined();
      expect(r.issues, s).toEqual([issue('p', 'type', `expected a number, got ${JSON.stringify(s)}`)]);
    }
  });
  it('coerce reads thousands separators ("1,234", as Excel exports and many APIs send figures)', () => {
    expect(read('1,000', { coerce: true })).toEqual({ value: 1000, issues: [] });
    expect(read(' -12,345.6 ', { coerce: true }).value).toBe(-12345.6);
    expect(read('1,234,567', { coerce: true }).value).toBe(1234567);
  });
  it('coerce accepts only strings (an array that stringifies to a number is not one)', () => {
    expect(read([5], { coerce: true }).issues).toEqual([issue('p', 'type', 'expected a number, got an array of 1')]);
    expect(read('.55', { coerce: true }).value).toBe(0.55);
  });
  it('other types are reported', () => {
    expect(read(true).issues).toEqual([issue('p', 'type', 'expected a number, got boolean')]);
    expect(read({}).issues).toEqual([issue('p', 'type', 'expected a number, got an object')]);
    expect(read([1]).issues).toEqual([issue('p', 'type', 'expected a number, got an array of 1')]);
  });
  it('NaN and Infinity are not finite', () => {
    expect(read(NaN)).toEqual({ value: undefined, issues: [issue('p', 'not-finite', 'expected a finite number, got NaN')] });
    expect(read(Infinity)).toEqual({ value: undefined, issues: [issue('p', 'not-finite', 'expected a finite number, got Infinity')] });
    expect(read(-Infinity).issues[0].code).toBe('not-finite');
    expect(read('1e999', { coerce: true }).issues[0].code).toBe('not-finite');
  });
  it('magnitude limit: default 1e15, configurable', () => {
    expect(read(1e15).value).toBe(1e15);
    expect(read(-1e15).value).toBe(-1e15);
    expect(read(1.0000001e15)).toEqual({ value: undefined, issues: [issue('p', 'out-of-range', '1000000100000000 is larger than the accepted magnitude 1000000000000000')] });
    expect(read(-2e15).issues[0].code).toBe('out-of-range');
    expect(read(1e18, { limit: 1e20 }).value).toBe(1e18);
    expect(read(1e20, { limit: 1e20 }).value).toBe(1e20);
    expect(read(2e20, { limit: 1e20 })).toEqual({ value: undefined, issues: [issue('p', 'out-of-range', '200000000000000000000 is larger than the accepted magnitude 100000000000000000000')] });
  });
  it('min and max are inclusive', () => {
    expect(read(0, { min: 0 }).value).toBe(0);
    expect(read(-1, { min: 0 })).toEqual({ value: undefined, issues: [issue('p', 'out-of-range', 'expected at least 0, got -1')] });
    expect(read(100, { max: 100 }).value).toBe(100);
    expect(read(101, { max: 100 })).toEqual({ value: undefined, issues: [issue('p', 'out-of-range', 'expected at most 100, got 101')] });
    expect(read(50, { min: 0, max: 100 })).toEqual({ value: 50, issues: [] });
  });
  it('appends to the given list', () => {
    const issues: Issue[] = [issue('x', 'y', 'z')];
    readNumber('a', 'rows[0].v', issues);
    readNumber('b', 'rows[1].v', issues);
    expect(issues.map((i) => i.path)).toEqual(['x', 'rows[0].v', 'rows[1].v']);
  });
});

describe('readString', () => {
  const read = (v: unknown, rule?: Parameters<typeof readString>[3]) => {
    const issues: Issue[] = [];
    return { value: readString(v, 'p', issues, rule), issues };
  };
  it('trims strings and keeps markup as text', () => {
    expect(read('  中山路 ')).toEqual({ value: '中山路', issues: [] });
    expect(read('<b>x</b>').value).toBe('<b>x</b>');
  });
  it('missing is silent unless required', () => {
    expect(read(undefined)).toEqual({ value: undefined, issues: [] });
    expect(read(null, { required: true })).toEqual({ value: undefined, issues: [issue('p', 'required', 'expected a string, got null')] });
  });
  it('empty string: kept unless required', () => {
    expect(read('  ')).toEqual({ value: '', issues: [] });
    expect(read('  ', { required: true })).toEqual({ value: undefined, issues: [issue('p', 'required', 'expected a non-empty string')] });
  });
  it('numbers only with coerceNumber, and only finite', () => {
    expect(read(500118)).toEqual({ value: undefined, issues: [issue('p', 'type', 'expected a string, got 500118')] });
    expect(read(500118, { coerceNumber: true })).toEqual({ value: '500118', issues: [] });
    expect(read(NaN, { coerceNumber: true }).issues).toEqual([issue('p', 'type', 'expected a string, got NaN')]);
    expect(read(true, { coerceNumber: true }).issues).toEqual([issue('p', 'type', 'expected a string, got boolean')]);
  });
  it('required accepts a non-empty string', () => {
    expect(read(' a ', { required: true })).toEqual({ value: 'a', issues: [] });
  });
  it('oneOf', () => {
    expect(read(' a ', { oneOf: ['a', 'b'] }).value).toBe('a');
    expect(read('c', { oneOf: ['a', 'b'] })).toEqual({ value: undefined, issues: [issue('p', 'enum', 'expected one of a, b, got "c"')] });
  });
  it('maxLength truncates silently', () => {
    expect(read('abcdef', { maxLength: 3 })).toEqual({ value: 'abc', issues: [] });
    expect(read('abc', { maxLength: 3 }).value).toBe('abc');
  });
});

describe('readBoolean', () => {
  it('reads booleans, ignores missing, reports others', () => {
    const issues: Issue[] = [];
    expect(readBoolean(true, 'p', issues)).toBe(true);
    expect(readBoolean(false, 'p', issues)).toBe(false);
    expect(readBoolean(undefined, 'p', issues)).toBeUndefined();
    expect(readBoolean(null, 'p', issues)).toBeUndefined();
    expect(issues).toEqual([]);
    expect(readBoolean('true', 'p', issues)).toBeUndefined();
    expect(readBoolean(1, 'q', issues)).toBeUndefined();
    expect(issues).toEqual([issue('p', 'type', 'expected true or false, got "true"'), issue('q', 'type', 'expected true or false, got 1')]);
  });
});

describe('readArray', () => {
  it('returns the same array', () => {
    const a = [1, 2];
    const issues: Issue[] = [];
    expect(readArray(a, 'rows', issues)).toBe(a);
    expect(issues).toEqual([]);
  });
  it('missing: required by default', () => {
    const issues: Issue[] = [];
    expect(readArray(undefined, 'rows', issues)).toBeUndefined();
    expect(issues).toEqual([issue('rows', 'required', 'expected an array, got nothing')]);
    const none: Issue[] = [];
    expect(readArray(null, 'rows', none, false)).toBeUndefined();
    expect(none).toEqual([]);
  });
  it('wrong type is reported even when optional', () => {
    const issues: Issue[] = [];
    expect(readArray({ a: 1 }, 'rows', issues, false)).toBeUndefined();
    expect(readArray('x', 'list', issues)).toBeUndefined();
    expect(issues).toEqual([issue('rows', 'type', 'expected an array, got an object'), issue('list', 'type', 'expected an array, got "x"')]);
  });
});

describe('summariseIssues / capIssues', () => {
  const many = (n: number, code: string): Issue[] => Array.from({ length: n }, (_, i) => issue(`rows[${i}]`, code, 'm'));
  it('counts per code, keeps the first examples of each', () => {
    const list = [...many(7, 'type'), ...many(2, 'required'), ...many(1, 'enum')];
    const s = summariseIssues(list);
    expect(s.total).toBe(10);
    expect(s.byCode).toEqual({ type: 7, required: 2, enum: 1 });
    expect(s.examples.map((i) => `${i.code}:${i.path}`)).toEqual([
      'type:rows[0]',
      'type:rows[1]',
      'type:rows[2]',
      'type:rows[3]',
      'type:rows[4]',
      'required:rows[0]',
      'required:rows[1]',
      'enum:rows[0]',
    ]);
  });
  it('examplesPerCode', () => {
    const s = summariseIssues([...many(3, 'a'), ...many(3, 'b')], 1);
    expect(s.examples.map((i) => `${i.code}:${i.path}`)).toEqual(['a:rows[0]', 'b:rows[0]']);
  });
  it('empty', () => {
    expect(summariseIssues([])).toEqual({ total: 0, byCode: {}, examples: [] });
  });
  it('caps at 200 by default', () => {
    const list = many(250, 'type');
    expect(capIssues(list)).toHaveLength(200);
    expect(capIssues(list)[199].path).toBe('rows[199]');
    const small = many(200, 'type');
    expect(capIssues(small)).toBe(small);
    expect(capIssues(many(5, 'x'), 3).map((i) => i.path)).toEqual(['rows[0]', 'rows[1]', 'rows[2]']);
  });
});
