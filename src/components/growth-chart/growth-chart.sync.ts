/**
 * Updates of the growth chart's marks without animation (issue 16: not in the first load; it comes with
 * growth-chart.more.ts, loaded right after the first picture): keyed by series and period, existing nodes kept and
 * only changed values written (compared with the values growth-chart.plot.ts's helpers recorded on each node).
 */
import { COLORS, num } from './growth-chart.dom.js';
import type { Bar, GrowthModel } from './model/types.js';
import { attr, buildMarks, clone, make, type Cached, type Dot } from './growth-chart.plot.js';

/**
 * A detached mark carrying the attributes most marks of a series share (its usual class and series id), cloned for
 * each new mark: one clone instead of a createElementNS and two setAttribute calls per node. The clone's record of
 * written values starts as the prototype's, so `attr` writes only what differs.
 */
function prototype(tag: string, cls: string, seriesId: string): Element {
  const el = make(tag, cls);
  attr(el, 'data-series', seriesId);
  return el;
}

/**
 * Marks without animation: one group per series (keyed by id) in each layer, bars and dots keyed by period, the same
 * nodes, classes, attributes and bound data (`__data__`, which the keyed d3 joins of animated updates read) as the
 * animated path leaves. Existing nodes are kept and only changed values written.
 */
export function syncMarks(target: SVGGElement, m: GrowthModel): void {
  if (!target.firstChild) return buildMarks(target, m);
  const root = target;
  const layer = (name: string): Element => {
    for (let el = root.firstChild; el; el = el.nextSibling) if ((el as Element).getAttribute?.('class') === name) return el as Element;
    const g = make('g', name);
    root.appendChild(g);
    return g;
  };
  const barLayer = layer('bar-layer');
  const lineLayer = layer('line-layer');
  const dotLayer = layer('dot-layer');
  const compare = m.kind === 'compare' ? ' compare' : '';

  /**
   * Keyed children of `parent` (key from their bound data), in the order of `items`. The usual update (the same
   * series and periods, new values) finds every node where it was: children whose bound data has the item's key
   * (`same`) are walked in step with the items, no key strings and no map; from the first difference on, the rest is
   * matched by key.
   */
  function keyed<T>(parent: Element, items: readonly T[], key: (d: T) => string, same: (a: T, b: T) => boolean, tag: string, draw: (el: Element, d: T) => void, proto?: () => Element): void {
    let at = parent.firstElementChild;
    let i = 0;
    for (; i < items.length && at; i++, at = at.nextElementSibling) {
      const old = (at as Cached).__data__ as T | undefined;
      const d = items[i];
      if (old === undefined || !same(old, d)) break;
      (at as Cached).__data__ = d;
      draw(at, d);
    }
    if (i === items.length && !at) return;
    let model: Element | undefined; // the prototype, made when the first new mark needs it
    const old = new Map<string, Element>();
    for (let el = at; el; el = el.nextElementSibling) {
      const d = (el as Cached).__data__ as T | undefined;
      if (d !== undefined) old.set(key(d), el);
    }
    for (; i < items.length; i++) {
      const d = items[i];
      const k = key(d);
      let el = old.get(k);
      if (el) old.delete(k);
      else el = proto ? clone((model ??= proto())) : make(tag);
      (el as Cached).__data__ = d;
      draw(el, d);
      if (el !== at) parent.insertBefore(el, at);
      else at = at.nextElementSibling;
    }
    for (const el of old.values()) el.remove();
  }
  const groupsOf = (items: readonly { seriesId: string; colorIndex: number }[]): [string, number][] => {
    const seen = new Map<string, number>();
    for (const it of items) if (!seen.has(it.seriesId)) seen.set(it.seriesId, it.colorIndex);
    return [...seen];
  };
  const byId = <T extends { seriesId: string }>(items: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const it of items) {
      const list = map.get(it.seriesId);
      if (list) list.push(it);
      else map.set(it.seriesId, [it]);
    }
    return map;
  };
  const markKey = (d: { seriesId: string; key: string }) => `${d.seriesId}|${d.key}`;
  const sameMark = (a: { seriesId: string; key: string }, b: { seriesId: string; key: string }) => a.key === b.key && a.seriesId === b.seriesId;
  const sameGroup = (a: [string, number], b: [string, number]) => a[0] === b[0];

  const bars = byId(m.bars);
  keyed(barLayer, groupsOf(m.bars), (d) => d[0], sameGroup, 'g', (g, d) => {
    attr(g, 'class', `bars s${d[1] % COLORS}`);
    attr(g, 'data-series', d[0]);
    keyed(g, bars.get(d[0]) ?? [], markKey, sameMark, 'rect', (el, b: Bar) => {
      attr(el, 'class', `bar${b.negative ? ' neg' : ''}${compare}${b.latest ? ' latest' : ''}${b.active ? ' active' : ''}${b.illustrative ? ' illustrative' : ''}`);
      attr(el, 'data-key', b.key);
      attr(el, 'data-series', b.seriesId);
      attr(el, 'x', num(b.x));
      attr(el, 'y', num(b.y));
      attr(el, 'width', num(b.width));
      attr(el, 'height', num(b.height));
    }, () => prototype('rect', `bar${compare}`, d[0]));
  });
  keyed(lineLayer, m.lines, (d) => d.seriesId, (a, b) => a.seriesId === b.seriesId, 'path', (el, l) => {
    attr(el, 'class', `line c${l.colorIndex % COLORS}`);
    attr(el, 'data-series', l.seriesId);
    attr(el, 'd', l.d);
  });
  const dots = new Map<string, Dot[]>();
  for (const l of m.lines) dots.set(l.seriesId, l.points.map((p) => ({ ...p, seriesId: l.seriesId, colorIndex: l.colorIndex })));
  keyed(dotLayer, groupsOf(m.lines), (d) => d[0], sameGroup, 'g', (g, d) => {
    attr(g, 'class', `dots s${d[1] % COLORS}`);
    attr(g, 'data-series', d[0]);
    keyed(g, dots.get(d[0]) ?? [], markKey, sameMark, 'circle', (el, p: Dot) => {
      attr(el, 'class', `dot${p.illustrative || p.nominal ? ' hollow' : ''}${p.latest ? ' latest' : ''}`);
      attr(el, 'data-key', p.key);
      attr(el, 'data-series', p.seriesId);
      attr(el, 'cx', num(p.x));
      attr(el, 'cy', num(p.y));
      attr(el, 'r', p.latest || p.active ? '4.5' : '3');
    }, () => prototype('circle', 'dot', d[0]));
  });
}
