// R3 s17 regression probes: civic-screen's wrapping title (c9575a4) and the snapshot of a wrapped title (be57808) at
// odd widths, with English titles, mixed CJK and Latin without spaces, and one long unbroken word. At 333 px the bar
// breaks 'Party-building-led' at its hyphens; the snapshot broke only after spaces and squeezed the word into the
// line (361 px into 269) until 11fdcdc.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/screen/screen.define.js';
import type { CivicScreen } from '../../src/components/screen/screen.js';
import { frames } from './fixtures/wait.js';

const part = (el: CivicScreen, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;

function titleShown(el: CivicScreen): string {
  const h = part(el, 'heading');
  const bar = part(el, 'header').getBoundingClientRect();
  const box = h.getBoundingClientRect();
  const range = document.createRange();
  range.selectNodeContents(h);
  const text = range.getBoundingClientRect();
  const inside = text.left >= box.left - 0.5 && text.right <= box.right + 0.5 && text.top >= bar.top - 0.5 && text.bottom <= bar.bottom + 0.5;
  const full = h.scrollWidth <= h.clientWidth && h.scrollHeight <= h.clientHeight + 1 && inside;
  return full ? '' : `"${h.textContent}" at ${el.getBoundingClientRect().width}: heading ${h.clientWidth}/${h.scrollWidth} x ${h.clientHeight}/${h.scrollHeight}, text ${Math.round(text.left)}-${Math.round(text.right)} in ${Math.round(box.left)}-${Math.round(box.right)}`;
}

async function mount(width: number, lang: string, heading: string) {
  const box = await fixture<HTMLDivElement>(html`<div style="width:${width}px;height:500px;position:relative"></div>`);
  box.innerHTML = `<civic-screen lang="${lang}" idle-cursor="0" tour="0" export-button scale-mode="width" design-width="${width}" design-height="900" data-time="2022年1—9月"></civic-screen>`;
  const el = box.querySelector('civic-screen') as CivicScreen;
  el.heading = heading;
  await el.updateComplete;
  await document.fonts.ready;
  await frames(2);
  await el.updateComplete;
  return el;
}

const TITLES: Array<[string, string]> = [
  ['en', 'Yongchuan District Party-building-led Grassroots Governance and Industrial Development Data Wall'],
  ['zh-CN', '永川区GDP增长与Big Data产业发展2022年度综合数据大屏'],
  ['zh-CN', '永川区 · 党建引领基层治理与产业发展'],
];

describe('R3: civic-screen title at odd sizes', () => {
  for (const width of [333, 517, 777, 1023])
    it(`${width} px: every title whole in the bar`, async () => {
      const found: string[] = [];
      for (const [lang, t] of TITLES) {
        const el = await mount(width, lang, t);
        const p = titleShown(el);
        if (p) found.push(p);
      }
      expect(found, found.join('\n')).to.deep.equal([]);
    });

});

describe('R3: civic-screen snapshot of a wrapped title at 333 px', () => {
  for (const [lang, t] of TITLES)
    it(`snapshot at 333 px draws "${t.slice(0, 12)}…" whole, each line within the heading width`, async () => {
      const el = await mount(333, lang, t);
      const drawn: { text: string; width: number; max?: number }[] = [];
      const proto = CanvasRenderingContext2D.prototype;
      const fillText = proto.fillText;
      const want = t.replace(/\s+/g, '');
      proto.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, max?: number) {
        const s = text.replace(/\s+/g, '');
        if (s && want.includes(s) && s.length > 1) drawn.push({ text, width: this.measureText(text).width, max });
        return fillText.call(this, text, x, y, max);
      };
      try {
        await el.snapshot();
      } finally {
        proto.fillText = fillText;
      }
      expect(drawn.map((d) => d.text).join('').replace(/\s+/g, ''), 'the whole title').to.equal(want);
      for (const d of drawn) expect(d.width, `"${d.text}" drawn ${Math.round(d.width)} px wide into ${Math.round(d.max ?? Infinity)}`).to.be.at.most((d.max ?? Infinity) + 0.5);
    });
});
