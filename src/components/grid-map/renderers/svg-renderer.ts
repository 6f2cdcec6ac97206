/**
 * SVG renderer (`renderer="svg"`): the same picture as the canvas renderer as vector DOM — crisp in print and
 * exportable. Meant for small sets (hundreds of units); paths are built once per geometry and fit, a recolour only
 * sets `fill` attributes. Text is set with textContent, never markup.
 */
import { geoPath, geoTransform, type GeoPermissibleObjects } from 'd3-geo';
import { fitBox, inverseMercator, mercator, placeLabels, type Fit, type GridRenderer, type RendererOptions, type Scene, type SceneChange } from './renderer.js';

const NS = 'http://www.w3.org/2000/svg';

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
    const svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('class', 'surface');
    svg.setAttribute('aria-hidden', 'true');
    const defs = document.createElementNS(NS, 'defs');
    const pat = document.createElementNS(NS, 'pattern');
    pat.setAttribute('id', 'civic-hatch');
    pat.setAttribute('width', '8');
    pat.setAttribute('height', '8');
    pat.setAttribute('patternUnits', 'userSpaceOnUse');
    pat.setAttribute('patternTransform', 'rotate(45)');
    const pr = document.createElementNS(NS, 'rect');
    pr.setAttribute('width', '8');
    pr.setAttribute('height', '8');
    const pl = document.createElementNS(NS, 'line');
    pl.setAttribute('x1', '0');
    pl.setAttribute('y1', '0');
    pl.setAttribute('x2', '0');
    pl.setAttribute('y2', '8');
    pl.setAttribute('stroke-width', '2');
    pat.append(pr, pl);
    defs.appendChild(pat);
    this.bg = document.createElementNS(NS, 'rect');
    this.bg.setAttribute('width', '100%');
    this.bg.setAttribute('height', '100%');
    this.gFill = document.createElementNS(NS, 'g');
    this.gOutline = document.createElementNS(NS, 'g');
    this.gOutline.setAttribute('fill', 'none');
    this.gTop = document.createElementNS(NS, 'g');
    this.gTop.setAttribute('fill', 'none');
    this.gLabels = document.createElementNS(NS, 'g');
    this.gLabels.setAttribute('text-anchor', 'middle');
    this.gLabels.setAttribute('dominant-baseline', 'central');
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
        const p = document.createElementNS(NS, 'path');
        p.setAttribute('d', this.pathData(scene, i));
        p.setAttribute('data-code', scene.geo.features[i].code);
        p.setAttribute('fill-rule', 'evenodd');
        this.paths.set(i, p);
        return p;
      });
      this.gFill.replaceChildren(...fills);
      const outlines = scene.outlines.map((i) => {
        const p = document.createElementNS(NS, 'path');
        p.setAttribute('d', this.pathData(scene, i));
        return p;
      });
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
      for (const [stroke, width] of [[c.halo, w + 2], [c.selected, w]] as const) {
        const p = document.createElementNS(NS, 'path');
        p.setAttribute('d', d);
        p.setAttribute('stroke', stroke);
        p.setAttribute('stroke-width', String(width));
        top.push(p);
      }
    }
    this.gTop.replaceChildren(...top);
    // Labels: estimated widths (CJK ≈ 1em, Latin ≈ 0.6em) for the collision test.
    const boxes = scene.labels.map((l) => {
      const [x, y] = this.project(l.at);
      let w = 0;
      for (const ch of l.text) w += ch.charCodeAt(0) > 0x2e80 ? l.size : l.size * 0.6;
      return { x, y, w: w + 4, h: l.size + 4 };
    });
    const texts = placeLabels(boxes, this.width, this.height).map((i) => {
      const l = scene.labels[i];
      const t = document.createElementNS(NS, 'text');
      t.setAttribute('x', String(boxes[i].x));
      t.setAttribute('y', String(boxes[i].y));
      t.setAttribute('font-size', String(l.size));
      t.setAttribute('font-weight', String(l.weight));
      t.setAttribute('font-family', scene.font);
      t.setAttribute('fill', c.text);
      t.setAttribute('stroke', c.halo);
      t.setAttribute('stroke-width', '3');
      t.setAttribute('paint-order', 'stroke');
      t.textContent = l.text;
      return t;
    });
    const pts = scene.points.flatMap((pt) => {
      const [x, y] = this.project(pt.at);
      const circle = document.createElementNS(NS, 'circle');
      circle.setAttribute('cx', String(x));
      circle.setAttribute('cy', String(y));
      circle.setAttribute('r', '5');
      circle.setAttribute('fill', pt.color);
      circle.setAttribute('stroke', c.halo);
      circle.setAttribute('stroke-width', '2');
      const t = document.createElementNS(NS, 'text');
      t.setAttribute('x', String(x + 8));
      t.setAttribute('y', String(y));
      t.setAttribute('text-anchor', 'start');
      t.setAttribute('font-size', '11');
      t.setAttribute('font-family', scene.font);
      t.setAttribute('fill', c.text);
      t.setAttribute('stroke', c.halo);
      t.setAttribute('stroke-width', '3');
      t.setAttribute('paint-order', 'stroke');
      t.textContent = pt.name;
      return [circle, t];
    });
    this.gLabels.replaceChildren(...pts, ...texts);
  }
}
