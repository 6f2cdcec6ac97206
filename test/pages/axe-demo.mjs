// axe-core on both demo pages, in both themes (issue 7, "Accessibility across the product").
//
// The demo pages (demo/index.html, demo/screen.html) load the library from src/ through Vite. Here they are served
// as they are, except that their module script (demo.ts / screen.ts) is replaced by the built single-file IIFE
// (dist/civic-widgets.iife.js, the same elements) plus the page script itself bundled by esbuild with its
// `import '../src/define.js'` stubbed out — so the page logic (theme and language switches, ?theme=…) is the real one.
// The generated pages live beside the originals (/demo/__axe-*.html) so their relative links (./demo.css,
// ./data/…) resolve unchanged.
//
// Each page is opened in light and dark (index: ?theme=dark, the page's own switch; screen: dark by default,
// ?theme=light), the elements are awaited (civic-load / civic-error from every element with data, the grid map's
// whenDrawn()), axe-core is injected and run over the document (shadow roots included), and every violation is
// listed. Used by run.mjs; `node test/pages/axe-demo.mjs` runs it alone (after a build).
import { readFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tmp = join(root, 'test/pages/.tmp');
const AXE = join(root, 'node_modules/axe-core/axe.min.js');

const DEMOS = [
  { name: 'index', html: 'demo/index.html', script: './demo.ts', entry: 'demo/demo.ts', viewport: { width: 1280, height: 900 }, themes: { light: '', dark: '?theme=dark' } },
  { name: 'screen', html: 'demo/screen.html', script: './screen.ts', entry: 'demo/screen.ts', viewport: { width: 1920, height: 1080 }, themes: { light: '?theme=light&tour=0', dark: '?tour=0' } },
];

/** Generated pages for the static server: path → { html, headers }. */
export function axePages() {
  const out = new Map();
  for (const d of DEMOS) {
    const src = readFileSync(join(root, d.html), 'utf8');
    const tag = `<script type="module" src="${d.script}"></script>`;
    if (!src.includes(tag)) throw new Error(`${d.html}: expected ${tag}`);
    const html = src.replace(tag, `<script src="/dist/civic-widgets.iife.js"></script>\n    <script defer src="/test/pages/.tmp/axe-${d.name}.js"></script>`);
    out.set(`/demo/__axe-${d.name}.html`, { html, headers: {} });
  }
  return out;
}

/** Bundles the demo page scripts without the library import (the IIFE registers the elements). */
export async function buildAxeScripts() {
  mkdirSync(tmp, { recursive: true });
  const stub = {
    name: 'stub-library',
    setup(b) {
      b.onResolve({ filter: /src\/define\.js$/ }, () => ({ path: 'define', namespace: 'stub' }));
      b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: '', loader: 'js' }));
    },
  };
  await esbuild({
    entryPoints: Object.fromEntries(DEMOS.map((d) => [`axe-${d.name}`, join(root, d.entry)])),
    outdir: tmp,
    bundle: true,
    format: 'iife',
    target: 'es2020',
    logLevel: 'error',
    plugins: [stub],
  });
}

/** Records civic-load / civic-error per element before any page script runs. */
function initScript() {
  window.__axeRec = { done: new Set(), errors: [] };
  const mark = (e) => {
    const t = e.composedPath()[0];
    window.__axeRec.done.add(t);
    if (e.type === 'civic-error') window.__axeRec.errors.push(`${t.localName}: ${JSON.stringify(e.detail && (e.detail.message || e.detail.kind)).slice(0, 120)}`);
  };
  document.addEventListener('civic-load', mark, true);
  document.addEventListener('civic-error', mark, true);
}

