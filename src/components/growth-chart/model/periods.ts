/**
 * What the two period kinds (`value-growth` and `trend`) share: periods as categories, the latest and selected
 * period, growth (or value) lines, tooltips and notes per period, the latest-period annotation and the period table.
 */
import { formatExact, NO_VALUE } from '../../../core/format/number.js';
import { periodLabel, periodRange, type Period } from '../../../core/format/period.js';
import type { GrowthPoint } from '../growth-chart.types.js';
import type { CategoryLabels, Frame } from './axis.js';
import { amountText, CSV_HEAD, flagsText, noteCell, noteMark, noteOf, pctText, rankText, sepOf, seriesName, toCsv } from './format.js';
import type { LinearScale } from './scale.js';
import { num } from '../growth-chart.dom.js';
import { LazyCategory, type ModelContext, type Prepared } from './series.js';
import type { Annotation, Bar, Category, GrowthModel, Line, LinePoint, TooltipRow } from './types.js';

// The period axes of the last charts built: an update with new values has the same periods, so the axis (and its
// labels, see periodLabels) is not worked out again. Callers only read the array (frozen).
const axes = new Map<string, readonly Period[]>();
// The last axis returned and the period keys it was asked for, series by series: the usual next call (the same
// periods again) is recognised by comparing the keys, without building the cache key string.
let lastAxis: readonly Period[] | undefined;
let lastKeys: string[] = [];

/** Every period any drawn series has, in order (gaps included). */
export function periodsOf(drawn: Iterable<Prepared>): readonly Period[] {
  if (lastAxis) {
    let i = 0;
    let same = true;
    for (const p of drawn) {
      const pts = p.series.points;
      for (let j = 0; j < pts.length && same; j++) same = lastKeys[i++] === pts[j].period.key;
      if (!same || lastKeys[i++] !== '|') break;
    }
    if (same && i === lastKeys.length) return lastAxis;
  }
  let key = '';
  const keys: string[] = [];
  for (const p of drawn) {
    for (const x of p.series.points) {
      key += x.period.key + ',';
      keys.push(x.period.key);
    }
    key += '|';
    keys.push('|');
  }
  let axis = axes.get(key);
  if (!axis) {
    axis = Object.freeze(gaplessRun(drawn) ?? periodRange([...drawn].flatMap((p) => p.series.points.map((x) => x.period))));
    if (axes.size >= 32) axes.clear();
    axes.set(key, axis);
  }
  lastAxis = axis;
  lastKeys = keys;
  return axis;
}

// Months from one period to the next on a regular axis (periodRange's steps; cumulative: 3 when every end month is a
// quarter end, else 1). On the month index year × 12 + end month each step is a constant.
const STEP: Record<string, number> = { year: 12, quarter: 3, month: 1 };

/**
 * The axis of series that all give the same periods, one kind, each one step after the last (the usual payload, a
 * quarter or month after another): those periods as they are, which is what periodRange gives for them, without
 * sorting, walking and checking them again (a page's first chart has no axis kept to find). Undefined otherwise.
 */
function gaplessRun(drawn: Iterable<Prepared>): Period[] | undefined {
  let pts: readonly GrowthPoint[] | undefined;
  for (const p of drawn) {
    const q = p.series.points;
    if (!pts) pts = q;
    else if (q !== pts && (q.length !== pts.length || q.some((x, i) => x.period.key !== pts![i].period.key))) return undefined;
  }
  const n = pts?.length ?? 0;
  if (!pts || n < 2 || n > 400) return undefined;
  const kind = pts[0].period.kind;
  const step = STEP[kind] ?? (pts.every((x) => x.period.endMonth % 3 === 0) ? 3 : 1);
  const out: Period[] = [pts[0].period];
  for (let i = 1; i < n; i++) {
    const a = pts[i - 1].period;
    const b = pts[i].period;
    if (b.kind !== kind || (b.year - a.year) * 12 + b.endMonth - a.endMonth !== step) return undefined;
    out.push(b);
  }
  return out;
}

