// The chain graph's node types have their colours (A2, session 18). Since 2e407b7 (issue 16's weight split: the
// categorical palette moved to paletteStyles, and CivicElement's styles keep only baseHostStyles) the chain graph had
// no `--_category-*` tokens: every node type but the leader was drawn black, in the legend and on the stage, in both
// themes; on the dark wall black symbols on navy (about 1.4:1) all but vanish, and the legend no longer tells the
// types apart by colour. Checks each type's legend swatch and drawn node: a colour, distinct per type, the same in the
// legend as on the stage, and at least 3:1 against the surface (WCAG 1.4.11, graphical objects), in both themes.
import { expect, html } from '@open-wc/testing';
import { render } from 'lit';
import { until } from './fixtures/wait.js';
import '../../src/components/chain-graph/chain-graph.define.js';
import type { CivicChainGraph } from '../../src/components/chain-graph/chain-graph.js';
import demo from '../fixtures/chain-graph/chains.json';

const parse = (c: string): number[] => (/rgba?\(([^)]+)\)/.exec(c)?.[1] ?? '').split(/[ ,/]+/).filter(Boolean).map(Number);
const lum = ([r, g, b]: number[]) => {
  const f = (x: number) => ((x /= 255) <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4);
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
};
const ratio = (a: number[], b: number[]) => {
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

for (const theme of ['light', 'dark'] as const)
  describe(`<civic-chain-graph theme="${theme}">: node types keep their colours`, function () {
    this.timeout(60000);
    let el: CivicChainGraph;
    let box: HTMLElement;
    // Not fixture(): its cleanup after each test would disconnect the element the later tests read.
    before(async () => {
      box = document.createElement('div');
      document.body.append(box);
      render(html`<civic-chain-graph theme=${theme} renderer="svg" chain="auto" style="width:900px" .data=${JSON.parse(JSON.stringify(demo))}></civic-chain-graph>`, box);
      el = box.firstElementChild as CivicChainGraph;
      await el.whenDrawn();
      await until(() => el.shadowRoot!.querySelectorAll('[part="plot"] .node[data-type]').length > 0, 'nodes drawn');
    });

    after(() => box.remove());

    const swatches = () => [...el.shadowRoot!.querySelectorAll<SVGElement>('[part~="legend"] .sw[data-type]')];
    const surface = () => parse(getComputedStyle(el).backgroundColor);

    it('the legend lists several node types (so the checks below can fail)', () => {
      expect(swatches().length).to.be.greaterThan(2);
      expect(surface().length, 'the element paints a surface').to.be.greaterThan(2);
    });

    it('each type has its own colour in the legend', () => {
      const fills = swatches().map((s) => `${s.getAttribute('data-type')}: ${getComputedStyle(s).fill}`);
      const colours = new Set(swatches().map((s) => getComputedStyle(s).fill));
      expect(colours.size, fills.join('; ')).to.equal(swatches().length);
    });

    it('each legend swatch stands out from the surface (≥ 3:1)', () => {
      const low = swatches()
        .map((s) => ({ t: s.getAttribute('data-type'), k: ratio(parse(getComputedStyle(s).fill), surface()) }))
        .filter((x) => !(x.k >= 3))
        .map((x) => `${x.t} ${x.k.toFixed(2)}:1`);
      expect(low).to.deep.equal([]);
    });

    it('the nodes on the stage are drawn in their legend colour', () => {
      const legend = new Map(swatches().map((s) => [s.getAttribute('data-type'), getComputedStyle(s).fill]));
      const wrong: string[] = [];
      for (const n of el.shadowRoot!.querySelectorAll<SVGGElement>('[part="plot"] .node[data-type]')) {
        const type = n.getAttribute('data-type')!;
        const path = n.querySelector('path');
        if (!path || !legend.has(type)) continue;
        const fill = getComputedStyle(path).fill;
        if (fill !== legend.get(type)) wrong.push(`${n.getAttribute('data-id')} (${type}) ${fill} ≠ ${legend.get(type)}`);
      }
      expect(wrong.slice(0, 5), `${wrong.length} nodes`).to.deep.equal([]);
    });
  });
