/**
 * `value-growth`: value bars (the series sharing the first series' unit, side by side) with growth lines on a right
 * axis whose zero is aligned with the bars' zero. Without any value to draw the rates take the left axis.
 */
import { bandScale } from '../../common/scales.js';
import type { GrowthSeries } from '../growth-chart.types.js';
import { layoutFrame, periodLabels } from './axis.js';
import { summaryAmount, growthText, rankText, seriesName, unitTitle } from './format.js';
import { focusAnnotations, latestIndexOf, lineMarks, periodCategories, periodsOf, periodTable, type PeriodColumns } from './periods.js';
import { zeroExtent } from './scale.js';
import { axisNoteOf, basisOf, emptyModel, finishModel, hasRates, hasValues, prepare, type Prepared } from './series.js';
import type { Bar, GrowthModel, GrowthModelOptions, LegendItem } from './types.js';

export function buildValueGrowth(input: readonly GrowthSeries[], o: GrowthModelOptions): GrowthModel {
  const c = prepare(input, o);
  const { lang, T, visible } = c;
  // Bars: the series with values in the first such series' unit; lines: every series with rates.
  const barUnit = visible.find(hasValues)?.series.unit;
  const isBar = (p: Prepared) => p.series.unit === barUnit && hasValues(p);
  const barSeries = visible.filter(isBar);
  const lineSeries = visible.filter(hasRates);
  const legend: LegendItem[] = c.all.map((p) => ({ id: p.series.id, name: seriesName(p.series, lang), colorIndex: p.colorIndex, hidden: c.hidden.has(p.series.id), mark: isBar(p) ? 'bar-line' : 'line' }));

  const shown = [...new Set([...barSeries, ...lineSeries])];
  const periods = periodsOf(shown);
  if (!periods.length) return emptyModel(c, legend);
  const keys = periods.map((p) => p.key);
  const labels = periodLabels(periods, lang);

  // ── domains: values left, rates right; with no values to draw the rates take the left axis (no empty value axis) ──
  const values: number[] = [];
  const rates: number[] = [];
  for (const p of barSeries) for (const x of p.series.points) if (x.value !== null) values.push(x.value);
  for (const p of lineSeries) for (const x of p.series.points) if (x.growth !== null) rates.push(x.growth);
  const ratesOnly = barSeries.length === 0;
  const leftDomain = zeroExtent(ratesOnly ? rates : values);
  const rightDomain = !ratesOnly && lineSeries.length ? zeroExtent(rates) : undefined;

  const basis = basisOf(c, shown);
  const frame = layoutFrame({
    width: c.width,
    height: c.height,
    fs: c.fs,
    lang,
    keys,
    labels,
    periods,
    names: false,
    padding: [0.25, 0.15],
    leftDomain,
    rightDomain,
    leftIsRate: ratesOnly,
    leftUnit: barUnit,
    leftTitle: ratesOnly ? T.growthAxis(basis) : T.valueAxis(unitTitle(barUnit, lang), basis),
    rightTitle: rightDomain ? T.growthAxis(basis) : '',
  });

  const main = barSeries[0] ?? lineSeries[0] ?? visible[0];
  const latestIndex = latestIndexOf(main, keys);
  const selectedIndex = o.selected ? keys.indexOf(o.selected) : -1;

  // ── marks: bars of several series side by side within a period's band ──
  const bars: Bar[] = [];
  let illustrative = false;
  const inner = bandScale()
    .domain(barSeries.map((p) => p.series.id))
    .range([0, frame.bandwidth])
    .paddingInner(barSeries.length > 1 ? 0.1 : 0);
  const y0 = frame.yLeft(0);
  const barWidth = inner.bandwidth();
  for (const p of barSeries) {
    const id = p.series.id;
    const offset = inner(id) ?? 0;
    const first = p === barSeries[0];
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const pt = p.byKey.get(key);
      if (!pt || pt.value === null) continue;
      const yv = frame.yLeft(pt.value);
      illustrative ||= pt.illustrative;
      bars.push({
        seriesId: id,
        colorIndex: p.colorIndex,
        index: i,
        key,
        x: frame.x0(key) + offset,
        y: Math.min(yv, y0),
        width: barWidth,
        height: Math.abs(yv - y0),
        value: pt.value,
        negative: pt.value < 0,
        illustrative: pt.illustrative,
        latest: i === latestIndex && first,
        active: i === selectedIndex,
      });
    }
  }
  const marks = lineMarks({
    series: lineSeries,
    keys,
    frame,
    y: frame.yRight ?? frame.yLeft,
    axis: frame.yRight ? 'right' : 'left',
    read: (pt) => pt.growth,
    nominalCounts: true,
    latestIndex,
    selectedIndex,
  });

  // ── text ──
  const cols: PeriodColumns = { value: (p) => barSeries.includes(p), growth: true };
  const tipSeries = visible.filter((p) => barSeries.includes(p) || lineSeries.includes(p));
  const { categories, notes } = periodCategories(c, keys, labels, frame, tipSeries, cols);
  const focus = selectedIndex >= 0 ? selectedIndex : latestIndex;
  const { annotations, rank } = focusAnnotations(c, main, keys, focus, latestIndex, frame, bars, marks.lines);

  const summary = (): string => {
    if (!main || focus < 0) return T.noData;
    const pt = main.byKey.get(keys[focus]);
    if (!pt) return T.noData;
    const amount = barSeries.includes(main) && pt.value !== null ? summaryAmount(pt.value, main.series.unit, lang) : '';
    let s = T.summaryValue(labels.long[focus], seriesName(main.series, lang), amount, growthText(pt, T, lang));
    const rk = rankText(pt, T, lang);
    if (rk && pt.growth !== null) s += (lang === 'zh-CN' ? '，' : '; ') + T.rankGrowth(rk);
    if (pt.illustrative) s += T.illustrativeTail;
    return s;
  };

  return finishModel(c, {
    frame,
    categories,
    bars,
    lines: marks.lines,
    annotations,
    legend,
    notes,
    axisNote: axisNoteOf(basis, T),
    summary,
    table: () => periodTable(c, keys, labels, tipSeries, cols),
    illustrative: illustrative || marks.illustrative,
    nominal: marks.nominal,
    rank,
    selectedIndex,
    latestIndex,
  });
}
