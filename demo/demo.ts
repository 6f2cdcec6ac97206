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
themeBtn?.addEventListener('click', () => {
  const dark = root.getAttribute('theme') !== 'dark';
  root.setAttribute('theme', dark ? 'dark' : 'light');
  themeBtn.textContent = dark ? '浅色' : '深色';
  themeBtn.setAttribute('aria-pressed', String(dark));
});
