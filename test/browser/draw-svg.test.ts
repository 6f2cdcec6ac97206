// drawSvgElement (src/core/export/draw-svg.ts): the CSP-safe SVG painter used by every element's toPNG().
import { expect, fixture } from '@open-wc/testing';
import { drawSvgElement } from '../../src/core/export/draw-svg.js';
import { createExportCanvas } from '../../src/core/export/png.js';

/** Paints `svg` (already in the document) at (0, 0) on a white canvas of its size × ratio; returns the pixels. */
function paint(svg: SVGSVGElement, ratio = 1): ImageData {
  const w = Number(svg.getAttribute('width'));
  const h = Number(svg.getAttribute('height'));
  const { canvas, ctx } = createExportCanvas(w, h, ratio, '#ffffff');
  drawSvgElement(ctx, svg, { x: 0, y: 0, width: w, height: h });
  return ctx.getImageData(0, 0, canvas.width, canvas.height);
}

const px = (img: ImageData, x: number, y: number) => Array.from(img.data.slice((y * img.width + x) * 4, (y * img.width + x) * 4 + 3));
const near = (a: number[], b: number[], tol = 30) => a.every((v, i) => Math.abs(v - b[i]) <= tol);
/** Pixels near `rgb` inside [x0, x1) × [y0, y1). */
function count(img: ImageData, rgb: number[], x0 = 0, y0 = 0, x1 = img.width, y1 = img.height, tol = 30): number {
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (near(px(img, x, y), rgb, tol)) n++;
  return n;
}
/** Non-white pixels inside the box, and their horizontal extent. */
function ink(img: ImageData, x0: number, y0: number, x1: number, y1: number): { n: number; minX: number; maxX: number } {
  let n = 0;
  let minX = Infinity;
  let maxX = -Infinity;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      if (near(px(img, x, y), [255, 255, 255], 60)) continue;
      n++;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
    }
  return { n, minX, maxX };
}

const RED = [255, 0, 0];
const BLUE = [0, 0, 255];
const GREEN = [0, 128, 0];

