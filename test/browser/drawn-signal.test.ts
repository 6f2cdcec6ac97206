// One drawn signal (issue 16): every element fires `civic-drawn` once per completed picture — after data, resize,
// theme and language change — and `whenDrawn()` resolves on a picture: never before one exists, and not while a
// redraw is due. Counts are read after the element went quiet (frames + updateComplete + whenDrawn), so a second
// event for the same change would be seen.
import { expect, fixture, html } from '@open-wc/testing';
import { frames, until } from './fixtures/wait.js';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import '../../src/components/kpi-grid/kpi-grid.define.js';
import '../../src/components/rank-board/rank-board.define.js';
import '../../src/components/growth-chart/growth-chart.define.js';
import '../../src/components/screen/screen.define.js';
import type { CivicDrawnEvent, DrawnReason } from '../../src/core/events/drawn-event.js';
import { deepText } from './fixtures/deep-text.js';

type Drawable = HTMLElement & { whenDrawn(): Promise<void>; updateComplete: Promise<boolean>; data?: unknown; dataStatus?: string };

interface Case {
  tag: string;
  attrs?: Record<string, string>;
  a: unknown;
  b: unknown;
  /** Text that shows the picture holds `b` (read from the shadow root when whenDrawn() resolves). */
  bText: string;
}

const kpis = (v: number) => ({ title: '指标', items: [{ id: 'a', label: '在校学生', value: v, unit: '人' }, { id: 'b', label: '专任教师', value: 9100, unit: '人' }] });
const rows = (top: string) => ({ title: '测试榜', unit: '件', rows: [{ id: 'x', name: top, value: 90 }, { id: 'y', name: '社区乙', value: 40 }, { id: 'z', name: '社区丙', value: 10 }] });
const growth = (last: number) => ({
  series: [{ id: 'gdp', name: '地区生产总值', nameEn: 'GDP', unit: '亿元', points: [{ period: '2020', value: 100, growth: 2 }, { period: '2021', value: 120, growth: 3 }, { period: '2022', value: last, growth: 4 }] }],
});

const CASES: Case[] = [
  { tag: 'civic-kpi-tile', a: { label: '地区生产总值', value: 860.9, unit: '亿元' }, b: { label: '地区生产总值', value: 912.5, unit: '亿元' }, bText: '912.5', attrs: { motion: 'reduce' } },
  { tag: 'civic-kpi-grid', a: kpis(170000), b: kpis(180000), bText: '18', attrs: { motion: 'reduce' } },
  { tag: 'civic-rank-board', a: rows('社区甲'), b: rows('社区丁'), bText: '社区丁', attrs: { interval: '0' } },
  { tag: 'civic-growth-chart', a: growth(130), b: growth(155), bText: '155' },
];

/** Lets every consequence of the last change happen: frames (resize observers, fits), updates, the picture. */
async function quiet(el: Drawable): Promise<void> {
  for (let i = 0; i < 2; i++) {
    await frames(3);
    await el.updateComplete;
    await el.whenDrawn();
  }
}

function watch(el: Element): CivicDrawnEvent[] {
  const seen: CivicDrawnEvent[] = [];
  // On the element itself (bubbling events of inner elements have another target).
  el.addEventListener('civic-drawn', (e) => {
    if (e.target === el) seen.push(e as CivicDrawnEvent);
  });
  return seen;
}

/** Makes one change and expects exactly one more civic-drawn, carrying `reason`. */
async function oneDrawnFor(el: Drawable, seen: CivicDrawnEvent[], reason: DrawnReason, change: () => void): Promise<void> {
  const before = seen.length;
  change();
  // Data set as a property is due at once: whenDrawn() asked right after must wait for the next picture. A size,
  // theme or lang change is known only when the browser reports it (resize/mutation observers): ask after that.
  if (reason !== 'data') await frames(2);
  const at = el.whenDrawn().then(() => seen.length);
  await until(() => seen.length > before, `civic-drawn after ${reason} change`);
  expect(await at, `whenDrawn() after the ${reason} change resolves with the picture, not before`).to.equal(before + 1);
  await quiet(el);
  expect(seen.length - before, `civic-drawn events for one ${reason} change`).to.equal(1);
  expect(seen[seen.length - 1].detail.reasons, 'detail.reasons').to.include(reason);
}

