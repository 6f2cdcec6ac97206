import { describe, expect, it } from 'vitest';
import { canvasBaseline, collapseRuns, layoutRuns } from '../../../../src/core/export/svg-text-layout.js';
import { paintFallback, svgLength, urlRef } from '../../../../src/core/export/svg-values.js';

describe('urlRef / paintFallback', () => {
  it('reads the id of a url() paint, quoted or not, with or without a document address', () => {
    expect(urlRef('url("#hatch-s0")')).toBe('hatch-s0');
    expect(urlRef("url('#a')")).toBe('a');
    expect(urlRef('url(#b) red')).toBe('b');
    expect(urlRef('url("http://127.0.0.1:8000/page.html#p1")')).toBe('p1');
    expect(urlRef('rgb(1, 2, 3)')).toBe(undefined);
    expect(urlRef('url("image.png")')).toBe(undefined);
    expect(urlRef(null)).toBe(undefined);
  });
  it('gives the fallback colour after the url(), not none', () => {
    expect(paintFallback('url("#a") rgb(255, 0, 0)')).toBe('rgb(255, 0, 0)');
    expect(paintFallback('url(#a) none')).toBe(undefined);
    expect(paintFallback('url(#a)')).toBe(undefined);
    expect(paintFallback('red')).toBe(undefined);
  });
});

describe('svgLength', () => {
  it('converts user units, px, em and percentages; first value of a list', () => {
    expect(svgLength('12', 10)).toBe(12);
    expect(svgLength('12.5px', 10)).toBe(12.5);
    expect(svgLength('0.32em', 10)).toBeCloseTo(3.2);
    expect(svgLength('-1.2em', 20)).toBeCloseTo(-24);
    expect(svgLength('50%', 10, 300)).toBe(150);
    expect(svgLength('3 4 5', 10)).toBe(3);
    expect(svgLength('1e1', 10)).toBe(10);
  });
  it('is undefined when absent or not a length', () => {
    expect(svgLength(null, 10)).toBe(undefined);
    expect(svgLength('', 10)).toBe(undefined);
    expect(svgLength('auto', 10)).toBe(undefined);
  });
});

describe('collapseRuns', () => {
  it('trims the text, turns newlines and tabs into spaces and collapses space runs across runs', () => {
    expect(collapseRuns(['  a\n\tb  ', '  c ', ' '])).toEqual(['a b ', 'c', '']);
    expect(collapseRuns(['\n  ', '2022年', '\n  ', '1—9月', '\n'])).toEqual(['', '2022年', ' ', '1—9月', '']);
    expect(collapseRuns(['x'])).toEqual(['x']);
  });
});

describe('layoutRuns', () => {
  const run = (o: Partial<Parameters<typeof layoutRuns>[0][number]>) => ({ dx: 0, dy: 0, width: 10, anchor: 'start' as const, ...o });
  it('advances the pen by each run and applies dx/dy', () => {
    expect(layoutRuns([run({ x: 5, y: 7 }), run({ dx: 2 }), run({ dy: 3 })])).toEqual([
      { x: 5, y: 7 },
      { x: 17, y: 7 },
      { x: 27, y: 10 },
    ]);
  });
  it('starts a chunk at every absolute position and anchors each chunk by its first run', () => {
    // two centred lines (tspans with x and y), as multi-line tick labels
    const pos = layoutRuns([run({ x: 100, y: 20, width: 40, anchor: 'middle' }), run({ x: 100, y: 33, width: 20, anchor: 'middle' })]);
    expect(pos).toEqual([
      { x: 80, y: 20 },
      { x: 90, y: 33 },
    ]);
  });
  it('anchors a chunk of several runs as a whole (end)', () => {
    const pos = layoutRuns([run({ x: 50, y: 0, width: 10, anchor: 'end' }), run({ width: 15, anchor: 'start' })]);
    expect(pos).toEqual([
      { x: 25, y: 0 },
      { x: 35, y: 0 },
    ]);
  });
  it('starts from the given pen when the first run has no position', () => {
    expect(layoutRuns([run({})], { x: 3, y: 4 })).toEqual([{ x: 3, y: 4 }]);
    expect(layoutRuns([])).toEqual([]);
  });
});

describe('canvasBaseline', () => {
  it('maps dominant-baseline values', () => {
    expect(canvasBaseline('central')).toBe('middle');
    expect(canvasBaseline('middle')).toBe('middle');
    expect(canvasBaseline('hanging')).toBe('hanging');
    expect(canvasBaseline('text-before-edge')).toBe('top');
    expect(canvasBaseline('auto')).toBe('alphabetic');
    expect(canvasBaseline('')).toBe('alphabetic');
  });
});
