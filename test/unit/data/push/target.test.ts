import { describe, expect, it } from 'vitest';
import { pushTarget } from '../../../../src/data/push/target.js';

const base = 'https://wall.example.gov.cn/screens/a.html';

describe('pushTarget', () => {
  it('sse+ URLs (absolute and relative) are SSE, with the prefix dropped', () => {
    expect(pushTarget('sse+https://api.example.cn/live', undefined, base)).toEqual({ kind: 'sse', url: 'https://api.example.cn/live' });
    expect(pushTarget('sse+http://127.0.0.1:8000/s?a=1', 'auto', base)).toEqual({ kind: 'sse', url: 'http://127.0.0.1:8000/s?a=1' });
    expect(pushTarget('SSE+/push/kpis', undefined, base)).toEqual({ kind: 'sse', url: 'https://wall.example.gov.cn/push/kpis' });
    expect(pushTarget('sse+live.json', undefined, base)).toEqual({ kind: 'sse', url: 'https://wall.example.gov.cn/screens/live.json' });
  });

  it('ws: and wss: URLs are WebSocket', () => {
    expect(pushTarget('ws://127.0.0.1:9000/x', undefined, base)).toEqual({ kind: 'ws', url: 'ws://127.0.0.1:9000/x' });
    expect(pushTarget('wss://a.cn/x', undefined, base)).toEqual({ kind: 'ws', url: 'wss://a.cn/x' });
  });

  it('transport= turns a plain URL into a push source; ws maps http(s) to ws(s)', () => {
    expect(pushTarget('/events', 'sse', base)).toEqual({ kind: 'sse', url: 'https://wall.example.gov.cn/events' });
    expect(pushTarget('/socket', 'ws', base)).toEqual({ kind: 'ws', url: 'wss://wall.example.gov.cn/socket' });
    expect(pushTarget('http://h/socket', 'WS', base)).toEqual({ kind: 'ws', url: 'ws://h/socket' });
  });

  it('plain URLs, transport="fetch" and unparsable URLs are not push sources', () => {
    expect(pushTarget('/data.json', undefined, base)).toBeUndefined();
    expect(pushTarget('https://a.cn/data.json', 'auto', base)).toBeUndefined();
    expect(pushTarget('sse+https://a.cn/live', 'fetch', base)).toBeUndefined();
    expect(pushTarget('sse+http://[bad', undefined, base)).toBeUndefined();
  });
});
