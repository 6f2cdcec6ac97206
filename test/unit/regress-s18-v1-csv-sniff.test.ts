// V1 (session 18): CSV sniffing (4cb1f61, 73b9621) attacked the way files reach a page — bytes with a BOM, JSON
// pretty-printed with a leading blank line, an Excel CSV in GBK, query strings that name another file, an explicit
// format. Guards: each holds on main (seen failing with the rule it guards broken once, see the notes README).
import { afterEach, describe, expect, it } from 'vitest';
import { configure } from '../../src/data/configure.js';
import { FetchError, fetchData } from '../../src/data/fetch-json.js';

/** Serves these bytes (or text) with this content type to every request. */
function serve(body: Uint8Array | string, type?: string): void {
  configure({ retries: 0, fetch: (async () => new Response(body as BodyInit, { headers: type ? { 'content-type': type } : {} })) as unknown as typeof fetch });
}
const utf8 = (s: string) => new TextEncoder().encode(s);
const BOM = [0xef, 0xbb, 0xbf];
const withBom = (s: string) => new Uint8Array([...BOM, ...utf8(s)]);
async function failure(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FetchError);
    return e as FetchError;
  }
  throw new Error('expected a rejection');
}

afterEach(() => configure({ fetch: undefined, retries: 2 }));

describe('JSON at a .csv URL stays JSON', () => {
  it('with a UTF-8 byte-order mark (Notepad on Windows saves one)', async () => {
    serve(withBom('[{"name":"a","value":1}]'), 'application/octet-stream');
    expect((await fetchData('/d/x.csv')).body).toEqual([{ name: 'a', value: 1 }]);
    serve(withBom('{"rows":[]}'));
    expect((await fetchData('/d/x.CSV?v=2')).body).toEqual({ rows: [] });
  });
  it('with blank lines, tabs and CRLF before it (a pretty-printer, a template)', async () => {
    serve('\r\n\r\n\t  [1, 2]\r\n', 'application/octet-stream');
    expect((await fetchData('/d/x.csv')).body).toEqual([1, 2]);
    serve(withBom('\n  {"a": 1}'), 'text/csv');
    expect((await fetchData('/d/x.tsv')).body).toEqual({ a: 1 });
  });
  it('format="json" on a .csv URL reads JSON (and a CSV body there is the looks-like-csv error)', async () => {
    serve('[{"a":1}]', 'text/csv');
    expect((await fetchData('/d/x.csv', { format: 'json' })).body).toEqual([{ a: 1 }]);
    serve('a,b\n1,2\n', 'application/octet-stream');
    expect((await failure(fetchData('/d/x.csv', { format: 'json' }))).code).toBe('looks-like-csv');
  });
});

describe('CSV at a .csv URL is CSV text', () => {
  it('a CSV with a BOM (Excel "CSV UTF-8") arrives without it, ready for the CSV reader', async () => {
    serve(withBom('name,value\n红河路社区,1850\n'), 'application/octet-stream');
    expect((await fetchData('/d/x.csv')).body).toBe('name,value\n红河路社区,1850\n');
  });
  it('an Excel CSV in GBK served without a charset (Chinese Windows) is decoded, not mojibake', async () => {
    // "名称,数值\n红河路社区,1850\n" in GBK.
    const gbk = new Uint8Array([0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xca, 0xfd, 0xd6, 0xb5, 0x0a, 0xba, 0xec, 0xba, 0xd3, 0xc2, 0xb7, 0xc9, 0xe7, 0xc7, 0xf8, 0x2c, 0x31, 0x38, 0x35, 0x30, 0x0a]);
    serve(gbk, 'application/octet-stream');
    expect((await fetchData('/d/%E6%95%B0%E6%8D%AE.csv')).body).toBe('名称,数值\n红河路社区,1850\n');
    serve(gbk);
    expect((await fetchData('https://oss.example.com/d/x.csv?Expires=1&Signature=a%2Fb')).body).toBe('名称,数值\n红河路社区,1850\n');
  });
  it('a query string naming a .json file does not make a .csv path JSON', async () => {
    serve('a,b\n1,2\n', 'application/octet-stream');
    expect((await fetchData('/d/x.csv?file=a.json#b.json')).body).toBe('a,b\n1,2\n');
  });
  it('a .json path with a .csv in its query is JSON (a table there is the looks-like-csv error)', async () => {
    serve('[1]', 'application/octet-stream');
    expect((await fetchData('/d/x.json?file=a.csv')).body).toEqual([1]);
    serve('a,b\n1,2\n', 'application/octet-stream');
    expect((await failure(fetchData('/d/x.json?file=a.csv'))).code).toBe('looks-like-csv');
  });
});
