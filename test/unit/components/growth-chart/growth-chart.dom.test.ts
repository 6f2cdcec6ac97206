import { describe, expect, it } from 'vitest';
import { num } from '../../../../src/components/growth-chart/growth-chart.dom.js';

// num() builds the 0.01 px string from integers (cheaper than a double's shortest form): it must write exactly what
// String(Math.round(v * 100) / 100) writes, or a redraw through d3 (which writes the rounded number) would differ.
const reference = (v: number) => String(Math.round(v * 100) / 100);

describe('growth chart num()', () => {
  it('writes what String(Math.round(v * 100) / 100) writes, for every hundredth up to 20,000', () => {
    for (let n = 0; n < 2e6; n++) {
      const v = n / 100;
      if (num(v) !== reference(v)) expect(num(v), `${v}`).toBe(reference(v));
    }
  });

  it('and for any double, negative, huge or not finite', () => {
    let s = 7;
    const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647);
    for (let k = 0; k < 2e5; k++) {
      const v = (rnd() - 0.2) * 10 ** (rnd() * 12 - 3);
      if (num(v) !== reference(v)) expect(num(v), `${v}`).toBe(reference(v));
    }
    for (const v of [0, -0, 0.004, 0.005, -0.005, 0.1, 3, 4.5, 1.005, 2.675, 21474836.47, 21474836.48, 1e21, -1e9, NaN, Infinity, -Infinity]) expect(num(v), `${v}`).toBe(reference(v));
  });
});