describe('civic-drawn and whenDrawn()', () => {
  let error: typeof console.error;
  let errors: string[];
  beforeEach(() => {
    errors = [];
    error = console.error;
    console.error = (...a: unknown[]) => void errors.push(a.map(String).join(' '));
  });
  afterEach(() => {
    console.error = error;
    expect(errors).to.deep.equal([]);
  });

  for (const c of CASES) {
    it(`${c.tag}: one civic-drawn per change (data, resize, theme, lang); whenDrawn() after the picture`, async () => {
      const wrap = await fixture<HTMLDivElement>(html`<div lang="zh-CN" theme="light" style="width:560px;height:420px"></div>`);
      const el = document.createElement(c.tag) as Drawable;
      for (const [k, v] of Object.entries(c.attrs ?? {})) el.setAttribute(k, v);
      el.style.display = 'block';
      const seen = watch(el);
      const loads: Event[] = [];
      el.addEventListener('civic-load', (e) => e.target === el && loads.push(e));

      // No picture yet: whenDrawn() waits (it never resolves before a first picture exists).
      let early = -1;
      const first = el.whenDrawn().then(() => (early = seen.length));
      wrap.append(el);
      await el.updateComplete;
      el.data = c.a;
      await until(() => seen.length >= 1, 'first civic-drawn');
      await first;
      expect(early, 'whenDrawn() before any picture resolves with the first one').to.equal(1);
      await until(() => loads.length === 1, 'civic-load');
      await quiet(el);
      expect(seen.length, 'civic-drawn events for the first data').to.equal(1);
      expect(loads.length, 'civic-load once').to.equal(1);

      await oneDrawnFor(el, seen, 'data', () => (el.data = c.b));
      expect(deepText(el.shadowRoot!), 'the picture holds the new data when whenDrawn() resolved').to.contain(c.bText);
      await until(() => loads.length === 2, 'civic-load for the new data');
      await oneDrawnFor(el, seen, 'resize', () => (wrap.style.width = '420px'));
      await oneDrawnFor(el, seen, 'theme', () => wrap.setAttribute('theme', 'dark'));
      await oneDrawnFor(el, seen, 'lang', () => wrap.setAttribute('lang', 'en'));
      // A redraw without a change (a highlight) is no new picture.
      (el as unknown as { highlight(id: string | null): void }).highlight('a');
      await quiet(el);
      expect(seen.length, 'no civic-drawn without a change').to.equal(5);
      expect(loads.length, 'civic-load only for data').to.equal(2);
    });
  }

  for (const c of CASES) {
    it(`${c.tag} drawn inside a hidden tab (display: none): showing it is a size change, one civic-drawn with 'resize'`, async () => {
      const wrap = await fixture<HTMLDivElement>(html`<div lang="zh-CN" theme="light" style="width:560px;height:420px;display:none"></div>`);
      const el = document.createElement(c.tag) as Drawable;
      for (const [k, v] of Object.entries(c.attrs ?? {})) el.setAttribute(k, v);
      el.style.display = 'block';
      const seen = watch(el);
      wrap.append(el);
      el.data = c.a;
      if (c.tag === 'civic-growth-chart') {
        el.style.height = '320px';
        // The chart lays its plot out from its box: with none there is no picture yet, and the first comes when shown.
        await frames(3);
        await el.updateComplete;
        expect(seen.length, 'no picture without a box').to.equal(0);
        const first = el.whenDrawn().then(() => seen.length);
        wrap.style.display = 'block';
        expect(await first, 'whenDrawn() resolves with the first picture, once shown').to.equal(1);
        await quiet(el);
        expect(seen.length).to.equal(1);
        expect(seen[0].detail.reasons).to.include('first');
        return;
      }
      await until(() => seen.length >= 1, 'first civic-drawn, while hidden');
      await quiet(el);
      expect(seen.length, 'civic-drawn events for the first data').to.equal(1);
      await oneDrawnFor(el, seen, 'resize', () => (wrap.style.display = 'block'));
      expect(el.getBoundingClientRect().width, 'shown').to.be.greaterThan(0);
    });
  }

  it('civic-screen: one civic-drawn per change (resize, theme, lang), after the elements on its stage are drawn', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="zh-CN" theme="light" style="width:960px;height:540px;position:relative"></div>`);
    const screen = document.createElement('civic-screen') as Drawable;
    screen.setAttribute('idle-cursor', '0');
    screen.style.cssText = 'width:100%;height:100%';
    const tile = document.createElement('civic-kpi-tile') as Drawable;
    tile.setAttribute('motion', 'reduce');
    screen.append(tile);
    const seen = watch(screen);
    let early = -1;
    const first = screen.whenDrawn().then(() => (early = seen.length));
    let tileDrawnAtFirst = false;
    screen.addEventListener('civic-drawn', (e) => {
      if (e.target === screen && seen.length === 1) tileDrawnAtFirst = deepText(tile.shadowRoot!).includes('860.9');
    });
    wrap.append(screen);
    tile.data = { label: '地区生产总值', value: 860.9, unit: '亿元' };
    await until(() => seen.length >= 1, 'first civic-drawn of the screen');
    await first;
    expect(early, 'whenDrawn() resolves with the first picture').to.equal(1);
    expect(tileDrawnAtFirst, 'the tile on the stage is drawn when the screen says drawn').to.equal(true);
    await quiet(screen);
    expect(seen.length, 'civic-drawn events for the first picture').to.equal(1);
    await oneDrawnFor(screen, seen, 'resize', () => (wrap.style.height = '480px'));
    // The screen is dark unless told otherwise (theme="dark" on itself): switch it to light.
    await oneDrawnFor(screen, seen, 'theme', () => screen.setAttribute('theme', 'light'));
    await oneDrawnFor(screen, seen, 'lang', () => wrap.setAttribute('lang', 'en'));
  });
});
