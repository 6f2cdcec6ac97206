// The GeoJSON maplibre renderer's style model (maplibre-style.ts), pure since it left the renderer: each feature's
// class k and the palette's slots, kept across changes so that a scheme change re-colours without new classes and a
// metric switch with the same colours keeps the palette.
import { describe, expect, it } from 'vitest';
import { classes, fillColor, K_NODATA, K_OUTLINE, K_PALETTE, paintKey, toFeatureCollection } from '../../../../src/components/grid-map/renderers/maplibre-style.js';
import type { Scene } from '../../../../src/components/grid-map/renderers/renderer.js';

const square = { type: 'Polygon' as const, coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] };
function scene(fill: (string | null)[], outlines: number[] = []): Scene {
  const n = fill.length; // `outlines` are indices among them (their fill entry is not used)
  const features = Array.from({ length: n }, (_, i) => ({ index: i, code: `c${i}`, rank: outlines.includes(i) ? 1 : 2, geometry: square }));
  const shown = fill.map((_, i) => i).filter((i) => !outlines.includes(i));
  return { geo: { features }, shown, outlines, fill: new Map(shown.map((i) => [i, fill[i]])) } as unknown as Scene;
}

describe('maplibre style model', () => {
  it('classes: outline, no data, and one palette slot per colour', () => {
    const { k, palette } = classes(scene(['red', null, 'blue', 'red', 'x'], [4]));
    expect(Array.from(k)).toEqual([K_PALETTE, K_NODATA, K_PALETTE + 1, K_PALETTE, K_OUTLINE]);
    expect(palette).toEqual(['red', 'blue']);
  });

  it('classes with the drawn state: colours keep their slots; a new colour takes its grid`s old slot', () => {
    const first = classes(scene(['red', 'blue', 'red']));
    const same = classes(scene(['blue', 'red', 'blue']), first);
    expect(same.palette).toEqual(['red', 'blue']);
    expect(Array.from(same.k)).toEqual([K_PALETTE + 1, K_PALETTE, K_PALETTE + 1]);
    const scheme = classes(scene(['pink', 'navy', 'pink']), first);
    expect(Array.from(scheme.k)).toEqual(Array.from(first.k));
    expect(scheme.palette).toEqual(['pink', 'navy']);
    const three = classes(scene(['red', 'blue', 'green']));
    const moved = classes(scene(['red', 'red', 'pink']), three);
    expect(Array.from(moved.k), 'pink takes green`s slot 2, not the first free one').toEqual([K_PALETTE, K_PALETTE, K_PALETTE + 2]);
    expect(moved.palette).toEqual(['red', 'blue', 'pink']);
  });

  it('fill colour matches the class over no data and the palette; paint keys compare paints', () => {
    const colors = { noData: '#ccc', outline: '#fff', parentOutline: '#000' };
    expect(fillColor({ palette: ['red', 'blue'], colors })).toEqual(['match', expect.anything(), K_NODATA, '#ccc', K_PALETTE, 'red', K_PALETTE + 1, 'blue', 'rgba(0,0,0,0)']);
    expect(paintKey({ palette: ['red'], colors })).toBe(paintKey({ palette: ['red'], colors: { ...colors } }));
    expect(paintKey({ palette: ['red'], colors })).not.toBe(paintKey({ palette: ['blue'], colors }));
  });

  it('the uploaded GeoJSON: numeric ids, code, rank and k; coarse units first', () => {
    const s = scene(['red', 'blue', 'red'], [2]);
    const fc = toFeatureCollection(s, classes(s).k);
    expect(fc.features.map((f) => [f.id, f.properties!.rank, f.properties!.k])).toEqual([[2, 1, K_OUTLINE], [0, 2, K_PALETTE], [1, 2, K_PALETTE + 1]]);
  });
});
