/**
 * The three d3 shapes the growth chart's model uses — a linear scale (`scaleLinear` with `nice`/`ticks`), a band scale
 * (`scaleBand`) and a line path (`line().defined()`, linear curve) — with the same arithmetic, so the same numbers and
 * path strings (test/unit/common-scales.test.ts compares them with d3). d3-scale brings d3-interpolate, d3-color and
 * d3-format along (its scales carry every method), d3-shape's one-file build keeps its curve factories: ≈40 KB
 * minified for three small functions (issue 16). Ticks and nice bounds follow d3-array's rules (steps of 1, 2 or 5
 * × 10^k, ticks as whole multiples of the step) written here: d3-array's one-file module kept ≈3.4 KB minified for
 * them. The mapping is d3's arithmetic (t = (x − d0) / (d1 − d0), then r0·(1 − t) + r1·t).
 */

/**
 * Tick step for about `count` ticks over lo ≤ hi: [first, last, step] where the ticks are first…last times the step
 * when `step` > 0, or first…last divided by −step when `step` < 0 (steps below 1 are kept as whole inverses, so
 * 0.1 × 3 never becomes 0.30000000000000004).
 */
function tickPlan(lo: number, hi: number, count: number): [number, number, number] {
  const raw = (hi - lo) / Math.max(0, count);
  const exp = Math.floor(Math.log10(raw));
  const mantissa = raw / 10 ** exp;
  // 1, 2, 5 or 10: the nearest on a log scale (the cut points are the geometric means √2, √10, √50).
  const mult = mantissa >= Math.sqrt(50) ? 10 : mantissa >= Math.sqrt(10) ? 5 : mantissa >= Math.sqrt(2) ? 2 : 1;
  let first: number;
  let last: number;
  let step: number;
  if (exp < 0) {
    const inv = 10 ** -exp / mult;
    first = Math.round(lo * inv);
    last = Math.round(hi * inv);
    if (first / inv < lo) first++;
    if (last / inv > hi) last--;
    step = -inv;
  } else {
    step = 10 ** exp * mult;
    first = Math.round(lo / step);
    last = Math.round(hi / step);
    if (first * step < lo) first++;
    if (last * step > hi) last--;
  }
  // Too few ticks for a count of 0.5–2: try twice as many.
  if (last < first && count >= 0.5 && count < 2) return tickPlan(lo, hi, count * 2);
  return [first, last, step];
}

/** About `count` round values between `start` and `stop` (either order), as d3-array's `ticks`. */
export function ticks(start: number, stop: number, count: number): number[] {
  start = +start;
  stop = +stop;
  count = +count;
  if (!(count > 0)) return [];
  if (start === stop) return [start];
  const down = stop < start;
  const [first, last, step] = down ? tickPlan(stop, start, count) : tickPlan(start, stop, count);
  if (!(last >= first)) return [];
  const out: number[] = [];
  for (let i = 0; i <= last - first; i++) {
    const k = down ? last - i : first + i;
    out.push(step < 0 ? k / -step : k * step);
  }
  return out;
}

/** The step `ticks` would use for start < stop (negative: the inverse of a step below 1), as d3-array's `tickIncrement`. */
export function tickIncrement(start: number, stop: number, count: number): number {
  return tickPlan(+start, +stop, +count)[2];
}

/** [start, stop] widened to whole tick steps until the step settles, as d3-array's `nice`. */
function niceBounds(start: number, stop: number, count: number): [number, number] {
  let prev: number | undefined;
  for (;;) {
    const step = tickIncrement(start, stop, count);
    if (step === prev || step === 0 || !Number.isFinite(step)) return [start, stop];
    if (step > 0) {
      start = Math.floor(start / step) * step;
      stop = Math.ceil(stop / step) * step;
    } else {
      start = Math.ceil(start * step) / step;
      stop = Math.floor(stop * step) / step;
    }
    prev = step;
  }
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

/** Maps a domain interval onto a range interval; a zero-width domain maps everything to the range's middle. */
function interval(d0: number, d1: number, r0: number, r1: number): (x: number) => number {
  const width = d1 - d0;
  if (isNaN(width)) return () => NaN;
  return (x) => {
    const t = width ? (x - d0) / width : 0.5;
    return r0 * (1 - t) + r1 * t;
  };
}

export function linearScale(): Linear {
  let d: number[] = [0, 1];
  let r: number[] = [0, 1];
  let output: ((x: number) => number) | undefined;
  const rescale = () => {
    const [d0, d1] = d;
    const [r0, r1] = r;
    output = d1 < d0 ? interval(d1, d0, r1, r0) : interval(d0, d1, r0, r1);
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
    // d3-array's nice() widens [min, max] to whole tick steps; the reversed end of a descending domain stays reversed.
    const first = d[0];
    const last = d[d.length - 1];
    const descending = last < first;
    const [lo, hi] = niceBounds(descending ? last : first, descending ? first : last, count);
    const next = d.slice();
    next[0] = descending ? hi : lo;
    next[next.length - 1] = descending ? lo : hi;
    return scale.domain(next);
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
  // The first band's start and whether the range runs backwards: a band's start is computed when asked (d3 keeps
  // an array of them, rebuilt at each setter call: five arrays for one scale built by chained calls).
  let start = 0;
  let reverse = false;
  const rescale = (): Band => {
    const n = keys.size;
    reverse = r1 < r0;
    start = reverse ? r1 : r0;
    const stop = reverse ? r0 : r1;
    step = (stop - start) / Math.max(1, n - inner + outer * 2);
    start += (stop - start - step * (n - inner)) * 0.5;
    bandwidth = step * (1 - inner);
    return scale;
  };
  const scale = ((key: string) => {
    const i = keys.get(key);
    return i === undefined ? undefined : start + step * (reverse ? keys.size - 1 - i : i);
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
