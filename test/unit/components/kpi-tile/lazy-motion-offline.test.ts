// @vitest-environment jsdom
/**
 * Issue 16: the KPI tile's roll and the walls' update scheduler (kpi-tile.motion.ts) load with the first value change
 * that animates or the first burst of tile updates (kpi-tile.figure.ts). On a page that lost its network that chunk
 * cannot load: figures must still change (the final figure, never a frozen count-up frame), and tiles must keep
 * updating, a burst of them included, with nothing thrown into the page. (The loaded path: test/browser/kpi-tile-motion.test.ts.)
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CivicKpiTile } from '../../../../src/components/kpi-tile/kpi-tile.js';

vi.mock('../../../../src/components/kpi-tile/kpi-tile.motion.js', () => {
  throw new TypeError('Failed to fetch dynamically imported module: kpi-tile.motion.js');
});

async function tiles(n: number, value: string): Promise<CivicKpiTile[]> {
  await import('../../../../src/components/kpi-tile/kpi-tile.define.js');
  const els = Array.from({ length: n }, (_, i) => {
    const el = document.createElement('civic-kpi-tile');
    el.setAttribute('label', `t${i}`);
    el.setAttribute('value', value);
    el.setAttribute('duration', '800');
    return el;
  });
  document.body.append(...els);
  await Promise.all(els.map((el) => el.updateComplete));
  return els;
}
const number = (el: CivicKpiTile) => el.shadowRoot!.querySelector('[part~="number"]')!.textContent;
const until = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 5 });

afterEach(() => {
  document.body.innerHTML = '';
});

describe('KPI tile motion chunk that cannot load (offline)', () => {
  it('a value change shows the old figure first, then the new one; the next change too', async () => {
    const [el] = await tiles(1, '100');
    expect(number(el)).toBe('100');
    el.value = '200';
    await el.updateComplete;
    expect(number(el)).toBe('100'); // the count-up's first frame: the old figure
    await until(() => expect(number(el)).toBe('200'));
    el.value = '300';
    await el.updateComplete;
    await until(() => expect(number(el)).toBe('300'));
  });

  it('a burst of 20 tiles updates whole, a slice at a time, without the scheduler', async () => {
    const els = await tiles(20, '5');
    expect(els.map(number)).toEqual(els.map(() => '5'));
    for (const el of els) el.value = '7';
    await Promise.all(els.map((el) => el.updateComplete));
    await until(() => expect(els.map(number)).toEqual(els.map(() => '7')));
  });
});
