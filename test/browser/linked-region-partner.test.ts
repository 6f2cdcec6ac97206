// `linked-to` naming no element (closing16 "Left": a mistyped id was silent). The element keeps its data, whole; once
// the page has loaded and the grace has passed, one console warning and one civic-error (code unknown-id, path
// linked-to) say so. A partner that appears meanwhile — inserted after the board, or an element given that id — is
// not reported, and the link works.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/rank-board/rank-board.define.js';
import type { CivicRankBoard } from '../../src/components/rank-board/rank-board.js';
import type { CivicErrorEvent } from '../../src/core/events/error-event.js';
import { frames, until } from './fixtures/wait.js';
import { pageProblems } from './fixtures/page-problems.js';
import RANK from '../fixtures/kpi/rank-communities.json';

const rows = (b: CivicRankBoard) => b.shadowRoot!.querySelectorAll('[part~="row"]').length;

/** A board of communities following the element with id `to`. */
function board(to: string): CivicRankBoard {
  const b = document.createElement('civic-rank-board');
  b.setAttribute('linked-to', to);
  b.setAttribute('interval', '0');
  b.setAttribute('rows-visible', '30');
  b.data = RANK;
  return b;
}

describe('linked-to: a partner that is missing, or comes later', function () {
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

  it('a mistyped id: one warning and one civic-error with code unknown-id; the data stays on screen', async () => {
    const probs = pageProblems();
    try {
      const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
      const errors: CivicErrorEvent[] = [];
      wrap.addEventListener('civic-error', (e) => errors.push(e as CivicErrorEvent));
      const b = board('mpa');
      wrap.append(b);
      await until(() => errors.length > 0, 'civic-error for the missing partner');
      const d = errors[0].detail;
      expect(errors[0].target).to.equal(b);
      expect(d.kind).to.equal('validation');
      expect(d.source).to.equal('attribute');
      expect(d.partial).to.equal(true);
      expect(d.issues.map((i) => [i.path, i.code])).to.deep.equal([['linked-to', 'unknown-id']]);
      expect(d.issueCounts).to.deep.equal({ 'unknown-id': 1 });
      const w = warnings.filter((m) => m.includes('linked-to="mpa"'));
      expect(w, warnings.join('\n')).to.have.length(1);
      expect(w[0]).to.match(/^\[civic-rank-board\]/);
      await b.updateComplete;
      expect(rows(b), 'data kept').to.equal(RANK.rows.length);
      expect(b.shadowRoot!.querySelector('[part~="status"]'), 'no banner over the data').to.equal(null);
      expect(probs.list).to.deep.equal([]);
    } finally {
      probs.stop();
    }
  });

  it('a partner inserted later, or given the id later: no report, and the link forms', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
    const errors: CivicErrorEvent[] = [];
    wrap.addEventListener('civic-error', (e) => errors.push(e as CivicErrorEvent));
    const late = board('late-map');
    const renamed = board('renamed-map');
    wrap.append(late, renamed);
    // The watch starts once the linked logic's chunk has arrived.
    await import('../../src/core/controllers/linked-region.js');
    await frames(2);
    const map = document.createElement('div');
    map.id = 'late-map';
    wrap.append(map);
    const other = document.createElement('div');
    wrap.append(other);
    await frames(1);
    other.id = 'renamed-map';
    // A board connected after both, whose partner never comes: its report comes after theirs would have (same grace,
    // armed later), so once it is here the two others have had their chance to report.
    const missing = board('never-there');
    wrap.append(missing);
    await until(() => errors.length > 0, 'civic-error of the board with no partner');
    expect(errors.map((e) => e.target)).to.deep.equal([missing]);
    expect(warnings.filter((m) => m.includes('late-map') && m.includes('no element'))).to.deep.equal([]);

    const region = '500118002';
    map.dispatchEvent(new CustomEvent('civic-select', { detail: { id: region, item: null, trigger: 'api' }, bubbles: true, composed: true }));
    other.dispatchEvent(new CustomEvent('civic-select', { detail: { id: region, item: null, trigger: 'api' }, bubbles: true, composed: true }));
    await until(() => late.region === region && renamed.region === region, 'both boards follow their late partner');
    expect(missing.region).to.equal(undefined);
  });
});
