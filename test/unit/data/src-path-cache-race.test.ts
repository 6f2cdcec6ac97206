// @vitest-environment jsdom
/**
 * The `cache` attribute's copy is read from IndexedDB while the request runs (src-path.ts restoreCache). When `src`
 * changed before that read came back, the copy is of the old URL: it must not be drawn as the new source's data (and
 * then kept, marked "not updated", if the new URL fails). A stand-in owner and a cache whose reads we hold.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const reads: { key: string; resolve: (v: { text: string; savedAt: number } | undefined) => void }[] = [];
vi.mock('../../../src/data/cache.js', () => ({
  readCache: (key: string) => new Promise((resolve) => reads.push({ key, resolve })),
  writeCache: () => Promise.resolve(),
}));

import { SrcPath, type SrcOwner } from '../../../src/data/src-path.js';
import { configure } from '../../../src/data/configure.js';

function owner(url: { now: string }) {
  const o = {
    host: Object.assign(document.createElement('div'), { requestUpdate: vi.fn(), cache: 'wall' }) as unknown as SrcOwner<unknown>['host'],
    o: { parse: (v: unknown) => ({ value: v, issues: [] }), terms: () => ({ lang: 'zh-CN' }) },
    props: { cache: 'wall' },
    value: undefined as unknown,
    status: 'idle',
    lastRaw: undefined,
    currentSource: () => ({ kind: 'src', url: url.now }),
    get sourceKey() {
      return `s:${url.now}`;
    },
    adapters: { adaptersReady: () => undefined, adaptWith: (raw: unknown) => ({ value: raw, issues: [] }), loadAdapters: () => Promise.resolve() },
    accept: vi.fn(),
    settle: vi.fn(),
    fail: vi.fn(),
  };
  document.body.append(o.host);
  return o as unknown as SrcOwner<unknown> & { value: unknown };
}

afterEach(() => {
  configure({ fetch: undefined });
  reads.length = 0;
  document.body.replaceChildren();
});

describe('cached copy vs a src that changed meanwhile', () => {
  it('the old URL\'s copy, read back after src changed, is not drawn; the new one\'s is', async () => {
    configure({ fetch: (() => new Promise(() => undefined)) as unknown as typeof fetch });
    const url = { now: '/a.json' };
    const c = owner(url);
    const p = new SrcPath(c);
    p.start('/a.json');
    await vi.waitFor(() => expect(reads).toHaveLength(1));
    url.now = '/b.json';
    p.start('/b.json');
    await vi.waitFor(() => expect(reads).toHaveLength(2));
    // The old read comes back first, then /b.json's own copy (the same steps follow each, in that order): /b.json's copy
    // is drawn, not /a.json's (which, drawn first, kept /b.json's out).
    reads[0].resolve({ text: '{"rows":["old a"]}', savedAt: 1 });
    reads[1].resolve({ text: '{"rows":["b"]}', savedAt: 2 });
    await vi.waitFor(() => expect(c.value, 'the copy of /a.json drawn for /b.json').toEqual({ rows: ['b'] }), { timeout: 2000 });
    p.stop();
  });
  it('its own URL\'s copy is drawn while the request runs', async () => {
    configure({ fetch: (() => new Promise(() => undefined)) as unknown as typeof fetch });
    const url = { now: '/a.json' };
    const c = owner(url);
    const p = new SrcPath(c);
    p.start('/a.json');
    await vi.waitFor(() => expect(reads).toHaveLength(1));
    reads[0].resolve({ text: '{"rows":["a"]}', savedAt: 1 });
    await vi.waitFor(() => expect(c.value).toEqual({ rows: ['a'] }));
    p.stop();
  });
});
