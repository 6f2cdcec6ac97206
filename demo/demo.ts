// The demo pages load the library straight from src/ (Vite serves TypeScript), exactly as the
// published define entry does: one import registers every element.
import '../src/define.js';

const langBtn = document.getElementById('toggle-lang');
const themeBtn = document.getElementById('toggle-theme');
const root = document.documentElement;

langBtn?.addEventListener('click', () => {
  const en = root.lang !== 'en';
  root.lang = en ? 'en' : 'zh-CN';
  langBtn.textContent = en ? '中文' : 'English';
  langBtn.setAttribute('aria-pressed', String(en));
});
function setTheme(dark: boolean): void {
  root.setAttribute('theme', dark ? 'dark' : 'light');
  if (themeBtn) {
    themeBtn.textContent = dark ? '浅色' : '深色';
    themeBtn.setAttribute('aria-pressed', String(dark));
  }
}
themeBtn?.addEventListener('click', () => setTheme(root.getAttribute('theme') !== 'dark'));

// ?theme=dark|light and ?lang=en|zh-CN open the page in that theme / language (as screen.html does).
const params = new URLSearchParams(location.search);
const theme = params.get('theme');
if (theme === 'dark' || theme === 'light') setTheme(theme === 'dark');
if (params.get('lang') === 'en') langBtn?.click();
