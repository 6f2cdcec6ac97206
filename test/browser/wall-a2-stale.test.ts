// From A2 (session 17); fixed by S s17 (src/core/render/states.ts + status-view.ts: on a wall the banner over kept data is a badge out of flow).
// The demo wall at 1920×1080 when its data source fails mid-run (a refresh answers 404/500; the last good data is kept
// and the translated "not updated" strip appears): the strip was in flow above the picture, 101–206 design px tall at the
// wall's type scale, and every element's picture is pushed past its fixed-size host and cut by its panel: the map's
// legend, the chain graphs' drawing (135–173 px past), the rank board's rows (161 px: none left visible), the growth
// charts' plots (147–182 px). Probe: node /work/notes/s17/a2/midrun.mjs (both languages, 500 and malformed JSON).
// (The KPI panel scrolls by design and is left out.)
import { expect } from '@open-wc/testing';
import { frames, until } from './fixtures/wait.js';

type Drawn = HTMLElement & { whenDrawn(): Promise<void>; updateComplete: Promise<unknown>; src: string };

describe('demo wall: a source fails mid-run (A2 → F)', () => {
  afterEach(() => {
    for (const f of document.querySelectorAll('iframe')) f.remove();
  });
  for (const lang of ['zh-CN', 'en'])
    it(`${lang}: the kept picture and the "not updated" notice both fit each panel`, async () => {
      const frame = document.createElement('iframe');
      frame.style.cssText = 'width:1920px;height:1080px;border:0;display:block';
      const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
      frame.src = `/demo/screen.html?tour=0&lang=${lang}`;
      document.body.append(frame);
      await loaded;
      const doc = frame.contentDocument!;
      const els = () => [...doc.querySelectorAll<Drawn>('.panel:not(.area-kpi) > :not(h2)')];
      await until(() => els().length === 6 && els().every((e) => typeof e.whenDrawn === 'function'), 'elements defined');
      await Promise.all(els().map((e) => e.whenDrawn()));
      const failed = els().map((e) => new Promise((r) => e.addEventListener('civic-error', r, { once: true })));
      for (const e of els()) e.src = `/demo/data/missing-${e.localName}.json`;
      await Promise.all(failed);
      await until(() => els().every((e) => e.shadowRoot!.querySelector('[part~="status"]')), 'every element shows its notice');
      await frames(3);
      await Promise.all(els().map((e) => e.updateComplete));
      const past: string[] = [];
      for (const e of els()) {
        const panel = e.closest('.panel')!.getBoundingClientRect();
        const base = (e.shadowRoot!.querySelector('[part~="base"]') ?? e) as HTMLElement;
        const b = base.getBoundingClientRect();
        if (b.bottom > panel.bottom + 0.5) past.push(`${e.localName}${e.getAttribute('chain') ?? e.getAttribute('kind') ?? ''} ${Math.round(b.bottom - panel.bottom)} px past its panel`);
        expect(e.shadowRoot!.textContent!.length, 'the last good data is kept').to.be.greaterThan(150);
      }
      expect(past).to.deep.equal([]);
    });
});