/** Index of the last period where the main series has a value or a rate; -1 when none. */
export function latestIndexOf(main: Prepared | undefined, keys: readonly string[]): number {
  if (main)
    for (let i = keys.length - 1; i >= 0; i--) {
      const pt = main.byKey.get(keys[i]);
      if (pt && (pt.value !== null || pt.growth !== null)) return i;
    }
  return -1;
}

export interface LineInput {
  series: readonly Prepared[];
  keys: readonly string[];
  frame: Frame;
  y: LinearScale;
  axis: 'left' | 'right';
  /** What a point plots: its growth or its value. */
  read: (pt: GrowthPoint) => number | null;
  /** Nominal growth is flagged (not when values are plotted). */
  nominalCounts: boolean;
  latestIndex: number;
  selectedIndex: number;
}

/** One line per series; a missing point breaks the line (never drawn as zero). */
export function lineMarks(l: LineInput): { lines: Line[]; illustrative: boolean; nominal: boolean } {
  const lines: Line[] = [];
  let illustrative = false;
  let nominal = false;
  for (const p of l.series) {
    // The points and the path in one pass over the periods (a gap breaks the path: linePath's rule, as d3's line()).
    const points: LinePoint[] = [];
    let d = '';
    let run = 0;
    for (let i = 0; i < l.keys.length; i++) {
      const key = l.keys[i];
      const pt = p.byKey.get(key);
      const v = pt ? l.read(pt) : null;
      if (!pt || v === null) {
        if (run === 1) d += 'Z';
        run = 0;
        continue;
      }
      illustrative ||= pt.illustrative;
      const nom = pt.growthBasis === 'nominal' && l.nominalCounts;
      nominal ||= nom;
      const lp: LinePoint = { index: i, key, x: l.frame.center(i), y: l.y(v), value: v, illustrative: pt.illustrative, nominal: nom, latest: i === l.latestIndex, active: i === l.selectedIndex };
      points.push(lp);
      // As linePath (common/scales.ts) writes a coordinate rounded to 0.01 px: 3 digits (d3-path's) of a value with 2
      // are the value, and num() writes String(Math.round(v * 100) / 100) from integers (a double's shortest form costs more).
      d += `${run ? 'L' : 'M'}${num(lp.x)},${num(lp.y)}`;
      run++;
    }
    if (run === 1) d += 'Z';
    lines.push({ seriesId: p.series.id, colorIndex: p.colorIndex, axis: l.axis, d, points });
  }
  return { lines, illustrative, nominal };
}

/** Which columns a period shows per series: its value (with unit) and/or its growth. */
export interface PeriodColumns {
  value: (p: Prepared) => boolean;
  growth: boolean;
}

/** The notes of a period without any (most periods): one shared, frozen array. */
const NO_NOTES = Object.freeze([]) as unknown as string[];

/** Categories with their notes (① …, in period order) and tooltips formatted on first read. */
export function periodCategories(
  c: ModelContext,
  keys: readonly string[],
  labels: CategoryLabels,
  frame: Frame,
  shown: readonly Prepared[],
  cols: PeriodColumns,
): { categories: Category[]; notes: string[] } {
  const { lang, T } = c;
  const sep = sepOf(lang);
  const notes: string[] = [];
  // A chart with 40 periods shows one tooltip at a time.
  const tooltipFor = (key: string, i: number): Category['tooltip'] => {
    const rows: TooltipRow[] = [];
    for (const p of shown) {
      const pt = p.byKey.get(key);
      const parts: string[] = [];
      if (cols.value(p)) parts.push(amountText(pt?.value ?? null, p.series.unit, lang));
      if (cols.growth) parts.push(pctText(pt?.growth ?? null, lang));
      rows.push({ seriesId: p.series.id, colorIndex: p.colorIndex, text: `${seriesName(p.series, lang)}${sep}${parts.join(lang === 'zh-CN' ? '，' : ', ')}${pt ? flagsText(pt, T, lang) : ''}` });
    }
    return { title: labels.long[i], rows };
  };
  const tip = (i: number) => tooltipFor(keys[i], i);
  const categories = keys.map((key, i): Category => {
    let catNotes = NO_NOTES;
    let catIll = false;
    for (const p of shown) {
      const pt = p.byKey.get(key);
      if (pt?.illustrative) catIll = true;
      const text = noteOf(pt, lang);
      if (!text) continue;
      const name = shown.length > 1 ? seriesName(p.series, lang) : undefined;
      const label = `${noteMark(notes.length)} ${name ? name + sep : ''}${text}`;
      notes.push(label);
      if (catNotes === NO_NOTES) catNotes = [];
      catNotes.push(label);
    }
    return new LazyCategory(key, labels.long[i], frame.center(i), frame.x0(key), frame.bandwidth, catNotes, catIll, tip, i);
  });
  return { categories, notes };
}

