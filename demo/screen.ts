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
    const fitWall = () => {
      const compact = Math.min(innerWidth / 1920, innerHeight / 1080) < 0.999;
      document.documentElement.classList.toggle('wall-compact', compact);
      // The long note leaves the title bar (the heading would be cut) for a row of its own above the panels.
      const note = wall.querySelector('.demo-note');
      if (compact) note?.removeAttribute('slot');
      else note?.setAttribute('slot', 'header-end');
      if (compact) {
        // Two columns from 1200 px (a 1366 laptop), one below (a 200 % zoomed page): the heights of screen.css.
        const width = Math.max(640, document.documentElement.clientWidth);
        const narrow = width < 1200;
        wall.setAttribute('data-layout', narrow ? 'narrow' : 'compact');
        wall.setAttribute('scale-mode', 'width');
        wall.setAttribute('design-width', String(width));
        wall.setAttribute('design-height', narrow ? '3420' : '1840');
      } else if (wall.hasAttribute('data-layout')) {
        for (const a of ['data-layout', 'scale-mode', 'design-width', 'design-height']) wall.removeAttribute(a);
      }
    };
    fitWall();
    addEventListener('resize', fitWall);
  }
  const theme = params.get('theme');
  if (theme === 'light' || theme === 'dark') wall.setAttribute('theme', theme);
}
const lang = params.get('lang');
if (lang === 'en' || lang === 'zh-CN') document.documentElement.lang = lang;
// The page's own words in English (the elements translate their UI themselves; data such as place names stays as
// published): data-en replaces an element's text, data-en-text its own text runs, data-en-label its aria-label,
// data-en-heading / data-en-data-time the screen's title and data time.
if (lang === 'en') {
  for (const el of document.querySelectorAll<HTMLElement>('[data-en]')) el.textContent = el.dataset.en ?? '';
  for (const el of document.querySelectorAll<HTMLElement>('[data-en-label]')) el.setAttribute('aria-label', el.dataset.enLabel ?? '');
  // data-en-text: the element's own text runs (beside its child elements), in order, separated by |.
  for (const el of document.querySelectorAll<HTMLElement>('[data-en-text]')) {
    const runs = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
    (el.dataset.enText ?? '').split('|').forEach((text, i) => {
      if (runs[i]) runs[i].textContent = ` ${text.trim()} `;
    });
  }
  if (wall?.dataset.enHeading) wall.setAttribute('heading', wall.dataset.enHeading);
  if (wall?.dataset.enDataTime) wall.setAttribute('data-time', wall.dataset.enDataTime);
}
// English figures with their words ("over 170K people") need wider tiles than Chinese ones (超17万人): two columns.
if (lang === 'en') document.querySelector('civic-kpi-grid')?.setAttribute('columns', '2');
