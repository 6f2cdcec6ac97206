// Page of foot.mjs: the cost of the growth chart's legend and notes (the HTML under the plot) alone. A shadow root
// with the element's own stylesheets holds the figure, the plot with a drawn 40-quarter picture (drawFrame,
// buildMarks) and the hidden slot, laid out; then, in a task of its own, one variant of the footer markup is inserted
// before the slot and style + layout forced. Both are marked for the runner's thread-CPU reading:
// `gcd|<variant>|first|s/e` (the insertion) and `gcd|<variant>|update|s/e` (the style + layout it forces).
// The forced layout also lays the plot out again (a new flex item in the figure): read variants against `onetext`
// (one div with one letter), not as absolute costs. Session 17, three runs at load 19-28 (320 each, ms over onetext):
// list items 0.33-0.35 (footer, footer-list, before the element's styles made them blocks), blocks 0.23-0.26
// (footer-block, footer-part); no-text (the same boxes, no text) 0.19-0.21; Latin text instead of Chinese and a
// <span> instead of the <button> changed little (-0.04, -0.05; a span was no gain in ab.mjs in session 16).
import { parseGrowthData } from '../../src/components/growth-chart/growth-chart.read.js';
import { buildGrowthModel } from '../../src/components/growth-chart/growth-chart.model.js';
import { CivicGrowthChart } from '../../src/components/growth-chart/growth-chart.js';
import { drawFrame, buildMarks } from '../../src/components/growth-chart/growth-chart.plot.js';

function makeData(seed: number) {
  let s = seed;
  const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  return Array.from({ length: 40 }, (_, i) => ({ period: `${2013 + Math.floor(i / 4)}Q${(i % 4) + 1}`, value: Math.round((150 + i * 4 + rnd() * 60) * 10) / 10, growth: Math.round((rnd() * 16 - 4) * 10) / 10, illustrative: true }));
}
const sheets = (CivicGrowthChart as unknown as { elementStyles: { styleSheet?: CSSStyleSheet }[] }).elementStyles.map((s) => s.styleSheet!);
// `block` (`part`: with the element's selector): the footer's <li> as plain blocks, as the element has them since
// session 17; `list`: as list items (display: list-item, the user-agent default, as before).
const extra = new CSSStyleSheet();
extra.replaceSync(`.block li { display: block; } .list li { display: list-item !important; } .part [part~='legend'] > li, .part [part~='notes'] > li { display: block; }`);
const d = parseGrowthData({ series: [{ id: 'gdp', name: '地区生产总值（示例）', unit: '亿元', basis: 'period', points: makeData(3) }] }).value!;
const m = buildGrowthModel(d.series, { kind: 'value-growth', width: 960, height: 256, lang: 'zh-CN', hidden: [], selected: null, reference: null, sort: 'value', measure: 'value', basis: 'published', fontSize: 12 });

const NAME = '地区生产总值（示例）';
const footer = (name: string, note: string, basis: string, tag = 'button') =>
  `<ul part="legend"><li><${tag} type="button" aria-pressed="true" data-series="gdp" title="显示或隐藏${name}"><span class="swatch c0" aria-hidden="true"></span><span class="swatch line vg c0" aria-hidden="true"></span> ${name}</${tag}></li><li class="axis-note"><span class="hatch-swatch" aria-hidden="true"></span> ${note}</li></ul><ul part="notes"><li>${basis}</li></ul>`;
/** Variant: [markup, class of the figure]. */
const V: Record<string, [string, string]> = {
  none: ['', ''],
  onetext: ['<div part="notes">x</div>', ''],
  footer: [footer(NAME, '含示例数据（非官方统计）', '当期值'), ''],
  'footer-again': [footer(NAME, '含示例数据（非官方统计）', '当期值'), ''], // as footer: the run's A/A spread
  'footer-block': [footer(NAME, '含示例数据（非官方统计）', '当期值'), 'block'],
  'footer-list': [footer(NAME, '含示例数据（非官方统计）', '当期值'), 'list'],
  'footer-part': [footer(NAME, '含示例数据（非官方统计）', '当期值'), 'part'],
  'no-text': [footer('', '', ''), ''],
};
const tpl: Record<string, HTMLTemplateElement> = {};
for (const [k, [html]] of Object.entries(V)) {
  tpl[k] = document.createElement('template');
  tpl[k].innerHTML = html;
}

function shell(cls: string) {
  const host = document.createElement('div');
  host.style.width = '960px';
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [...sheets, extra];
  root.innerHTML = `<figure part="base" class="${cls}"><div part="header"><slot name="caption"></slot><span class="spacer"></span></div><div part="plot-area"><svg part="plot" width="${m.width}" height="${m.height}" viewBox="0 0 ${m.width} ${m.height}" class="vg"><pattern id="hatch-s0" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" class="hatch-bg s0"></rect><line x1="0" y1="0" x2="0" y2="6" class="hatch-line"></line></pattern><g class="marks"></g></svg><span class="visually-hidden">用方向键在时期之间移动</span></div><slot hidden></slot></figure>`;
  document.body.append(host);
  const g = root.querySelector('g.marks') as SVGGElement;
  drawFrame(g, m);
  buildMarks(g, m);
  host.getBoundingClientRect();
  return { host, fig: root.querySelector('figure')!, slot: root.querySelector('slot[hidden]')! };
}

const w = window as unknown as Record<string, unknown>;
w.drawVariants = () => Object.keys(V);
w.runDraws = async (n: number, order: string[], marked: boolean, frames = 0) => {
  for (let i = 0; i < n; i++) {
    for (const v of order) {
      const { host, fig, slot } = shell(V[v][1]);
      for (let f = 0; f < frames; f++) await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => setTimeout(r, 0));
      if (marked) performance.mark(`gcd|${v}|first|s`);
      fig.insertBefore(document.importNode(tpl[v].content, true), slot);
      if (marked) performance.mark(`gcd|${v}|first|e`);
      if (marked) performance.mark(`gcd|${v}|update|s`);
      document.body.getBoundingClientRect();
      if (marked) performance.mark(`gcd|${v}|update|e`);
      host.remove();
    }
  }
  return {};
};
w.runBench = () => 0;
