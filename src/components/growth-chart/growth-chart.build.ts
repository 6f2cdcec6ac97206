/**
 * The growth chart's first picture of its marks (split out of growth-chart.plot.ts): bars, lines and dots built
 * straight into a fragment; growth-chart.sync.ts updates them.
 */
import type { GrowthModel, LinePoint } from './model/types.js';
import { COLORS, node, num } from './growth-chart.dom.js';

/** A dot's bound data: its line point with its series. */
export type Dot = LinePoint & { seriesId: string; colorIndex: number };

/**
 * The first picture's marks, built straight into a fragment (no keyed matching: nothing to match): the same nodes,
 * attributes, records and bound data as syncMarks' keyed path (growth-chart.sync.ts) leaves, so later updates go
 * through it unchanged. Each mark is made with createElementNS and its attributes in one go (`node`): in a first picture
 * (code and caches cold, once per chart) that measured cheaper than cloning a per-class prototype and keeping a map of them.
 */
export function buildMarks(target: SVGGElement, m: GrowthModel): void {
  const root = document.createDocumentFragment();
  const barLayer = root.appendChild(node('g', { class: 'bar-layer' }));
  const lineLayer = root.appendChild(node('g', { class: 'line-layer' }));
  const dotLayer = root.appendChild(node('g', { class: 'dot-layer' }));
  const compare = m.kind === 'compare' ? ' compare' : '';
  const group = (layer: Element, cls: string, id: string, colorIndex: number): Element => layer.appendChild(node('g', { class: `${cls} s${colorIndex % COLORS}`, 'data-series': id }, [id, colorIndex]));
  // Bars come grouped by series (the model lists each series' bars together): a new group when the series changes.
  const barGroups = new Map<string, Element>();
  let g: Element | undefined;
  let gId = '';
  for (const b of m.bars) {
    const id = b.seriesId;
    if (!g || id !== gId) {
      gId = id;
      g = barGroups.get(id);
      if (!g) barGroups.set(id, (g = group(barLayer, 'bars', id, b.colorIndex)));
    }
    const cls = `bar${b.negative ? ' neg' : ''}${compare}${b.latest ? ' latest' : ''}${b.active ? ' active' : ''}${b.illustrative ? ' illustrative' : ''}`;
    g.appendChild(node('rect', { class: cls, 'data-series': id, width: num(b.width), 'data-key': b.key, x: num(b.x), y: num(b.y), height: num(b.height) }, b));
  }
  const dotGroups = new Map<string, Element>();
  for (const l of m.lines) {
    lineLayer.appendChild(node('path', { class: `line c${l.colorIndex % COLORS}`, 'data-series': l.seriesId, d: l.d }, l));
    const id = l.seriesId;
    let dots = dotGroups.get(id);
    if (!dots) dotGroups.set(id, (dots = group(dotLayer, 'dots', id, l.colorIndex)));
    for (const p of l.points) {
      const cls = `dot${p.illustrative || p.nominal ? ' hollow' : ''}${p.latest ? ' latest' : ''}`;
      const r = p.latest || p.active ? '4.5' : '3';
      dots.appendChild(node('circle', { class: cls, 'data-series': id, r, 'data-key': p.key, cx: num(p.x), cy: num(p.y) }, { ...p, seriesId: id, colorIndex: l.colorIndex } satisfies Dot));
    }
  }
  target.appendChild(root);
}
