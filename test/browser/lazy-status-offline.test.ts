// Issue 16: the full status banner (core/render/status-view.ts, with its words: status-words.ts — the reason of an
// error, the "not updated" time, the issue list) loads with an element's first error or stale state. When its request
// fails (a page that lost its network), the error state still comes, in the element itself: the plain banner with a
// short translated headline in the full one's place, `civic-error` with its details, the last good figure kept, and
// the picture completes (`civic-drawn`, `whenDrawn()`). A page of its own: a failed module stays failed for the page's
// life in some browsers. (The same contract with a stand-in host: test/unit/data/status-view-offline.test.ts.)
import { expect } from '@open-wc/testing';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';
import { failControl, failDuring } from './fixtures/fail-control.js';

const status = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part~="status"]');

/** A tile in the page, listening before it connects: its civic-error details and its first civic-drawn. */
function mount(lang: string, set: (el: CivicKpiTile) => void) {
  const el = document.createElement('civic-kpi-tile') as CivicKpiTile;
  el.setAttribute('lang', lang);
  el.setAttribute('motion', 'reduce');
  const errors: Record<string, unknown>[] = [];
  el.addEventListener('civic-error', (e) => errors.push((e as CustomEvent).detail));
  const drawn = new Promise<void>((resolve) => el.addEventListener('civic-drawn', () => resolve(), { once: true }));
  set(el);
  document.body.append(el);
  return { el, errors, drawn };
}

describe('the full status banner cannot load (offline)', function () {
  this.timeout(60_000);
  failDuring('/core/render/status-view.ts');
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('broken inline JSON: the plain translated error, civic-error with its details, and the picture completes', async () => {
    const { el, errors, drawn } = mount('zh-CN', (t) =>
      t.append(Object.assign(document.createElement('script'), { type: 'application/json', textContent: '{ not json' })),
    );
    await drawn;
    const s = status(el);
    expect(s, 'the error state').to.exist;
    expect(s!.getAttribute('data-kind')).to.equal('error');
    expect(s!.getAttribute('role')).to.equal('alert');
    expect(s!.classList.contains('state-block'), 'a block in the picture’s place').to.equal(true);
    expect(s!.textContent!.trim()).to.equal('数据加载失败');
    expect(errors).to.have.length(1);
    expect(errors[0]).to.include({ kind: 'json', source: 'inline', partial: false, keptPrevious: false, issueCount: 1 });
    expect((await failControl('op=stats')).failed.some((p) => p.endsWith('/core/render/status-view.ts')), 'the banner was asked for and failed').to.equal(true);
  });

  it('a later payload with nothing valid keeps the last good figure under the plain strip (en)', async () => {
    const { el, errors, drawn } = mount('en', (t) => (t.data = { label: 'GDP', value: 5 }));
    await drawn;
    expect(el.shadowRoot!.querySelector('[part~="value"]')?.textContent).to.contain('5');
    el.data = { label: 'GDP', value: 'x' };
    await el.whenDrawn();
    await el.updateComplete;
    expect(errors).to.have.length(1);
    expect(errors[0]).to.include({ kind: 'validation', source: 'property', partial: false, keptPrevious: true });
    expect(el.shadowRoot!.querySelector('[part~="value"]')?.textContent, 'the last good figure').to.contain('5');
    const s = status(el)!;
    expect(s.getAttribute('data-kind')).to.equal('error');
    expect(s.classList.contains('state-strip'), 'a strip above the kept picture').to.equal(true);
    expect(s.textContent).to.contain('Could not load the data');
    expect(s.textContent).to.contain('Not updated: showing the last data that loaded');
  });
});
