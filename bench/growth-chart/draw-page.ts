// Page of draw.mjs: the growth chart's drawing side alone (drawFrame, buildMarks) of two checkouts, into the
// element's own stylesheets in a shadow root holding the <svg> shell its Lit template renders (figure, plot area,
// svg with the hatch pattern and an empty <g class="marks">), for 8 models of the bench's 40 quarters. Each draw is
// one task (a timeout between draws, as in the element's first picture, where the drawing code runs once among other
// work: ten draws in a row measured half the CPU and hid differences) and is followed by a forced style + layout of
// what it drew. Both are marked for the runner's thread-CPU reading: `gcd|<variant>|first|s/e` (the draw) and
// `gcd|<variant>|update|s/e` (the style + layout).
import { parseGrowthData } from '../../src/components/growth-chart/growth-chart.read.js';
import { buildGrowthModel } from '../../src/components/growth-chart/growth-chart.model.js';
import { CivicGrowthChart } from '../../src/components/growth-chart/growth-chart.js';
import type { GrowthModel } from '../../src/components/growth-chart/model/types.js';

/** A checkout's drawing functions (growth-chart.plot.ts exports both). */
export interface Drawing {
  drawFrame(marks: SVGGElement, m: GrowthModel): void;
  buildMarks(target: SVGGElement, m: GrowthModel): void;
}
type Draw = (marks: SVGGElement, m: GrowthModel) => void;

function makeData(seed: number) {
  let s = seed;
  const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  return Array.from({ length: 40 }, (_, i) => ({ period: `${2013 + Math.floor(i / 4)}Q${(i % 4) + 1}`, value: Math.round((150 + i * 4 + rnd() * 60) * 10) / 10, growth: Math.round((rnd() * 16 - 4) * 10) / 10, illustrative: true }));
}
const sheets = (CivicGrowthChart as unknown as { elementStyles: { styleSheet?: CSSStyleSheet }[] }).elementStyles.map((s) => s.styleSheet!);
const models = Array.from({ length: 8 }, (_, k) => {
  const d = parseGrowthData({ series: [{ id: 'gdp', name: '地区生产总值（示例）', unit: '亿元', basis: 'period', points: makeData(k + 1) }] }).value!;
  return buildGrowthModel(d.series, { kind: 'value-growth', width: 960, height: 256, lang: 'zh-CN', hidden: [], selected: null, reference: null, sort: 'value', measure: 'value', basis: 'published', fontSize: 12 });
});

/** The element's DOM up to the empty marks group, laid out. */
function shell(m: GrowthModel): { host: HTMLElement; marks: SVGGElement } {
  const host = document.createElement('div');
  host.style.width = '960px';
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = sheets;
  root.innerHTML = `<figure part="base"><div part="plot-area"><svg part="plot" width="${m.width}" height="${m.height}" viewBox="0 0 ${m.width} ${m.height}" class="vg"><pattern id="hatch-s0" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" class="hatch-bg s0"></rect><line x1="0" y1="0" x2="0" y2="6" class="hatch-line"></line></pattern><g class="marks"></g></svg></div></figure>`;
  document.body.append(host);
  host.getBoundingClientRect();
  return { host, marks: root.querySelector('g.marks') as SVGGElement };
}

export function setup(checkouts: Record<string, Drawing>): void {
  const variants: Record<string, Draw> = {};
  for (const [name, d] of Object.entries(checkouts)) {
    variants[`frame-${name}`] = (g, m) => d.drawFrame(g, m);
    variants[`marks-${name}`] = (g, m) => d.buildMarks(g, m);
    variants[`both-${name}`] = (g, m) => {
      d.drawFrame(g, m);
      d.buildMarks(g, m);
    };
  }
  const w = window as unknown as Record<string, unknown>;
  w.drawVariants = () => Object.keys(variants);
  /** `n` draws of each variant in `order`, one per task; returns the node count each drew. */
  w.runDraws = async (n: number, order: string[], marked: boolean, frames = 0) => {
    const nodes: Record<string, number> = {};
    for (let i = 0; i < n; i++) {
      for (const v of order) {
        const m = models[i % models.length];
        const { host, marks } = shell(m);
        for (let f = 0; f < frames; f++) await new Promise((r) => requestAnimationFrame(r));
        await new Promise((r) => setTimeout(r, 0));
        if (marked) performance.mark(`gcd|${v}|first|s`);
        variants[v](marks, m);
        if (marked) performance.mark(`gcd|${v}|first|e`);
        if (marked) performance.mark(`gcd|${v}|update|s`);
        document.body.getBoundingClientRect();
        if (marked) performance.mark(`gcd|${v}|update|e`);
        nodes[v] = host.shadowRoot!.querySelectorAll('svg *').length;
        host.remove();
      }
    }
    return nodes;
  };
  w.runBench = () => 0;
}
