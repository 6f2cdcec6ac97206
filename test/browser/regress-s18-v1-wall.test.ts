// V1 (session 18): the demo wall resized the way a kiosk operator or a presenter does it — a 1920×1080 window
// dragged down to a phone's width (400 px, the one-column layout at scale 1, session 18's a587148 / 33b8486) and back.
// Back at 1920×1080 the wall must be the wall it was at first: the scaled 1920×1080 design, the note back in the title
// bar, three Chinese KPI columns, every panel where it was; and at 400 px nothing cut, overlapping or scaled down.
// Also (same helpers):
// V1 (session 18): the demo wall on a phone and a laptop (session 18's content-sized rows, a587148 / 33b8486 /
// 9392515) when the page's language changes while it runs (a kiosk script or a host setting <html lang>): English
// legends and toolbars wrap onto more lines, so the rows and the design height screen.ts sums must follow, both ways,
// with nothing cut and the KPI columns following the language and the width.
import { expect } from '@open-wc/testing';
import { frames, until } from './fixtures/wait.js';

type Drawn = HTMLElement & { whenDrawn(): Promise<void>; updateComplete: Promise<unknown>; layout: { scale: number } };

async function settle(frame: HTMLIFrameElement): Promise<Drawn> {
  const doc = frame.contentDocument!;
  const wall = doc.getElementById('wall') as Drawn;
  await until(() => typeof wall.updateComplete !== 'undefined', 'civic-screen defined');
  await doc.fonts.ready;
  await until(() => [...doc.querySelectorAll<Drawn>('.panel > *:not(h2)')].every((e) => typeof e.whenDrawn === 'function'), 'elements defined');
  await Promise.all([...doc.querySelectorAll<Drawn>('.panel > *:not(h2)')].map((e) => e.whenDrawn()));
  await wall.whenDrawn();
  // The attributes screen.ts sets and the panels' boxes unchanged over 10 frames.
  const sig = () => JSON.stringify([...['data-layout', 'design-width', 'design-height'].map((a) => wall.getAttribute(a)), doc.querySelector('civic-kpi-grid')?.getAttribute('columns'), ...[...wall.querySelectorAll('.panel')].map((p) => { const r = p.getBoundingClientRect(); return [Math.round(r.width), Math.round(r.height)]; })]);
  let last = '';
  let still = 0;
  for (let i = 0; i < 900 && still < 10; i++) {
    await frames(1);
    const now = sig();
    still = now === last ? still + 1 : 0;
    last = now;
  }
  expect(still, `the wall settles (last ${last})`).to.be.at.least(10);
  return wall;
}

/** Every panel's box (the layout as the viewer sees it), rounded. */
const boxes = (wall: HTMLElement) => [...wall.querySelectorAll<HTMLElement>('.panel')].map((p) => { const r = p.getBoundingClientRect(); return `${p.className}: ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}`; });

/** Panels (but the KPI one, which scrolls) whose element runs past them, or whose content runs past the element. */
function cutPanels(wall: HTMLElement): string[] {
  const out: string[] = [];
  for (const panel of wall.querySelectorAll<HTMLElement>('.panel:not(.area-kpi)')) {
    const p = panel.getBoundingClientRect();
    for (const child of panel.children) {
      const base = (child.shadowRoot?.querySelector('[part~="base"]') ?? child) as HTMLElement;
      const b = base.getBoundingClientRect();
      if (b.bottom > p.bottom + 0.5) out.push(`${panel.className}: ${child.localName} ${Math.round(b.bottom - p.bottom)} px past the panel`);
      else if (base !== child && b.bottom > child.getBoundingClientRect().bottom + 0.5) out.push(`${panel.className}: ${child.localName}'s content ${Math.round(b.bottom - child.getBoundingClientRect().bottom)} px past the element`);
    }
  }
  return out;
}

