// Windows high contrast (forced colours) and the rank badges (A2, session 18). The ranking's top three rank numbers
// (part rank-top) and the growth chart's rank badge (part rank, "主城都市区第3位") are written in the surface colour
// on the accent colour. In forced colours the host tokens make that Canvas text on Highlight, and the browser paints
// the badge's background Canvas: the text vanishes. Seen with Playwright's real emulation (forcedColors: 'active')
// on demo/index.html and demo/screen.html: three empty outlined boxes at the top of the ranking and an empty box
// under the growth charts' titles (/work/notes/s18/a2/README.md).
// wtr's chromeLauncher cannot emulate forced colours (see a11y-media.test.ts), so, as there, the elements' own
// `@media (forced-colors: active)` rules (and the shared host rules) are applied unconditionally, and the badges' text
// must then not be in the Canvas system colour (the colour forced backgrounds are painted in).
import { expect, html } from '@open-wc/testing';
import { DEADLINE, frames, until as poll } from './fixtures/wait.js';
import { render } from 'lit';
import '../../src/components/rank-board/rank-board.define.js';
import '../../src/components/growth-chart/growth-chart.define.js';
import RANK from '../../demo/data/rank-communities.json';
import GROWTH from '../../demo/data/growth.json';

const until = (cond: () => boolean, what: string) => poll(cond, `timed out waiting for ${what}`, DEADLINE);

/** The colour a system colour keyword resolves to here. */
function system(name: string): string {
  const probe = document.createElement('span');
  probe.style.color = name;
  document.body.append(probe);
  const c = getComputedStyle(probe).color;
  probe.remove();
  return c;
}

/** Adopts every `@media (forced-colors: active)` rule of the element's shadow root without its condition. */
function applyForcedRules(el: Element): void {
  const sr = el.shadowRoot!;
  const inner: string[] = [];
  for (const sheet of sr.adoptedStyleSheets)
    for (const rule of sheet.cssRules)
      if (rule instanceof CSSMediaRule && /forced-colors:\s*active/.test(rule.conditionText)) for (const r of rule.cssRules) inner.push(r.cssText);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(inner.join('\n'));
  sr.adoptedStyleSheets = [...sr.adoptedStyleSheets, sheet];
}

describe('forced colours: rank badges keep their text', function () {
  this.timeout(60000);
  let box: HTMLElement;
  const $ = (tag: string) => box.querySelector(tag)!;
  const parts = (tag: string, name: string) => [...$(tag).shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];

  before(async () => {
    const loads = new Set<string>();
    box = document.createElement('div');
    box.style.width = '800px';
    document.body.append(box);
    render(
      html`<div @civic-load=${(e: Event) => loads.add((e.target as Element).localName)}>
        <civic-rank-board .data=${RANK} rows-visible="5" interval="0"></civic-rank-board>
        <civic-growth-chart .data=${GROWTH} kind="value-growth" series="gdp"></civic-growth-chart>
      </div>`,
      box,
    );
    await until(() => loads.has('civic-rank-board') && loads.has('civic-growth-chart'), 'civic-load from both');
    await until(() => parts('civic-rank-board', 'rank-top').length > 0 && parts('civic-growth-chart', 'rank').length > 0, 'rank badges');
    // The shared host rules (media.ts) arrive with the elements' first update; wait until they are adopted.
    await until(() => ['civic-rank-board', 'civic-growth-chart'].every((t) => $(t).shadowRoot!.adoptedStyleSheets.some((s) => [...s.cssRules].some((r) => r instanceof CSSMediaRule && /forced-colors/.test(r.conditionText)))), 'forced-colours rules adopted');
    applyForcedRules($('civic-rank-board'));
    applyForcedRules($('civic-growth-chart'));
    await frames(2);
  });
  after(() => box.remove());

  it('Canvas and CanvasText differ here (so the check can fail)', () => {
    expect(system('Canvas')).to.not.equal(system('CanvasText'));
  });

  for (const [tag, part] of [['civic-rank-board', 'rank-top'], ['civic-growth-chart', 'rank']] as const)
    it(`<${tag}> [part~=${part}]: its text is not in Canvas, the colour of a forced background`, () => {
      const canvas = system('Canvas');
      const els = parts(tag, part);
      expect(els.length).to.be.greaterThan(0);
      const bad = els.filter((e) => getComputedStyle(e).color === canvas).map((e) => `"${e.textContent!.trim()}" ${getComputedStyle(e).color} on ${getComputedStyle(e).backgroundColor}`);
      expect(bad, 'invisible in Windows high contrast').to.deep.equal([]);
    });
});
