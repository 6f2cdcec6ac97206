// The banner's details list speaks the element's language (A3 s18, finding 9): on a zh-CN page each issue is the path,
// a Chinese sentence chosen by its code and the value as written; on an en page the same in English. The developer
// English stays in the line's title and in civic-error's detail, whose shape is unchanged.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/rank-board/rank-board.define.js';
import type { CivicRankBoard } from '../../src/components/rank-board/rank-board.js';
import type { CivicErrorEvent } from '../../src/core/events/error-event.js';

const ROWS = [
  { name: '永川区', value: 12 },
  { name: '<b>江津区</b>', value: 'abc' },
  { name: '璧山区', value: 9 },
];

async function detailsOf(lang: string): Promise<{ lines: HTMLLIElement[]; event: CivicErrorEvent }> {
  const warn = console.warn;
  console.warn = () => {};
  try {
    // Listen before the element exists: its civic-error can come before fixture() resolves.
    const failed = oneEvent(document, 'civic-error') as Promise<CivicErrorEvent>;
    const el = await fixture<CivicRankBoard>(html`<civic-rank-board lang=${lang} style="display:block;width:640px" .data=${{ rows: ROWS }}></civic-rank-board>`);
    const event = await failed;
    // The full banner (with its details list) loads after the first, plain one.
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="status"] li'), 'details list', { timeout: 10000 });
    return { lines: [...el.shadowRoot!.querySelectorAll<HTMLLIElement>('[part~="status"] li')], event };
  } finally {
    console.warn = warn;
  }
}

describe('status details in the element language', () => {
  it('zh-CN: the path, a Chinese sentence and the value; the English in the title and the event', async () => {
    const { lines, event } = await detailsOf('zh-CN');
    expect(lines.map((l) => l.textContent!.trim())).to.deep.equal(['rows[1].value：不是数字（"abc"）']);
    expect(lines[0].title).to.equal('rows[1].value: expected a number, got "abc"');
    expect(lines[0].querySelector('*'), 'text, never HTML').to.equal(null);
    const d = event.detail;
    expect(d.issues[0]).to.deep.equal({ path: 'rows[1].value', code: 'type', message: 'expected a number, got "abc"', severity: 'error' });
    expect(d).to.include({ kind: 'validation', partial: true, issueCount: 1 });
    expect(d.issueCounts).to.deep.equal({ type: 1 });
  });

  it('en: the same line in English', async () => {
    const { lines } = await detailsOf('en');
    expect(lines.map((l) => l.textContent!.trim())).to.deep.equal(['rows[1].value: not a number ("abc")']);
  });
});
