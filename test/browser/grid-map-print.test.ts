// A WebGL grid map prints its picture without `preserve-drawing-buffer` (grid-map.print.ts, A2 s18 audit #4).
// wtr cannot print (no Page.printToPDF here): this checks the mechanism. After `beforeprint`, fired once the map's
// frame has been presented (its drawing buffer cleared, as at any real print), a 2D copy of a freshly rendered frame
// sits beside part `canvas`, holds the grids' colours, is hidden on screen, and the style shown with it hides the
// WebGL part under print media. A real PDF of the same page (Playwright page.pdf) is notes/s18/m1/probe-print.mjs.
import { expect, fixture, html } from '@open-wc/testing';
import { frames, until } from './fixtures/wait.js';
import '../../src/components/grid-map/grid-map.define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';
import METRICS from '../fixtures/grid-map/metrics.json';

const A = [105.905, 29.365] as [number, number]; // households 100 → class 1 (thresholds 100,250): green
const B = [105.915, 29.365] as [number, number]; // class 2: blue

function pixelOf(el: CivicGridMap, c: HTMLCanvasElement, at: [number, number]): number[] {
  const [x, y] = el.pixelOf(at)!;
  const pr = c.width / el.shadowRoot!.querySelector<HTMLElement>('[part~="canvas"]')!.clientWidth;
  const copy = document.createElement('canvas');
  copy.width = c.width;
  copy.height = c.height;
  const ctx = copy.getContext('2d')!;
  ctx.drawImage(c, 0, 0);
  return Array.from(ctx.getImageData(Math.round(x * pr), Math.round(y * pr), 1, 1).data).slice(0, 3);
}
const near = (a: number[], b: number[], tol = 10) => a.every((v, i) => Math.abs(v - b[i]) <= tol);
const copyOf = (el: CivicGridMap) => el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas.print-copy');

async function map(renderer: string): Promise<CivicGridMap> {
  const geo = await (await fetch('/test/fixtures/grid-map/small.geojson')).json();
  const el = await fixture<CivicGridMap>(html`<civic-grid-map renderer=${renderer} .geometry=${geo} .data=${METRICS}
    metric="households" classification="thresholds" thresholds="100,250" class-colors="#ff0000,#00ff00,#0000ff"></civic-grid-map>`);
  await el.whenDrawn();
  return el;
}

describe('<civic-grid-map> print', function () {
  this.timeout(60000);
  afterEach(() => dispatchEvent(new Event('afterprint')));

  it('renderer="webgl": beforeprint puts a copy of a fresh frame beside the WebGL part, shown only in print', async () => {
    const el = await map('webgl');
    expect(el.activeRenderer).to.equal('webgl');
    // Print events wait for nothing: the print chunk is there once the map has drawn with WebGL.
    const print = await import('../../src/components/grid-map/grid-map.print.js');
    await until(() => print.maps.has(el), 'the WebGL map is registered for print');
    // The frame is presented (and its drawing buffer cleared) long before anyone prints.
    await frames(3);
    dispatchEvent(new Event('beforeprint'));
    const copy = copyOf(el);
    expect(copy, 'a print copy').to.be.instanceOf(HTMLCanvasElement);
    expect(copy!.getAttribute('aria-hidden')).to.equal('true');
    // The grids' class colours, not a cleared buffer.
    expect(near(pixelOf(el, copy!, A), [0, 255, 0]), `A: ${pixelOf(el, copy!, A)}`).to.equal(true);
    expect(near(pixelOf(el, copy!, B), [0, 0, 255]), `B: ${pixelOf(el, copy!, B)}`).to.equal(true);
    // Beside part canvas (a copy inside it printed under the WebGL canvas), hidden on screen.
    const part = el.shadowRoot!.querySelector<HTMLElement>('[part~="canvas"]')!;
    expect(copy!.parentElement).to.equal(part.parentElement);
    expect(getComputedStyle(copy!).display).to.equal('none');
    expect(getComputedStyle(part).visibility).to.equal('visible');
    // Under print media the WebGL part is hidden (Chromium prints it over a later sibling).
    const style = el.shadowRoot!.querySelector<HTMLStyleElement>('style.print-copy')!;
    const printRules = [...style.sheet!.cssRules].filter((r): r is CSSMediaRule => r instanceof CSSMediaRule && r.conditionText === 'print');
    expect(printRules.some((r) => [...r.cssRules].some((s) => part.matches((s as CSSStyleRule).selectorText) && (s as CSSStyleRule).style.visibility === 'hidden'))).to.equal(true);
    // A second print event (print media turning on) keeps the one copy.
    dispatchEvent(new Event('beforeprint'));
    expect(el.shadowRoot!.querySelectorAll('canvas.print-copy').length).to.equal(1);
    dispatchEvent(new Event('afterprint'));
    expect(el.shadowRoot!.querySelector('.print-copy'), 'removed after the print').to.equal(null);
    // A map that left the page is forgotten.
    el.remove();
    expect(print.maps.has(el)).to.equal(false);
  });

  it('tiles mode (WebGL): the print copy holds the tiles drawn', async () => {
    const metrics = (await import('../../demo/data/grid-metrics.json')).default;
    const el = await fixture<CivicGridMap>(html`<civic-grid-map tiles="/demo/data/tiles/{z}/{x}/{y}.pbf" tiles-max-zoom="13"
      bounds="105.74,29.26,105.97,29.39" .data=${metrics} metric="households"></civic-grid-map>`);
    await el.whenDrawn();
    const print = await import('../../src/components/grid-map/grid-map.print.js');
    await until(() => print.maps.has(el), 'the tiles map is registered for print');
    await frames(3);
    dispatchEvent(new Event('beforeprint'));
    const copy = copyOf(el);
    expect(copy, 'a print copy').to.be.instanceOf(HTMLCanvasElement);
    const d = copy!.getContext('2d')!.getImageData(0, 0, copy!.width, copy!.height).data;
    let coloured = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 30) coloured++;
    expect(coloured, 'coloured pixels of the tiles').to.be.greaterThan(1000);
  });

  it('renderer="canvas" prints its own canvas: no copy', async () => {
    const el = await map('canvas');
    expect(el.activeRenderer).to.equal('canvas');
    await frames(2);
    dispatchEvent(new Event('beforeprint'));
    expect(copyOf(el)).to.equal(null);
  });
});
