// The demo pages in English read as English (session 14 audit: ?lang=en turned the elements' own words English but
// left the wall's title, data time, panel headings and note, and the report page's header, in Chinese — and the
// Chinese title of the wall was cut with … in the English title bar).
//
// Opens the demo pages as axe-demo.mjs serves them (the built IIFE plus the real page script) with ?lang=en and
// checks the page's own words — not the data (place and firm names stay as published) and not the report's prose,
// which stays Chinese by design: on screen.html every text of the page outside the data elements (the panels inside
// <civic-screen> count), the screen's heading and data time, the aria-labels and the document title; on index.html
// the header and the English note. Each must hold no Han character; and the screen's heading must fit its title bar
// (no ellipsis). Used by run.mjs ("demo language"); failed on the demo before the English page words (3 of 3).
import { buildAxeScripts } from './axe-demo.mjs';

const HAN = /\p{Script=Han}/u;

const CASES = [
  { name: 'screen.html en', path: '/demo/__axe-screen.html?tour=0&lang=en', viewport: { width: 1920, height: 1080 }, scope: 'body', screen: true },
  { name: 'index.html en', path: '/demo/__axe-index.html?lang=en', viewport: { width: 1280, height: 900 }, scope: '.site-header, [data-en-only]', screen: false },
];

/** In the page: the page's own visible words under `scope` (outside civic-* elements), and the screen's title texts. */
function pageWords({ scope, screen }) {
  const words = [];
  const visible = (el) => !!el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden';
  for (const root of document.querySelectorAll(scope)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent.trim();
      if (!text || !el || el.closest('script, style, #toggle-lang') || [...ancestors(el)].some((a) => a.localName.startsWith('civic-') && a.localName !== 'civic-screen')) continue;
      if (visible(el)) words.push({ where: describe(el), text });
    }
    for (const el of [root, ...root.querySelectorAll('[aria-label]')]) {
      const label = el.getAttribute('aria-label');
      if (label && !el.localName.startsWith('civic-')) words.push({ where: `${describe(el)} aria-label`, text: label });
    }
  }
  words.push({ where: 'title', text: document.title });
  let heading;
  if (screen) {
    const s = document.querySelector('civic-screen');
    for (const part of ['heading', 'data-time']) {
      const el = s?.shadowRoot?.querySelector(`[part~="${part}"]`);
      if (el) words.push({ where: `civic-screen ${part}`, text: el.textContent.trim() });
    }
    const h = s?.shadowRoot?.querySelector('[part~="heading"]');
    if (h) heading = { text: h.textContent.trim(), scrollWidth: h.scrollWidth, clientWidth: h.clientWidth };
  }
  return { words, heading };

  function* ancestors(el) {
    for (let a = el; a; a = a.parentElement) yield a;
  }
  function describe(el) {
    return el.localName + (el.id ? `#${el.id}` : '') + (el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : '');
  }
}

export async function checkDemoLanguage(browser, base, h) {
  await buildAxeScripts();
  const ctx = await browser.newContext({ reducedMotion: 'reduce', deviceScaleFactor: 1 });
  try {
    const p = await ctx.newPage();
    for (const c of CASES) {
      const label = `[demo language] ${c.name}`;
      await p.setViewportSize(c.viewport);
      await p.goto(`${base}${c.path}`, { waitUntil: 'load', timeout: h.within(40_000) });
      // The page script is deferred (it ran before load); the screen's title bar is drawn by its next update.
      await p.evaluate(async () => {
        await customElements.whenDefined('civic-screen');
        await document.querySelector('civic-screen')?.updateComplete;
      });
      const { words, heading } = await p.evaluate(pageWords, { scope: c.scope, screen: c.screen });
      const chinese = words.filter((w) => HAN.test(w.text)).map((w) => `${w.where} "${w.text.slice(0, 40)}"`);
      h.check(chinese.length === 0, `${label}: the page's own words are English`, chinese.slice(0, 8).join(' | ') + (chinese.length > 8 ? ` (+${chinese.length - 8} more)` : ''));
      if (c.screen) {
        h.check(!!heading && heading.scrollWidth <= heading.clientWidth, `${label}: the screen's heading fits its title bar`, heading ? `"${heading.text}" needs ${heading.scrollWidth} px, has ${heading.clientWidth}` : 'no heading part');
      }
    }
    await p.close();
  } finally {
    await ctx.close();
  }
}
