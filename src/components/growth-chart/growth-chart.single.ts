/**
 * `basis="single"`: single-period values derived from cumulative ones, with year-on-year rates computed from them
 * (issue 16: not in the first load; the element loads it with growth-chart.more.ts before a first single-basis
 * picture, growth-chart.model.ts's `buildGrowthModel` passes it to the builders itself).
 */
import { quarterPeriod, monthPeriod, type Period } from '../../core/format/period.js';
import { fillYearOnYear, isCumulativeKind } from './growth-chart.read.js';
import type { GrowthPoint, GrowthSeries } from './growth-chart.types.js';

/**
 * Single-period values from a cumulative series: Q1 = 1—3月, Q3 = 1—9月 − 1—6月 (quarterly data), or single months
 * from monthly year-to-date data. A missing neighbour leaves a gap. Growth of the derived values is computed from
 * derived values a year apart (nominal); published cumulative rates cannot be differenced and are not carried, except
 * the year's first period's (Q1 is 1—3月: its published rate is the quarter's).
 * A series that is not cumulative is returned unchanged.
 */
export function deriveSinglePeriods(series: GrowthSeries): GrowthSeries {
  if (series.basis !== 'cumulative') return series;
  const cum = series.points.filter((p) => isCumulativeKind(p.period));
  const quarterly = cum.every((p) => p.period.endMonth % 3 === 0);
  const step = quarterly ? 3 : 1;
  const byEnd = new Map(cum.map((p) => [`${p.period.year}:${p.period.endMonth}`, p] as const));
  const out: GrowthPoint[] = [];
  for (const p of cum) {
    const { year, endMonth } = p.period;
    // Monthly data that starts the year with 1—2月 (NBS publishes January and February together): that period is
    // its own single period, kept as 1—2月.
    const janFeb = !quarterly && endMonth === 2 && !byEnd.has(`${year}:1`);
    const period: Period = quarterly ? quarterPeriod(year, endMonth / 3) : janFeb ? p.period : monthPeriod(year, endMonth);
    let value: number | null = null;
    let illustrative = p.illustrative;
    // The year's first period is its cumulative one (一季度 = 1—3月): it keeps its value and its published rate.
    const first = endMonth === step || janFeb;
    if (first) value = p.value;
    else {
      const prev = byEnd.get(`${year}:${endMonth - step}`);
      if (prev && p.value !== null && prev.value !== null) value = Math.round((p.value - prev.value) * 1e6) / 1e6;
      illustrative = illustrative || !!prev?.illustrative;
    }
    const point: GrowthPoint = first
      ? { period, value, growth: p.growth, growthBasis: p.growthBasis, growthComputed: p.growthComputed, derived: true, illustrative }
      : { period, value, growth: null, growthBasis: 'unknown', growthComputed: false, derived: true, illustrative };
    if (p.note) point.note = p.note;
    if (p.noteEn) point.noteEn = p.noteEn;
    out.push(point);
  }
  return fillYearOnYear({ ...series, basis: 'period', mixedBasis: false, points: out });
}

