// @vitest-environment jsdom
/**
 * Issue 16: a burst of KPI tile updates (more than one tile waiting for the same frame) loads the walls' scheduler
 * (kpi-tile.motion.ts, via kpi-tile.figure.ts). Updates asked for before it arrived are handed to it when it arrives,
 * none lost, none run twice. No frame and no fallback task come here (both are held), so only the chunk's arrival
 * can run them.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CivicKpiTile } from '../../../../src/components/kpi-tile/kpi-tile.js';

const sliced = vi.hoisted(() => ({ runs: [] as Array<() => void>, arrived: undefined as undefined | (() => void) }));
vi.mock('../../../../src/components/kpi-tile/kpi-tile.motion.js', () => {
  sliced.arrived?.();
  return { scheduleSliced: (run: () => void) => sliced.runs.push(run), TileRoll: class {}, fits: {}, rollKit: {}, sayLater: () => false };
});

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('KPI tile updates waiting when the scheduler arrives', () => {
  it('are handed to it, each once', async () => {
    const realTimeout = globalThis.setTimeout;
    await import('../../../../src/components/kpi-tile/kpi-tile.define.js');
    vi.stubGlobal('requestAnimationFrame', () => 0);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const arrived = new Promise<void>((resolve) => (sliced.arrived = resolve));
    const els = Array.from({ length: 20 }, (_, i) => {
      const el = document.createElement('civic-kpi-tile');
      el.setAttribute('label', `t${i}`);
      el.setAttribute('value', String(i));
      el.setAttribute('motion', 'reduce');
      return el;
    });
    document.body.append(...els);
    await arrived;
    // The module's promise settles after its evaluation: some real tasks later the waiting updates are handed over
    // (polled with a deadline, not a fixed count of tasks: a busy machine may need more of them).
    const deadline = Date.now() + 4_000; // under vitest's 5 s test timeout: a broken handover fails on the count
    while (sliced.runs.length < 20 && Date.now() < deadline) await new Promise((r) => realTimeout(r, 5));
    expect(sliced.runs.length).toBe(20);
    for (const run of sliced.runs.splice(0)) run();
    await Promise.all(els.map((el: CivicKpiTile) => el.updateComplete));
    expect(els.map((el) => el.shadowRoot!.querySelector('[part~="number"]')!.textContent)).toEqual(els.map((_, i) => String(i)));
  });
});