/** Waits until every element with data reported, the maps have drawn, and two frames passed. */
async function settle(p, ms) {
  await p
    .waitForFunction(
      () => {
        const els = [...document.querySelectorAll('[src]')].filter((e) => e.localName.startsWith('civic-'));
        return els.length > 0 && els.every((e) => window.__axeRec.done.has(e));
      },
      null,
      { timeout: ms },
    )
    .catch(() => {});
  // Maps drawn, chain-graph layouts and transitions finished (a deadline that rejects: a map that never draws is
  // reported by the check below as pending, not waited out), then two frames for resize observers.
  await p
    .evaluate(() => Promise.race([Promise.all([...document.querySelectorAll('civic-grid-map')].map((m) => m.whenDrawn())), new Promise((_, ko) => setTimeout(() => ko(new Error('not drawn')), 20000))]))
    .catch(() => {});
  await p
    .waitForFunction(() => [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('civic-')).every((e) => !e.computing && !e.anim), null, { timeout: ms })
    .catch(() => {});
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return p.evaluate(() => {
    const els = [...document.querySelectorAll('[src]')].filter((e) => e.localName.startsWith('civic-'));
    return { pending: els.filter((e) => !window.__axeRec.done.has(e)).map((e) => e.localName), errors: window.__axeRec.errors };
  });
}

/** Runs axe over the document; returns violations as short lines. */
async function runAxe(p) {
  await p.addScriptTag({ content: readFileSync(AXE, 'utf8') });
  const res = await p.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      n: v.nodes.length,
      targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)),
      summary: (v.nodes[0] && v.nodes[0].failureSummary ? v.nodes[0].failureSummary : '').split('\n').slice(1, 2).join(' ').trim().slice(0, 160),
    }));
  });
  return res;
}

/**
 * Windows high contrast, really emulated (Playwright's `forcedColors: 'active'`; wtr's chromeLauncher cannot):
 * on demo/index.html the map legend swatches keep distinct colours and get an outline, series swatches too,
 * and the keyboard focus ring of the map is a solid outline (box-shadows are dropped in forced colours).
 */
async function checkForcedColors(browser, base, h) {
  const label = '[5 forced-colors] demo/index.html';
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce', forcedColors: 'active', deviceScaleFactor: 1 });
  try {
    await ctx.addInitScript(initScript);
    const p = await ctx.newPage();
    await p.goto(`${base}/demo/__axe-index.html`, { waitUntil: 'load', timeout: h.within(15_000) });
    await settle(p, h.within(15_000));
    const r = await p.evaluate(() => {
      const sw = (el) => [...el.shadowRoot.querySelectorAll('[part~="legend"] .swatch')].map((s) => {
        const cs = getComputedStyle(s);
        return { adjust: cs.forcedColorAdjust, border: cs.borderTopStyle !== 'none' && parseFloat(cs.borderTopWidth) >= 1, bg: cs.backgroundColor, noData: s.classList.contains('no-data') };
      });
      const map = document.querySelector('civic-grid-map');
      const chart = document.querySelector('civic-growth-chart');
      return { matches: matchMedia('(forced-colors: active)').matches, map: sw(map), chart: sw(chart) };
    });
    h.check(r.matches, `${label}: forced-colors media matches`);
    const all = [...r.map, ...r.chart];
    const bad = all.filter((s) => s.adjust !== 'none' || !s.border);
    const colours = new Set(r.map.filter((s) => !s.noData).map((s) => s.bg));
    h.check(
      r.map.length > 2 && r.chart.length > 0 && bad.length === 0 && colours.size === r.map.filter((s) => !s.noData).length,
      `${label}: legend swatches keep their colours (forced-color-adjust: none), outlined, distinct`,
      `${r.map.length} map + ${r.chart.length} chart swatches; ${bad.length} without adjust/border; ${colours.size} distinct map colours`,
    );
    // Tab to the map surface and read its focus ring.
    let ring = null;
    for (let i = 0; i < 40 && !ring; i++) {
      await p.keyboard.press('Tab');
      ring = await p.evaluate(() => {
        let a = document.activeElement;
        while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
        if (!a || a.getAttribute('part') !== 'canvas') return null;
        const cs = getComputedStyle(a);
        return { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth) };
      });
    }
    h.check(!!ring && ring.style !== 'none' && ring.width >= 2, `${label}: the map's focus ring is a solid outline`, ring ? `${ring.style} ${ring.width}px` : 'map surface not reached by Tab');
    await p.close();
  } finally {
    await ctx.close();
  }
}

