// R3 s17 regression probes: linked-to naming no element (60e44fa). What a page does around the grace: the element
// taken off the page, or its linked-to removed or corrected, before the grace ends is not reported; an element moved
// within the page is reported once, not once per insertion. A control board with a missing id tells when the grace ended.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/rank-board/rank-board.define.js';
import type { CivicRankBoard } from '../../src/components/rank-board/rank-board.js';
import type { CivicErrorEvent } from '../../src/core/events/error-event.js';
import { frames, until } from './fixtures/wait.js';
import RANK from '../fixtures/kpi/rank-communities.json';

function board(to: string): CivicRankBoard {
  const b = document.createElement('civic-rank-board');
  b.setAttribute('linked-to', to);
  b.setAttribute('interval', '0');
  b.data = RANK;
  return b;
}

describe('R3: linked-to reports around the grace', function () {
  this.timeout(60_000);
  let warn: typeof console.warn;
  let warnings: string[];
  beforeEach(() => {
    warn = console.warn;
    warnings = [];
    console.warn = (...a: unknown[]) => void warnings.push(a.map(String).join(' '));
  });
  afterEach(() => {
    console.warn = warn;
  });

  it('removed, unlinked, corrected or moved before the grace: only the control and the moved one are reported, once each', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div><div id="real-map"></div><div id="elsewhere"></div></div>`);
    const errors: CivicErrorEvent[] = [];
    const onError = (e: Event) => void errors.push(e as CivicErrorEvent);
    document.addEventListener('civic-error', onError);
    const control = board('control-missing');
    const removed = board('removed-missing');
    const unlinked = board('unlinked-missing');
    const corrected = board('typo-map');
    const moved = board('moved-missing');
    wrap.append(control, removed, unlinked, corrected, moved);
    await import('../../src/core/controllers/linked-region.js');
    await frames(2);
    removed.remove();
    unlinked.removeAttribute('linked-to');
    corrected.setAttribute('linked-to', 'real-map');
    wrap.querySelector('#elsewhere')!.append(moved);
    await until(() => errors.some((e) => e.target === control), 'the control is reported');
    await until(() => errors.some((e) => e.target === moved), 'the moved board is reported');
    await frames(5);
    const who = (e: CivicErrorEvent) => (e.target as Element).getAttribute('linked-to') ?? '(none)';
    expect(errors.map(who).sort()).to.deep.equal(['control-missing', 'moved-missing']);
    expect(warnings.filter((w) => w.includes('linked-to')).length, warnings.join('\n')).to.equal(2);
    document.removeEventListener('civic-error', onError);
  });
});
