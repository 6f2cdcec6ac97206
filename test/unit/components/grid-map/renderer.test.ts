import { describe, expect, it } from 'vitest';
import { fitBox, inverseMercator, mercator, placeLabels } from '../../../../src/components/grid-map/renderers/renderer.js';

describe('renderer helpers', () => {
  it('Web Mercator round-trips and matches known values', () => {
    expect(mercator(0, 0)).toEqual([0.5, 0.5]);
    expect(mercator(180, 0)[0]).toBe(1);
    const [x, y] = mercator(105.93, 29.36);
    const [lon, lat] = inverseMercator(x, y);
    expect(lon).toBeCloseTo(105.93, 10);
    expect(lat).toBeCloseTo(29.36, 10);
    // north is up: larger latitude → smaller y
    expect(mercator(0, 30)[1]).toBeLessThan(mercator(0, 29)[1]);
  });

  it('fits a box into the viewport with padding, centred', () => {
    const bbox: [number, number, number, number] = [105.9, 29.35, 105.92, 29.37];
    const f = fitBox(bbox, 400, 300, 10);
    const [x0, y1] = mercator(105.9, 29.35).map((v, i) => (i ? v * f.k + f.ty : v * f.k + f.tx));
    const [x1, y0] = mercator(105.92, 29.37).map((v, i) => (i ? v * f.k + f.ty : v * f.k + f.tx));
    // height-limited: the box spans the padded height and is centred horizontally
    expect(y1 - y0).toBeCloseTo(280, 6);
    expect(y0).toBeCloseTo(10, 6);
    expect((x0 + x1) / 2).toBeCloseTo(200, 6);
  });

  it('drops overlapping and out-of-view labels, keeping earlier ones', () => {
    const kept = placeLabels(
      [
        { x: 50, y: 50, w: 40, h: 14 },
        { x: 60, y: 52, w: 40, h: 14 }, // overlaps the first
        { x: 150, y: 50, w: 40, h: 14 },
        { x: 5, y: 50, w: 40, h: 14 }, // sticks out on the left
      ],
      200,
      100,
    );
    expect(kept).toEqual([0, 2]);
  });
});
