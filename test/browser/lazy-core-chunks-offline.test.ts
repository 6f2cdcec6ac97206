// Issue 16: the English strings (core/i18n/en.ts) and the host styles' media rules (core/theme/media.ts) load on first
// use, before the first picture when it needs them. When their request fails (a page that lost its network), the
// first picture and the error state still come: the Chinese strings stand in, the media rules are left out.
// A page of its own: a failed module stays failed for the page's life in some browsers.
import { expect, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { render } from 'lit';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import { failDuring } from './fixtures/fail-control.js';

/** Mounts a tile (listening first) and resolves with it at its first civic-drawn, and with its civic-error details. */
function mount(lang: string, inline?: string): Promise<{ el: HTMLElement; errors: unknown[] }> {
  const box = document.createElement('div');
  document.body.append(box);
  const errors: unknown[] = [];
  return new Promise((resolve) => {
    const onDrawn = (e: Event) => resolve({ el: e.target as HTMLElement, errors });
    const onError = (e: Event) => errors.push((e as CustomEvent).detail);
    const script = inline === undefined ? undefined : Object.assign(document.createElement('script'), { type: 'application/json', textContent: inline });
    render(
      html`<civic-kpi-tile lang=${lang} label="GDP" value="860.9" unit="亿元" duration="0" @civic-drawn=${{ handleEvent: onDrawn, once: true }} @civic-error=${onError}>${script}</civic-kpi-tile>`,
      box,
    );
  });
}

describe('core chunks that cannot load (offline)', function () {
  this.timeout(60_000);
  afterEach(() => {
    document.body.innerHTML = '';
  });

  // First: every element connecting asks for the media rules.
  describe('the media rules, with reduced motion asked for', () => {
    failDuring('/core/theme/media.ts');
    before(() => emulateMedia({ reducedMotion: 'reduce' }));
    after(() => emulateMedia({ reducedMotion: 'no-preference' }));

    it('the first picture still comes (without them)', async () => {
      const { el } = await mount('zh-CN');
      expect(el.shadowRoot!.querySelector('[part~="value"]')?.textContent).to.contain('860.9');
      expect(getComputedStyle(el).getPropertyValue('--_transition').trim(), 'the reduced-motion rule is not there').to.equal('300ms');
    });
  });

  describe('the English strings', () => {
    failDuring('/core/i18n/en.ts');

    it('an English element still draws its first picture, with the Chinese strings standing in', async () => {
      const { el } = await mount('en');
      expect(el.shadowRoot!.querySelector('[part~="value"]')?.textContent).to.contain('86.09');
    });

    it('an English element with broken data still shows its error state and fires civic-error', async () => {
      const { el, errors } = await mount('en', '{ not json');
      expect(el.shadowRoot!.querySelector('[part~="status"][data-kind="error"]')).not.to.equal(null);
      expect(errors).to.have.length(1);
      expect(errors[0]).to.include({ kind: 'json' });
    });
  });
});
