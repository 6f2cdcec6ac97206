// G2 s18 (issue 16): the style recalculation + layout of the element's first picture alone, by part (g2-parts.mjs).
// One element draws a first picture like the bench's (40 illustrative quarters, one series); its shadow tree's markup
// is copied into fresh shadow roots under the same style sheets, each built hidden (display: none) one frame before;
// timed: showing it and the forced style + layout. Variants change the copy (CSS added, nodes removed; not pictures
// the element may draw: upper bounds of what a part costs); `base2` is an A/A yardstick.
import '../../src/components/growth-chart/growth-chart.define.js';

type Variant = { css?: string; dom?: (root: ShadowRoot) => void };
const rm = (sel: string) => (r: ShadowRoot) => r.querySelectorAll(sel).forEach((n) => n.remove());
export const variants: Record<string, Variant> = {
  base: {},
  base2: {},
  'no-footer': { dom: rm('[part~="legend"], [part~="notes"]') },
  'no-header': { dom: rm('[part~="header"]') },
  'no-svg': { dom: rm('svg') },
  'no-svg-text': { dom: rm('svg text') },
  'no-x-text': { dom: rm('.x-axis text') },
  'no-y-text': { dom: rm('.axis-left text, .axis-right text') },
  'no-bars': { dom: rm('rect.bar') },
  'no-dots': { dom: rm('circle.dot') },
  'bars-solid': { dom: (r) => r.querySelectorAll('rect.bar').forEach((b) => b.classList.remove('illustrative')) },
  'no-frame-extras': { dom: rm('pattern, path.grid, text.axis-title, g.annotations, line.zero') },
  'svg-raw': { dom: (r) => rawLike(r, false, false) },
  'svg-raw-class': { dom: (r) => rawLike(r, true, false) },
  'svg-raw-groups': { dom: (r) => rawLike(r, false, true) },
  'figure-block': { css: `[part~='base'] { display: block; } [part~='base'] > * + * { margin-top: var(--_space-xs); }` },
  'svg-sans': { css: `[part~='plot'] { font-family: sans-serif; }` },
  'no-dy': { dom: (r) => r.querySelectorAll('text[dy]').forEach((t) => t.removeAttribute('dy')) },
  'no-data-attrs': { dom: (r) => r.querySelectorAll('[data-key]').forEach((b) => (b.removeAttribute('data-key'), b.removeAttribute('data-series'))) },
};

/** The SVG made like raw d3 plain's: no grid, titles, zero line, annotations or pattern; no classes (unless `keepClass`), data attributes or dy; bar fill as an attribute; marks flat under g.marks (unless `keepGroups`). */
function rawLike(r: ShadowRoot, keepClass: boolean, keepGroups: boolean): void {
  rm('pattern, path.grid, text.axis-title, g.annotations, line.zero')(r);
  const marks = r.querySelector('g.marks')!;
  if (!keepGroups) {
    const all = [...marks.querySelectorAll('rect.bar, path.line, circle.dot')];
    marks.textContent = '';
    marks.append(...all);
  }
  for (const el of r.querySelectorAll('svg *')) {
    if (!keepClass) el.removeAttribute('class');
    el.removeAttribute('data-key');
    el.removeAttribute('data-series');
    el.removeAttribute('dy');
    if (el.localName === 'rect') el.setAttribute('fill', '#0072b2');
    if (el.localName === 'path') (el.setAttribute('fill', 'none'), el.setAttribute('stroke', '#1f2933'));
  }
}

let markup = '';
let sheets: CSSStyleSheet[] = [];
const extra = new Map<string, CSSStyleSheet>();
export async function prepare(): Promise<string[]> {
  const box = document.createElement('div');
  box.className = 'box';
  const el = document.createElement('civic-growth-chart') as HTMLElement & { data: unknown; whenDrawn(): Promise<void>; updateComplete: Promise<boolean> };
  box.append(el);
  document.body.append(box);
  await el.updateComplete;
  let s = 7;
  const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  const pts = Array.from({ length: 40 }, (_, i) => ({ period: `${2013 + Math.floor(i / 4)}Q${(i % 4) + 1}`, value: Math.round((150 + i * 4 + rnd() * 60) * 10) / 10, growth: Math.round((rnd() * 16 - 4) * 10) / 10, illustrative: true }));
  el.data = { series: [{ id: 'gdp', name: '地区生产总值（示例）', unit: '亿元', basis: 'period', points: pts }] };
  await el.whenDrawn();
  markup = el.shadowRoot!.innerHTML;
  sheets = [...el.shadowRoot!.adoptedStyleSheets];
  for (const [k, v] of Object.entries(variants)) {
    if (!v.css) continue;
    const sh = new CSSStyleSheet();
    sh.replaceSync(v.css);
    extra.set(k, sh);
  }
  box.remove();
  return Object.keys(variants);
}

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
export async function runParts(n: number, order: string[], marked: boolean): Promise<void> {
  for (let i = 0; i < n; i++) {
    for (const name of order) {
      const v = variants[name];
      const box = document.createElement('div');
      box.className = 'box';
      box.style.display = 'none';
      const host = document.createElement('div');
      const root = host.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = extra.has(name) ? [...sheets, extra.get(name)!] : sheets;
      root.innerHTML = markup;
      v.dom?.(root);
      box.append(host);
      document.body.append(box);
      await nextFrame();
      if (marked) performance.mark(`g2p|${name}|first|s`);
      box.style.display = '';
      document.body.getBoundingClientRect();
      if (marked) performance.mark(`g2p|${name}|first|e`);
      box.remove();
    }
  }
}
Object.assign(window, { prepare, runParts,   });
