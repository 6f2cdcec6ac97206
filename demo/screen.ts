// The data wall. Like demo.ts it loads the library from src/: one import registers every element.
import './dev-notices.js'; // first: before Lit is evaluated
import '../src/define.js';

// Query parameters for trying the screen's options without editing the page:
//   ?mode=fit|fill|width  ?tour=<seconds>  ?lang=en  ?design=3840x2160  ?theme=light
const params = new URLSearchParams(location.search);
const wall = document.getElementById('wall');
if (wall) {
  const mode = params.get('mode');
  if (mode === 'fit' || mode === 'fill' || mode === 'width') wall.setAttribute('scale-mode', mode);
  const tour = params.get('tour');
  if (tour !== null && /^\d+(\.\d+)?$/.test(tour)) wall.setAttribute('tour', tour);
  const design = /^(\d{3,5})x(\d{3,5})$/.exec(params.get('design') ?? '');
  if (design) {
    wall.setAttribute('design-width', design[1]);
    wall.setAttribute('design-height', design[2]);
  }
  // A window smaller than the 1920×1080 design (a 1366×768 laptop, a page zoomed to 200 %, but also a 1920 screen
  // less its taskbar, 1920×1040) would scale every text below the 14 px floor (14 px × 0.71 = 10 px; × 0.96 =
  // 13.5 px: the wall's smallest texts are designed at 14 px, so any scale under 1 is too small). There the wall is
  // laid out at the window's own width instead (scale 1, the compact or narrow layout of screen.css) and the page
  // scrolls. ?design= or ?mode= keep the scaled wall.
  if (!design && !mode) {
    /** The height a grid's rows take as laid out (their sizes, the gaps between them, its padding). */
    const rowsHeight = (grid: HTMLElement): number => {
      const s = getComputedStyle(grid);
      const rows = (s.gridTemplateRows.match(/[\d.]+px/g) ?? []).map(parseFloat);
      return rows.reduce((a, b) => a + b, 0) + (parseFloat(s.rowGap) || 0) * Math.max(0, rows.length - 1) + parseFloat(s.paddingTop) + parseFloat(s.paddingBottom);
    };
    const fitWall = () => {
      const compact = Math.min(innerWidth / 1920, innerHeight / 1080) < 0.999;
      document.documentElement.classList.toggle('wall-compact', compact);
      // The long note leaves the title bar (the heading would be cut) for a row of its own above the panels.
      const note = wall.querySelector('.demo-note');
      if (compact) note?.removeAttribute('slot');
      else note?.setAttribute('slot', 'header-end');
      if (compact) {
        // Two columns from 1200 px (a 1366 laptop), one below (a 200 % zoomed page, a tablet, a phone: laid out at
        // the phone's own width, not at 640 px scaled to 0.56, which took 14 px texts to 7.9 px).
        const width = Math.max(320, document.documentElement.clientWidth);
        const narrow = width < 1200;
        wall.setAttribute('data-layout', narrow ? 'narrow' : 'compact');
        wall.setAttribute('scale-mode', 'width');
        wall.setAttribute('design-width', String(width));
        // The title bar's height (it wraps onto a second row or more where the title does not fit beside the clock:
        // the bar grows rather than cutting the title) plus the rows': those of content size (screen.css) are as tall
        // as they need, so the design is too: the sum of the rows as laid out (not the content's scrollHeight, never
        // less than the height given: the design would not shrink when a switch to Chinese unwraps a legend).
        const bar = wall.shadowRoot?.querySelector<HTMLElement>('[part~="header"]');
        const content = wall.shadowRoot?.querySelector<HTMLElement>('[part~="content"]');
        const height = bar && content ? bar.offsetHeight + rowsHeight(content) : narrow ? 3420 : 1840;
        // A pixel either way is rounding: following it could move the wall a pixel per frame.
        if (Math.abs(height - Number(wall.getAttribute('design-height'))) > 1) wall.setAttribute('design-height', String(height));
      } else if (wall.hasAttribute('data-layout')) {
        for (const a of ['data-layout', 'scale-mode', 'design-width', 'design-height']) wall.removeAttribute(a);
      }
    };
    fitWall();
    addEventListener('resize', () => (fitWall(), kpiColumns()));
    // The title bar's height is known once the screen has rendered (and changes with the language and the width).
    customElements.whenDefined('civic-screen').then(async () => {
      await (wall as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      const bar = wall.shadowRoot?.querySelector('[part~="header"]');
      const watch = new ResizeObserver(() => (fitWall(), kpiColumns()));
      if (bar) watch.observe(bar);
      for (const panel of wall.querySelectorAll('.panel')) watch.observe(panel);
    });
  }
  const theme = params.get('theme');
  if (theme === 'light' || theme === 'dark') wall.setAttribute('theme', theme);
}
const lang = params.get('lang');
if (lang === 'en' || lang === 'zh-CN') document.documentElement.lang = lang;

// The page's own words in English (the elements translate their UI themselves; data such as place names stays as
// published): data-en replaces an element's text, data-en-text its own text runs, data-en-label its aria-label,
// data-en-heading / data-en-data-time the screen's title and data time. They follow the page's language, set by ?lang=
// or changed while the wall runs (<html lang> set by a host or a kiosk script): the elements follow it by themselves,
// so the page's words and the KPI grid's columns must too, or a switch to English leaves Chinese captions and tiles
// too narrow for their English figures (the figure then shrinks under the 14 px floor).
type Words = { text?: string; runs?: string[]; label?: string | null; heading?: string | null; dataTime?: string | null };
const chinese = new Map<Element, Words>(); // the page's own Chinese words, kept at the first switch to English
let shown: 'en' | 'zh' = 'zh';
function applyPageLanguage(): void {
  const en = document.documentElement.lang.toLowerCase().startsWith('en');
  if ((en ? 'en' : 'zh') === shown) return;
  shown = en ? 'en' : 'zh';
  const keep = (el: Element, w: Words) => chinese.set(el, { ...w, ...chinese.get(el) });
  for (const el of document.querySelectorAll<HTMLElement>('[data-en]')) {
    keep(el, { text: el.textContent ?? '' });
    el.textContent = en ? (el.dataset.en ?? '') : (chinese.get(el)?.text ?? el.textContent);
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-en-label]')) {
    keep(el, { label: el.getAttribute('aria-label') });
    const zh = chinese.get(el)?.label;
    if (en) el.setAttribute('aria-label', el.dataset.enLabel ?? '');
    else if (zh != null) el.setAttribute('aria-label', zh);
  }
  // data-en-text: the element's own text runs (beside its child elements), in order, separated by |.
  for (const el of document.querySelectorAll<HTMLElement>('[data-en-text]')) {
    const runs = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
    keep(el, { runs: runs.map((r) => r.textContent ?? '') });
    const zh = chinese.get(el)?.runs ?? [];
    (en ? (el.dataset.enText ?? '').split('|').map((t) => ` ${t.trim()} `) : zh).forEach((text, i) => {
      if (runs[i]) runs[i].textContent = text;
    });
  }
  if (wall?.dataset.enHeading) {
    keep(wall, { heading: wall.getAttribute('heading'), dataTime: wall.getAttribute('data-time') });
    const zh = chinese.get(wall)!;
    const set = (name: string, v: string | null | undefined) => (v == null ? wall.removeAttribute(name) : wall.setAttribute(name, v));
    set('heading', en ? wall.dataset.enHeading : zh.heading);
    if (wall.dataset.enDataTime) set('data-time', en ? wall.dataset.enDataTime : zh.dataTime);
  }
  kpiColumns();
}
/**
 * The KPI grid's columns: English figures with their words ("over 170K people") need wider tiles than Chinese ones
 * (超17万人): two columns, three in Chinese; fewer where the panel is narrow (a phone: three Chinese tiles in 280 px
 * squeezed their figures to the floor and their labels onto three lines).
 */
function kpiColumns(): void {
  const grid = document.querySelector<HTMLElement>('civic-kpi-grid');
  if (!grid) return;
  const most = shown === 'en' ? 2 : 3;
  const width = grid.clientWidth;
  const n = width > 0 ? Math.max(1, Math.min(most, Math.floor(width / 125))) : most;
  if (grid.getAttribute('columns') !== String(n)) grid.setAttribute('columns', String(n));
}
applyPageLanguage();
new MutationObserver(applyPageLanguage).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
