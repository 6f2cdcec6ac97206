/**
 * The three d3 shapes the growth chart's model uses — a linear scale (`scaleLinear` with `nice`/`ticks`), a band scale
 * (`scaleBand`) and a line path (`line().defined()`, linear curve) — with the same arithmetic, so the same numbers and
 * path strings (test/unit/common-scales.test.ts compares them with d3). d3-scale brings d3-interpolate, d3-color and
 * d3-format along (its scales carry every method), d3-shape's one-file build keeps its curve factories: ≈40 KB
 * minified for three small functions (issue 16). Tick steps as d3-array's `ticks`/`tickIncrement` (ported below: its
 * one-file build brings ≈3 KB minified along for them).
 */

const e10 = Math.sqrt(50);
const e5 = Math.sqrt(10);
const e2 = Math.sqrt(2);

function tickSpec(start: number, stop: number, count: number): [number, number, number] {
  const step = (stop - start) / Math.max(0, count);
  const power = Math.floor(Math.log10(step));
  const error = step / Math.pow(10, power);
  const factor = error >= e10 ? 10 : error >= e5 ? 5 : error >= e2 ? 2 : 1;
  let i1: number;
  let i2: number;
  let inc: number;
  if (power < 0) {
    inc = Math.pow(10, -power) / factor;
    i1 = Math.round(start * inc);
    i2 = Math.round(stop * inc);
    if (i1 / inc < start) ++i1;
    if (i2 / inc > stop) --i2;
    inc = -inc;
  } else {
    inc = Math.pow(10, power) * factor;
    i1 = Math.round(start / inc);
    i2 = Math.round(stop / inc);
    if (i1 * inc < start) ++i1;
    if (i2 * inc > stop) --i2;
  }
  if (i2 < i1 && 0.5 <= count && count < 2) return tickSpec(start, stop, count * 2);
  return [i1, i2, inc];
}

/** d3-array's `ticks`. */
export function ticks(start: number, stop: number, count: number): number[] {
  (stop = +stop), (start = +start), (count = +count);
  if (!(count > 0)) return [];
  if (start === stop) return [start];
  const reverse = stop < start;
  const [i1, i2, inc] = reverse ? tickSpec(stop, start, count) : tickSpec(start, stop, count);
  if (!(i2 >= i1)) return [];
  const n = i2 - i1 + 1;
  const out = new Array<number>(n);
  if (reverse) {
    if (inc < 0) for (let i = 0; i < n; ++i) out[i] = (i2 - i) / -inc;
    else for (let i = 0; i < n; ++i) out[i] = (i2 - i) * inc;
  } else {
    if (inc < 0) for (let i = 0; i < n; ++i) out[i] = (i1 + i) / -inc;
    else for (let i = 0; i < n; ++i) out[i] = (i1 + i) * inc;
  }
  return out;
}

/** d3-array's `tickIncrement`. */
export function tickIncrement(start: number, stop: number, count: number): number {
  return tickSpec(+start, +stop, +count)[2];
}

/** A linear scale over a two-number domain and range, as d3's `scaleLinear` (no clamping; NaN/null → undefined). */
export interface Linear {
  (value: number): number;
  domain(): number[];
  domain(d: readonly number[]): Linear;
  range(): number[];
  range(r: readonly number[]): Linear;
  ticks(count?: number): number[];
  nice(count?: number): Linear;
}

const normalize = (a: number, b: number): ((x: number) => number) => {
  b -= a;
  if (b) return (x) => (x - a) / b;
  const c = isNaN(b) ? NaN : 0.5;
  return () => c;
};
const lerp = (a: number, b: number) => (t: number) => a * (1 - t) + b * t;

