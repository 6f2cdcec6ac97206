// Calm updates (issue 13): a KPI grid counting up to new values and a rank board re-sorting animate with transforms
// and opacity only. Measured with the browser's own Layout Instability API: the sum of layout-shift values while
// they update must be 0.
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import '../../src/components/kpi-grid/kpi-grid.define.js';
import '../../src/components/rank-board/rank-board.define.js';
import type { CivicKpiGrid } from '../../src/components/kpi-grid/kpi-grid.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';
import type { CivicRankBoard } from '../../src/components/rank-board/rank-board.js';
import ECONOMY from '../fixtures/kpi/kpis-economy.json';
import RANK from '../fixtures/kpi/rank-communities.json';

interface Shift {
  value: number;
  sources: string[];
}

/** Records layout shifts from now on (PerformanceObserver; entries after user input are not counted, as in CLS). */
function recordShifts(): { shifts: Shift[]; stop: () => void } {
  const shifts: Shift[] = [];
  const po = new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] })[]) {
      if (e.hadRecentInput) continue;
      shifts.push({
        value: e.value,
        sources: (e.sources ?? []).map((s) => {
          const n = s.node;
          const ss = s as unknown as { previousRect: DOMRect; currentRect: DOMRect };
          if (!n) return `?${Math.round(ss.previousRect.x)},${Math.round(ss.previousRect.y)},${Math.round(ss.previousRect.width)}x${Math.round(ss.previousRect.height)}->${Math.round(ss.currentRect.x)},${Math.round(ss.currentRect.y)},${Math.round(ss.currentRect.width)}x${Math.round(ss.currentRect.height)}`;
          if (n instanceof Element) return `${n.localName}[part=${n.getAttribute('part') ?? ''}]`;
          return `${n.nodeName}:${(n.textContent ?? '').slice(0, 20)}`;
        }),
      });
    }
  });
  po.observe({ type: 'layout-shift' });
  return { shifts, stop: () => po.disconnect() };
}

/** Lets the observer deliver: two frames after the last change. */
async function flush(): Promise<void> {
  await nextFrame();
  await nextFrame();
}

const tiles = (el: CivicKpiGrid) => [...el.shadowRoot!.querySelectorAll<CivicKpiTile>('civic-kpi-tile')];
const numberText = (t: CivicKpiTile) => t.shadowRoot!.querySelector('[part~="value"]')?.textContent?.replace(/\s+/g, '') ?? '';

describe('calm updates: no layout shift', () => {
  it('a KPI grid counting up to new values', async () => {
    const el = await fixture<CivicKpiGrid>(html`<civic-kpi-grid lang="zh-CN" style="display:block;width:960px" .duration=${300}></civic-kpi-grid>`);
    el.data = structuredClone(ECONOMY);
    await waitUntil(() => tiles(el).length === ECONOMY.items.length, 'tiles drawn', { timeout: 20000 });
    await Promise.all(tiles(el).map((t) => t.updateComplete));
    await flush();
    const rec = recordShifts();
    for (const factor of [1.37, 0.52, 12.3]) {
      const next = structuredClone(ECONOMY) as typeof ECONOMY;
      next.items = next.items.map((i) => ({ ...i, value: Math.round(i.value * factor * 10) / 10 }));
      const before = tiles(el).map(numberText);
      el.data = next;
      // Wait until every tile has finished counting: its text changed and then stays the same for two frames.
      await waitUntil(() => tiles(el).some((t, k) => numberText(t) !== before[k]), 'count-up started', { timeout: 20000 });
      let last = '';
      await waitUntil(
        async () => {
          const now = tiles(el).map(numberText).join('|');
          const same = now === last;
          last = now;
          await nextFrame();
          return same && tiles(el).map(numberText).join('|') === now;
        },
        'count-up finished',
        { timeout: 20000, interval: 50 },
      );
    }
    await flush();
    rec.stop();
    const total = rec.shifts.reduce((s, x) => s + x.value, 0);
    expect(rec.shifts.flatMap((s) => s.sources), `layout shifts (sum ${total.toFixed(4)})`).to.deep.equal([]);
  });

  it('a rank board re-sorting', async () => {
    const el = await fixture<CivicRankBoard>(html`<civic-rank-board lang="zh-CN" style="display:block;width:640px" rows-visible="10" interval="0"></civic-rank-board>`);
    el.data = structuredClone(RANK);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~="row"]').length === RANK.rows.length, 'rows drawn', { timeout: 20000 });
    await flush();
    const rec = recordShifts();
    for (const seed of [1, 2, 3]) {
      const next = structuredClone(RANK) as typeof RANK;
      // Reverse-ish order and new values: most rows move.
      next.rows = next.rows.map((r, i) => ({ ...r, value: ((i * 7919 * seed) % 97) * 37 + 100 }));
      el.data = next;
      await el.updateComplete;
      // Wait for the glide to finish: no row is animating any more.
      await waitUntil(() => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"], [part~="bar-fill"]')].every((r) => r.getAnimations().length === 0), 'glide finished', {
        timeout: 20000,
      });
    }
    await flush();
    rec.stop();
    const total = rec.shifts.reduce((s, x) => s + x.value, 0);
    expect(rec.shifts.flatMap((s) => s.sources), `layout shifts (sum ${total.toFixed(4)})`).to.deep.equal([]);
  });
});