/** 最新 over the focused period when it is the latest; the focused point's rank goes to the header badge. */
export function focusAnnotations(
  c: ModelContext,
  main: Prepared | undefined,
  keys: readonly string[],
  focus: number,
  latestIndex: number,
  frame: Frame,
  bars: readonly Bar[],
  lines: readonly Line[],
): { annotations: Annotation[]; rank: string } {
  const annotations: Annotation[] = [];
  let rank = '';
  if (main && focus >= 0) {
    const pt = main.byKey.get(keys[focus]);
    const lp = lines.find((l) => l.seriesId === main.series.id)?.points.find((q) => q.index === focus);
    const b = bars.find((bb) => bb.seriesId === main.series.id && bb.index === focus);
    const yTop = Math.min(lp ? lp.y : Infinity, b ? b.y : Infinity, frame.plot.y + frame.plot.height);
    if (focus === latestIndex) annotations.push({ kind: 'latest', index: focus, x: frame.center(focus), y: yTop - 8, text: c.T.latest });
    // the rank goes to the header badge (model.rank), not into the plot where it would cover the line
    if (pt?.rank) rank = rankText(pt, c.T, c.lang);
  }
  return { annotations, rank };
}

/** The table twin (one row per period, exact numbers) and the CSV (long format). */
export function periodTable(c: ModelContext, keys: readonly string[], labels: CategoryLabels, shown: readonly Prepared[], cols: PeriodColumns): { table: GrowthModel['table']; csv: string } {
  const { lang, T } = c;
  const table = { head: [T.period] as string[], rows: [] as string[][] };
  const exact = (v: number | null) => formatExact(v, lang);
  const pctExact = (v: number | null) => (v === null ? NO_VALUE : formatExact(v, lang, 2));
  const pctHead = lang === 'zh-CN' ? '（%）' : ' (%)';
  for (const p of shown) {
    const name = seriesName(p.series, lang);
    const unitHead = p.series.unit ? (lang === 'zh-CN' ? `（${p.series.unit}）` : ` (${p.series.unit})`) : '';
    if (cols.value(p)) table.head.push(name + unitHead);
    if (cols.growth) table.head.push(`${name}${lang === 'zh-CN' ? '增速' : ' growth'}${pctHead}`);
  }
  table.head.push(T.notes);
  keys.forEach((key, i) => {
    const row = [labels.long[i]];
    const pts: (GrowthPoint | undefined)[] = [];
    for (const p of shown) {
      const pt = p.byKey.get(key);
      pts.push(pt);
      if (cols.value(p)) row.push(exact(pt?.value ?? null));
      if (cols.growth) row.push(pctExact(pt?.growth ?? null));
    }
    row.push(noteCell(pts, T, lang));
    table.rows.push(row);
  });
  const csvRows: (string | number | boolean | null)[][] = [CSV_HEAD];
  for (const p of shown)
    for (const key of keys) {
      const pt = p.byKey.get(key);
      if (pt) csvRows.push(csvRow(p, pt, c));
    }
  return { table, csv: toCsv(csvRows) };
}

/** One CSV row of a point. */
export function csvRow(p: Prepared, pt: GrowthPoint, c: ModelContext): (string | number | boolean | null)[] {
  return [p.series.id, seriesName(p.series, c.lang), pt.period.key, periodLabel(pt.period, c.lang), pt.value, p.series.unit ?? '', pt.growth, pt.growth === null ? '' : pt.growthBasis, pt.illustrative];
}
