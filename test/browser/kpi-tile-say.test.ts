// The accessible sentence of a wall's tiles (issue 16, kpi-tile.say.ts): a <civic-kpi-grid>'s tiles (live="off") write
// a changed sentence a few frames after the wall's update slices, not in them; it ends as the sentence a tile drawing
// the same item at once holds. A live region (live="polite") writes it in its update.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/kpi-grid/kpi-grid.define.js';
import type { CivicKpiGrid } from '../../src/components/kpi-grid/kpi-grid.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';
import { until } from './fixtures/wait.js';

const N = 24;
const payload = (round: number) => ({
  items: Array.from({ length: N }, (_, i) => ({ id: `k${i}`, label: `指标${i}`, value: 1000 + i + round * 50, previous: 1000, unit: '个', deltaLabel: '同比' })),
});
const tiles = (grid: CivicKpiGrid) => Array.from(grid.shadowRoot!.querySelectorAll<CivicKpiTile>('civic-kpi-tile'));
const sentence = (t: CivicKpiTile) => t.shadowRoot!.querySelector('[aria-atomic]')!.textContent ?? '';

/** The sentences tiles drawing these items on their own (live regions, written at once) hold. */
async function reference(round: number): Promise<string[]> {
  const host = await fixture<HTMLDivElement>(html`<div>${payload(round).items.map((it) => html`<civic-kpi-tile motion="reduce" .data=${it}></civic-kpi-tile>`)}</div>`);
  const ts = Array.from(host.querySelectorAll<CivicKpiTile>('civic-kpi-tile'));
  await Promise.all(ts.map((t) => t.whenDrawn()));
  const out = ts.map(sentence);
  host.remove();
  return out;
}

/**
 * A grid drawn with round 0, then given round 1. The motion chunk (kpi-tile.motion.ts: the scheduler and the deferred
 * sentences) is loaded by round 1's burst; fetched here first, so it is there by round 2 even on a slow dev server
 * (before it arrives, sentences are written at once, by design).
 */
async function wall(live: 'off' | 'polite') {
  await import('../../src/components/kpi-tile/kpi-tile.motion.js');
  const grid = await fixture<CivicKpiGrid>(html`<civic-kpi-grid .data=${payload(0)} .duration=${60} .live=${live}></civic-kpi-grid>`);
  await grid.whenDrawn();
  grid.data = payload(1);
  await grid.updateComplete;
  await Promise.all(tiles(grid).map((t) => t.updateComplete));
  return grid;
}

describe('civic-kpi-tile: the accessible sentence of a wall (issue 16)', () => {
  it('writes a wall tile\'s changed sentence after the update slices, ending as a tile drawn at once', async () => {
    const [want1, want2] = [await reference(1), await reference(2)];
    expect(want1[0]).to.contain('指标0').and.to.contain('1,050');
    const grid = await wall('off');
    await until(() => tiles(grid).every((t, i) => sentence(t) === want1[i]), 'round 1 sentences');
    // Which delivery of mutation records (one per microtask checkpoint: a slice's frame callback, the sentences' frame
    // callback) changed each tile's delta (its update) and its sentence.
    const ts = tiles(grid);
    const seen = ts.map(() => ({ delta: -1, said: -1 }));
    let batch = 0;
    const mo = new MutationObserver((records) => {
      batch++;
      for (const r of records) {
        const el = r.target.nodeType === Node.ELEMENT_NODE ? (r.target as Element) : r.target.parentElement;
        const i = ts.findIndex((t) => t.shadowRoot === r.target.getRootNode());
        if (i < 0 || !el) continue;
        if (el.closest('[part~="delta"]')) seen[i]!.delta = batch;
        if (el.closest('[aria-atomic]')) seen[i]!.said = batch;
      }
    });
    for (const t of ts) mo.observe(t.shadowRoot!, { subtree: true, characterData: true, childList: true });
    grid.data = payload(2);
    await until(() => tiles(grid).every((t, i) => sentence(t) === want2[i]), 'round 2 sentences');
    mo.disconnect();
    // Every tile's sentence changed after its update, in a later delivery (a later frame callback), never in its slice.
    for (const [i, s] of seen.entries()) {
      expect(s.delta, `tile ${i} updated`).to.be.above(0);
      expect(s.said, `tile ${i}: sentence written later than its update`).to.be.above(s.delta);
    }
    expect(tiles(grid).map((t) => t.shadowRoot!.querySelector('[aria-atomic]')!.getAttribute('aria-live'))).to.deep.equal(Array(N).fill('off'));
  });

  it('writes a live region\'s sentence in its update', async () => {
    const want = await reference(2);
    const grid = await wall('polite');
    grid.data = payload(2);
    await grid.updateComplete;
    await Promise.all(tiles(grid).map((t) => t.updateComplete));
    expect(tiles(grid).map(sentence)).to.deep.equal(want);
  });
});
