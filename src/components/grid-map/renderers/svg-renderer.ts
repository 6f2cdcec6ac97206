/**
 * SVG renderer (`renderer="svg"`): the same picture as the canvas renderer as vector DOM — crisp in print and
 * exportable. Meant for small sets (hundreds of units); paths are built once per geometry and fit, a recolour only
 * sets `fill` attributes. Text is set with textContent, never markup.
 */
import { geoPath, geoTransform, type GeoPermissibleObjects } from 'd3-geo';
import { fitBox, inverseMercator, mercator, placeLabels, type Fit, type GridRenderer, type RendererOptions, type Scene, type SceneChange } from './renderer.js';

const NS = 'http://www.w3.org/2000/svg';

/** A new SVG element with these attributes (set in this order). */
function svgEl<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

export class SvgRenderer implements GridRenderer {
  readonly kind = 'svg' as const;
  private svg?: SVGSVGElement;
  private container?: HTMLElement;
  private scene?: Scene;
  private fit: Fit = { k: 1, tx: 0, ty: 0 };
  private width = 0;
  private height = 0;
  private builtFor?: { geo: unknown; fit: Fit; shown: unknown; outlines: unknown };
  private paths = new Map<number, SVGPathElement>();
  private gFill?: SVGGElement;
  private gOutline?: SVGGElement;
  private gTop?: SVGGElement;
  private gLabels?: SVGGElement;
  private bg?: SVGRectElement;

  constructor(_o: RendererOptions) {}

