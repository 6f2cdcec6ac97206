/**
 * `compare`: the growth of each indicator in one period (the selected one, else the latest with rates) as bars, in
 * the given order or sorted, with ranks over the bars and an optional reference line (a target or the city average).
 */
import { formatExact, isNumber, NO_VALUE } from '../../../core/format/number.js';
import { periodLabel, periodRange } from '../../../core/format/period.js';
import type { GrowthPoint, GrowthSeries } from '../growth-chart.types.js';
import { layoutFrame } from './axis.js';
import { CSV_HEAD, flagsText, noteCell, noteMark, noteOf, pctText, rankText, sepOf, seriesName, toCsv } from './format.js';
import { csvRow } from './periods.js';
import { zeroExtent } from './scale.js';
import { axisNoteOf, basisOf, emptyModel, finishModel, LazyCategory, prepare, type Prepared } from './series.js';
import type { Annotation, Bar, Category, GrowthModel, GrowthModelOptions, LegendItem, TooltipRow } from './types.js';

export function buildCompare(input: readonly GrowthSeries[], o: GrowthModelOptions): GrowthModel {
  const c = prepare(input, o);
  const { lang, T, visible, fs } = c;
  const legend: LegendItem[] = c.all.map((p) => ({ id: p.series.id, name: seriesName(p.series, lang), colorIndex: p.colorIndex, hidden: c.hidden.has(p.series.id), mark: 'bar' }));

  // ── the period compared, and one category per visible series ──
  const withGrowth = visible.flatMap((p) => p.series.points.filter((x) => x.growth !== null).map((x) => x.period));
  const period = (o.selected ? withGrowth.find((p) => p.key === o.selected) : undefined) ?? periodRange(withGrowth).pop();
  if (!period) return emptyModel(c, legend);
  let rows: { prep: Prepared; point?: GrowthPoint }[] = visible.map((prep) => ({ prep, point: prep.byKey.get(period.key) }));
  if (o.sort === 'desc' || o.sort === 'asc') {
    const g = (r: (typeof rows)[number]) => (r.point && isNumber(r.point.growth) ? r.point.growth : NaN);
    const dir = o.sort === 'desc' ? -1 : 1;
    rows = rows.slice().sort((a, b) => {
      const ga = g(a);
      const gb = g(b);
      if (Number.isNaN(ga)) return Number.isNaN(gb) ? 0 : 1;
      if (Number.isNaN(gb)) return -1;
      return dir * (ga - gb);
    });
  }
  const keys = rows.map((r) => r.prep.series.id);
  const names = rows.map((r) => seriesName(r.prep.series, lang));
  const periodText = periodLabel(period, lang);

  const rates: number[] = [];
  for (const r of rows) if (r.point && r.point.growth !== null) rates.push(r.point.growth);
  if (isNumber(o.reference)) rates.push(o.reference);
  const basis = basisOf(c, rows.map((r) => r.prep));
  const frame = layoutFrame({
    width: c.width,
    height: c.height,
    fs,
    lang,
    keys,
    labels: { long: names, short: names, yearChange: names.map(() => false) },
    periods: [],
    names: true,
    padding: [0.25, 0.15],
    leftDomain: zeroExtent(rates),
    leftIsRate: true,
    leftTitle: `${T.growthAxis(basis)} · ${periodText}`, // which period is compared
    rightTitle: '',
  });

  // ── bars ──
  const bars: Bar[] = [];
  let illustrative = false;
  let nominal = false;
  const y0 = frame.yLeft(0);
  rows.forEach((r, i) => {
    const pt = r.point;
    if (!pt || pt.growth === null) return;
    const yv = frame.yLeft(pt.growth);
    illustrative ||= pt.illustrative;
    nominal ||= pt.growthBasis === 'nominal';
    bars.push({
      seriesId: r.prep.series.id,
      colorIndex: r.prep.colorIndex,
      index: i,
      key: keys[i],
      x: frame.x0(keys[i]),
      y: Math.min(yv, y0),
      width: frame.bandwidth,
      height: Math.abs(yv - y0),
      value: pt.growth,
      negative: pt.growth < 0,
      illustrative: pt.illustrative,
      latest: false,
      active: false,
    });
  });

  // ── categories: tooltip (formatted on first read) and notes ──
  const sep = sepOf(lang);
  const notes: string[] = [];
  const tooltipFor = (i: number): Category['tooltip'] => {
    const { prep, point } = rows[i];
    const row = (text: string): TooltipRow => ({ seriesId: prep.series.id, colorIndex: prep.colorIndex, text });
    if (!point) return { title: `${names[i]} · ${periodText}`, rows: [row(`${T.growth}${sep}${NO_VALUE}`)] };
    const out = [row(`${T.growth}${sep}${pctText(point.growth, lang)}${flagsText(point, T, lang)}`)];
    const rk = rankText(point, T, lang);
    if (rk) out.push(row(rk));
    return { title: `${names[i]} · ${periodText}`, rows: out };
  };
  const categories = keys.map((key, i): Category => {
    const pt = rows[i].point;
    const text = noteOf(pt, lang);
    const catNotes: string[] = [];
    if (text) {
      const label = `${noteMark(notes.length)} ${names[i] + sep}${text}`;
      notes.push(label);
      catNotes.push(label);
    }
    return new LazyCategory(key, names[i], frame.center(i), frame.x0(key), frame.bandwidth, catNotes, !!pt?.illustrative, tooltipFor, i);
  });

  // ── ranks over the bars; the first ranked indicator's rank goes to the header badge ──
  const annotations: Annotation[] = [];
  let rank = '';
  rows.forEach((r, i) => {
    if (!r.point?.rank) return;
    const b = bars.find((bb) => bb.index === i);
    annotations.push({ kind: 'rank', index: i, x: frame.center(i), y: b ? (b.negative ? b.y + b.height + fs + 2 : b.y - 6) : y0 - 6, text: T.rankShort(r.point.rank.position) });
    if (!rank) rank = `${names[i]}${sep}${rankText(r.point, T, lang)}`;
  });
  const reference = isNumber(o.reference) ? { y: frame.yLeft(o.reference), value: o.reference, label: `${o.referenceLabel || T.reference} ${pctText(o.reference, lang)}` } : undefined;

  const summary = (): string => {
    const withG = rows.filter((r) => r.point && r.point.growth !== null);
    if (!withG.length) return T.noData;
    const tail = withG.some((r) => r.point!.illustrative) ? T.illustrativeTail : '';
    const name = (r: (typeof rows)[number]) => seriesName(r.prep.series, lang);
    if (withG.length === 1) return T.summaryCompareOne(periodText, name(withG[0]), pctText(withG[0].point!.growth, lang)) + tail;
    const sorted = withG.slice().sort((a, b) => b.point!.growth! - a.point!.growth!);
    const hi = sorted[0];
    const lo = sorted[sorted.length - 1];
    return T.summaryCompare(periodText, name(hi), pctText(hi.point!.growth, lang), name(lo), pctText(lo.point!.growth, lang)) + tail;
  };

  // ── table twin and CSV ──
  const table = () => {
    const head = [T.indicator, T.period, lang === 'zh-CN' ? `${T.growth}（%）` : `${T.growth} (%)`, T.notes];
    const csvRows: (string | number | boolean | null)[][] = [CSV_HEAD];
    const tableRows = rows.map((r, i) => {
      if (r.point) csvRows.push(csvRow(r.prep, r.point, c));
      const g = r.point?.growth ?? null;
      return [names[i], periodText, g === null ? NO_VALUE : formatExact(g, lang, 2), noteCell([r.point], T, lang)];
    });
    return { table: { head, rows: tableRows }, csv: toCsv(csvRows) };
  };

  return finishModel(c, {
    frame,
    categories,
    bars,
    lines: [],
    reference,
    annotations,
    legend,
    notes,
    axisNote: axisNoteOf(basis, T),
    summary,
    table,
    illustrative,
    nominal,
    rank,
    selectedIndex: -1,
    latestIndex: -1,
  });
}
