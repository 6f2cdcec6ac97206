/**
 * The frame every kind draws in: margins from the axis titles and tick labels, the band scale over the categories,
 * the left (and right) value axis with zero aligned, and the x tick labels (flat, two-line with the year, wrapped,
 * rotated, or years only).
 */
import { bandScale } from '../../common/scales.js';
import type { Lang } from '../../../core/i18n/lang.js';
import { periodLabel, yearLabel, type Period } from '../../../core/format/period.js';
import { tickLabel } from './format.js';
import { niceAligned, niceDomain, niceScale, yTickCount, type LinearScale } from './scale.js';
import { textWidth, truncate, wrapLabel } from './text.js';
import type { Axis, XTick } from './types.js';

/**
 * Which x labels to draw and how: all flat when they fit the band, else rotated −45° when the band holds a line of
 * text, else every k-th rotated. Returns the step k and the rotation.
 */
export function xLabelLayout(bandWidth: number, labelWidth: number, fontSize: number): { step: number; rotate: number } {
  if (labelWidth + fontSize * 0.5 <= bandWidth) return { step: 1, rotate: 0 };
  const lineGap = fontSize * 1.5;
  if (lineGap <= bandWidth) return { step: 1, rotate: -45 };
  return { step: Math.ceil(lineGap / Math.max(bandWidth, 0.01)), rotate: -45 };
}

/** Category labels of a period axis: long (tooltip, table), short (tick) and where a new year starts. */
export interface CategoryLabels {
  long: string[];
  short: string[];
  /** A tick starts a new year (it gets the year as a second line). */
  yearChange: boolean[];
}

// Labels of the period axes periodsOf() keeps (the same array for the same periods), per language. Callers only read them.
const labelCache = new WeakMap<readonly Period[], Partial<Record<Lang, CategoryLabels>>>();

export function periodLabels(periods: readonly Period[], lang: Lang): CategoryLabels {
  let byLang = labelCache.get(periods);
  if (!byLang) labelCache.set(periods, (byLang = {}));
  return (byLang[lang] ??= makePeriodLabels(periods, lang));
}

function makePeriodLabels(periods: readonly Period[], lang: Lang): CategoryLabels {
  const l: CategoryLabels = { long: [], short: [], yearChange: [] };
  periods.forEach((p, i) => {
    l.long.push(periodLabel(p, lang, 'long'));
    l.short.push(periodLabel(p, lang, 'short'));
    l.yearChange.push(p.kind !== 'year' && (i === 0 || periods[i - 1].year !== p.year));
  });
  return l;
}

export interface FrameInput {
  width: number;
  height: number;
  fs: number;
  lang: Lang;
  keys: readonly string[];
  labels: CategoryLabels;
  /** The periods of the categories; empty for an axis of indicator names. */
  periods: readonly Period[];
  /** Categories are indicator names (compare): wrapped onto up to three lines, or rotated and shortened. */
  names: boolean;
  /** Band padding inner / outer (0 for lines only). */
  padding: [number, number];
  leftDomain: [number, number];
  rightDomain?: [number, number];
  /** The left axis shows rates (%); else values in `leftUnit`. */
  leftIsRate: boolean;
  leftUnit?: string;
  leftTitle: string;
  rightTitle: string;
}

export interface Frame {
  plot: { x: number; y: number; width: number; height: number };
  titleY: { left: number; right: number };
  left: Axis;
  right?: Axis;
  yLeft: LinearScale;
  yRight?: LinearScale;
  xTicks: XTick[];
  /** Left edge of a category's band. */
  x0(key: string): number;
  /** Centre of the i-th category. */
  center(i: number): number;
  bandwidth: number;
}

/** A frame laid out before, with what it was laid out for (see layoutFrame). */
interface FrameMemo {
  /** The inputs other than the value domains. */
  sig: unknown[];
  /** The tick counts of the two passes, and the domains niced at each (what the frame depends on of the data). */
  count0: number;
  count: number;
  nice0: (number[] | undefined)[];
  nice1?: (number[] | undefined)[];
  frame: Frame;
}
// The last frames of each period axis (periodLabels keeps one labels object per axis and language): a new payload
// over the same periods whose domains nice to the same bounds (an update, the next chart of a wall) has the same
// frame, so its tick labels are not measured, its scales not worked out and its x ticks not laid out again. Frames
// are only read (the model hands out their plot, axes and ticks).
const frameMemos = new WeakMap<CategoryLabels, FrameMemo[]>();
const sameList = (a: readonly unknown[] | undefined, b: readonly unknown[] | undefined): boolean => {
  if (!a || !b) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
};
const niceBoth = (f: FrameInput, count: number): (number[] | undefined)[] => [niceDomain(f.leftDomain, count), f.rightDomain && niceDomain(f.rightDomain, count)];

