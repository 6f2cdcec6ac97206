// The demo wall (demo/screen.html) as a presenter opens it, in an iframe of the window's size (session 16, A2).
// Every text on the wall is designed at 14 px or more (the legibility floor under <civic-screen>): any scale below 1
// takes some of it under the floor, so a window even slightly smaller than 1920×1080 (a taskbar, a kiosk frame:
// 1824×1026 is 0.95) must get the compact layout at scale 1, not the scaled-down wall.
// test/pages/wall-legibility.mjs measures every text of the wall at a few sizes; this file pins the sizes between.
import { expect } from '@open-wc/testing';
import { frames, until } from './fixtures/wait.js';

interface DemoWall extends HTMLElement {
  layout: { scale: number; mode: string };
  updateComplete: Promise<unknown>;
}

/** Opens the wall in an iframe of `w`×`h` CSS px (tour off) and returns it once its stage is scaled to that box. */
async function openWall(w: number, h: number, query = '?tour=0'): Promise<{ frame: HTMLIFrameElement; wall: DemoWall }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width:${w}px;height:${h}px;border:0;display:block`;
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  frame.src = `/demo/screen.html${query}`;
  document.body.append(frame);
  await loaded;
  const doc = frame.contentDocument!;
  const wall = doc.getElementById('wall') as DemoWall;
  await until(() => typeof wall.updateComplete !== 'undefined', 'the screen is defined');
  // The stage is scaled to the measured box: the stage and its offsets span the base's width (an unmeasured screen
  // lays out at the design size, 1920 px, at the origin).
  await until(() => {
    const base = wall.shadowRoot?.querySelector<HTMLElement>('[part~="base"]');
    const l = wall.layout as DemoWall['layout'] & { offsetX: number; scaledWidth: number };
    return base && base.clientWidth > 0 && Math.abs(2 * l.offsetX + l.scaledWidth - base.clientWidth) < 1;
  }, 'the stage is scaled to the window');
  await frames(3);
  await wall.updateComplete;
  return { frame, wall };
}

/** The smallest font size on the wall's own page texts (the note, the panel tags), times the stage's scale. */
function smallestPageText(wall: DemoWall): number {
  const doc = wall.ownerDocument;
  const view = doc.defaultView!;
  const sizes = [...doc.querySelectorAll('.demo-note, .demo-note strong, .tag')].map((el) => parseFloat(view.getComputedStyle(el).fontSize));
  return Math.min(...sizes) * wall.layout.scale;
}

describe('demo wall in a presenter\'s window (A2)', () => {
  afterEach(() => {
    for (const f of document.querySelectorAll('iframe')) f.remove();
  });

  // Windows a little smaller than the design: a taskbar, a kiosk frame, browser chrome in a 1920 screen.
  for (const [w, h] of [
    [1824, 1026],
    [1920, 1040],
    [1900, 1080],
  ] as const)
    it(`${w}×${h}: laid out at scale 1, no page text under 14 px`, async () => {
      const { wall } = await openWall(w, h);
      expect(wall.layout.scale, `scale (${wall.getAttribute('data-layout') ?? 'design layout'})`).to.be.at.least(0.999);
      expect(smallestPageText(wall)).to.be.at.least(14);
    });

  it('1920×1080: the design itself, scaled 1', async () => {
    const { wall } = await openWall(1920, 1080);
    expect(wall.hasAttribute('data-layout')).to.equal(false);
    expect(wall.layout.mode).to.equal('fit');
    expect(wall.layout.scale).to.equal(1);
  });
});

describe('demo wall: the page language changed while it runs', () => {
  afterEach(() => {
    for (const f of document.querySelectorAll('iframe')) f.remove();
  });

  /** Smallest KPI figure on the wall, in screen px (font size × the stage's scale). */
  const smallestFigure = (wall: DemoWall): number => {
    const view = wall.ownerDocument.defaultView!;
    const grid = wall.ownerDocument.querySelector('civic-kpi-grid')!;
    const tiles = [...grid.shadowRoot!.querySelectorAll('civic-kpi-tile')];
    const sizes = tiles.map((t) => t.shadowRoot!.querySelector('[part~="value"]')).filter((v): v is Element => !!v).map((v) => parseFloat(view.getComputedStyle(v).fontSize));
    expect(sizes.length, 'figures on the wall').to.be.greaterThan(3);
    return Math.min(...sizes) * wall.layout.scale;
  };

  it('<html lang> set to en and back: page words, KPI columns and figures follow (no figure under 14 px)', async () => {
    const { wall } = await openWall(1920, 1080);
    const doc = wall.ownerDocument;
    const grid = doc.querySelector('civic-kpi-grid') as HTMLElement & { whenDrawn(): Promise<void> };
    const worded = doc.querySelector<HTMLElement>('[data-en]')!;
    const zhText = worded.textContent;
    expect(grid.getAttribute('columns')).to.equal('3');
    doc.documentElement.lang = 'en';
    await until(() => grid.getAttribute('columns') === '2', 'two KPI columns in English');
    expect(worded.textContent).to.equal(worded.dataset.en);
    await until(() => [...grid.shadowRoot!.querySelectorAll('civic-kpi-tile')].some((t) => /[A-Za-z]{3}/.test(t.shadowRoot!.textContent ?? '')), 'English tiles');
    await grid.whenDrawn();
    await frames(3);
    expect(smallestFigure(wall), 'smallest KPI figure, English').to.be.at.least(14);
    doc.documentElement.lang = 'zh-CN';
    await until(() => grid.getAttribute('columns') === '3', 'three KPI columns in Chinese');
    expect(worded.textContent).to.equal(zhText);
  });
});
