// @vitest-environment jsdom
/**
 * Issue 16: the field-path reader (field-map.impl.ts) loads with the first payload an element reads through field
 * paths. `mapFields` without paths passes the payload at once; with paths before the reader arrived it gives no value
 * and the DataController that ran the parse waits for the reader and parses again: one civic-load, the mapped value.
 */
import { describe, expect, it, vi } from 'vitest';
import { en } from '../../../../src/core/i18n/en.js';
import type { Validated } from '../../../../src/data/validate.js';
import { makeHost } from '../stand-in-host.js';

type V = { value: unknown };

describe('the field-path reader loads on first use', () => {
  it('a parse through field paths waits for the reader, then the mapped value is accepted once', async () => {
    const { mapFields } = await import('../../../../src/data/adapters/field-map.js');
    const { DataController } = await import('../../../../src/data/data-controller.js');
    // No path set: the payload passes unchanged, no reader needed.
    expect(mapFields({ a: 1 }, { value: undefined, label: ' ' })).toEqual({ value: { a: 1 }, issues: [] });
    let parses = 0;
    const parse = (raw: unknown): Validated<V> => {
      parses++;
      const m = mapFields(raw, { value: 'data.gdp' });
      return m.value === undefined ? { value: undefined, issues: m.issues } : { value: m.value as V, issues: m.issues };
    };
    const host = makeHost({ data: { data: { gdp: 42 } } });
    const loads: unknown[] = [];
    const errors: unknown[] = [];
    host.addEventListener('civic-load', (e) => loads.push((e as CustomEvent).detail));
    host.addEventListener('civic-error', (e) => errors.push((e as CustomEvent).detail));
    const dc = new DataController<V>(host as never, { parse, terms: () => ({ t: en, lang: 'en' }), warn: vi.fn() });
    dc.hostConnected();
    dc.hostUpdate();
    dc.hostUpdated();
    // The first parse asked for the reader: nothing accepted, nothing failed, the payload is still being read.
    expect(dc.value).toBeUndefined();
    expect(dc.status).toBe('loading');
    expect(dc.parsing).toBe(true);
    await vi.waitFor(() => expect(dc.value).toEqual({ data: { gdp: 42 }, value: 42 }), { timeout: 10_000, interval: 2 });
    dc.hostUpdate();
    dc.hostUpdated();
    expect(dc.status).toBe('complete');
    expect(dc.parsing).toBe(false);
    expect(parses).toBe(2);
    expect(loads).toHaveLength(1);
    expect(errors).toHaveLength(0);
    // Loaded: later parses map at once.
    expect(mapFields({ data: { gdp: 7 } }, { value: 'data.gdp' }).value).toEqual({ data: { gdp: 7 }, value: 7 });
  });
});
