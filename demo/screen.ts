// The data wall. Like demo.ts it loads the library from src/: one import registers every element.
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
  const theme = params.get('theme');
  if (theme === 'light' || theme === 'dark') wall.setAttribute('theme', theme);
}
const lang = params.get('lang');
if (lang === 'en' || lang === 'zh-CN') document.documentElement.lang = lang;
// English figures with their words ("over 170K people") need wider tiles than Chinese ones (超17万人): two columns.
if (lang === 'en') document.querySelector('civic-kpi-grid')?.setAttribute('columns', '2');
