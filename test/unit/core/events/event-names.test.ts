// @vitest-environment jsdom
/**
 * Each core event class passes its type to CustomEvent as a literal (issue 16: no self-reference to the class inside
 * its constructor, which bundlers compile into an alias per class); the literal must stay the class's public
 * `eventName`, and the events bubble out of shadow roots.
 */
import { describe, expect, it } from 'vitest';
import { CivicDrawnEvent } from '../../../../src/core/events/drawn-event.js';
import { CivicErrorEvent } from '../../../../src/core/events/error-event.js';
import { CivicExportEvent } from '../../../../src/core/events/export-event.js';
import { CivicHoverEvent } from '../../../../src/core/events/hover-event.js';
import { CivicLoadEvent } from '../../../../src/core/events/load-event.js';
import { CivicSelectEvent } from '../../../../src/core/events/select-event.js';

describe('core events', () => {
  const made: [{ eventName: string }, Event][] = [
    [CivicDrawnEvent, new CivicDrawnEvent({ reasons: ['first'] })],
    [CivicErrorEvent, new CivicErrorEvent({ kind: 'json', source: 'inline', message: 'x', issues: [], issueCount: 0, issueCounts: {}, partial: false, keptPrevious: false })],
    [CivicExportEvent, new CivicExportEvent({} as never)],
    [CivicHoverEvent, new CivicHoverEvent({} as never)],
    [CivicLoadEvent, new CivicLoadEvent({ source: 'property', poll: false })],
    [CivicSelectEvent, new CivicSelectEvent({} as never)],
  ];
  it.each(made.map(([c, e]) => [c.eventName, c, e] as const))('%s: type is the class eventName; bubbles, composed', (name, c, e) => {
    expect(name).toMatch(/^civic-[a-z-]+$/);
    expect(e.type).toBe(c.eventName);
    expect(e.bubbles && e.composed).toBe(true);
  });
  it('export is cancelable, the others are not', () => {
    expect(made.filter(([, e]) => e.cancelable).map(([c]) => c.eventName)).toEqual(['civic-export']);
  });
});
