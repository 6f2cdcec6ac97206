import { describe, expect, it } from 'vitest';
import { applyPatch, decodeMessage, type PushMessage } from '../../../../src/data/push/patch.js';

type Patch = Extract<PushMessage, { type: 'patch' }>;
const patch = (data: unknown, extra: Partial<Patch> = {}): Patch => ({ type: 'patch', data, ...extra });

describe('decodeMessage', () => {
  it('typed replace / patch / ping messages', () => {
    expect(decodeMessage('{"type":"replace","data":{"rows":[]}}')).toEqual({ ok: true, message: { type: 'replace', data: { rows: [] } } });
    expect(decodeMessage('{"type":"patch","data":[{"id":"a"}],"key":"id","path":"rows","remove":["b"]}')).toEqual({
      ok: true,
      message: { type: 'patch', data: [{ id: 'a' }], key: 'id', path: 'rows', remove: ['b'] },
    });
    expect(decodeMessage('{"type":"ping"}')).toEqual({ ok: true, message: { type: 'ping' } });
  });

  it('a bare payload is a replace, even one with a non-protocol "type" (GeoJSON) or an envelope', () => {
    expect(decodeMessage('{"type":"FeatureCollection","features":[]}')).toEqual({ ok: true, message: { type: 'replace', data: { type: 'FeatureCollection', features: [] } } });
    expect(decodeMessage('{"code":0,"msg":"ok","data":[1]}')).toMatchObject({ ok: true, message: { type: 'replace' } });
    expect(decodeMessage('[{"id":1}]')).toMatchObject({ ok: true, message: { type: 'replace', data: [{ id: 1 }] } });
  });

  it('SSE event names give untyped data its type; unknown event names are ignored', () => {
    expect(decodeMessage('[{"id":"a"}]', 'patch')).toEqual({ ok: true, message: { type: 'patch', data: [{ id: 'a' }] } });
    expect(decodeMessage('{"rows":[]}', 'replace')).toEqual({ ok: true, message: { type: 'replace', data: { rows: [] } } });
    expect(decodeMessage('whatever', 'ping')).toEqual({ ok: true, message: { type: 'ping' } });
    expect(decodeMessage('', 'heartbeat')).toEqual({ ok: true, message: { type: 'ping' } });
    expect(decodeMessage('{"rows":[]}', 'notice')).toBeNull();
  });

  it('bare ping texts are heartbeats', () => {
    for (const t of ['ping', 'PONG', ' heartbeat ', '']) expect(decodeMessage(t)).toEqual({ ok: true, message: { type: 'ping' } });
  });

  it('malformed JSON is a json failure; malformed messages are validation failures', () => {
    expect(decodeMessage('{"rows": [')).toMatchObject({ ok: false, kind: 'json' });
    expect(decodeMessage('{"type":"replace"}')).toMatchObject({ ok: false, kind: 'validation' });
    expect(decodeMessage('{"type":"patch","data":3}')).toMatchObject({ ok: false, kind: 'validation' });
    expect(decodeMessage('{"type":"patch","data":[],"key":""}')).toMatchObject({ ok: false, kind: 'validation' });
    expect(decodeMessage('{"type":"patch","data":[],"path":1}')).toMatchObject({ ok: false, kind: 'validation' });
    expect(decodeMessage('{"type":"patch","data":[],"remove":"a"}')).toMatchObject({ ok: false, kind: 'validation' });
  });
});

describe('applyPatch', () => {
  const base = {
    title: 'T',
    groups: [{ id: 'g1' }],
    rows: [
      { id: 'a', name: 'A', value: 1 },
      { id: 'b', name: 'B', value: 2 },
    ],
  };

  it('merges rows by id into the default list (rows before other lists), shallow per row, appending new ids', () => {
    const r = applyPatch(base, patch([{ id: 'b', value: 20 }, { id: 'c', name: 'C', value: 3 }]));
    expect(r).toEqual({
      value: {
        title: 'T',
        groups: [{ id: 'g1' }],
        rows: [
          { id: 'a', name: 'A', value: 1 },
          { id: 'b', name: 'B', value: 20 },
          { id: 'c', name: 'C', value: 3 },
        ],
      },
    });
  });

  it('never modifies the base', () => {
    const copy = structuredClone(base);
    applyPatch(base, patch([{ id: 'a', value: 9 }], { remove: ['b'] }));
    expect(base).toEqual(copy);
  });

  it('removes rows listed in remove', () => {
    const r = applyPatch(base, patch([], { remove: ['a'] })) as { value: typeof base };
    expect(r.value.rows.map((x) => x.id)).toEqual(['b']);
  });

  it('picks the key: message key > patch-key > id > code > region', () => {
    const rows = [
      { code: '1', name: 'x', value: 1 },
      { code: '2', name: 'y', value: 2 },
    ];
    expect(applyPatch(rows, patch([{ code: '2', value: 5 }]))).toEqual({ value: [rows[0], { code: '2', name: 'y', value: 5 }] });
    expect(applyPatch(rows, patch([{ name: 'x', value: 7 }]), 'name')).toEqual({ value: [{ code: '1', name: 'x', value: 7 }, rows[1]] });
    expect(applyPatch(rows, patch([{ name: 'y', value: 8 }], { key: 'name' }), 'code')).toEqual({ value: [rows[0], { code: '2', name: 'y', value: 8 }] });
    // numbers and strings with the same text are the same id
    expect(applyPatch([{ id: 1, v: 1 }], patch([{ id: '1', v: 2 }]))).toEqual({ value: [{ id: '1', v: 2 }] });
  });

  it('follows a path, and patches several lists given as an object (other fields replaced)', () => {
    const nested = { data: { list: [{ id: 'a', v: 1 }] } };
    expect(applyPatch(nested, patch([{ id: 'a', v: 2 }], { path: 'data.list' }))).toEqual({ value: { data: { list: [{ id: 'a', v: 2 }] } } });
    const r = applyPatch(base, patch({ title: 'New', groups: [{ id: 'g2' }], rows: [{ id: 'a', value: 10 }] })) as { value: typeof base };
    expect(r.value.title).toBe('New');
    expect(r.value.groups).toEqual([{ id: 'g1' }, { id: 'g2' }]);
    expect(r.value.rows[0]).toEqual({ id: 'a', name: 'A', value: 10 });
  });

  it('the only list of an object is the default; none or several unnamed lists need a path', () => {
    expect(applyPatch({ things: [{ id: 'a' }] }, patch([{ id: 'a', x: 1 }]))).toEqual({ value: { things: [{ id: 'a', x: 1 }] } });
    expect(applyPatch({ a: [], b: [] }, patch([{ id: 'a' }]))).toMatchObject({ error: expect.stringContaining('path') });
    expect(applyPatch({ title: 'x' }, patch([{ id: 'a' }]))).toMatchObject({ error: expect.any(String) });
    expect(applyPatch(base, patch([{ id: 'a' }], { path: 'title' }))).toMatchObject({ error: expect.stringContaining('not a list') });
  });

  it('rejects rows without an id, and object patches on list data', () => {
    expect(applyPatch(base, patch([{ id: 'a', value: 1 }, { value: 2 }]))).toMatchObject({ path: 'data[1]' });
    expect(applyPatch(base, patch(['x']))).toMatchObject({ path: 'data[0]' });
    expect(applyPatch([{ id: 'a' }], patch({ rows: [] }))).toMatchObject({ error: expect.any(String) });
  });
});