/**
 * The checks. `h` gives run.mjs's helpers: { check(ok, name, detail), note(msg), within(ms), verbose }.
 */
export async function checkAxeDemo(browser, base, h) {
  if (!existsSync(AXE)) return h.check(false, '[5 axe] axe-core installed', AXE);
  await buildAxeScripts();
  for (const d of DEMOS) {
    for (const [theme, query] of Object.entries(d.themes)) {
      const label = `[5 axe] demo/${d.name}.html, ${theme} theme`;
      const ctx = await browser.newContext({ viewport: d.viewport, reducedMotion: 'reduce', deviceScaleFactor: 1 });
      try {
        await ctx.addInitScript(initScript);
        const p = await ctx.newPage();
        const errors = [];
        p.on('pageerror', (e) => errors.push(`pageerror: ${String(e.message || e).slice(0, 200)}`));
        p.on('console', (m) => m.type() === 'error' && errors.push(m.text().slice(0, 200)));
        await p.goto(`${base}/demo/__axe-${d.name}.html${query}`, { waitUntil: 'load', timeout: h.within(15_000) });
        const st = await settle(p, h.within(15_000));
        const resolved = await p.evaluate(() => [...new Set([...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('civic-')).map((e) => e.getAttribute('data-theme')))]);
        h.check(resolved.length === 1 && resolved[0] === theme, `${label}: every element resolved the ${theme} theme`, `data-theme: ${resolved.join(', ')}`);
        h.check(st.pending.length === 0, `${label}: every element loaded its data`, st.pending.length ? `no civic-load/civic-error from ${st.pending.join(', ')}` : '');
        if (st.errors.length) h.note(`${label}: civic-error ${st.errors.slice(0, 3).join(' | ')}`);
        const v = await runAxe(p);
        h.check(
          v.length === 0,
          `${label}: no axe-core violations`,
          v.map((x) => `${x.id} (${x.impact}, ${x.n}×: ${x.targets.join(' ')}${x.summary ? ` — ${x.summary}` : ''})`).join('; '),
        );
        h.check(errors.length === 0, `${label}: no console errors, no page errors`, errors.slice(0, 3).join(' | '));
        await p.close();
      } finally {
        await ctx.close();
      }
    }
  }
  await checkForcedColors(browser, base, h);
}

// Alone: node test/pages/axe-demo.mjs [--verbose] (serves the project root; needs dist/ from a build).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { createServer } = await import('node:http');
  const { createReadStream, statSync } = await import('node:fs');
  const { extname, normalize } = await import('node:path');
  const { chromium } = await import('playwright-core');
  const { findChrome, CHROME_ARGS } = await import('../../scripts/chrome.mjs');
  const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.geojson': 'application/geo+json', '.svg': 'image/svg+xml', '.png': 'image/png' };
  const pages = axePages();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const gen = pages.get(path);
    if (gen) return res.writeHead(200, { 'Content-Type': TYPES['.html'] }).end(gen.html);
    const file = join(root, normalize(path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) return res.writeHead(404).end('not found');
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS, headless: true });
  let passed = 0, failed = 0;
  const check = (ok, name, detail = '') => {
    ok ? passed++ : failed++;
    console.log(`${ok ? '✓' : '✗'} ${name}${detail ? ` — ${detail}` : ''}`);
  };
  try {
    await checkAxeDemo(browser, base, { check, note: (m) => console.log(`  · ${m}`), within: (ms) => ms, verbose: process.argv.includes('--verbose') });
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
