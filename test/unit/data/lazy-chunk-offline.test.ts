// @vitest-environment jsdom
/**
 * Issue 16: the `src` path (src-path.ts), the CSV reader (adapters/csv.ts), the envelope / dataset adapters
 * (adapters/shapes.ts) and the field-path reader (adapters/field-map.impl.ts) load on first use. On a page that lost
 * its network the chunk fails too: the element must still show its error state (eager code) and keep its last good
 * data, never hang in `loading`. Here both dynamic imports reject, as a chunk request does offline.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'lit';
import { en } from '../../../src/core/i18n/en.js';
import { isRecord, type Validated } from '../../../src/data/validate.js';
import { makeHost, type StandInHost } from './stand-in-host.js';

vi.mock('../../../src/data/src-path.js', () => {
  throw new TypeError('Failed to fetch dynamically imported module: src-path.js');
});
vi.mock('../../../src/data/adapters/csv.js', () => {
  throw new TypeError('Failed to fetch dynamically imported module: csv.js');
});
vi.mock('../../../src/data/adapters/shapes.js', () => {
  throw new TypeError('Failed to fetch dynamically imported module: shapes.js');
});
vi.mock('../../../src/data/adapters/field-map.impl.js', () => {
  throw new TypeError('Failed to fetch dynamically imported module: field-map.impl.js');
});

type Host = StandInHost;
type V = { value: number };

async function setup(host: Host) {
  const { DataController } = await import('../../../src/data/data-controller.js');
  const { mapFields } = await import('../../../src/data/adapters/field-map.js');
  // A payload { data: { v } } is read through the field path `data.v` (the lazy field-path reader).
  const parse = (raw: unknown): Validated<V> => {
    if (isRecord(raw) && isRecord(raw.data)) raw = mapFields(raw, { value: 'data.v' }).value;
    return isRecord(raw) && typeof raw.value === 'number' ? { value: { value: raw.value }, issues: [] } : { value: undefined, issues: [] };
  };
  const errors: Record<string, unknown>[] = [];
  host.addEventListener('civic-error', (e) => errors.push((e as CustomEvent).detail));
  const dc = new DataController<V>(host as never, { parse, terms: () => ({ t: en, lang: 'en' }), warn: vi.fn() });
  dc.hostConnected();
  const update = () => {
    dc.hostUpdate();
    dc.hostUpdated();
  };
  return { dc, errors, update };
}

const until = (check: () => void) => vi.waitFor(check, { timeout: 20_000, interval: 2 });
const shown = (dc: { render: (r: { complete: (v: V) => unknown }) => unknown }) => {
  const box = document.createElement('div');
  render(dc.render({ complete: (v) => `value ${v.value}` }), box);
  return box;
};

afterEach(() => {
  document.body.innerHTML = '';
});

describe('lazy data chunks that cannot load (offline)', () => {
  it('a src whose path cannot load: civic-error kind network and the visible, translated error state', async () => {
    const host = makeHost({ src: '/offline.json' });
    const { dc, errors, update } = await setup(host);
    update();
    // Events leave with the host's next update (hostUpdated), as in an element.
    await until(() => {
      update();
      expect(errors).toHaveLength(1);
    });
    expect(errors[0]).toMatchObject({ kind: 'network', source: 'src', url: '/offline.json', keptPrevious: false });
    expect(dc.status).toBe('error');
    const box = shown(dc);
    expect(box.querySelector('[part~="status"][data-kind="error"]'), 'the error state is drawn').not.toBeNull();
    // The plain banner (the full one's chunk would not load either, offline): its short translated headline.
    expect(box.textContent).toContain(en.loadFailed);
  });

  /**
   * Shows { value: 5 }, then gives the host `next`, a payload whose lazy code cannot load: one civic-error of kind
   * network, and the last good data stays on screen under the error banner, with nothing left waiting.
   */
  async function keepsLastGood(next: unknown) {
    const host = makeHost({ data: { value: 5 } });
    const { dc, errors, update } = await setup(host);
    update();
    expect(dc.value).toEqual({ value: 5 });
    host.data = next;
    update();
    // Events leave with the host's next update (hostUpdated), as in an element.
    await until(() => {
      update();
      expect(errors).toHaveLength(1);
    });
    expect(errors[0]).toMatchObject({ kind: 'network', source: 'property', keptPrevious: true });
    expect(dc.value).toEqual({ value: 5 });
    expect(dc.parsing, 'nothing waits any more').toBe(false);
    const box = shown(dc);
    expect(box.textContent).toContain('value 5');
    expect(box.querySelector('[part~="status"][data-kind="error"]')).not.toBeNull();
  }

  it('CSV text whose reader cannot load: the last good data stays, with the error banner over it', () => keepsLastGood('value\n6\n'));

  it('an API envelope whose adapters cannot load: the last good data stays, with the error banner over it', () =>
    keepsLastGood({ code: 0, msg: 'ok', data: { value: 6 } }));

  it('a payload read through field paths whose reader cannot load: the last good data stays, with the error banner over it', () =>
    keepsLastGood({ data: { v: 6 } }));

  it('a plain payload needs none of the lazy adapters: accepted in the same update', async () => {
    const host = makeHost({ data: { value: 7 } });
    const { dc, errors, update } = await setup(host);
    update();
    expect(dc.value).toEqual({ value: 7 });
    expect(dc.status).toBe('complete');
    expect(errors).toHaveLength(0);
  });
});