  async mount(container: HTMLElement): Promise<void> {
    this.container = container;
    const svg = svgEl('svg', { class: 'surface', 'aria-hidden': 'true' });
    const defs = svgEl('defs');
    const pat = svgEl('pattern', { id: 'civic-hatch', width: '8', height: '8', patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
    pat.append(svgEl('rect', { width: '8', height: '8' }), svgEl('line', { x1: '0', y1: '0', x2: '0', y2: '8', 'stroke-width': '2' }));
    defs.appendChild(pat);
    this.bg = svgEl('rect', { width: '100%', height: '100%' });
    this.gFill = svgEl('g');
    this.gOutline = svgEl('g', { fill: 'none' });
    this.gTop = svgEl('g', { fill: 'none' });
    this.gLabels = svgEl('g', { 'text-anchor': 'middle', 'dominant-baseline': 'central' });
    svg.append(defs, this.bg, this.gFill, this.gOutline, this.gTop, this.gLabels);
    container.appendChild(svg);
    this.svg = svg;
    this.measure();
  }

  private measure(): void {
    if (!this.container || !this.svg) return;
    this.width = Math.max(1, this.container.clientWidth);
    this.height = Math.max(1, this.container.clientHeight);
    this.svg.setAttribute('viewBox', `0 0 ${this.width} ${this.height}`);
  }

  update(scene: Scene, change: SceneChange): void {
    this.scene = scene;
    if (change.view || change.geometry) this.fit = fitBox(scene.bbox, this.width, this.height, scene.padding);
    this.draw();
  }

  resize(): void {
    this.measure();
    if (this.scene) this.fit = fitBox(this.scene.bbox, this.width, this.height, this.scene.padding);
    this.draw();
  }

  unproject(x: number, y: number): [number, number] {
    return inverseMercator((x - this.fit.tx) / this.fit.k, (y - this.fit.ty) / this.fit.k);
  }

  project(p: [number, number]): [number, number] {
    const [mx, my] = mercator(p[0], p[1]);
    return [mx * this.fit.k + this.fit.tx, my * this.fit.k + this.fit.ty];
  }

  idle(): Promise<void> {
    return Promise.resolve();
  }

  destroy(): void {
    this.svg?.remove();
    this.svg = undefined;
    this.paths.clear();
    this.scene = undefined;
  }

  private pathData(scene: Scene, i: number): string {
    const { k, tx, ty } = this.fit;
    const proj = geoTransform({
      point(lon: number, lat: number) {
        const [x, y] = mercator(lon, lat);
        this.stream.point(x * k + tx, y * k + ty);
      },
    });
    return geoPath(proj)(scene.geo.features[i].geometry as GeoPermissibleObjects) ?? '';
  }

  private draw(): void {
    const scene = this.scene, svg = this.svg;
    if (!scene || !svg || !this.gFill || !this.gOutline || !this.gTop || !this.gLabels || !this.bg) return;
    const c = scene.colors;
    this.bg.setAttribute('fill', c.background);
    const pat = svg.querySelector('pattern');
    pat?.querySelector('rect')?.setAttribute('fill', c.noData);
    pat?.querySelector('line')?.setAttribute('stroke', c.outline);
    const b = this.builtFor;
    if (!b || b.geo !== scene.geo || b.fit !== this.fit || b.shown !== scene.shown || b.outlines !== scene.outlines) {
      this.builtFor = { geo: scene.geo, fit: this.fit, shown: scene.shown, outlines: scene.outlines };
      this.paths.clear();
      const fills = scene.shown.map((i) => {
        const p = svgEl('path', { d: this.pathData(scene, i), 'data-code': scene.geo.features[i].code, 'fill-rule': 'evenodd' });
        this.paths.set(i, p);
        return p;
      });
      this.gFill.replaceChildren(...fills);
      const outlines = scene.outlines.map((i) => svgEl('path', { d: this.pathData(scene, i) }));
      this.gOutline.replaceChildren(...outlines);
    }
    this.gFill.setAttribute('stroke', c.outline);
    this.gFill.setAttribute('stroke-width', '0.75');
    this.gOutline.setAttribute('stroke', c.parentOutline);
    this.gOutline.setAttribute('stroke-width', '1.5');
    for (const [i, p] of this.paths) {
      const fill = scene.fill.get(i);
      p.setAttribute('fill', fill ?? 'url(#civic-hatch)');
      p.setAttribute('fill-opacity', scene.emphasis && !scene.emphasis.has(i) ? '0.25' : '1');
    }
    const top: SVGPathElement[] = [];
    for (const [i, w] of [[scene.hovered, 2], [scene.selected, 3]] as const) {
      if (i < 0 || !scene.geo.features[i]) continue;
      const d = this.pathData(scene, i);
      for (const [stroke, width] of [[c.halo, w + 2], [c.selected, w]] as const) top.push(svgEl('path', { d, stroke, 'stroke-width': width }));
    }
    this.gTop.replaceChildren(...top);
    // Labels and point names: text colour over a halo stroke painted first.
    const halo = { fill: c.text, stroke: c.halo, 'stroke-width': '3', 'paint-order': 'stroke' };
    // Labels: estimated widths (CJK ≈ 1em, Latin ≈ 0.6em) for the collision test.
    const boxes = scene.labels.map((l) => {
      const [x, y] = this.project(l.at);
      let w = 0;
      for (const ch of l.text) w += ch.charCodeAt(0) > 0x2e80 ? l.size : l.size * 0.6;
      return { x, y, w: w + 4, h: l.size + 4 };
    });
    const texts = placeLabels(boxes, this.width, this.height).map((i) => {
      const l = scene.labels[i];
      const t = svgEl('text', { x: boxes[i].x, y: boxes[i].y, 'font-size': l.size, 'font-weight': l.weight, 'font-family': scene.font, ...halo });
      t.textContent = l.text;
      return t;
    });
    const pts = scene.points.flatMap((pt) => {
      const [x, y] = this.project(pt.at);
      const circle = svgEl('circle', { cx: x, cy: y, r: '5', fill: pt.color, stroke: c.halo, 'stroke-width': '2' });
      const t = svgEl('text', { x: x + 8, y, 'text-anchor': 'start', 'font-size': '11', 'font-family': scene.font, ...halo });
      t.textContent = pt.name;
      return [circle, t];
    });
    this.gLabels.replaceChildren(...pts, ...texts);
  }
}
