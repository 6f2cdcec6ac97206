// @vitest-environment jsdom
/**
 * DataController's `parseLater` (issue 15: a large payload validated in time slices, so the task that set the data
 * does not parse it all): the value is accepted when the sliced parse resolves, with the same events as `parse`; a
 * newer payload or a failure that came meanwhile wins; small payloads still parse at once.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataController, type DataHostProps } from '../../../src/data/data-controller.js';
import { en } from '../../../src/core/i18n/en.js';
import { isRecord, issue, type Validated } from '../../../src/data/validate.js';
import { makeHost, type StandInHost } from './stand-in-host.js';

type Host = StandInHost;
type V = { value: number };

function parse(raw: unknown): Validated<V> {
  if (isRecord(raw) && typeof raw.value === 'number') return { value: { value: raw.value }, issues: [] };
  return { value: undefined, issues: [issue('value', 'type', 'expected a number')] };
}

/** Payloads with `big: true` are parsed later: each waits for its own release(). */
function setup(host: Host) {
  const pending: (() => void)[] = [];
  // What the controller chains on each sliced parse: awaiting one of these after release() resumes only after the
  // controller's own reaction to that parse has run (reactions to one promise run in the order they were added, and
  // the controller adds its reaction when it accepts the payload), so no timer is needed to let it run.
  const chained: Promise<unknown>[] = [];
  const events: string[] = [];
  host.addEventListener('civic-load', (e) => events.push(`load:${(e as CustomEvent).detail.count}`));
  host.addEventListener('civic-error', (e) => events.push(`error:${(e as CustomEvent).detail.kind}`));
  const parseLater = vi.fn((raw: unknown) => {
    if (!isRecord(raw) || !raw.big) return undefined;
    const inner = new Promise<Validated<V>>((resolve) => pending.push(() => resolve(parse(raw))));
    const observed = {
      then(onValue: (v: Validated<V>) => unknown, onError?: (e: unknown) => unknown) {
        const next = inner.then(onValue, onError);
        chained.push(next);
        return next;
      },
    };
    return observed as unknown as Promise<Validated<V>>;
  });
  const dc = new DataController<V>(host as never, { parse, parseLater, count: (v) => v.value, terms: () => ({ t: en, lang: 'en' }), warn: () => undefined });
  dc.hostConnected();
  const update = () => {
    dc.hostUpdate();
    dc.hostUpdated();
  };
  /** Releases sliced parse `i` and resolves once the controller has handled its result. */
  const release = async (i: number) => {
    pending[i]();
    await chained[i];
  };
  return { dc, events, pending, parseLater, update, release };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('DataController parseLater', () => {
  it('accepts a large payload when its sliced parse resolves (loading until then), with civic-load once', async () => {
    const host = makeHost({ data: { value: 7, big: true } });
    const { dc, events, pending, update, release } = setup(host);
    update();
    expect(dc.value).toBeUndefined();
    expect(dc.status).toBe('loading');
    expect(pending).toHaveLength(1);
    await release(0);
    update();
    expect(dc.value).toEqual({ value: 7 });
    expect(dc.status).toBe('complete');
    expect(events).toEqual(['load:7']);
  });

  it('small payloads parse at once, as without parseLater', () => {
    const host = makeHost({ data: { value: 3 } });
    const { dc, events, parseLater, update } = setup(host);
    update();
    expect(parseLater).toHaveBeenCalledTimes(1);
    expect(dc.value).toEqual({ value: 3 });
    expect(events).toEqual(['load:3']);
  });

  it('a newer payload set while a large one is parsed wins, whichever finishes last', async () => {
    const host = makeHost({ data: { value: 1, big: true } });
    const { dc, events, pending, update, release } = setup(host);
    update();
    host.data = { value: 2 };
    update();
    expect(dc.value).toEqual({ value: 2 });
    await release(0);
    update();
    expect(dc.value).toEqual({ value: 2 });
    expect(events).toEqual(['load:2']);
  });

  it('keeps the last good value while a large payload is parsed, and a failure meanwhile drops it', async () => {
    const host = makeHost({ data: { value: 1 } });
    const { dc, events, pending, update, release } = setup(host);
    update();
    host.data = { value: 5, big: true };
    update();
    expect(dc.value).toEqual({ value: 1 });
    expect(dc.status).toBe('complete');
    host.data = 42;
    update();
    await release(0);
    update();
    expect(dc.value).toEqual({ value: 1 });
    // The error event may wait for the full status banner's module (loaded on first use).
    await vi.waitFor(() => expect(events).toEqual(['load:1', 'error:validation']), { timeout: 20_000, interval: 2 });
  });
});
