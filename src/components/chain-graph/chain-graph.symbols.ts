/**
 * Node symbols of <civic-chain-graph> (issue 16: instead of d3-shape, ≈19 KB minified with d3-path): six shapes centred
 * on the origin, each drawn with the area it is given (so a star and a circle of one node size weigh the same on
 * screen), onto a canvas path or as an SVG path string. Own geometry:
 * - circle: radius √(A/π); square: side √A;
 * - triangle: equilateral, pointing up, centroid at the origin (side √(4A/√3));
 * - diamond: a rhombus 0.6 times as wide as tall (half-height √(A/1.2));
 * - star: five points, inner radius 0.382 of the outer (area 5·R·r·sin 36°);
 * - wye: three arms of width 2a and reach 2.5a from the centre (area (15 − √3)·a²).
 */

/** The part of a canvas path a symbol needs. */
export interface CanvasPath_D3Shape {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, r: number, a0: number, a1: number, ccw?: boolean): void;
  closePath(): void;
}

/** A symbol shape: draws itself with area `size` (px²) onto a path. */
export interface SymbolType {
  draw(path: CanvasPath_D3Shape, size: number): void;
}

function polygon(path: CanvasPath_D3Shape, pts: readonly (readonly [number, number])[]): void {
  path.moveTo(pts[0][0], pts[0][1]);
  for (let i = 1; i < pts.length; i++) path.lineTo(pts[i][0], pts[i][1]);
  path.closePath();
}

export const symbolCircle: SymbolType = {
  draw(path, size) {
    const r = Math.sqrt(size / Math.PI);
    path.moveTo(r, 0);
    path.arc(0, 0, r, 0, 2 * Math.PI);
  },
};

export const symbolSquare: SymbolType = {
  draw(path, size) {
    const h = Math.sqrt(size) / 2;
    polygon(path, [[-h, -h], [h, -h], [h, h], [-h, h]]);
  },
};

export const symbolTriangle: SymbolType = {
  draw(path, size) {
    const side = Math.sqrt((4 * size) / Math.sqrt(3));
    const height = (side * Math.sqrt(3)) / 2;
    polygon(path, [[0, (-2 * height) / 3], [side / 2, height / 3], [-side / 2, height / 3]]);
  },
};

const DIAMOND_WIDTH = 0.6;
export const symbolDiamond: SymbolType = {
  draw(path, size) {
    const hy = Math.sqrt(size / (2 * DIAMOND_WIDTH));
    const hx = hy * DIAMOND_WIDTH;
    polygon(path, [[0, -hy], [hx, 0], [0, hy], [-hx, 0]]);
  },
};

const STAR_INNER = 0.382;
const SIN36 = Math.sin(Math.PI / 5);
export const symbolStar: SymbolType = {
  draw(path, size) {
    const outer = Math.sqrt(size / (5 * STAR_INNER * SIN36));
    const pts: [number, number][] = [];
    for (let i = 0; i < 10; i++) {
      const r = i % 2 ? outer * STAR_INNER : outer;
      const a = -Math.PI / 2 + (i * Math.PI) / 5;
      pts.push([r * Math.cos(a), r * Math.sin(a)]);
    }
    polygon(path, pts);
  },
};

const WYE_REACH = 2.5;
export const symbolWye: SymbolType = {
  draw(path, size) {
    const a = Math.sqrt(size / (6 * WYE_REACH - Math.sqrt(3)));
    const reach = WYE_REACH * a;
    const inner = (2 * a) / Math.sqrt(3);
    const pts: [number, number][] = [];
    // Arms point down, up-left and up-right (a "Y"); between two arms, the corner where their edges meet.
    for (let i = 0; i < 3; i++) {
      const t = Math.PI / 2 + (i * 2 * Math.PI) / 3;
      const ux = Math.cos(t), uy = Math.sin(t);
      pts.push([reach * ux - a * uy, reach * uy + a * ux], [reach * ux + a * uy, reach * uy - a * ux]);
      const b = t + Math.PI / 3;
      pts.push([inner * Math.cos(b), inner * Math.sin(b)]);
    }
    polygon(path, pts);
  },
};

const r2 = (v: number): number => Math.round(v * 100) / 100;

/** The SVG path data of a shape with area `size`, as a function (called without arguments, like a path generator). */
export function symbol(shape: SymbolType, size: number): () => string {
  return () => {
    let d = '';
    shape.draw(
      {
        moveTo: (x, y) => void (d += `M${r2(x)},${r2(y)}`),
        lineTo: (x, y) => void (d += `L${r2(x)},${r2(y)}`),
        closePath: () => void (d += 'Z'),
        // Only full circles are drawn: two half arcs from (x + r, y).
        arc: (x, y, r) => void (d += `M${r2(x + r)},${r2(y)}A${r2(r)},${r2(r)},0,1,1,${r2(x - r)},${r2(y)}A${r2(r)},${r2(r)},0,1,1,${r2(x + r)},${r2(y)}`),
      },
      size,
    );
    return d;
  };
}
