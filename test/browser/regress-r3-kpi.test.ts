// R3 s17 regression probes: the KPI tile's legibility floor (d7afef4) in host pages the tile's authors did not write:
// a flex/grid host that changes width (the tile refits both ways), very long values, negative deltas, elder density.
import { expect, fixture, html } from '@open-wc/testing';
import { settled, until } from './fixtures/wait.js';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;

/** Text of the value line under `floor` px, cut without an ellipsis, or a value title without the whole figure. */
function problems(tile: Element, floor: number): string[] {
  const v = part(tile, 'value');
  const box = v.getBoundingClientRect();
  const out: string[] = [];
  const walk = (n: Node) => {
    for (const c of n.childNodes) {
      if (c.nodeType === 1) walk(c);
      if (c.nodeType !== 3 || !c.textContent!.trim()) continue;
      const p = c.parentElement!;
      const cs = getComputedStyle(p);
      const r = document.createRange();
      r.selectNodeContents(c);
      const b = r.getBoundingClientRect();
      if (cs.visibility !== 'visible' || b.width < 1) continue;
      const what = `"${c.textContent}" (${box.width}px)`;
      if (parseFloat(cs.fontSize) < floor - 0.05) out.push(`${what} at ${cs.fontSize} < ${floor}`);
      if (b.right > box.right + 1) {
        let clip: HTMLElement | null = p;
        while (clip && clip !== v && getComputedStyle(clip).overflowX !== 'hidden') clip = clip.parentElement;
        if (!clip || getComputedStyle(clip).textOverflow !== 'ellipsis') out.push(`${what} cut without an ellipsis`);
      }
    }
  };
  walk(v);
  const unit = tile.shadowRoot!.querySelector('[part~="unit"]')?.textContent?.trim() ?? '';
  const number = part(tile, 'number').textContent!.trim();
  if (!v.title.includes(number) || !v.title.includes(unit)) out.push(`title "${v.title}" lacks "${number}" or "${unit}"`);
  // The delta line is text too: never under the floor.
  const d = tile.shadowRoot!.querySelector<HTMLElement>('[part~="delta"]');
  if (d && d.textContent!.trim() && parseFloat(getComputedStyle(d).fontSize) < floor - 0.05) out.push(`delta at ${getComputedStyle(d).fontSize}`);
  return out;
}

const fontPx = (t: Element) => parseFloat(getComputedStyle(part(t, 'value')).fontSize);

describe('R3: KPI tile floor in foreign hosts', () => {
  it('very long values, negative deltas, elder and page density, 万人次 and an English unit: floor kept, cut only with …', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="display:grid;grid-template-columns:repeat(4,160px);gap:4px"></div>`);
    for (const density of ['', 'elder'])
      for (const [lang, unit] of [['zh-CN', '万人次'], ['en', 'thousand visitors'], ['en', 'visits']])
        for (const value of ['1234567890.12', '-98765.4321', '0.000123'])
          box.insertAdjacentHTML(
            'beforeend',
            `<civic-kpi-tile motion="reduce" lang="${lang}" ${density ? `density="${density}"` : ''} label="接待游客人次合计" value="${value}" unit="${unit}" previous="99999999999" delta-label="同比"></civic-kpi-tile>`,
          );
    await settled(box);
    const tiles = [...box.querySelectorAll<CivicKpiTile>('civic-kpi-tile')];
    const found = tiles.flatMap((t) => problems(t, t.getAttribute('density') === 'elder' ? 18 : 12));
    expect(found, found.join('\n')).to.deep.equal([]);
  });

  it('refits both ways when its flex host narrows to 160 px and widens again', async () => {
    const host = await fixture<HTMLDivElement>(html`<div style="display:flex;width:900px"><civic-kpi-tile style="flex:1" motion="reduce" lang="en" label="Visitors" value="1234567890.12" unit="thousand visitors"></civic-kpi-tile></div>`);
    const tile = host.querySelector<CivicKpiTile>('civic-kpi-tile')!;
    await settled(host);
    const wide = fontPx(tile);
    expect(problems(tile, 12)).to.deep.equal([]);
    host.style.width = '160px';
    await until(() => fontPx(tile) < wide, 'figure shrinks after the host narrows');
    await settled(host);
    expect(problems(tile, 12), 'narrow').to.deep.equal([]);
    host.style.width = '900px';
    await until(() => fontPx(tile) === wide, `figure grows back to ${wide} px (now ${fontPx(tile)})`);
    await settled(host);
    expect(problems(tile, 12), 'wide again').to.deep.equal([]);
    // Back wide, the unit sits beside the figure again (no leftover wrap).
    expect(part(tile, 'base').hasAttribute('wrap') || part(tile, 'base').classList.contains('wrap')).to.equal(false);
  });
});
