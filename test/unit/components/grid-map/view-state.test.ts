// The reader's state on the grid map's views (view-model.ts ViewState): hidden legend classes, emphasis, table page.
import { describe, expect, it } from 'vitest';
import { ViewState } from '../../../../src/components/grid-map/view-model.js';

const changes = (...keys: string[]) => new Map(keys.map((k) => [k, undefined]));

describe('ViewState', () => {
  it('hidden classes come back when the metric, classification or view changes; the page only with the view', () => {
    let updates = 0;
    const s = new ViewState({ requestUpdate: () => updates++ });
    s.toggle(1);
    s.toggle(3);
    s.toggle(1);
    s.setPage(4);
    expect([...s.hidden]).toEqual([3]);
    expect(updates).toBe(4);
    s.propertiesChanged(changes('selected'));
    s.propertiesChanged(changes('theme'));
    expect([...s.hidden]).toEqual([3]);
    s.propertiesChanged(changes('metric'));
    expect([...s.hidden]).toEqual([]);
    expect(s.page).toBe(4);
    s.propertiesChanged(changes('focusCode'));
    expect(s.page).toBe(0);
  });

  it('a class hidden in the same update as a metric change stays hidden', () => {
    const s = new ViewState({ requestUpdate: () => undefined });
    s.toggle(2);
    s.propertiesChanged(changes('metric'));
    expect([...s.hidden]).toEqual([2]);
    s.propertiesChanged(changes('classification'));
    expect([...s.hidden]).toEqual([]);
  });

  it('emphasis asks for an update', () => {
    let updates = 0;
    const s = new ViewState({ requestUpdate: () => updates++ });
    s.emphasise('none');
    expect(s.emphasis).toBe('none');
    expect(updates).toBe(1);
  });
});
