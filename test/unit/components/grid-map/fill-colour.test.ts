// fillColour (the tiles renderer's colour states) gives each value the colour fillExpression gives it in maplibre:
// evaluated here with maplibre's own expression engine (@maplibre/maplibre-gl-style-spec), for stepped and categorical
// classes, hidden classes, legend emphasis and no data.
import { describe, expect, it } from 'vitest';
import { createExpression } from '@maplibre/maplibre-gl-style-spec';
import { classify, type ClassifySpec } from '../../../../src/components/grid-map/classify.js';
import { fillColour, fillExpression } from '../../../../src/components/grid-map/tiles.js';

/** maplibre's colour of a unit whose feature-state `k` is `v` (undefined: no state), as 0-255 RGBA. */
function maplibreColour(expr: unknown[], v: number | undefined): number[] {
  const e = createExpression(['to-color', expr], 'layers[0].paint.fill-color') as { result: string; value: { evaluate(g: unknown, f: unknown, s: unknown): { r: number; g: number; b: number; a: number } } };
  expect(e.result).toBe('success');
  const c = e.value.evaluate({ zoom: 0 }, { properties: {} }, v === undefined ? {} : { k: v });
  // premultiplied in maplibre's Color: back to straight RGBA
  return c.a ? [Math.round((c.r / c.a) * 255), Math.round((c.g / c.a) * 255), Math.round((c.b / c.a) * 255), Math.round(c.a * 100) / 100] : [0, 0, 0, 0];
}
function cssColour(s: string): number[] {
  const e = createExpression(['to-color', s], 'layers[0].paint.fill-color') as { value: { evaluate(g: unknown, f: unknown): { r: number; g: number; b: number; a: number } } };
  const c = e.value.evaluate({ zoom: 0 }, { properties: {} });
  return c.a ? [Math.round((c.r / c.a) * 255), Math.round((c.g / c.a) * 255), Math.round((c.b / c.a) * 255), Math.round(c.a * 100) / 100] : [0, 0, 0, 0];
}

const values = [-3, 0, 1, 4.9, 5, 6, 9, 9.5, 12, 100];
const cases: [string, number[], ClassifySpec][] = [
  ['thresholds', [1, 5, 9], { kind: 'thresholds', breaks: [5, 9], colors: ['#ff0000', '#00ff00', '#0000ff'] }],
  ['quantile', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12], { kind: 'quantile', colors: ['#111111', '#777777', '#eeeeee'] }],
  ['categorical', [1, 5, 5, 9], { kind: 'categorical', colors: ['#aa0000', '#00aa00', '#0000aa'] }],
];

describe('fillColour (colour states) = fillExpression evaluated by maplibre', () => {
  for (const [name, data, spec] of cases)
    it(`${name}: every value, no data, hidden classes and emphasis`, () => {
      const c = classify(data, spec);
      const variants: [Set<number>, number | 'none' | null][] = [[new Set(), null], [new Set([1]), null], [new Set(), 0], [new Set(), 'none'], [new Set([0]), 2]];
      for (const [hidden, emphasis] of variants) {
        const expr = fillExpression(c, 'k', '#eeeeee', hidden, emphasis);
        const of = fillColour(c, '#eeeeee', hidden, emphasis);
        for (const v of [...values, undefined]) expect(cssColour(of(v)), `${name} v=${v} hidden=${[...hidden]} emphasis=${emphasis}`).toEqual(maplibreColour(expr, v));
      }
    });
});
