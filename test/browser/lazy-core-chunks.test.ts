// Issue 16: the English strings (core/i18n/en.ts), the host styles' media rules (core/theme/media.ts: reduced
// motion, forced colours, print) and what a linked element does with a selection (core/controllers/linked-region.ts)
// load on first use. A Chinese page never asks for the English strings; an English
// element's first picture is already English; with a media those rules serve active, the first picture already has
// them; every element adopts them right after its host styles (the cascade of the tokens sheet is unchanged).
// This file runs in a page of its own: the chunks are not loaded when it starts.
import { expect, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { render } from 'lit';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import { until } from './fixtures/wait.js';
import { CivicSelectEvent } from '../../src/core/events/select-event.js';

const requested = (file: string) => performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname.endsWith(file));

/** Mounts a tile and resolves with its shadow root's text and transition token at its first civic-drawn. */
function firstPicture(lang: string): Promise<{ el: HTMLElement; text: string; transition: string }> {
  const box = document.createElement('div');
  document.body.append(box);
  return new Promise((resolve) => {
    const onDrawn = (e: Event) => {
      const el = e.target as HTMLElement;
      const root = el.shadowRoot!;
      resolve({ el, text: root.textContent ?? '', transition: getComputedStyle(el).getPropertyValue('--_transition').trim() });
    };
    // Listening before the element exists: its first civic-drawn cannot be missed.
    render(html`<civic-kpi-tile lang=${lang} label="GDP" value="860.9" unit="亿元" illustrative duration="0" @civic-drawn=${{ handleEvent: onDrawn, once: true }}></civic-kpi-tile>`, box);
  });
}

describe('core code loaded on first use: English strings, media rules', function () {
  this.timeout(60_000);
  after(async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    document.body.innerHTML = '';
  });

  // First: the media rules have not loaded yet in this page.
  it('with reduced motion asked for, the first picture already has the media rules (they load before it)', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const { transition } = await firstPicture('zh-CN');
    expect(transition).to.equal('0ms');
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('a Chinese page: Chinese first picture, the English strings never requested; the media rules adopted after the host styles', async () => {
    const { el, text } = await firstPicture('zh-CN');
    expect(text).to.contain('示例数据');
    expect(requested('/core/i18n/en.ts'), 'English strings requested on a Chinese page').to.equal(false);
    const root = el.shadowRoot!;
    await until(() => root.adoptedStyleSheets.length === (el.constructor as unknown as { elementStyles: unknown[] }).elementStyles.length + 1, 'media rules adopted');
    const media = root.adoptedStyleSheets[1];
    const conditions = [...media.cssRules].map((r) => (r as CSSMediaRule).conditionText);
    expect(conditions.join(' | ')).to.match(/prefers-reduced-motion: reduce.*forced-colors: active.*print/);
    // With them, the shared templates' own: the spinner stands still, the export button in system colours.
    const inner = [...media.cssRules].flatMap((r) => [...(r as CSSMediaRule).cssRules].map((x) => x.cssText)).join('\n');
    expect(inner).to.match(/:host \.spinner \{[^}]*animation/);
    expect(inner).to.match(/:host \[part~="export-button"\] \{ color: buttontext; border-color: buttontext; \}/i);
    expect([...root.adoptedStyleSheets[0].cssRules].some((r) => r instanceof CSSMediaRule && /forced-colors|print/.test(r.conditionText)), 'the first sheet has no media rules left').to.equal(false);
    // Connected again: adopted once.
    el.remove();
    document.body.append(el);
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(root.adoptedStyleSheets.filter((s) => s === media)).to.have.length(1);
  });

  it('an English element: its first picture is English (the strings load before it)', async () => {
    const { text } = await firstPicture('en');
    expect(requested('/core/i18n/en.ts')).to.equal(true);
    expect(text).to.contain('Illustrative data');
    expect(text).not.to.contain('示例数据');
  });

  it('a Chinese element switched to English shows English strings', async () => {
    const { el } = await firstPicture('zh-CN');
    el.setAttribute('lang', 'en');
    await until(() => (el.shadowRoot!.textContent ?? '').includes('Illustrative data'), 'English strings after the switch');
  });

  it('a linked element: its selection logic loads with it, and a selection that comes before it is applied once it has', async () => {
    expect(requested('/core/controllers/linked-region.ts'), 'requested on a page without linked elements').to.equal(false);
    const box = document.createElement('div');
    document.body.append(box);
    render(html`<div id="picker"></div><civic-kpi-tile linked-to="picker" label="GDP" value="1"></civic-kpi-tile>`, box);
    const tile = box.querySelector('civic-kpi-tile') as HTMLElement & { region?: string };
    // At once, before the chunk can have arrived (an import never resolves synchronously).
    box.querySelector('#picker')!.dispatchEvent(new CivicSelectEvent({ id: '500118', region: '500118', trigger: 'api' }));
    expect(tile.region).to.equal(undefined);
    await until(() => tile.region === '500118', 'the region applied once the logic loaded');
    // Loaded: applied during the event.
    box.querySelector('#picker')!.dispatchEvent(new CivicSelectEvent({ id: null, trigger: 'api' }));
    expect(tile.region).to.equal(undefined);
  });
});
