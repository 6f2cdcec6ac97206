// @vitest-environment jsdom
/**
 * Issue 16: the full status banner (core/render/status-view.ts, with its words: status-words.ts) loads with the first
 * status an element shows. On a page that lost its network its chunk fails too: the element must still show a visible,
 * translated error (the plain banner: a short headline from the first load's strings, in the full banner's place),
 * fire `civic-error` with its details, keep its last good data, and its picture must not wait for the banner for ever.
 * Here the dynamic import rejects, as a chunk request does offline.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'lit';
import { en } from '../../../src/core/i18n/en.js';
import { zhCN } from '../../../src/core/i18n/zh-cn.js';
import { isRecord, issue, type Validated } from '../../../src/data/validate.js';
import { makeHost, type StandInHost } from './stand-in-host.js';

let viewImports = 0;
vi.mock('../../../src/core/render/status-view.js', () => {
  viewImports++;
  throw new TypeError('Failed to fetch dynamically imported module: status-view.js');
});

type Host = StandInHost;
type V = { value: number };

async function setup(host: Host, lang: 'en' | 'zh-CN' = 'en') {
  const { DataController } = await import('../../../src/data/data-controller.js');
  const parse = (raw: unknown): Validated<V> =>
    isRecord(raw) && typeof raw.value === 'number' ? { value: { value: raw.value }, issues: [] } : { value: undefined, issues: [issue('value', 'type', 'expected a number')] };
  const errors: Record<string, unknown>[] = [];
  host.addEventListener('civic-error', (e) => errors.push((e as CustomEvent).detail));
  const dc = new DataController<V>(host as never, { parse, terms: () => ({ t: lang === 'en' ? en : zhCN, lang }), warn: vi.fn() });
  dc.hostConnected();
  const update = () => {
    dc.hostUpdate();
    dc.hostUpdated();
  };
  const shown = () => {
    const box = document.createElement('div');
    render(dc.render({ complete: (v) => `value ${v.value}` }), box);
    return box;
  };
  return { dc, errors, update, shown };
}

const until = (check: () => void) => vi.waitFor(check, { timeout: 20_000, interval: 2 });

afterEach(() => {
  document.body.innerHTML = '';
});

describe('a status banner that cannot load (offline)', () => {
  it('invalid data: civic-error, the plain translated error, and the picture stops waiting once the load failed', async () => {
    const host = makeHost({ data: { value: 'x' } });
    const { dc, errors, update, shown } = await setup(host);
    update();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ kind: 'validation', source: 'property', keptPrevious: false });
    expect(dc.status).toBe('error');
    let box = shown();
    // Drawn at once, while the full banner is asked for: the picture waits for it.
    expect(box.querySelector('[part~="status"][data-kind="error"][role="alert"]')).not.toBeNull();
    expect(box.querySelector('[part~="status"]')?.classList.contains('state-block'), 'a block in the picture\'s place').toBe(true);
    expect(box.textContent?.trim()).toBe(en.loadFailed);
    expect(dc.viewPending, 'waiting for the full banner').toBe(true);
    // Once the load failed, the next render draws the plain banner as the picture (no wait for ever).
    await until(() => {
      update();
      box = shown();
      expect(dc.viewPending).toBe(false);
    });
    expect(box.querySelector('[part~="status"][data-kind="error"]')?.textContent?.trim()).toBe(en.loadFailed);
    // The event still carries the details (they need no banner).
    expect(errors[0]).toMatchObject({ message: 'value: expected a number', issueCount: 1, issueCounts: { type: 1 } });
    expect(viewImports).toBeGreaterThan(0);
  });

  it('a later bad payload keeps the last good data, with the plain strip above it (zh-CN)', async () => {
    const host = makeHost({ data: { value: 5 } });
    const { dc, errors, update, shown } = await setup(host, 'zh-CN');
    update();
    expect(dc.value).toEqual({ value: 5 });
    host.data = { value: 'x' };
    update();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ kind: 'validation', keptPrevious: true });
    const tries = viewImports;
    const box = shown();
    expect(dc.value).toEqual({ value: 5 });
    expect(box.textContent).toContain('value 5');
    const s = box.querySelector('[part~="status"][data-kind="error"]');
    expect(s?.classList.contains('state-strip'), 'a strip above the kept picture').toBe(true);
    expect(s?.getAttribute('role')).toBe('alert');
    expect(s?.textContent).toContain(zhCN.loadFailed);
    // "Not updated" (the full banner adds the time of the data shown).
    expect(s?.textContent).toContain(zhCN.staleUnknown);
    expect(zhCN.staleUnknown).toBe('数据未更新，显示的是上次成功加载的数据');
    // A new state tries the banner's load again (the network may be back).
    await until(() => expect(viewImports).toBeGreaterThan(tries));
  });
});