describe('drawSvgElement', () => {
  it('fills with a userSpaceOnUse <pattern>: its background and its lines, at the device pixel ratio', async () => {
    const host = await fixture<HTMLDivElement>(`<div><svg width="60" height="40">
      <defs><pattern id="p1" width="10" height="10" patternUnits="userSpaceOnUse">
        <rect width="10" height="10" fill="#ff0000"></rect><line x1="0" y1="0" x2="0" y2="10" stroke="#0000ff" stroke-width="4"></line>
      </pattern></defs>
      <rect x="0" y="0" width="60" height="40" fill="url(#p1)"></rect></svg></div>`);
    const img = paint(host.querySelector('svg')!, 2);
    expect(img.width).to.equal(120);
    expect(count(img, RED)).to.be.greaterThan(120 * 80 * 0.5);
    expect(count(img, BLUE)).to.be.greaterThan(120 * 80 * 0.1);
    // the lines sit at x = 0, 10, 20… (user units), 2 px wide each side: x = 5 is background, x = 10 is a line
    expect(near(px(img, 10, 30), RED)).to.equal(true);
    expect(near(px(img, 20, 30), BLUE)).to.equal(true);
  });

  it('honours patternTransform (rotate): vertical hatch lines turn horizontal under rotate(90)', async () => {
    const host = await fixture<HTMLDivElement>(`<div><svg width="60" height="60">
      <defs><pattern id="p2" width="10" height="10" patternUnits="userSpaceOnUse" patternTransform="rotate(90)">
        <rect width="10" height="10" fill="#ff0000"></rect><line x1="0" y1="0" x2="0" y2="10" stroke="#0000ff" stroke-width="2"></line>
      </pattern></defs>
      <rect width="60" height="60" fill="url(#p2)"></rect></svg></div>`);
    const img = paint(host.querySelector('svg')!);
    expect(count(img, BLUE, 0, 25, 60, 26)).to.equal(0); // row 25: between two horizontal lines
    expect(count(img, BLUE, 25, 0, 26, 60)).to.be.greaterThan(4); // column 25 crosses every line
  });

  it('rotate(45) hatching, as the growth chart and grid map draw it, shows both colours in the filled shape only', async () => {
    const host = await fixture<HTMLDivElement>(`<div><svg width="100" height="100">
      <defs><pattern id="p3" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#ff0000"></rect><line x1="0" y1="0" x2="0" y2="6" stroke="#0000ff" stroke-width="2.5"></line>
      </pattern></defs>
      <rect x="20" y="30" width="40" height="50" fill="url(#p3)"></rect></svg></div>`);
    const img = paint(host.querySelector('svg')!, 2);
    const inside = count(img, RED, 40, 60, 120, 160, 60) + count(img, BLUE, 40, 60, 120, 160, 60);
    expect(inside).to.be.greaterThan(80 * 100 * 0.6);
    expect(count(img, RED, 40, 60, 120, 160, 60)).to.be.greaterThan(1000);
    expect(count(img, BLUE, 40, 60, 120, 160, 60)).to.be.greaterThan(500);
    expect(ink(img, 0, 0, 200, 58).n).to.equal(0); // nothing above the rectangle
  });

  it('objectBoundingBox pattern units, href inheritance, and the fallback colour of a missing pattern', async () => {
    const host = await fixture<HTMLDivElement>(`<div><svg width="100" height="40">
      <defs>
        <pattern id="base" width="0.5" height="1"><rect width="20" height="40" fill="#0000ff"></rect></pattern>
        <pattern id="p4" href="#base"></pattern>
      </defs>
      <rect x="0" y="0" width="80" height="40" fill="url(#p4)"></rect>
      <rect x="80" y="0" width="20" height="40" style="fill: url(#missing) green"></rect></svg></div>`);
    const img = paint(host.querySelector('svg')!);
    // tiles of 40×40 (half the box) with a 20 px blue band at the left of each
    expect(near(px(img, 10, 20), BLUE)).to.equal(true);
    expect(near(px(img, 30, 20), [255, 255, 255])).to.equal(true);
    expect(near(px(img, 50, 20), BLUE)).to.equal(true);
    expect(near(px(img, 90, 20), GREEN)).to.equal(true);
  });

  it('resolves pattern colours from shadow-DOM styles and var() tokens', async () => {
    const host = await fixture<HTMLDivElement>('<div></div>');
    const root = host.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(':host { --_s0: rgb(255, 0, 0); } .bg { fill: var(--_s0); } .bar { fill: url(#h); }');
    root.adoptedStyleSheets = [sheet];
    root.innerHTML = `<svg width="40" height="40"><defs><pattern id="h" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect class="bg" width="6" height="6"></rect></pattern></defs><rect class="bar" width="40" height="40"></rect></svg>`;
    const img = paint(root.querySelector('svg')!);
    expect(count(img, RED)).to.be.greaterThan(40 * 40 * 0.95);
  });

  it('lays out <tspan> lines: each at its own x/y, anchored by text-anchor', async () => {
    const host = await fixture<HTMLDivElement>(`<div><svg width="200" height="80" style="font: 16px sans-serif">
      <text text-anchor="middle" fill="#000"><tspan x="100" y="20">2022年</tspan><tspan x="100" y="45">1—9月</tspan></text></svg></div>`);
    const img = paint(host.querySelector('svg')!);
    const first = ink(img, 0, 2, 200, 24);
    const second = ink(img, 0, 28, 200, 49);
    expect(first.n).to.be.greaterThan(20);
    expect(second.n).to.be.greaterThan(20);
    // centred on x = 100 (within 3 px), and nothing below the second line's baseline area
    expect(Math.abs((first.minX + first.maxX) / 2 - 100)).to.be.lessThan(3);
    expect(Math.abs((second.minX + second.maxX) / 2 - 100)).to.be.lessThan(3);
    expect(ink(img, 0, 52, 200, 80).n).to.equal(0);
  });

  it('applies dx/dy in em on tspans and text, and a tspan fill of its own', async () => {
    const host = await fixture<HTMLDivElement>(`<div><svg width="200" height="60" style="font: 20px sans-serif">
      <text x="10" y="20" dy="0.5em" fill="#000">A<tspan dx="2em" fill="#ff0000">B</tspan></text></svg></div>`);
    const img = paint(host.querySelector('svg')!);
    // baseline at 30: the glyphs sit above it, none near y = 10 (where it would be without dy)
    expect(ink(img, 0, 0, 200, 12).n).to.equal(0);
    expect(ink(img, 0, 14, 40, 31).n).to.be.greaterThan(20);
    const red = count(img, RED, 0, 0, 200, 60, 60);
    expect(red).to.be.greaterThan(20);
    // B starts after A plus 2em (40 px): no red left of x = 50
    expect(count(img, RED, 0, 0, 50, 60, 60)).to.equal(0);
  });
});
