// The grid map's colour schemes are data (color-schemes.ts, the published lists) read with d3-interpolate, not the
// whole of d3-scale-chromatic: they must give the colours d3-scale-chromatic gives, at every t.
import { describe, expect, it } from 'vitest';
import * as d3c from 'd3-scale-chromatic';
import { continuous, interpolatorFor, schemeColors, schemeList, toHex } from '../../../../src/components/grid-map/classify.js';
import { SCHEMES } from '../../../../src/components/grid-map/grid-map.types.js';

const D3: Record<string, string> = {
  viridis: 'Viridis', cividis: 'Cividis', magma: 'Magma', inferno: 'Inferno', plasma: 'Plasma', blues: 'Blues', greens: 'Greens',
  oranges: 'Oranges', purples: 'Purples', reds: 'Reds', ylgnbu: 'YlGnBu', ylorrd: 'YlOrRd', orrd: 'OrRd', bupu: 'BuPu',
  rdylgn: 'RdYlGn', rdylbu: 'RdYlBu', spectral: 'Spectral', tableau10: 'Tableau10', set2: 'Set2', dark2: 'Dark2',
};
const rgb = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));

describe('colour schemes as data', () => {
  it('covers every scheme the element accepts', () => {
    for (const s of SCHEMES) expect(schemeList(s), s).toBeDefined();
    expect(schemeList('toString')).toBeUndefined();
  });

  it('categorical lists are d3-scale-chromatic’s', () => {
    for (const s of ['tableau10', 'set2', 'dark2']) expect(schemeList(s)).toEqual([...(d3c as unknown as Record<string, string[]>)[`scheme${D3[s]}`]]);
  });

  it('continuous schemes give d3-scale-chromatic’s colour at every t (cividis, sampled in 256 steps, within 3/255)', () => {
    for (const s of SCHEMES) {
      const ref = (d3c as unknown as Record<string, (t: number) => string>)[`interpolate${D3[s]}`];
      const f = continuous(s);
      if (!ref) continue;
      expect(f, s).toBeDefined();
      for (let i = 0; i <= 1000; i++) {
        const t = i / 1000;
        const [a, b] = [toHex(f!(t)), toHex(ref(t))];
        if (s === 'cividis') expect(Math.max(...rgb(a).map((v, k) => Math.abs(v - rgb(b)[k]))), `${s} at ${t}`).toBeLessThanOrEqual(3);
        else expect(a, `${s} at ${t}`).toBe(b);
      }
    }
  });

  it('class colours and the fallback scheme', () => {
    expect(schemeColors('viridis', 5)).toEqual([0, 0.25, 0.5, 0.75, 1].map((t) => toHex(d3c.interpolateViridis(t))));
    expect(schemeColors('blues', 3)).toEqual([0, 0.5, 1].map((t) => toHex(d3c.interpolateBlues(0.15 + 0.85 * t))));
    expect(interpolatorFor('no-such-scheme')(0.3)).toBe(d3c.interpolateViridis(0.3));
  });
});
