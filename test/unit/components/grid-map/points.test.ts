import { describe, expect, it } from 'vitest';
import { parsePoints } from '../../../../src/components/grid-map/points.js';

describe('parsePoints', () => {
  it('reads point features and reports bad ones', () => {
    const { value, issues } = parsePoints({
      type: 'FeatureCollection',
      illustrative: true,
      features: [
        { type: 'Feature', properties: { id: 'p1', name: '大数据产业园', kind: 'park' }, geometry: { type: 'Point', coordinates: [105.9, 29.3] } },
        { type: 'Feature', properties: { name: '无坐标' }, geometry: { type: 'Point', coordinates: ['a', 1] } },
        { type: 'Feature', properties: { name: '面' }, geometry: { type: 'Polygon', coordinates: [] } },
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [1, 2] } },
      ],
    });
    expect(value).toEqual([{ id: 'p1', name: '大数据产业园', nameEn: undefined, kind: 'park', at: [105.9, 29.3], illustrative: true }]);
    expect(issues.map((i) => i.code)).toEqual(['bad-coordinate', 'geometry-type', 'required']);
    expect(parsePoints(null).value).toBeUndefined();
  });
});
