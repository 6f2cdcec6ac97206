import { describe, expect, it } from 'vitest';
import { SseParser, type SseEvent } from '../../../../src/data/push/sse-parser.js';

function run(chunks: string[]): { events: SseEvent[]; comments: string[]; retries: number[]; parser: SseParser } {
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const retries: number[] = [];
  const parser = new SseParser({ event: (e) => events.push(e), comment: (c) => comments.push(c), retry: (ms) => retries.push(ms) });
  for (const c of chunks) parser.feed(c);
  return { events, comments, retries, parser };
}

describe('SseParser', () => {
  it('dispatches on a blank line, joins data lines with \\n, defaults the type to message', () => {
    const { events } = run(['data: a\ndata: b\n\n']);
    expect(events).toEqual([{ type: 'message', data: 'a\nb', id: '' }]);
  });

  it('handles CRLF, CR and LF, also when CR and LF fall into different chunks', () => {
    const { events } = run(['data: one\r', '\n\r', '\ndata: two\r\rdata: three\n\n']);
    expect(events.map((e) => e.data)).toEqual(['one', 'two', 'three']);
  });

  it('assembles lines split across chunks at any point', () => {
    const text = 'event: patch\ndata: {"x":1}\n\n';
    for (let cut = 1; cut < text.length; cut++) {
      const { events } = run([text.slice(0, cut), text.slice(cut)]);
      expect(events, `cut at ${cut}`).toEqual([{ type: 'patch', data: '{"x":1}', id: '' }]);
    }
  });

  it('reads event names, ids (kept across events) and strips only one leading space', () => {
    const { events, parser } = run(['event: replace\nid: 7\ndata:  two spaces\n\ndata:x\n\n']);
    expect(events).toEqual([
      { type: 'replace', data: ' two spaces', id: '7' },
      { type: 'message', data: 'x', id: '7' },
    ]);
    expect(parser.lastEventId).toBe('7');
  });

  it('ignores ids with NUL, unknown fields, and events without data (the type is reset)', () => {
    const { events } = run(['id: a\0b\nfoo: bar\nevent: ping\n\ndata: d\n\n']);
    expect(events).toEqual([{ type: 'message', data: 'd', id: '' }]);
  });

  it('reports comments (keep-alive pings) and numeric retry fields only', () => {
    const { events, comments, retries } = run([': ping\n:\nretry: 1500\nretry: 2s\n\n']);
    expect(events).toEqual([]);
    expect(comments).toEqual(['ping', '']);
    expect(retries).toEqual([1500]);
  });

  it('a line without a colon is a field with an empty value; "data" alone gives an empty data line', () => {
    const { events } = run(['data\ndata\n\n']);
    expect(events).toEqual([{ type: 'message', data: '\n', id: '' }]);
  });

  it('drops an unterminated event at the end of the stream', () => {
    const { events, parser } = run(['data: half']);
    parser.end();
    parser.feed('\n\n');
    expect(events).toEqual([]);
  });

  it('starts from a given last event id', () => {
    const events: SseEvent[] = [];
    const p = new SseParser({ event: (e) => events.push(e) }, '41');
    p.feed('data: x\n\n');
    expect(events[0].id).toBe('41');
  });
});
