// R3 s17 (failing at HEAD and at f3cf6df; patch /work/notes/s17/r3/04): a KPI tile's delta line (delta-format both, a long unit,
// a negative change) in a 160 px tile of a CSS grid spills 41-184 px past the tile over its neighbour, unclipped.
import { expect, fixture, html } from '@open-wc/testing';
import { settled } from './fixtures/wait.js';
import '../../src/components/kpi-tile/kpi-tile.define.js';

describe('R3: KPI tile delta line in a narrow tile', () => {
  it('every text inside the tile (delta included) and at or above the floor', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="display:grid;grid-template-columns:repeat(3,160px)"></div>`);
    for (const density of ['', 'screen', 'elder'])
      for (const lang of ['zh-CN', 'en'])
        box.insertAdjacentHTML('beforeend', `<civic-kpi-tile motion="reduce" lang="${lang}" ${density ? `density="${density}"` : ''} label="接待游客人次合计" value="-98765.4321" unit="万人次" previous="1234567" delta-label="同比" delta-format="both" target="2000000" period="2022-01/2022-09" source="永川区文化和旅游发展委员会统计公报"></civic-kpi-tile>`);
    await settled(box);
    const out: string[] = [];
    for (const t of box.querySelectorAll('civic-kpi-tile')) {
      const base = t.shadowRoot!.querySelector('[part~="base"]')!.getBoundingClientRect();
      const walk = (n: Node) => {
        for (const c of n.childNodes) {
          if (c.nodeType === 1) walk(c);
          
          if (c.nodeType !== 3 || !c.textContent!.trim()) continue;
          const p = c.parentElement; if (!p) continue;
          if (p.closest('.visually-hidden') || getComputedStyle(p).visibility !== 'visible') continue;
          const r = document.createRange(); r.selectNodeContents(c); const b = r.getBoundingClientRect();
          if (b.width < 1) continue;
          if (b.right > base.right + 1 || b.bottom > base.bottom + 1) {
            let clip: HTMLElement | null = p;
            while (clip && getComputedStyle(clip).overflowX === 'visible') clip = clip.parentElement;
            out.push(`${t.getAttribute('density')} ${t.getAttribute('lang')} "${c.textContent}" ${Math.round(b.right - base.right)}px right ${Math.round(b.bottom-base.bottom)}px below; clip ${clip?.getAttribute('part') ?? clip?.className} ${clip ? getComputedStyle(clip).textOverflow : ''}`);
          }
          if (parseFloat(getComputedStyle(p).fontSize) < ({ '': 12, screen: 14, elder: 18 } as any)[t.getAttribute('density') ?? '']) out.push(`${t.getAttribute('density')} "${c.textContent}" ${getComputedStyle(p).fontSize}`);
        }
      };
      walk(t.shadowRoot!);
    }
    expect(out, out.join('\n')).to.deep.equal([]);
  });
});
