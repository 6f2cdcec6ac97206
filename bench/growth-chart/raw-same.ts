// Same-picture raw d3 baseline for the growth chart bench: what an expert writes with d3 to draw what
// <civic-growth-chart kind="value-growth"> shows in its first picture of the bench data (listed from its shadow root):
//   - the "示例数据" badge (title: the illustrative note) above the chart,
//   - a focusable plot (role group, roledescription "增长图表", described by a visually hidden keyboard hint; arrow keys
//     move a highlighted period) holding one SVG: hatch pattern, gridlines (one path), left and right tick labels with
//     both axes' titles, the two y axes aligned at 0, 40 hatched bars (latest outlined), the growth line, 40 hollow
//     dots, the zero line, year labels on x and the "最新" mark over the latest bar,
//   - an HTML legend: one <button aria-pressed> per series (bar and line swatches, name; click toggles the series) and
//     the illustrative-data note with its hatch swatch,
//   - the notes list under the chart (the series basis, "当期值").
// One join per layer; static parts are built once (the frame in the constructor, the rest with the first draw, or in
// the constructor too with `skeleton`); styles are one page stylesheet (added once); the box width is read before the
// first nodes go in (no forced layout of a half-built chart), a ResizeObserver redraws.
import { select, type Selection } from 'd3-selection';
import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';

export interface SamePt {
  period: string;
  value: number;
  growth: number;
  illustrative: boolean;
}
export interface SameSeries {
  id: string;
  name: string;
  unit: string;
  points: SamePt[];
}

export const ILLUSTRATIVE_NOTE = '含示例数据（非官方统计）';
export const BASIS_NOTE = '当期值';
const HINT = '用方向键在时期之间移动，回车键选中';
const PLOT_HEIGHT = 256; // px, also in the stylesheet
const CJK = `"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", system-ui, -apple-system, "Segoe UI", sans-serif`;

// The element's light-theme colours and sizes, as one page stylesheet.
const css = `
.gcs { margin: 0; display: flex; flex-direction: column; gap: 4px; color: #1f2933; background: #fff; font-family: ${CJK}; }
.gcs [hidden] { display: none !important; }
.gcs .badge { align-self: flex-start; padding: 0 4px; font-size: 12px; line-height: 1.6; color: #8a5a00; border: 1px dashed; border-radius: 4px; white-space: nowrap; }
.gcs .plot { position: relative; height: ${PLOT_HEIGHT}px; font-size: 12px; outline: none; }
.gcs .plot:focus-visible, .gcs button:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 2px; }
.gcs svg { display: block; overflow: visible; font-family: "DIN Alternate", "Roboto Mono", ${CJK}; }
.gcs .grid { fill: none; stroke: #e4e7eb; }
.gcs .axis { fill: #52606d; }
.gcs .zero { stroke: #cbd2d9; stroke-width: 1.5; }
.gcs .bars { fill: #0072b2; }
.gcs .bars .latest { stroke: #1f2933; stroke-width: 1.5; }
.gcs .bars .active { filter: brightness(1.15); }
.gcs .line { fill: none; stroke: #1f2933; stroke-width: 2; stroke-linejoin: round; }
.gcs .dots { fill: #fff; stroke: #1f2933; stroke-width: 1.5; }
.gcs .annotation { fill: #52606d; text-anchor: middle; }
.gcs .vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.gcs .legend { display: flex; flex-wrap: wrap; gap: 0 8px; margin: 0; padding: 0; list-style: none; font-size: 12px; }
.gcs .legend button { font: inherit; color: inherit; background: none; border: 0; cursor: pointer; min-height: 24px; display: inline-flex; align-items: center; gap: 4px; padding: 0 4px; }
.gcs .legend button[aria-pressed='false'] { color: #52606d; text-decoration: line-through; }
.gcs .legend button[aria-pressed='false'] .sw { opacity: 0.3; }
.gcs .sw { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 2px; background: #0072b2; }
.gcs .sw.ln { height: 0.2em; background: #1f2933; }
.gcs .note { color: #52606d; }
.gcs .hatch { display: inline-block; width: 1.2em; height: 0.8em; background: repeating-linear-gradient(45deg, #8a5a00 0 2px, transparent 2px 5px); border: 1px solid #8a5a00; }
.gcs .notes { margin: 0; padding: 0; list-style: none; font-size: 12px; color: #52606d; }
`;
document.head.append(Object.assign(document.createElement('style'), { textContent: css }));

/** Extends both [lo, hi] domains (lo ≤ 0 ≤ hi) downwards so that 0 sits at the same height on both y axes. */
export function alignZero(a: number[], b: number[]): void {
  const below = Math.max(-a[0] / (a[1] - a[0] || 1), -b[0] / (b[1] - b[0] || 1));
  for (const d of [a, b]) if (d[1] > 0) d[0] = Math.min(d[0], (-below * d[1]) / (1 - below));
}

type G = Selection<SVGGElement, unknown, null, undefined>;
let uid = 0;