export function layoutFrame(f: FrameInput): Frame {
  // Indicator names (compare) are new labels each time: nothing to look up.
  if (f.names) return computeFrame(f).frame;
  const sig = [f.width, f.height, f.fs, f.lang, f.periods, f.keys.length, f.padding[0], f.padding[1], f.leftIsRate, f.leftUnit, f.leftTitle, f.rightTitle, !f.rightDomain];
  const memos = frameMemos.get(f.labels);
  for (const m of memos ?? [])
    if (sameList(m.sig, sig)) {
      const n0 = niceBoth(f, m.count0);
      if (!sameList(n0[0], m.nice0[0]) || !sameList(n0[1], m.nice0[1])) continue;
      if (m.nice1) {
        const n1 = niceBoth(f, m.count);
        if (!sameList(n1[0], m.nice1[0]) || !sameList(n1[1], m.nice1[1])) continue;
      }
      return m.frame;
    }
  // The domains niced at each tick count as computeFrame niced them (what niceBoth gives for them), not again.
  const { frame, count0, count, nice0, nice1 } = computeFrame(f);
  const memo: FrameMemo = { sig, count0, count, nice0, nice1: count === count0 ? undefined : nice1, frame };
  if (memos) {
    memos.unshift(memo);
    if (memos.length > 4) memos.pop();
  } else frameMemos.set(f.labels, [memo]);
  return frame;
}