export function linearScale(): Linear {
  let d: number[] = [0, 1];
  let r: number[] = [0, 1];
  let output: ((x: number) => number) | undefined;
  const rescale = () => {
    const [d0, d1] = d;
    const [r0, r1] = r;
    const n = d1 < d0 ? normalize(d1, d0) : normalize(d0, d1);
    const i = d1 < d0 ? lerp(r1, r0) : lerp(r0, r1);
    output = (x) => i(n(x));
  };
  const scale = ((x: number) => (x == null || isNaN((x = +x)) ? (undefined as unknown as number) : (output ?? (rescale(), output!))(x))) as Linear;
  scale.domain = ((v?: readonly number[]) => {
    if (!v) return d.slice();
    d = Array.from(v, Number);
    output = undefined;
    return scale;
  }) as Linear['domain'];
  scale.range = ((v?: readonly number[]) => {
    if (!v) return r.slice();
    r = Array.from(v);
    output = undefined;
    return scale;
  }) as Linear['range'];
  scale.ticks = (count = 10) => ticks(d[0], d[d.length - 1], count);
  scale.nice = (count = 10) => {
    const v = d.slice();
    let i0 = 0;
    let i1 = v.length - 1;
    let start = v[i0];
    let stop = v[i1];
    let prestep: number | undefined;
    let step: number;
    let maxIter = 10;
    if (stop < start) {
      [start, stop] = [stop, start];
      [i0, i1] = [i1, i0];
    }
    while (maxIter-- > 0) {
      step = tickIncrement(start, stop, count);
      if (step === prestep) {
        v[i0] = start;
        v[i1] = stop;
        return scale.domain(v);
      } else if (step > 0) {
        start = Math.floor(start / step) * step;
        stop = Math.ceil(stop / step) * step;
      } else if (step < 0) {
        start = Math.ceil(start * step) / step;
        stop = Math.floor(stop * step) / step;
      } else break;
      prestep = step;
    }
    return scale;
  };
  return scale;
}

/** A band scale over string keys, as d3's `scaleBand` (no rounding, align 0.5); unknown keys → undefined. */
export interface Band {
  (key: string): number | undefined;
  domain(d: readonly string[]): Band;
  range(r: readonly [number, number]): Band;
  paddingInner(p: number): Band;
  paddingOuter(p: number): Band;
  bandwidth(): number;
  step(): number;
}

export function bandScale(): Band {
  let keys = new Map<string, number>();
  let r0 = 0;
  let r1 = 1;
  let inner = 0;
  let outer = 0;
  let step = 1;
  let bandwidth = 1;
  let values: number[] = [];
  const rescale = (): Band => {
    const n = keys.size;
    const reverse = r1 < r0;
    let start = reverse ? r1 : r0;
    const stop = reverse ? r0 : r1;
    step = (stop - start) / Math.max(1, n - inner + outer * 2);
    start += (stop - start - step * (n - inner)) * 0.5;
    bandwidth = step * (1 - inner);
    values = Array.from({ length: n }, (_, i) => start + step * i);
    if (reverse) values.reverse();
    return scale;
  };
  const scale = ((key: string) => {
    const i = keys.get(key);
    return i === undefined || values.length === 0 ? undefined : values[i % values.length];
  }) as Band;
  scale.domain = (d) => {
    keys = new Map();
    for (const k of d) if (!keys.has(k)) keys.set(k, keys.size);
    return rescale();
  };
  scale.range = ([a, b]) => ((r0 = +a), (r1 = +b), rescale());
  scale.paddingInner = (p) => ((inner = Math.min(1, p)), rescale());
  scale.paddingOuter = (p) => ((outer = +p), rescale());
  scale.bandwidth = () => bandwidth;
  scale.step = () => step;
  return rescale();
}

/**
 * The SVG path d3's `line<T>().defined(defined).x(x).y(y)(data)` draws (linear curve, coordinates rounded to 3
 * digits as d3-path does): `M`/`L` per defined run, a lone point closed with `Z`; null when nothing is defined.
 */
export function linePath<T>(data: readonly T[], defined: (d: T) => boolean, x: (d: T) => number, y: (d: T) => number): string | null {
  const k = 1e3;
  const f = (v: number) => Math.round(v * k) / k;
  let out = '';
  let run = 0; // points in the current run
  for (const d of data) {
    if (!defined(d)) {
      if (run === 1) out += 'Z';
      run = 0;
      continue;
    }
    out += `${run ? 'L' : 'M'}${f(+x(d))},${f(+y(d))}`;
    run++;
  }
  if (run === 1) out += 'Z';
  return out || null;
}
