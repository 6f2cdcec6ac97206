// The demo pages load the library straight from src/ (Vite serves TypeScript), exactly as the
// published define entry does: one import registers every element.
import './dev-notices.js'; // first: before Lit is evaluated
import '../src/define.js';

const langBtn = document.getElementById('toggle-lang');
const themeBtn = document.getElementById('toggle-theme');
const root = document.documentElement;

// The page's own words in the language chosen (the elements translate their UI themselves): data-en holds an
// element's English text, data-en-label its English aria-label; data-en-only shows only in English.
function pageLanguage(en: boolean): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-en]')) {
    el.dataset.zh ??= el.textContent ?? '';
    el.textContent = (en ? el.dataset.en : el.dataset.zh) ?? '';
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-en-label]')) {
    el.dataset.zhLabel ??= el.getAttribute('aria-label') ?? '';
    el.setAttribute('aria-label', (en ? el.dataset.enLabel : el.dataset.zhLabel) ?? '');
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-en-only]')) el.hidden = !en;
}
langBtn?.addEventListener('click', () => {
  const en = root.lang !== 'en';
  root.lang = en ? 'en' : 'zh-CN';
  langBtn.textContent = en ? '中文' : 'English';
  langBtn.setAttribute('aria-pressed', String(en));
  pageLanguage(en);
  themeLabel();
});
function themeLabel(): void {
  if (!themeBtn) return;
  const dark = root.getAttribute('theme') === 'dark';
  themeBtn.textContent = root.lang === 'en' ? (dark ? 'Light' : 'Dark') : dark ? '浅色' : '深色';
}
function setTheme(dark: boolean): void {
  root.setAttribute('theme', dark ? 'dark' : 'light');
  themeBtn?.setAttribute('aria-pressed', String(dark));
  themeLabel();
}
themeBtn?.addEventListener('click', () => setTheme(root.getAttribute('theme') !== 'dark'));

// ?theme=dark|light and ?lang=en|zh-CN open the page in that theme / language (as screen.html does).
const params = new URLSearchParams(location.search);
const theme = params.get('theme');
if (theme === 'dark' || theme === 'light') setTheme(theme === 'dark');
if (params.get('lang') === 'en') langBtn?.click();
