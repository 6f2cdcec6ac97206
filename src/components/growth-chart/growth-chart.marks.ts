/**
 * Redraws of the growth chart's marks with keyed d3 joins, animated with d3-transition from the previous geometry
 * (`dur` 0: the final geometry at once). Loaded on first use (issue 16: d3-selection, d3-transition, d3-interpolate and
 * d3-color are not in the first load): pictures without animation are built and updated directly (`syncMarks` in
 * growth-chart.plot.ts, with the same nodes and bound data these joins read), so a page whose chart never animates
 * never loads this module.
 */
import { select } from 'd3-selection';
import 'd3-transition'; // adds selection.transition() and selection.interrupt()
import { COLORS, num, setIf } from './growth-chart.dom.js';
import type { Bar, GrowthModel, LinePoint } from './growth-chart.model.js';

export function joinMarks(target: SVGGElement, m: GrowthModel, dur: number): void {
  const fresh = !target.firstChild;
  const root = select(fresh ? document.createElementNS('http://www.w3.org/2000/svg', 'g') : target);
  const zero = m.left?.zero ?? m.plot.y + m.plot.height;
  root.selectAll('*').interrupt();
  // One layer per mark type, created once in paint order (no re-ordering of nodes on updates).
  const layer = (name: string) => {
    const g = root.select<SVGGElement>(`g.${name}`);
    return g.empty() ? root.append('g').attr('class', name) : g;
  };
  const barLayer = layer('bar-layer');
  const lineLayer = layer('line-layer');
  const dotLayer = layer('dot-layer');
  const key = (d: { seriesId: string; key: string }) => `${d.seriesId}|${d.key}`;

  // Bars and dots sit in one group per series that carries the colour (fill/stroke inherit in SVG), so a mark
  // declares no custom properties of its own and a style recalc stays cheap.
  const seriesGroups = (g: typeof barLayer, cls: string, items: { seriesId: string; colorIndex: number }[]) => {
    const seen = new Map<string, number>();
    for (const it of items) if (!seen.has(it.seriesId)) seen.set(it.seriesId, it.colorIndex);
    return g
      .selectAll<SVGGElement, [string, number]>(`g.${cls}`)
      .data([...seen], (d) => d[0])
      .join('g')
      .each(function (d) {
        setIf(this, 'class', `${cls} s${d[1] % COLORS}`);
        setIf(this, 'data-series', d[0]);
      });
  };
  const bars = seriesGroups(barLayer, 'bars', m.bars)
    .selectAll<SVGRectElement, Bar>('rect.bar')
    .data((g) => m.bars.filter((b) => b.seriesId === g[0]), key)
    .join(
      // Entering bars grow from the zero line when animated; otherwise their geometry is set once below.
      (enter) => (dur > 0 ? enter.append('rect').attr('x', (d) => d.x).attr('width', (d) => d.width).attr('y', zero).attr('height', 0) : enter.append('rect')),
      (update) => update,
      (exit) => exit.remove(),
    )
    .each(function (d) {
      setIf(this, 'class', `bar${d.negative ? ' neg' : ''}${m.kind === 'compare' ? ' compare' : ''}${d.latest ? ' latest' : ''}${d.active ? ' active' : ''}${d.illustrative ? ' illustrative' : ''}`);
      setIf(this, 'data-key', d.key);
      setIf(this, 'data-series', d.seriesId);
    });
  const lines = lineLayer
    .selectAll<SVGPathElement, GrowthModel['lines'][number]>('path.line')
    .data(m.lines, (d) => d.seriesId)
    .join('path')
    .each(function (d) {
      setIf(this, 'class', `line c${d.colorIndex % COLORS}`);
      setIf(this, 'data-series', d.seriesId);
    });
  type Dot = LinePoint & { seriesId: string; colorIndex: number };
  const dotData: Dot[] = [];
  for (const l of m.lines) for (const p of l.points) dotData.push({ ...p, seriesId: l.seriesId, colorIndex: l.colorIndex });
  const dots = seriesGroups(dotLayer, 'dots', m.lines)
    .selectAll<SVGCircleElement, Dot>('circle.dot')
    .data((g) => dotData.filter((d) => d.seriesId === g[0]), key)
    .join(
      (enter) => (dur > 0 ? enter.append('circle').attr('cx', (d) => d.x).attr('cy', (d) => d.y).attr('r', 0) : enter.append('circle')),
      (update) => update,
      (exit) => exit.remove(),
    )
    .each(function (d) {
      setIf(this, 'class', `dot${d.illustrative || d.nominal ? ' hollow' : ''}${d.latest ? ' latest' : ''}`);
      setIf(this, 'data-key', d.key);
      setIf(this, 'data-series', d.seriesId);
    });

  const r = (d: Dot) => (d.latest || d.active ? 4.5 : 3);
  if (dur > 0) {
    // Per-selection transitions: a shared transition() would live on <html>, which nodes in a shadow root cannot inherit from.
    bars.transition().duration(dur).attr('x', (d) => d.x).attr('y', (d) => d.y).attr('width', (d) => d.width).attr('height', (d) => d.height);
    lines.transition().duration(dur).attr('d', (d) => d.d);
    dots.transition().duration(dur).attr('cx', (d) => d.x).attr('cy', (d) => d.y).attr('r', r);
  } else {
    const rect = function (this: SVGRectElement, d: Bar) {
      setIf(this, 'x', num(d.x));
      setIf(this, 'y', num(d.y));
      setIf(this, 'width', num(d.width));
      setIf(this, 'height', num(d.height));
    };
    bars.each(rect);
    lines.each(function (d) {
      setIf(this, 'd', d.d);
    });
    dots.each(function (d) {
      setIf(this, 'cx', num(d.x));
      setIf(this, 'cy', num(d.y));
      setIf(this, 'r', String(r(d)));
    });
  }
  if (fresh) target.append(...root.node()!.childNodes);
}
