/** `trend`: one line per series over the periods, of growth rates (default) or of values in the first series' unit. */
import type { GrowthMeasure, GrowthSeries } from '../growth-chart.types.js';
import { layoutFrame, periodLabels } from './axis.js';
import { summaryAmount, pctText, seriesName, unitTitle } from './format.js';
import { focusAnnotations, latestIndexOf, lineMarks, periodCategories, periodsOf, periodTable, type PeriodColumns } from './periods.js';
import { zeroExtent } from './scale.js';
import { axisNoteOf, basisOf, emptyModel, finishModel, hasRates, hasValues, prepare } from './series.js';
import type { GrowthModel, GrowthModelOptions, LegendItem } from './types.js';

export function buildTrend(input: readonly GrowthSeries[], o: GrowthModelOptions): GrowthModel {
  const c = prepare(input, o);
  const { lang, T, visible } = c;
  const measure: GrowthMeasure = o.measure ?? 'growth';
  const growth = measure !== 'value';
  const unit = visible.find(hasValues)?.series.unit;
  const lineSeries = visible.filter((p) => (growth ? hasRates(p) : p.series.unit === unit && hasValues(p)));
  const legend: LegendItem[] = c.all.map((p) => ({ id: p.series.id, name: seriesName(p.series, lang), colorIndex: p.colorIndex, hidden: c.hidden.has(p.series.id), mark: 'line' }));

  const periods = periodsOf(lineSeries);
  if (!periods.length) return emptyModel(c, legend);
  const keys = periods.map((p) => p.key);
  const labels = periodLabels(periods, lang);

  const read = (pt: { value: number | null; growth: number | null }) => (growth ? pt.growth : pt.value);
  const plotted: number[] = [];
  for (const p of lineSeries) for (const x of p.series.points) {
    const v = read(x);
    if (v !== null) plotted.push(v);
  }
  const basis = basisOf(c, lineSeries);
  const frame = layoutFrame({
    width: c.width,
    height: c.height,
    fs: c.fs,
    lang,
    keys,
    labels,
    periods,
    names: false,
    padding: [0, 0],
    leftDomain: zeroExtent(plotted),
    leftIsRate: growth,
    leftUnit: unit,
    leftTitle: growth ? T.growthAxis(basis) : T.valueAxis(unitTitle(unit, lang), basis),
    rightTitle: '',
  });

  const main = lineSeries[0] ?? visible[0];
  const latestIndex = latestIndexOf(main, keys);
  const selectedIndex = o.selected ? keys.indexOf(o.selected) : -1;
  const { lines, illustrative, nominal } = lineMarks({ series: lineSeries, keys, frame, y: frame.yLeft, axis: 'left', read, nominalCounts: growth, latestIndex, selectedIndex });

  const cols: PeriodColumns = { value: () => !growth, growth };
  const { categories, notes } = periodCategories(c, keys, labels, frame, lineSeries, cols);
  const focus = selectedIndex >= 0 ? selectedIndex : latestIndex;
  const { annotations, rank } = focusAnnotations(c, main, keys, focus, latestIndex, frame, [], lines);

  // From the first point to the selected (or last) one of the main series.
  const summary = (): string => {
    if (!main) return T.noData;
    const pts = lines.find((l) => l.seriesId === main.series.id)?.points ?? [];
    if (!pts.length) return T.noData;
    const a = pts[0];
    const b = selectedIndex >= 0 ? pts.find((q) => q.index === selectedIndex) ?? pts[pts.length - 1] : pts[pts.length - 1];
    const fmt = (v: number) => (growth ? pctText(v, lang) : summaryAmount(v, main.series.unit, lang));
    const more = lineSeries.length > 1 ? T.andMore(lineSeries.length) : '';
    const tail = pts.some((q) => q.illustrative) ? T.illustrativeTail : '';
    return T.summaryTrend(labels.long[a.index], labels.long[b.index], seriesName(main.series, lang), growth ? T.growthWord : T.valueWord, fmt(a.value), fmt(b.value)) + more + tail;
  };

  return finishModel(c, {
    frame,
    categories,
    bars: [],
    lines,
    annotations,
    legend,
    notes,
    axisNote: axisNoteOf(basis, T),
    summary,
    table: () => periodTable(c, keys, labels, lineSeries, cols),
    illustrative,
    nominal,
    rank,
    selectedIndex,
    latestIndex,
  });
}
