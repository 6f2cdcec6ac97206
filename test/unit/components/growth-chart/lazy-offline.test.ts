// @vitest-environment jsdom
/**
 * The growth chart's compare/trend builders and its basis="single" deriver live in the lazy chunk growth-chart.more.ts
 * (issue 16). On a page that lost its network that chunk cannot load: a chart that needs it must say so as a failed
 * fetch does — a visible, translated error and one civic-error — and must not retry in a loop (the error itself asks
 * for an update), nor throw into the page. The dynamic import rejects here as a chunk request does offline.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CivicGrowthChart } from '../../../../src/components/growth-chart/growth-chart.js';

let attempts = 0;
vi.mock('../../../../src/components/growth-chart/growth-chart.more.js', () => {
  attempts++;
  throw new TypeError('Failed to fetch dynamically imported module: growth-chart.more.js');
});

const DATA = {
  series: [
    { id: 'gdp', name: '地区生产总值', unit: '亿元', points: [{ period: '2023Q1', value: 100, growth: 5 }, { period: '2023Q2', value: 210, growth: 6 }] },
    { id: 'cq', name: '重庆', unit: '亿元', points: [{ period: '2023Q1', value: 90, growth: 4 }, { period: '2023Q2', value: 190, growth: 5 }] },
  ],
};
const until = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 5 });

beforeAll(async () => {
  // jsdom lays nothing out: give every box the size a page would.
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ x: 0, y: 0, left: 0, top: 0, right: 640, bottom: 320, width: 640, height: 320, toJSON: () => ({}) } as DOMRect);
  globalThis.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  } as unknown as typeof ResizeObserver;
  await import('../../../../src/components/growth-chart/growth-chart.define.js');
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('growth chart chunks that cannot load (offline)', () => {
  it('a compare chart shows a translated network error, fires civic-error once and does not retry in a loop', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const errors: CustomEvent[] = [];
    const el = document.createElement('civic-growth-chart') as CivicGrowthChart;
    el.addEventListener('civic-error', (e) => errors.push(e as CustomEvent));
    el.setAttribute('kind', 'compare');
    el.setAttribute('lang', 'en');
    el.data = DATA;
    document.body.append(el);
    await until(() => expect(errors).toHaveLength(1));
    expect(errors[0]!.detail.kind).toBe('network');
    expect(errors[0]!.detail.message).toContain('compare');
    await until(() => expect(el.shadowRoot!.querySelector('[part~="status"]')?.textContent ?? '').toMatch(/network|load/i));
    const tried = attempts;
    // A few more updates of the same inputs: no new attempt, no new error.
    for (let i = 0; i < 3; i++) {
      el.requestUpdate();
      await el.updateComplete;
    }
    expect(errors).toHaveLength(1);
    expect(attempts).toBe(tried);
    // The value-growth kind needs no chunk: switching to it draws.
    el.setAttribute('kind', 'value-growth');
    await until(() => expect(el.shadowRoot!.querySelectorAll('g.marks rect').length).toBeGreaterThan(0));
  });
});