function computeFrame(f: FrameInput): { frame: Frame; count0: number; count: number; nice0: (number[] | undefined)[]; nice1: (number[] | undefined)[] } {
  const { width, height, fs, lang, keys, periods, names, leftDomain, rightDomain, leftIsRate } = f;
  const { long: catLabels, short: shortLabels, yearChange } = f.labels;
  const n = keys.length;
  const twoLine = yearChange.some(Boolean);
  // Axis titles side by side above the plot; when they would run into each other (long English titles in a narrow
  // chart) the left one goes a line higher.
  const stackTitles = !!f.rightTitle && textWidth(f.leftTitle, fs) + textWidth(f.rightTitle, fs) + fs * 3 > width;

  // ── margins (two passes: tick labels depend on tick count, which depends on the plot height) ──
  const titleH = fs + 8 + (stackTitles ? fs * 1.6 : 0);
  let top = titleH + fs + 8; // axis titles + annotation room
  let bottom = (twoLine ? 2 : 1) * fs * 1.3 + 10;
  const count0 = yTickCount(height - top - bottom, fs);
  const leftScale0 = niceScale(leftDomain, [0, 1], count0);
  const leftFormat = (v: number) => tickLabel(leftIsRate ? 'rate' : f.leftUnit ?? '', v, lang);
  const rightFormat = (v: number) => tickLabel('rate', v, lang);
  const tickW = (s: LinearScale, fmt: (v: number) => string) => {
    let w = fs;
    for (const t of s.ticks(count0)) w = Math.max(w, textWidth(fmt(t), fs));
    return w;
  };
  let leftW = tickW(leftScale0, leftFormat) + 10;
  const rightScale0 = rightDomain ? niceScale(rightDomain, [0, 1], count0) : undefined;
  let rightW = rightScale0 ? tickW(rightScale0, rightFormat) + 10 : 0;
  const lastHalf = Math.min(textWidth(shortLabels[n - 1] ?? '', fs) / 2, 60);
  rightW = Math.max(rightW, 8, names ? 8 : Math.min(lastHalf, 24));
  let plotW = Math.max(20, width - leftW - rightW);
  let band = plotW / Math.max(n, 1);
  let maxLabelW = 0;
  for (const s of shortLabels) maxLabelW = Math.max(maxLabelW, textWidth(s, fs));
  // indicator names wrap onto up to three lines when the band is wide enough, else rotate
  const wrapNames = names && band * 0.8 >= fs * 4;
  const layout = wrapNames ? { step: 1, rotate: 0 } : xLabelLayout(band, maxLabelW, fs);
  const maxRotW = Math.max(fs * 3, (height * 0.3) / 0.71);
  const rotText = (i: number) => (yearChange[i] ? catLabels[i] : shortLabels[i]);
  let wrapped: string[][] = [];
  // Many sub-year periods that do not fit flat: label the years only (centred on their periods) instead of a
  // thicket of rotated labels; the tooltip and the table name every period.
  const yearStarts: number[] = [];
  if (!wrapNames && layout.rotate !== 0 && n > 12) periods.forEach((p, i) => (i === 0 || periods[i - 1].year !== p.year) && yearStarts.push(i));
  const yearMode = yearStarts.length >= 2 && periods.some((p) => p.kind !== 'year');
  if (yearMode) {
    bottom = fs * 1.3 + 10;
  } else if (wrapNames) {
    wrapped = catLabels.map((s) => wrapLabel(s, band * 0.9, fs, 3));
    bottom = Math.max(...wrapped.map((w) => w.length), 1) * fs * 1.3 + 10;
  } else if (layout.rotate !== 0) {
    const rotW = Math.min(maxRotW, Math.max(...catLabels.map((_, i) => textWidth(rotText(i), fs)), 0));
    bottom = rotW * 0.71 + fs + 10;
    // the first rotated label reaches left of the plot: make room for it
    const firstW = Math.min(maxRotW, textWidth(rotText(0), fs)) * 0.71 + 4 - band / 2;
    if (firstW > leftW) {
      leftW = Math.min(firstW, width * 0.3);
      plotW = Math.max(20, width - leftW - rightW);
      band = plotW / Math.max(n, 1);
    }
  }
  const plotX = leftW;
  // A left title wider than the chart from where it starts (a long English title in a narrow chart: "Year-to-date
  // growth, y/y (%) · Jan–Sep 2022" at 360 px) wraps, its first lines higher up: never cut by the chart's edge.
  // It breaks at its " · " first (the compared period on a line of its own).
  const room = width - Math.max(0, plotX - 6) - 2;
  const titleLines = textWidth(f.leftTitle, fs) > room ? f.leftTitle.split(' · ').flatMap((t) => wrapLabel(t, room, fs, 2)) : [f.leftTitle];
  const titleUp = (titleLines.length - 1) * fs * 1.3;
  top += titleUp;
  bottom = Math.min(bottom, height * 0.45);
  const plotY = top;
  const plotH = Math.max(20, height - top - bottom);
  const count = yTickCount(plotH, fs);

  // ── scales ──
  const x = bandScale().domain(keys).range([plotX, plotX + plotW]).paddingInner(f.padding[0]).paddingOuter(f.padding[1]);
  const bw = x.bandwidth();
  const center = (i: number) => (x(keys[i]) ?? 0) + bw / 2;
  // A nice()d domain is computed for the planned tick count, then kept: zero stays aligned across both axes.
  const yLeft = niceAligned(leftDomain, rightDomain, [plotY + plotH, plotY], count);
  const yRight = rightDomain ? yLeft.partner : undefined;
  const left: Axis = {
    domain: yLeft.scale.domain() as [number, number],
    // Rotated x labels hang down-left from the plot's bottom: a left tick label sitting on that edge would be drawn
    // over the first of them, so it goes unlabelled (its grid line stays; the zero line marks 0).
    ticks: yLeft.scale
      .ticks(count)
      .map((v) => ({ value: v, pos: yLeft.scale(v), label: layout.rotate !== 0 && !yearMode && !wrapNames && yLeft.scale(v) > plotY + plotH - fs ? '' : leftFormat(v) })),
    title: f.leftTitle,
    ...(titleLines.length > 1 && { titleLines }),
    zero: yLeft.scale(0),
  };
  const right: Axis | undefined = yRight
    ? {
        domain: yRight.domain() as [number, number],
        ticks: yRight.ticks(count).map((v) => ({ value: v, pos: yRight(v), label: rightFormat(v) })),
        title: f.rightTitle,
        zero: yRight(0),
      }
    : undefined;

  // ── x ticks ──
  const xTicks: XTick[] = [];
  if (yearMode) {
    const perYear = n / yearStarts.length;
    const yearW = Math.max(...yearStarts.map((i) => textWidth(yearLabel(periods[i].year, lang), fs))) + fs;
    const step = Math.max(1, Math.ceil(yearW / Math.max(perYear * x.step(), 0.01)));
    for (let j = 0; j < yearStarts.length; j += step) {
      const i = yearStarts[j];
      const last = (yearStarts[j + 1] ?? n) - 1;
      xTicks.push({ index: i, x: (center(i) + center(last)) / 2, lines: [yearLabel(periods[i].year, lang)], rotate: 0 });
    }
  } else {
    for (let i = 0; i < n; i += layout.step) {
      let lines: string[];
      if (names) lines = wrapNames ? wrapped[i] : [layout.rotate ? truncate(catLabels[i], maxRotW, fs) : catLabels[i]];
      else if (layout.rotate) lines = [yearChange[i] ? catLabels[i] : shortLabels[i]];
      else lines = yearChange[i] ? [shortLabels[i], yearLabel(periods[i].year, lang)] : [shortLabels[i]];
      // A rotated label reaching past the chart's left edge (the first ones, when the plot could not make room for
      // them) is shortened with … (the tick carries its full name as a <title>) instead of being cut by the edge.
      if (layout.rotate && lines.length === 1) {
        const room = (center(i) - 2) / 0.71 - fs * 1.2; // the glyphs' height leans left too
        if (textWidth(lines[0], fs) > room) lines = [truncate(lines[0], Math.max(room, fs), fs)];
      }
      xTicks.push({ index: i, x: center(i), lines, rotate: layout.rotate });
    }
  }

  const frame: Frame = {
    plot: { x: plotX, y: plotY, width: plotW, height: plotH },
    titleY: { left: Math.max(fs, plotY - fs - 8 - (stackTitles ? fs * 1.6 : 0) - titleUp), right: Math.max(fs, plotY - fs - 8) },
    left,
    right,
    yLeft: yLeft.scale,
    yRight,
    xTicks,
    x0: (key) => x(key) ?? 0,
    center,
    bandwidth: bw,
  };
  return { frame, count0, count, nice0: [leftScale0.domain(), rightScale0?.domain()], nice1: yLeft.nice };
}
