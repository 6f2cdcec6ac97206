// @vitest-environment jsdom
/**
 * Issue 16: the KPI tile's count-up (kpi-tile.count-up.ts) and PNG export (kpi-tile.export.ts) load on first use. On a
 * page that lost its network the chunk request fails: the tile must keep a true picture (the final figure, not a frozen
 * count-up frame) and nothing may throw into the page; `toPNG()` rejects, the export button warns. Both dynamic imports
 * reject here, as a chunk request does offline. (The loaded paths: test/browser/kpi-tile.test.ts, lazy-tile.test.ts.)
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CivicKpiTile } from '../../../../src/components/kpi-tile/kpi-tile.js';

vi.mock('../../../../src/components/kpi-tile/kpi-tile.count-up.js', () => {
  throw new TypeError('Failed to fetch dynamically imported module: kpi-tile.count-up.js');
});
vi.mock('../../../../src/components/kpi-tile/kpi-tile.export.js', () => {
  throw new TypeError('Failed to fetch dynamically imported module: kpi-tile.export.js');
});

async function tile(attrs: Record<string, string>): Promise<CivicKpiTile> {
  await import('../../../../src/components/kpi-tile/kpi-tile.define.js');
  const el = document.createElement('civic-kpi-tile');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.body.append(el);
  await el.updateComplete;
  return el;
}
const part = (el: CivicKpiTile, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
const until = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 5 });

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('KPI tile chunks that cannot load (offline)', () => {
  it('a count-up whose code cannot load shows the final figure; the next change tries again', async () => {
    const el = await tile({ label: 'x', value: '100', duration: '800' });
    expect(part(el, 'number').textContent).toBe('100');
    el.value = '200';
    await el.updateComplete;
    // The first frame is the old figure (the count-up starts there) …
    expect(part(el, 'number').textContent).toBe('100');
    // … and when its code fails to load, the new figure replaces it: no frozen frame.
    await until(() => expect(part(el, 'number').textContent).toBe('200'));
    el.value = '300';
    await el.updateComplete;
    await until(() => expect(part(el, 'number').textContent).toBe('300'));
    expect(part(el, 'value').textContent).toContain('300');
  });

  it('toPNG() rejects and the export button warns; the tile keeps its picture', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const el = await tile({ label: 'x', value: '18', unit: '所', export: '' });
    let error: unknown;
    await el.toPNG().catch((e: unknown) => (error = e));
    expect(error).toBeInstanceOf(Error); // the chunk's load error
    part(el, 'export-button').click();
    await until(() => expect(warn.mock.calls.map((c) => String(c[0]))).toContainEqual(expect.stringContaining('PNG export failed')));
    expect(part(el, 'number').textContent).toBe('18');
  });
});
