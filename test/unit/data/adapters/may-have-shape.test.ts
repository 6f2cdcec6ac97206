/**
 * Issue 16: the envelope / dataset adapters (shapes.ts) load with the first payload that may need them. The eager
 * check `mayHaveShape` must say yes to every payload those adapters would change (a superset of `looksLikeEnvelope`
 * and `looksLikeDataset`), and no to the plain payloads the elements read (so those need no extra request).
 */
import { describe, expect, it } from 'vitest';
import { mayHaveShape, adaptWith, ADAPTERS } from '../../../../src/data/adapters/adapt.js';
import { looksLikeEnvelope } from '../../../../src/data/adapters/envelope.js';
import { looksLikeDataset } from '../../../../src/data/adapters/echarts-dataset.js';
import { adaptPayload } from '../../../../src/data/adapters/index.js';

const KEYS = ['code', 'errcode', 'status', 'success', 'msg', 'message', 'errmsg', 'errMsg', 'data', 'result', 'results', 'source', 'dimensions', 'type', 'value', 'label'];
const VALUES: unknown[] = [0, 200, 401, '0', '200', 'success', 'ok', '110000', true, false, null, undefined, 'x', [], [[1, 2]], [{ a: 1 }], { a: 1 }];

/** Objects of one to three keys from KEYS, each with a value from VALUES (a deterministic pseudo-random sample). */
function* payloads(count = 20_000): Generator<Record<string, unknown>> {
  let seed = 7;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
  for (let i = 0; i < count; i++) {
    const o: Record<string, unknown> = {};
    const n = 1 + rnd(3);
    for (let j = 0; j < n; j++) o[KEYS[rnd(KEYS.length)]] = VALUES[rnd(VALUES.length)];
    if (rnd(10) === 0) o.type = 'FeatureCollection';
    yield o;
  }
}

describe('mayHaveShape', () => {
  it('says yes to every payload the envelope or dataset adapter recognises', () => {
    let shaped = 0;
    for (const p of payloads()) {
      if (looksLikeEnvelope(p) || looksLikeDataset(p)) {
        shaped++;
        expect(mayHaveShape(p, 'auto'), JSON.stringify(p)).toBe(true);
      }
    }
    expect(shaped, 'the sample holds shaped payloads').toBeGreaterThan(300);
    // Every status key with every message / data key, as a success and as a failure.
    for (const s of ['code', 'errcode', 'status', 'success'])
      for (const b of ['msg', 'message', 'errmsg', 'errMsg', 'data', 'result', 'results'])
        for (const code of [0, 500, true])
          for (const p of [{ [s]: code, [b]: { value: 1 } }, { [s]: code, [b]: 'x', data: 1 }])
            if (looksLikeEnvelope(p)) expect(mayHaveShape(p, 'auto'), JSON.stringify(p)).toBe(true);
  });

  it('with the loaded modules, adaptWith gives what the synchronous adaptPayload gives', async () => {
    const { adaptShapes } = await import('../../../../src/data/adapters/shapes.js');
    for (const p of payloads(5_000))
      for (const a of ADAPTERS) if (a !== 'csv') expect(adaptWith(p, a, { shapes: { adaptShapes } }), JSON.stringify(p)).toEqual(adaptPayload(p, a));
  });

  it('says no to plain element payloads and to adapters that do not read shapes', () => {
    const plain = [
      { label: '地区生产总值', value: 1.2e12, unit: '元', source: '国家统计局', status: 'ok' },
      { code: '500118', name: '永川区', value: 3 },
      [{ code: 0, msg: 'ok', data: [] }],
      { items: [{ id: 'a', value: 1 }] },
      { source: '统计公报', rows: [] },
      12,
      'a,b\n1,2',
    ];
    for (const p of plain) expect(mayHaveShape(p, 'auto'), JSON.stringify(p)).toBe(false);
    const env = { code: 0, msg: 'ok', data: { value: 1 } };
    expect(mayHaveShape(env, 'auto')).toBe(true);
    expect(mayHaveShape(env, 'none')).toBe(false);
    expect(mayHaveShape(env, 'csv')).toBe(false);
  });
});
