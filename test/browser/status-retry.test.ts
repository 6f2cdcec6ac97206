// Repro for F (session 16, A2): the Retry button of the shared status banner is the browser's own button (light grey
// #efefef) under the element's text colour, which in the dark theme is #e8f0fa: contrast ~1.1, the word is invisible.
// Seen on the demo wall with one failing source (kpi grid, rank board). Patch: /work/notes/s16/a2/status-retry-button.patch.
import { expect, fixture, html } from '@open-wc/testing';
import { until } from './fixtures/wait.js';
import '../../src/components/kpi-grid/kpi-grid.define.js';
import '../../src/components/rank-board/rank-board.define.js';

const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
const lum = ([r, g, b]: number[]) => {
  const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
};
/** The first opaque background at or above `el` (composed tree). */
function backgroundOf(el: Element | null): number[] {
  for (let a: Element | null = el; a; a = a.parentElement ?? ((a.getRootNode() as ShadowRoot).host ?? null)) {
    const c = rgb(getComputedStyle(a).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] > 0.9)) return c.slice(0, 3);
  }
  return [255, 255, 255];
}

for (const tag of ['civic-kpi-grid', 'civic-rank-board'])
  describe(`${tag}: Retry in the dark theme (A2 repro)`, () => {
    it('reads at 4.5:1 or more', async () => {
      const wrap = await fixture<HTMLElement>(html`<div style="background:#0a1a2f;width:600px;height:300px" theme="dark"></div>`);
      const el = document.createElement(tag);
      el.setAttribute('theme', 'dark');
      el.setAttribute('src', '/test/fixtures/missing-a2.json');
      wrap.append(el);
      await until(() => el.shadowRoot?.querySelector('[part~="status"] button'), 'the Retry button shows');
      const b = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="status"] button')!;
      const fg = lum(rgb(getComputedStyle(b).color));
      const bg = lum(backgroundOf(b));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      expect(ratio, `"${b.textContent!.trim()}" ${getComputedStyle(b).color} on ${getComputedStyle(b).backgroundColor}`).to.be.at.least(4.5);
    });
  });
