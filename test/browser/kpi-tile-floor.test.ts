// The legibility floor in a KPI tile too narrow for its unit (README "Legibility floor"): the figure, the unit and the
// qualifier stay at or above --civic-min-text-size in screen px (12 px on a page, 14 px in screen density or under
// <civic-screen>, 18 px in elder density). The figure gives way only down to the floor; a unit that no longer fits
// beside it goes under it, inside the fixed-height value box; text that still does not fit ends with an ellipsis, and
// the whole figure stays reachable (the value's title; the live region says it).
import { expect, fixture, html } from '@open-wc/testing';
import { settled } from './fixtures/wait.js';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import '../../src/components/kpi-grid/kpi-grid.define.js';
import '../../src/components/screen/screen.define.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;

/** Problems of the value line of `tile` (screen px = CSS px × `scale`): text under `floor`, cut without …, outside the box. */
function problems(tile: Element, floor: number, scale = 1): string[] {
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
      const what = `"${c.textContent}" (${[...tile.shadowRoot!.querySelectorAll('[part~="value"] *')].map((e) => e.textContent).join('|')}, ${box.width}px)`;
      const px = parseFloat(cs.fontSize) * scale;
      if (px < floor - 0.05) out.push(`${what} at ${px} px < ${floor}`);
      // A glyph's content area (ascent + descent, larger in a CJK fallback font) may pass its line box a little.
      if (Math.min(b.bottom, box.bottom) - Math.max(b.top, box.top) < 0.75 * b.height) out.push(`${what} outside the value box's height`);
      // The figure is never cut here (the unit gives way first), and at least the start of the unit shows.
      if (p.matches('[part~="number"], [part~="suffix"]') && b.right > box.right + 1) out.push(`${what} figure cut`);
      if (p.matches('[part~="unit"]') && b.left > box.right - floor) out.push(`${what} unit not shown`);
      if (b.right > box.right + 1) {
        // Cut on the right: the box that clips it must end its line with an ellipsis.
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
  return out;
}

const LONG: Array<{ lang: string; unit: string }> = [
  { lang: 'zh-CN', unit: '万人次' },
  { lang: 'en', unit: 'thousand visitors' },
  { lang: 'en', unit: '人次' },
];
const FLOOR: Record<string, number> = { '': 12, screen: 14, elder: 18 };

describe('civic-kpi-tile: the legibility floor in a narrow tile', () => {
  for (const density of ['', 'screen', 'elder'])
    it(`keeps figure, unit and qualifier ≥ ${FLOOR[density]} px, cut only with an ellipsis (density "${density}", both languages and themes, 160–220 px)`, async () => {
      const box = await fixture<HTMLDivElement>(html`<div></div>`);
      for (const width of [160, 200, 220])
        for (const theme of ['light', 'dark'])
          for (const { lang, unit } of LONG)
            box.insertAdjacentHTML(
              'beforeend',
              `<civic-kpi-tile motion="reduce" lang="${lang}" theme="${theme}" ${density ? `density="${density}"` : ''} style="display:block;width:${width}px" label="接待游客" value="170000" unit="${unit}" qualifier="over"></civic-kpi-tile>`,
            );
      await settled(box);
      const found = [...box.querySelectorAll<CivicKpiTile>('civic-kpi-tile')].flatMap((t) => problems(t, FLOOR[density]));
      expect(found, found.join('\n')).to.deep.equal([]);
    });

  it('keeps the unit on the figure line when it fits, and the figure at full size', async () => {
    const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile motion="reduce" lang="en" style="display:block;width:640px; --civic-kpi-tile-value-font-size: 48px" label="x" value="170000" unit="thousand visitors"></civic-kpi-tile>`);
    await el.whenDrawn();
    const n = part(el, 'number').getBoundingClientRect();
    const u = part(el, 'unit').getBoundingClientRect();
    expect(parseFloat(getComputedStyle(part(el, 'value')).fontSize)).to.equal(48);
    // A long Latin unit is kept whole (it was cut to 16 characters when parsed, with no ellipsis).
    expect(part(el, 'unit').textContent!.trim()).to.equal('thousand visitors');
    expect(u.top).to.be.below(n.bottom);
    expect(u.left).to.be.at.least(n.right - 1);
    expect(problems(el, 12)).to.deep.equal([]);
  });

  it('holds in a narrow <civic-kpi-grid> and under a scaled <civic-screen>', async () => {
    const items = LONG.map(({ unit }, i) => ({ id: `k${i}`, label: '接待游客', value: 170000 + i, unit, qualifier: 'over' }));
    const box = await fixture<HTMLDivElement>(html`<div></div>`);
    box.innerHTML = `<civic-kpi-grid lang="en" motion="reduce" columns="3" style="display:block;width:560px"></civic-kpi-grid>
      <div style="width:1600px;height:900px;position:relative"><civic-screen heading="floor" idle-cursor="0" tour="0" style="--civic-screen-columns: 1fr 1fr 1fr 1fr; --civic-screen-rows: 1fr"><civic-kpi-grid lang="zh-CN" motion="reduce" columns="2"></civic-kpi-grid></civic-screen></div>`;
    for (const g of box.querySelectorAll<HTMLElement & { data: unknown }>('civic-kpi-grid')) g.data = { items };
    await settled(box);
    const [page, wall] = [...box.querySelectorAll('civic-kpi-grid')].map((g) => [...g.shadowRoot!.querySelectorAll('civic-kpi-tile')]);
    expect(page.length + wall.length).to.equal(6);
    const scale = (box.querySelector('civic-screen') as any).layout.scale as number;
    expect(scale).to.be.below(1);
    const found = [...page.flatMap((t) => problems(t, 12)), ...wall.flatMap((t) => problems(t, 14, scale))];
    expect(found, found.join('\n')).to.deep.equal([]);
  });
});
