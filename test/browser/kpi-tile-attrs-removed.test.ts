// A KPI tile set only by attributes (F, session 16): removing its `value` attribute said "数值无效" (invalid value)
// with a console warning. A figure that is not given is not an invalid one: the tile goes back to the state of a
// tile created without `value` (its label with a dash, no error note, no warning); without `label` either, to the
// state of a tile created with neither.
import { expect, fixture, html } from '@open-wc/testing';
import { frames } from './fixtures/wait.js';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
/** What the tile shows and says: its parts' text and the live region's sentence. */
const shown = (el: Element) => ({
  parts: [...el.shadowRoot!.querySelectorAll('[part]')].map((p) => `${p.getAttribute('part')}=${p.textContent!.trim()}`).join(' | '),
  said: el.shadowRoot!.querySelector('[aria-live]')?.textContent ?? '',
});

async function settled(el: CivicKpiTile): Promise<void> {
  await el.updateComplete;
  await frames(2);
  await el.updateComplete;
}

describe('<civic-kpi-tile> whose value attribute is removed', () => {
  let warn: typeof console.warn;
  let warnings: string[];
  beforeEach(() => {
    warnings = [];
    warn = console.warn;
    console.warn = (...a: unknown[]) => void warnings.push(a.map(String).join(' '));
  });
  afterEach(() => {
    console.warn = warn;
  });

  it('with a label: shows what a tile created without value shows, with no error and no warning', async () => {
    const made = await fixture<CivicKpiTile>(html`<civic-kpi-tile motion="reduce" label="学校" unit="所" previous="16"></civic-kpi-tile>`);
    await settled(made);
    const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile motion="reduce" label="学校" value="18" unit="所" previous="16"></civic-kpi-tile>`);
    await settled(el);
    expect(part(el, 'number')!.textContent).to.equal('18');
    const errors: Event[] = [];
    el.addEventListener('civic-error', (e) => errors.push(e));
    el.removeAttribute('value');
    await settled(el);
    expect(part(el, 'number')!.textContent, 'a dash for the figure not given').to.equal('—');
    expect(el.shadowRoot!.textContent, 'no "invalid value" note').to.not.contain('数值无效');
    expect(part(el, 'status'), 'no status note or banner').to.equal(null);
    expect(shown(el)).to.deep.equal(shown(made));
    expect(errors, 'no civic-error').to.have.length(0);
    expect(warnings, 'no console warning').to.deep.equal([]);
  });

  it('without a label: shows what a tile created with neither shows', async () => {
    const made = await fixture<CivicKpiTile>(html`<civic-kpi-tile motion="reduce"></civic-kpi-tile>`);
    await settled(made);
    const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile motion="reduce" value="18"></civic-kpi-tile>`);
    await settled(el);
    el.removeAttribute('value');
    await settled(el);
    // Its empty state is the picture (no hanging whenDrawn(), as for any element whose data was removed).
    await el.whenDrawn();
    expect(shown(el)).to.deep.equal(shown(made));
    expect(el.shadowRoot!.textContent).to.not.contain('数值无效');
    expect(warnings).to.deep.equal([]);
  });
});