export class RawSameChart {
  private fig: Selection<HTMLElement, unknown, null, undefined>;
  private plot: Selection<HTMLDivElement, unknown, null, undefined>;
  private svg!: Selection<SVGSVGElement, unknown, null, undefined>;
  private badge!: Selection<HTMLSpanElement, unknown, null, undefined>;
  private grid!: Selection<SVGPathElement, unknown, null, undefined>;
  private gLeft!: G;
  private gRight!: G;
  private gBars!: G;
  private gLine!: G;
  private gDots!: G;
  private zero!: Selection<SVGLineElement, unknown, null, undefined>;
  private gX!: G;
  private gNote!: G;
  private titleLeft!: Selection<SVGTextElement, unknown, null, undefined>;
  private titleRight!: Selection<SVGTextElement, unknown, null, undefined>;
  private legend!: Selection<HTMLUListElement, unknown, null, undefined>;
  private axisNote!: Selection<HTMLLIElement, unknown, null, undefined>;
  private notes!: Selection<HTMLUListElement, unknown, null, undefined>;
  private hatch: string;
  private hidden = new Set<string>();
  private series: SameSeries[] = [];
  private active = -1;
  private width: number;

  /**
   * The chart's data-independent frame, what the page builds when it loads (before data; the bench's timer starts
   * after it, see page.ts "Frame"): the box's width, read before anything is added to it, and a ResizeObserver (its
   * first report at the current width is skipped), the figure, the focusable plot div (role, roledescription,
   * describedby, key handler) and its visually hidden keyboard hint — the counterparts of what <civic-growth-chart>
   * renders when connected without data. `skeleton`: also the SVG, its pattern and empty layer groups, the badge, the
   * legend and notes lists (else the first draw() builds them).
   */
  constructor(host: HTMLElement, skeleton = false) {
    const id = ++uid;
    this.width = host.getBoundingClientRect().width;
    new ResizeObserver(([e]) => {
      const w = e.contentRect.width;
      if (w && w !== this.width && this.series.length) {
        this.width = w;
        this.draw(this.series);
      }
    }).observe(host);
    this.hatch = `gcs-hatch-${id}`;
    this.fig = select(host).append('figure').attr('class', 'gcs');
    this.plot = this.fig
      .append('div')
      .attr('class', 'plot')
      .attr('role', 'group')
      .attr('tabindex', 0)
      .attr('aria-roledescription', '增长图表')
      .attr('aria-describedby', `gcs-hint-${id}`)
      .on('keydown', (e: KeyboardEvent) => this.key(e));
    this.plot.append('span').attr('class', 'vh').attr('id', `gcs-hint-${id}`).text(HINT);
    if (skeleton) this.build();
  }

  /** The static parts inside the frame: badge, SVG with its pattern and empty layers, legend and notes lists. */
  private build(): void {
    this.badge = this.fig.insert('span', '.plot').attr('class', 'badge').attr('title', ILLUSTRATIVE_NOTE).text('示例数据');
    this.svg = this.plot.insert('svg', '.vh').attr('aria-hidden', 'true');
    const p = this.svg.append('pattern').attr('id', this.hatch).attr('width', 6).attr('height', 6).attr('patternUnits', 'userSpaceOnUse').attr('patternTransform', 'rotate(45)');
    p.append('rect').attr('width', 6).attr('height', 6).attr('fill', '#0072b2');
    p.append('line').attr('y2', 6).attr('stroke', '#fff').attr('stroke-width', 2.5).attr('stroke-opacity', 0.75);
    this.grid = this.svg.append('path').attr('class', 'grid');
    this.gLeft = this.svg.append('g').attr('class', 'axis').attr('text-anchor', 'end');
    this.gRight = this.svg.append('g').attr('class', 'axis');
    this.titleLeft = this.gLeft.append('text').attr('text-anchor', 'start').attr('y', 20);
    this.titleRight = this.gRight.append('text').attr('text-anchor', 'end').attr('y', 20);
    this.gBars = this.svg.append('g').attr('class', 'bars');
    this.gLine = this.svg.append('g');
    this.gDots = this.svg.append('g').attr('class', 'dots');
    this.zero = this.svg.append('line').attr('class', 'zero');
    this.gX = this.svg.append('g').attr('class', 'axis').attr('text-anchor', 'middle');
    this.gNote = this.svg.append('g').attr('class', 'annotation');
    this.legend = this.fig.append('ul').attr('class', 'legend');
    this.axisNote = this.legend.append('li').attr('class', 'note');
    this.axisNote.append('span').attr('class', 'hatch').attr('aria-hidden', 'true');
    this.axisNote.append('span').text(` ${ILLUSTRATIVE_NOTE}`);
    this.notes = this.fig.append('ul').attr('class', 'notes');
  }