describe('demo wall resized from 1920 to 400 px and back (V1 s18)', () => {
  afterEach(() => {
    for (const f of document.querySelectorAll('iframe')) f.remove();
  });

  for (const lang of ['zh-CN', 'en'] as const)
    it(`${lang}: the wall at 1920×1080 after a trip to 400 px is the wall it was`, async () => {
      const frame = document.createElement('iframe');
      frame.style.cssText = 'width:1920px;height:1080px;border:0;display:block';
      const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
      frame.src = `/demo/screen.html?tour=0&lang=${lang}`;
      document.body.append(frame);
      await loaded;
      const doc = frame.contentDocument!;
      let wall = await settle(frame);
      const note = doc.querySelector('.demo-note')!;
      const grid = doc.querySelector('civic-kpi-grid')!;
      expect(wall.hasAttribute('data-layout'), 'the 1920×1080 design at first').to.equal(false);
      const first = { boxes: boxes(wall), columns: grid.getAttribute('columns'), slot: note.getAttribute('slot'), scale: wall.layout.scale };

      frame.style.width = '400px';
      frame.style.height = '800px';
      await until(() => wall.getAttribute('data-layout') === 'narrow', 'the one-column layout at 400 px');
      wall = await settle(frame);
      expect(wall.layout.scale, 'scale 1 at 400 px').to.be.at.least(0.999);
      expect(Number(wall.getAttribute('design-width')), 'laid out at the window width').to.equal(doc.documentElement.clientWidth);
      expect(note.hasAttribute('slot'), 'the note in a row of its own').to.equal(false);
      expect(cutPanels(wall), 'at 400 px').to.deep.equal([]);
      const tiles = [...grid.shadowRoot!.querySelectorAll('civic-kpi-tile')];
      expect(Math.min(...tiles.map((t) => t.getBoundingClientRect().width)), 'the narrowest KPI tile at 400 px').to.be.at.least(120);

      frame.style.width = '1920px';
      frame.style.height = '1080px';
      await until(() => !wall.hasAttribute('data-layout'), 'the 1920×1080 design again');
      wall = await settle(frame);
      expect(wall.layout.scale, 'the scale back').to.be.closeTo(first.scale, 0.001);
      expect(note.getAttribute('slot'), 'the note back in the title bar').to.equal(first.slot);
      expect(grid.getAttribute('columns'), 'the KPI columns back').to.equal(first.columns);
      expect(boxes(wall), 'every panel where it was').to.deep.equal(first.boxes);
      expect(cutPanels(wall), 'back at 1920').to.deep.equal([]);
    });
});

describe('demo wall: language switched while it runs, in the content-sized layouts (V1 s18)', () => {
  afterEach(() => {
    for (const f of document.querySelectorAll('iframe')) f.remove();
  });

  for (const [w, h] of [[360, 740], [1240, 700]] as const)
    it(`${w}×${h}: zh → en → zh, nothing cut, the design height and KPI columns follow`, async () => {
      const frame = document.createElement('iframe');
      frame.style.cssText = `width:${w}px;height:${h}px;border:0;display:block`;
      const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
      frame.src = '/demo/screen.html?tour=0&lang=zh-CN';
      document.body.append(frame);
      await loaded;
      const doc = frame.contentDocument!;
      let wall = await settle(frame);
      const grid = doc.querySelector('civic-kpi-grid')!;
      const zh = { height: wall.getAttribute('design-height'), columns: grid.getAttribute('columns'), boxes: boxes(wall) };
      expect(cutPanels(wall), 'zh first').to.deep.equal([]);

      doc.documentElement.lang = 'en';
      await until(() => wall.getAttribute('heading') !== null && /[A-Za-z]/.test(wall.getAttribute('heading')!), 'the English heading');
      wall = await settle(frame);
      expect(cutPanels(wall), 'en').to.deep.equal([]);
      expect(wall.layout.scale, 'scale 1 in English').to.be.at.least(0.999);
      const tiles = () => [...grid.shadowRoot!.querySelectorAll('civic-kpi-tile')].map((t) => t.getBoundingClientRect().width);
      expect(Math.min(...tiles()), 'the narrowest KPI tile in English').to.be.at.least(120);
      expect(Number(grid.getAttribute('columns')), 'English KPI columns').to.be.at.most(2);

      doc.documentElement.lang = 'zh-CN';
      await until(() => !/[A-Za-z]{4}/.test(wall.getAttribute('heading') ?? ''), 'the Chinese heading');
      wall = await settle(frame);
      expect(cutPanels(wall), 'zh again').to.deep.equal([]);
      expect(grid.getAttribute('columns'), 'the KPI columns back').to.equal(zh.columns);
      expect(Math.abs(Number(wall.getAttribute('design-height')) - Number(zh.height)), `design height back (${zh.height} → ${wall.getAttribute('design-height')})`).to.be.at.most(1);
      expect(boxes(wall), 'every panel where it was').to.deep.equal(zh.boxes);
    });
});
