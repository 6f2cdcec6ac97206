// A CSV file served without a CSV content type (application/octet-stream, none, text/html) to an element with no
// `format`: read by the URL's extension, else a JSON error that says the body looks like CSV and names format="csv"
// (fetch-json.ts bodyFormat). Real JSON is never read as CSV.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configure } from '../../../src/data/configure.js';
import { FetchError, fetchData } from '../../../src/data/fetch-json.js';
import { STATUS_WORDS, errorMessage } from '../../../src/core/render/status-words.js';
import { zhCN } from '../../../src/core/i18n/zh-cn.js';
import { en } from '../../../src/core/i18n/en.js';
import type { CivicErrorDetail } from '../../../src/core/events/error-event.js';

const CSV = 'name,value\n红河路社区,1850\n南大街社区,1200\n';

function serve(body: string, type?: string): void {
  configure({ retries: 0, fetch: (async () => new Response(body, { headers: type ? { 'content-type': type } : {} })) as unknown as typeof fetch });
}

async function failure(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FetchError);
    return e as FetchError;
  }
  throw new Error('expected a rejection');
}

afterEach(() => {
  configure({ fetch: undefined, retries: 2 });
  vi.restoreAllMocks();
});

describe('CSV by the URL extension', () => {
  for (const type of ['application/octet-stream', undefined, 'text/html', 'application/json'])
    it(`x.csv served as ${type ?? 'no type'} is CSV text`, async () => {
      serve(CSV, type);
      expect((await fetchData(`/d/x.csv`)).body).toBe(CSV);
    });
  it('the extension is read from the path: a query or hash after it, upper case, a .tsv file', async () => {
    serve(CSV, 'application/octet-stream');
    expect((await fetchData('/d/x.CSV?v=3#top')).body).toBe(CSV);
    serve('a\tb\n1\t2', 'application/octet-stream');
    expect((await fetchData('https://cdn.example.com/d/x.tsv?token=a.json')).body).toBe('a\tb\n1\t2');
  });
  it('real JSON at a .csv URL stays JSON', async () => {
    serve(' [{"name":"a","value":1}]', 'application/octet-stream');
    expect((await fetchData('/d/x.csv')).body).toEqual([{ name: 'a', value: 1 }]);
    serve('{"rows":[]}');
    expect((await fetchData('/d/x.csv')).body).toEqual({ rows: [] });
  });
  it('a .csv in the query or a folder name is not the extension', async () => {
    serve(CSV, 'application/octet-stream');
    expect((await failure(fetchData('/api/rows?file=x.csv'))).kind).toBe('json');
    expect((await failure(fetchData('/x.csv/rows'))).kind).toBe('json');
  });
});

describe('a body that looks like CSV, with nothing else saying so', () => {
  it('is a json error with code looks-like-csv whose message names format="csv"', async () => {
    serve(CSV, 'application/octet-stream');
    const e = await failure(fetchData('/api/rows'));
    expect(e.kind).toBe('json');
    expect(e.code).toBe('looks-like-csv');
    expect(e.message).toContain('format="csv"');
  });
  it('also at a .json URL (the extension says JSON) and with format json', async () => {
    serve(CSV, 'application/octet-stream');
    expect((await failure(fetchData('/d/x.json'))).code).toBe('looks-like-csv');
    expect((await failure(fetchData('/d/x.csv', { format: 'json' }))).code).toBe('looks-like-csv');
  });
  for (const [what, body] of [
    ['broken JSON', '{"rows": [1, 2,'],
    ['a JSON array cut short', '[{"a":1},\n{"a":2}'],
    ['an HTML page', '<!doctype html>\n<p>a, b</p>'],
    ['one line', 'hello, world'],
    ['plain words', 'Not found'],
  ] as const)
    it(`${what} is a plain json error`, async () => {
      serve(body, 'application/octet-stream');
      const e = await failure(fetchData('/api/rows'));
      expect(e.kind).toBe('json');
      expect(e.code).toBe('json');
      expect(e.message).not.toContain('format="csv"');
    });
});

describe('the translated reason', () => {
  const detail = (code: string): CivicErrorDetail => ({ kind: 'json', source: 'src', message: 'x', issues: [{ path: '$', code, message: 'x', severity: 'error' }], issueCount: 1, issueCounts: { [code]: 1 }, partial: false, keptPrevious: false });
  it('says the body looks like CSV and names format="csv", in both languages', () => {
    const zh = errorMessage(zhCN, STATUS_WORDS['zh-CN'], detail('looks-like-csv'));
    const e = errorMessage(en, STATUS_WORDS.en, detail('looks-like-csv'));
    expect(zh).toContain('CSV');
    expect(zh).toContain('format="csv"');
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(e).toContain('looks like CSV');
    expect(e).toContain('format="csv"');
    expect(errorMessage(en, STATUS_WORDS.en, detail('json'))).toBe('The data is not valid JSON');
  });
});

describe('the format attribute as people write it', () => {
  it('is read without regard to case, tsv is CSV, and a value it does not know is auto', async () => {
    serve(CSV, 'application/octet-stream');
    for (const format of ['CSV', 'Csv', ' csv ', 'tsv', 'TSV']) expect((await fetchData('/api/rows', { format: format as never })).body, format).toBe(CSV);
    serve('{"a":1}', 'application/octet-stream');
    for (const format of ['JSON', 'Auto', 'xml', '']) expect((await fetchData('/api/rows', { format: format as never })).body, format).toEqual({ a: 1 });
    serve('a,b\n1,2', 'text/csv');
    expect((await fetchData('/api/rows', { format: 'whatever' as never })).body).toBe('a,b\n1,2');
    expect((await failure(fetchData('/api/rows', { format: 'JSON' as never }))).kind).toBe('json');
  });
});