  draw(series: SameSeries[]): void {
    if (!this.svg) this.build();
    this.series = series;
    const s = series[0];
    const pts = this.hidden.has(s.id) ? [] : s.points;
    const width = this.width;
    const height = PLOT_HEIGHT;
    const m = { t: 40, r: 24, b: 26, l: 32 };
    this.svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    const x = scaleBand<string>().domain(s.points.map((d) => d.period)).range([m.l, width - m.r]).paddingInner(0.25).paddingOuter(0.15);
    const bw = x.bandwidth();
    const cx = (d: SamePt) => (x(d.period) ?? 0) + bw / 2;
    const vd = scaleLinear().domain([0, Math.max(...s.points.map((d) => d.value))]).nice(5).domain();
    const gd = scaleLinear().domain([Math.min(0, ...s.points.map((d) => d.growth)), Math.max(0, ...s.points.map((d) => d.growth))]).nice(5).domain();
    alignZero(vd, gd);
    const yv = scaleLinear().domain(vd).range([height - m.b, m.t]);
    const yg = scaleLinear().domain(gd).range([height - m.b, m.t]);
    const vt = yv.ticks(5);
    this.grid.attr('d', vt.map((t) => `M${m.l},${yv(t)}H${width - m.r}`).join(''));
    this.gLeft.selectAll('text.tick').data(vt).join('text').attr('class', 'tick').attr('x', m.l - 6).attr('y', yv).attr('dy', '0.32em').text(String);
    this.gRight.selectAll('text.tick').data(yg.ticks(5)).join('text').attr('class', 'tick').attr('x', width - m.r + 6).attr('y', yg).attr('dy', '0.32em').text(String);
    this.titleLeft.attr('x', m.l - 6).text(`当期值（${s.unit}）`);
    this.titleRight.attr('x', width - m.r + 6).text('同比增速（%）');
    const last = pts.length - 1;
    this.gBars
      .selectAll('rect')
      .data(pts, (d) => (d as SamePt).period)
      .join('rect')
      .attr('x', (d) => x(d.period) ?? 0)
      .attr('width', bw)
      .attr('y', (d) => yv(d.value))
      .attr('height', (d) => yv(0) - yv(d.value))
      .attr('fill', (d) => (d.illustrative ? `url(#${this.hatch})` : null))
      .classed('latest', (_, i) => i === last);
    const path = line<SamePt>().x(cx).y((d) => yg(d.growth));
    this.gLine.selectAll('path').data(pts.length ? [pts] : []).join('path').attr('class', 'line').attr('d', path);
    this.gDots.selectAll('circle').data(pts, (d) => (d as SamePt).period).join('circle').attr('r', 3).attr('cx', cx).attr('cy', (d) => yg(d.growth));
    this.zero.attr('x1', m.l).attr('x2', width - m.r).attr('y1', yv(0)).attr('y2', yv(0));
    // quarterly data: one label per year, centred under its four bars
    const yearW = 3 * x.step() + bw;
    this.gX
      .selectAll('text')
      .data(s.points.filter((d) => d.period.endsWith('Q1')))
      .join('text')
      .attr('x', (d) => (x(d.period) ?? 0) + yearW / 2)
      .attr('y', height - m.b + 16)
      .text((d) => `${d.period.slice(0, 4)}年`);
    this.gNote
      .selectAll('text')
      .data(pts.slice(last))
      .join('text')
      .attr('x', cx)
      .attr('y', (d) => Math.min(yv(d.value), yg(d.growth)) - 8)
      .text('最新');
    const illustrative = s.points.some((d) => d.illustrative);
    this.badge.property('hidden', !illustrative);
    this.axisNote.property('hidden', !illustrative);
    this.legend
      .selectAll<HTMLLIElement, SameSeries>('li.s')
      .data(series, (d) => d.id)
      .join((enter) => {
        const li = enter.insert('li', '.note').attr('class', 's');
        const b = li.append('button').attr('type', 'button').on('click', (_, d) => this.toggle(d.id));
        b.append('span').attr('class', 'sw').attr('aria-hidden', 'true');
        b.append('span').attr('class', 'sw ln').attr('aria-hidden', 'true');
        b.append('span');
        return li;
      })
      .select('button')
      .attr('aria-pressed', (d) => String(!this.hidden.has(d.id)))
      .attr('title', (d) => `显示或隐藏${d.name}`)
      .select('span:last-child')
      .text((d) => d.name);
    this.notes.selectAll('li').data([BASIS_NOTE]).join('li').text(String);
  }

  private toggle(id: string): void {
    if (!this.hidden.delete(id)) this.hidden.add(id);
    this.draw(this.series);
  }

  /** Arrow keys move the highlighted period; Enter announces it (a `period-select` event). */
  private key(e: KeyboardEvent): void {
    const pts = this.series[0]?.points ?? [];
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      this.active = Math.max(0, Math.min(pts.length - 1, this.active + (e.key === 'ArrowRight' ? 1 : -1)));
      this.gBars.selectAll('rect').classed('active', (_, i) => i === this.active);
    } else if (e.key === 'Enter' && pts[this.active]) {
      this.plot.node()!.dispatchEvent(new CustomEvent('period-select', { detail: pts[this.active].period, bubbles: true }));
    }
  }
}
