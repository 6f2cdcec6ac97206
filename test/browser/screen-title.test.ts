// The wall's title as a presenter reads it (A2, session 17): the title bar never cuts the title. Before, the heading
// kept one line and gave way with an ellipsis to the data time, the clock and the buttons: the demo wall opened in a
// 1366×768 window showed 93 % of its title, 1280×720 81 %, a 1920 screen zoomed to 150 % (1280) the same, a portrait
// 1080×1920 kiosk 54 %, a 1366 laptop zoomed to 150 % "Yong…", a 640 px window nothing at all. Now the title bar
// wraps: the title keeps its line (several if it must), the rest moves to the next row, and the bar grows.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/screen/screen.define.js';
import type { CivicScreen } from '../../src/components/screen/screen.js';
import { frames } from './fixtures/wait.js';

const part = (el: CivicScreen, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;

/** Every glyph of the heading is inside its box (no ellipsis, no cut) and the box is inside the title bar. */
function titleShown(el: CivicScreen): { full: boolean; why: string } {
  const h = part(el, 'heading');
  const bar = part(el, 'header').getBoundingClientRect();
  const box = h.getBoundingClientRect();
  const range = document.createRange();
  range.selectNodeContents(h);
  const text = range.getBoundingClientRect();
  const inside = text.left >= box.left - 0.5 && text.right <= box.right + 0.5 && text.top >= bar.top - 0.5 && text.bottom <= bar.bottom + 0.5;
  const full = h.scrollWidth <= h.clientWidth && h.scrollHeight <= h.clientHeight + 1 && inside;
  return { full, why: `heading ${h.clientWidth}/${h.scrollWidth} × ${h.clientHeight}/${h.scrollHeight}, text ${Math.round(text.left)}–${Math.round(text.right)} in ${Math.round(box.left)}–${Math.round(box.right)}, bar ${Math.round(bar.top)}–${Math.round(bar.bottom)}` };
}

async function mount(width: number, lang: string, heading: string, note: boolean) {
  const box = await fixture<HTMLDivElement>(html`<div style="width:${width}px;height:600px;position:relative"></div>`);
  box.innerHTML = `<civic-screen lang="${lang}" idle-cursor="0" export-button scale-mode="width" design-width="${width}"
    design-height="1200" data-time="${lang === 'en' ? 'Jan–Sep 2022' : '2022年1—9月'}"></civic-screen>`;
  const el = box.querySelector('civic-screen') as CivicScreen;
  el.heading = heading;
  if (note) {
    const p = document.createElement('p');
    p.slot = 'header-end';
    p.style.cssText = 'flex: 0 1 430px; margin: 0; font-size: 14px';
    p.textContent = '示例数据 网格边界与数值、配套企业、排行榜及较早期数据为生成的示例；其余数字来自 2022 年报道。';
    el.append(p);
  }
  await el.updateComplete;
  await document.fonts.ready;
  await frames(2);
  await el.updateComplete;
  return el;
}

describe('civic-screen title bar: the title is never cut (A2)', () => {
  const titles = { 'zh-CN': '永川区 · 党建引领基层治理与产业发展', en: 'Yongchuan District data wall' } as const;
  for (const lang of ['zh-CN', 'en'] as const)
    for (const width of [1366, 1280, 1080, 911, 640])
      it(`${lang}, ${width} px wide: the whole title is shown`, async () => {
        const el = await mount(width, lang, titles[lang], false);
        const r = titleShown(el);
        expect(r.full, r.why).to.equal(true);
      });

  it('a 1920 design with a long title and a note in header-end: the whole title, and the bar stays inside the stage', async () => {
    const el = await mount(1920, 'zh-CN', '重庆市永川区 · 党建引领基层治理与产业高质量发展综合数据大屏（2022 年度）', true);
    const r = titleShown(el);
    expect(r.full, r.why).to.equal(true);
    const bar = part(el, 'header').getBoundingClientRect();
    const content = part(el, 'content').getBoundingClientRect();
    expect(content.top, 'the content starts under the title bar').to.be.at.least(bar.bottom - 0.5);
  });

  it('a title that fits keeps the one-row bar of the design height (88 px)', async () => {
    const el = await mount(1920, 'zh-CN', '永川区数据大屏', false);
    expect(part(el, 'header').getBoundingClientRect().height).to.be.closeTo(88, 0.5);
    expect(titleShown(el).full).to.equal(true);
  });
});

describe('civic-screen snapshot of a wrapped title (A2)', () => {
  it('draws the title line by line as the bar shows it, not squeezed into one line', async () => {
    const el = await mount(640, 'zh-CN', '永川区 · 党建引领基层治理与产业发展', false);
    const drawn: { text: string; width: number; max?: number }[] = [];
    const proto = CanvasRenderingContext2D.prototype;
    const fillText = proto.fillText;
    proto.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, max?: number) {
      if (/[永川党建产业]/.test(text)) drawn.push({ text, width: this.measureText(text).width, max });
      return fillText.call(this, text, x, y, max);
    };
    try {
      await el.snapshot();
    } finally {
      proto.fillText = fillText;
    }
    expect(drawn.map((d) => d.text).join('').replace(/\s+/g, ''), 'the whole title').to.equal('永川区·党建引领基层治理与产业发展');
    for (const d of drawn) expect(d.width, `"${d.text}" drawn ${Math.round(d.width)} px wide into ${Math.round(d.max ?? Infinity)}`).to.be.at.most((d.max ?? Infinity) + 0.5);
  });
});
