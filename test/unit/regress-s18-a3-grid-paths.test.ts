/**
 * A3 (session 18): an issue's path names the payload's row. After a skipped row (a duplicate code, a row that is not
 * an object, a row without a code), "code … matches no unit" named the row before the one at fault: the operator
 * opened rows[4] and found a valid code.
 */
import { describe, expect, it } from 'vitest';
import { parseGeometry } from '../../src/components/grid-map/geometry.js';
import { joinMetrics, parseMetrics } from '../../src/components/grid-map/grid-map.model.js';

const sq = (x: number) => [[x, 0], [x + 0.01, 0], [x + 0.01, 0.01], [x, 0.01], [x, 0]];
const geo = parseGeometry({
  type: 'FeatureCollection',
  features: ['500118002007001', '500118002007002'].map((code, i) => ({ type: 'Feature', properties: { code, name: code, level: 'grid' }, geometry: { type: 'Polygon', coordinates: [sq(i / 100)] } })),
}).value!;

describe('unknown-code paths after skipped rows', () => {
  for (const [what, skipped] of [
    ['a duplicate code', { code: '500118002007001', households: 99 }],
    ['a row that is not an object', 'oops'],
    ['a row without a code', { households: 3 }],
  ] as const)
    it(`after ${what}`, () => {
      const data = parseMetrics({ rows: [{ code: '500118002007001', households: 1 }, skipped, { code: '500118002007002', households: 2 }, { code: '500118999999', households: 5 }] });
      const unknown = joinMetrics(geo, data.value!).issues.filter((i) => i.code === 'unknown-code');
      expect(unknown.map((i) => i.path)).toEqual(['rows[3].code']);
    });
  it('no skipped row: the same paths as before', () => {
    const data = parseMetrics({ rows: [{ code: '500118002007001', households: 1 }, { code: '500118999999', households: 5 }] });
    expect(joinMetrics(geo, data.value!).issues.filter((i) => i.code === 'unknown-code').map((i) => i.path)).toEqual(['rows[1].code']);
    expect(data.value!.rows.every((r) => r.at === undefined)).toBe(true);
  });
});
