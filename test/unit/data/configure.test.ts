import { afterEach, describe, expect, it } from 'vitest';
import { configure, getConfig } from '../../../src/data/configure.js';

const defaults = { fetch: undefined, retries: 2, retryDelay: 500, timeout: 15000, headers: {}, wsProtocols: [], wsQuery: {} };
afterEach(() => {
  configure(defaults);
});

describe('configure', () => {
  it('defaults', () => {
    expect(getConfig()).toEqual({ headers: {}, timeout: 15000, retries: 2, retryDelay: 500, fetch: undefined, wsProtocols: [], wsQuery: {} });
  });
  it('patches and returns a copy', () => {
    const r = configure({ headers: { Authorization: 'Bearer t' }, timeout: 3000, retries: 1.7, retryDelay: 0 });
    expect(r).toEqual({ headers: { Authorization: 'Bearer t' }, timeout: 3000, retries: 1, retryDelay: 0, fetch: undefined, wsProtocols: [], wsQuery: {} });
    r.timeout = 1;
    expect(getConfig().timeout).toBe(3000);
  });
  it('copies the headers object', () => {
    const h = { A: '1' };
    configure({ headers: h });
    h.A = '2';
    expect(getConfig().headers).toEqual({ A: '1' });
  });
  it('WebSocket token settings: protocols (empty entries dropped) and query, copied', () => {
    const q = { access_token: 't1' };
    configure({ wsProtocols: ['bearer', '', 'tok'], wsQuery: q });
    q.access_token = 't2';
    expect(getConfig()).toMatchObject({ wsProtocols: ['bearer', 'tok'], wsQuery: { access_token: 't1' } });
  });
  it('ignores invalid numbers', () => {
    configure({ timeout: 0, retries: -1, retryDelay: -5 });
    expect(getConfig()).toMatchObject({ timeout: 15000, retries: 2, retryDelay: 500 });
    configure({ timeout: -1, retries: 0 });
    expect(getConfig()).toMatchObject({ timeout: 15000, retries: 0 });
  });
  it('ignores numbers given as strings', () => {
    configure({ timeout: '5000', retries: '3', retryDelay: '10' } as never);
    expect(getConfig()).toMatchObject({ timeout: 15000, retries: 2, retryDelay: 500 });
  });
  it('leaves unspecified fields alone', () => {
    configure({ timeout: 1234 });
    configure({ retries: 5 });
    expect(getConfig()).toMatchObject({ timeout: 1234, retries: 5, retryDelay: 500, headers: {} });
  });
  it('fetch: set and restored with undefined; absent key keeps it', () => {
    const f = (() => Promise.reject(new Error('x'))) as unknown as typeof fetch;
    configure({ fetch: f });
    expect(getConfig().fetch).toBe(f);
    configure({ timeout: 5 });
    expect(getConfig().fetch).toBe(f);
    configure({ fetch: undefined });
    expect(getConfig().fetch).toBeUndefined();
  });
});
