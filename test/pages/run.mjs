#!/usr/bin/env node
// Page-level embedding checks (issue 7, "Embedding anywhere"): strict CSP with the IIFE and the module bundle,
// style isolation against hostile global CSS, React 19 / Vue 3 mounting. Real Chromium via playwright-core
// against a static server on 127.0.0.1 that sets each page's headers. Run after a build:
//   node scripts/build.mjs --quiet && node test/pages/run.mjs
// Prints one line per check and finally "N passed, M failed"; exits 1 when any failed. See README.md here.
import { createServer } from 'node:http';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build as esbuild } from 'esbuild';
import { findChrome, CHROME_ARGS, MISSING_MESSAGE } from '../../scripts/chrome.mjs';
import { ENTRIES } from '../../scripts/entries.mjs';
import { axePages, checkAxeDemo } from './axe-demo.mjs';
import { checkIifeWorker } from './iife-worker.mjs';
import { checkMetricsWorkerCsp, metricsWorkerCspPages } from './metrics-worker-csp.mjs';
import { checkPngCsp, pngCspPages } from './png-csp.mjs';
import { checkHostileRules, hostileRulePages } from './hostile-rules.mjs';
import { checkThemeMatrix, themeMatrixPages } from './theme-matrix.mjs';
import { checkWallLegibility } from './wall-legibility.mjs';
import { checkDemoLanguage } from './demo-language.mjs';
import { checkConfigureOrder } from './configure-order.mjs';
import { checkLightIife, lightIifePages } from './light-iife.mjs';
import { checkStatusCsp, statusCspPages } from './status-csp.mjs';
import { checkTileDetailsCsp, tileDetailsCspPages } from './tile-details-csp.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const here = join(root, 'test/pages');
const tmp = join(here, '.tmp');
// CIVIC_PAGES_DIST=<dir> serves another build under /dist/ (default: the project's dist/).
const distDir = resolve(process.env.CIVIC_PAGES_DIST ?? join(root, 'dist'));
const verbose = process.argv.includes('--verbose');
// --shots writes every compared element screenshot to test/pages/.tmp/shots/ (to look at a failure).
const shots = process.argv.includes('--shots') ? join(tmp, 'shots') : null;
const saveShot = (name, png) => {
  if (!shots || !png) return;
  mkdirSync(shots, { recursive: true });
  writeFileSync(join(shots, `${name}.png`), png);
};
const T0 = Date.now();
// Deadlines here are hang guards, not speed checks: each step's figure is what a quiet machine needs, multiplied by
// SLACK (CIVIC_TEST_SLACK, default 4) so a machine busy with other work still passes; the whole run gets 30 min.
const SLACK = Number(process.env.CIVIC_TEST_SLACK) || 4;
const DEADLINE_MS = Number(process.env.CIVIC_PAGES_DEADLINE_MS) || 1_800_000; // quiet machine: ~60 s for checks 1–4, ~25 s axe, ~10 s PNG, ~10 s IIFE worker; hostile rules (18 page loads) and the theme matrix (6 pages + axe) more

// ── results ─────────────────────────────────────────────────────────────────────────────────────
let passed = 0;
let failed = 0;
const check = (ok, name, detail = '') => {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? '✓' : '✗'} ${name}${detail ? ` — ${detail}` : ''}`);
  return ok;
};
const note = (m) => console.log(`  · ${m}`);
const summary = () => console.log(`${passed} passed, ${failed} failed`);

// ── elements under test (only those built: see scripts/entries.mjs) ─────────────────────────────
const D = '/demo/data';
const ELEMENT_HTML = {
  'kpi-tile': () => `<civic-kpi-tile src="${D}/kpis.json"></civic-kpi-tile>`,
  'kpi-grid': () => `<civic-kpi-grid src="${D}/kpis-economy.json"></civic-kpi-grid>`,
  'rank-board': () => `<civic-rank-board src="${D}/rank-communities.json" rows-visible="6" interval="0"></civic-rank-board>`,
  'growth-chart': () => `<civic-growth-chart src="${D}/growth.json" kind="value-growth" series="gdp"></civic-growth-chart>`,
  'chain-graph': () => `<civic-chain-graph src="${D}/chains.json" layout="tiers"></civic-chain-graph>`,
  'grid-map': (renderer) =>
    `<civic-grid-map geometry-src="${D}/grids.geojson" src="${D}/grid-metrics.json" metric="households"${renderer ? ` renderer="${renderer}"` : ''}></civic-grid-map>`,
};
const available = ENTRIES.map((e) => e.name).filter((n) => ELEMENT_HTML[n]);
const hasMap = available.includes('grid-map');
const tagOf = (n) => `civic-${n}`;
const elementsHtml = (names, mapRenderer) => names.map((n) => ELEMENT_HTML[n](n === 'grid-map' ? mapRenderer : undefined)).join('\n');

// ── pages (generated; served with their own headers) ────────────────────────────────────────────
const CSP_IIFE = "default-src 'self'; script-src 'self'; style-src 'self'; worker-src blob:";
const CSP_BUNDLE = "default-src 'self'; script-src 'self'; style-src 'self'; worker-src 'self'";
const page = ({ head = '', body = '' }) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>civic-widgets page check</title>
<script src="/test/pages/assets/record.js"></script>
${head}</head><body>
${body}
<div id="probe-div">probe div</div><button id="probe-button" type="button">probe</button>
</body></html>`;
const CSS = (href) => `<link rel="stylesheet" href="${href}">`;
const LAYOUT = CSS('/test/pages/assets/layout.css');
// CIVIC_PAGES_HOSTILE=bs3,bs5,css picks the hostile layers (default: all three), to find which one breaks an element.
const HOSTILE_LAYERS = { bs3: '/node_modules/bootstrap3/dist/css/bootstrap.min.css', bs5: '/node_modules/bootstrap5/dist/css/bootstrap.min.css', css: '/test/pages/assets/hostile.css' };
const HOSTILE = (process.env.CIVIC_PAGES_HOSTILE ?? 'bs3,bs5,css').split(',').filter((k) => HOSTILE_LAYERS[k]).map((k) => CSS(HOSTILE_LAYERS[k])).join('\n');
const IIFE = '<script src="/dist/civic-widgets.iife.js"></script>';
const BUNDLE = '<script type="module" src="/dist/bundle/civic-widgets.js"></script>\n<script type="module" src="/test/pages/assets/check-defined.mjs"></script>';
const noMap = available.filter((n) => n !== 'grid-map');

const pages = new Map(); // path → { html, headers }
const addPage = (name, html, headers = {}) => pages.set(`/test/pages/__gen/${name}.html`, { html, headers });
addPage('csp-iife', page({ head: LAYOUT + IIFE, body: elementsHtml(available, 'webgl') }), { 'Content-Security-Policy': CSP_IIFE });
addPage('csp-bundle-nomap', page({ head: LAYOUT + BUNDLE, body: elementsHtml(noMap) }), { 'Content-Security-Policy': CSP_BUNDLE });
if (hasMap) addPage('csp-bundle-map', page({ head: LAYOUT + BUNDLE, body: elementsHtml(['grid-map'], 'webgl') }), { 'Content-Security-Policy': CSP_BUNDLE });
addPage('iife-worker', page({ head: LAYOUT + IIFE }), { 'Content-Security-Policy': CSP_IIFE });
addPage('clean-with', page({ head: LAYOUT + IIFE, body: elementsHtml(available) }));
addPage('clean-without', page({ head: LAYOUT }));
addPage('hostile-with', page({ head: HOSTILE + LAYOUT + IIFE, body: elementsHtml(available) }));
addPage('hostile-without', page({ head: HOSTILE + LAYOUT }));
for (const fw of ['react', 'vue']) {
  addPage(`${fw}-before`, page({ head: IIFE, body: `<div id="app"></div><script src="/test/pages/.tmp/${fw}-app.js"></script>` }));
  addPage(`${fw}-after`, page({ body: `<div id="app"></div><script src="/test/pages/.tmp/${fw}-app.js"></script>` }));
}
// 5. axe-core on the demo pages (axe-demo.mjs): generated copies beside the originals, /demo/__axe-*.html.
for (const [path, gen] of axePages()) pages.set(path, gen);
// 6. PNG export under strict CSP (png-csp.mjs): a generated <civic-screen> wall page too.
for (const [path, gen] of pngCspPages(available)) pages.set(path, gen);
// Grid map metrics worker under strict CSP, three builds (metrics-worker-csp.mjs).
if (hasMap) for (const [path, gen] of metricsWorkerCspPages()) pages.set(path, gen);
// 8. Hostile universal-selector rules, both builds (hostile-rules.mjs).
for (const [path, gen] of hostileRulePages(elementsHtml, available)) pages.set(path, gen);
// 9. axe-core over every element in every theme on light and dark pages, both builds (theme-matrix.mjs).
for (const [path, gen] of themeMatrixPages(elementsHtml, available)) pages.set(path, gen);
// 10. The light one-script file and its maplibre sibling under CSP (light-iife.mjs).
for (const [path, gen] of lightIifePages()) pages.set(path, gen);
// 11. The full status banner on first use under CSP (status-csp.mjs).
if (available.includes('kpi-tile')) for (const [path, gen] of statusCspPages()) pages.set(path, gen);
// 12. A KPI tile's details chunk under CSP (tile-details-csp.mjs).
if (available.includes('kpi-tile')) for (const [path, gen] of tileDetailsCspPages()) pages.set(path, gen);

// ── static server ───────────────────────────────────────────────────────────────────────────────
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};
function startServer() {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const base = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
    if (path === '/favicon.ico') {
      res.writeHead(204, base);
      return res.end();
    }
    const gen = pages.get(path);
    if (gen) {
      res.writeHead(200, { ...base, 'Content-Type': TYPES['.html'], ...gen.headers });
      return res.end(gen.html);
    }
    const file = path.startsWith('/dist/') ? join(distDir, normalize(path.slice(6))) : join(root, normalize(path));
    const inside = file.startsWith(distDir + sep) || file.startsWith(root);
    if (!inside || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { ...base, 'Content-Type': 'text/plain' });
      return res.end('not found');
    }
    res.writeHead(200, { ...base, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok, ko) => {
    server.once('error', ko);
    server.listen(0, '127.0.0.1', () => ok(server));
  });
}

// ── helpers ─────────────────────────────────────────────────────────────────────────────────────
const sleep = (ms) => new Promise((r) => setTimeout(r, ms)); // time-under-test: only the stability interval of settleAll
const left = () => DEADLINE_MS - (Date.now() - T0);
const within = (ms) => Math.max(1000, Math.min(ms * SLACK, left() - 3000));

/** Collects console errors/warnings, page errors and request URLs of a page. */
function watch(p) {
  const log = { errors: [], warnings: [], requests: [] };
  p.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text().slice(0, 300));
    else if (m.type() === 'warning') log.warnings.push(m.text().slice(0, 300));
  });
  p.on('pageerror', (e) => log.errors.push(`pageerror: ${String(e.message || e).slice(0, 300)}`));
  p.on('request', (r) => log.requests.push(r.url()));
  return log;
}

let decoder; // a blank page that decodes PNG screenshots and measures pixels (createImageBitmap + canvas)
const DECODER_JS = `
window.__imgs = new Map();
window.__load = async (key, b64) => {
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }), { premultiplyAlpha: 'none', colorSpaceConversion: 'none' });
  const c = new OffscreenCanvas(bmp.width, bmp.height);
  const ctx = c.getContext('2d', { willReadFrequently: true });
  ctx.drawImage(bmp, 0, 0);
  window.__imgs.set(key, { w: bmp.width, h: bmp.height, d: ctx.getImageData(0, 0, bmp.width, bmp.height).data });
};
// Per box: share of pixels that differ from white (the page background) by > 24 on a channel, and a hash.
window.__regions = (key, boxes) => {
  const { w, d } = window.__imgs.get(key);
  return boxes.map((b) => {
    let ink = 0, h = 2166136261;
    for (let y = b.y; y < b.y + b.height; y++)
      for (let x = b.x; x < b.x + b.width; x++) {
        const i = (y * w + x) * 4;
        if (255 - d[i] > 24 || 255 - d[i + 1] > 24 || 255 - d[i + 2] > 24) ink++;
        h = Math.imul(h ^ (d[i] | (d[i + 1] << 8) | (d[i + 2] << 16)), 16777619);
      }
    return { ink: ink / Math.max(1, b.width * b.height), hash: h >>> 0 };
  });
};
// Share of pixels of box a (image ka) and box b (image kb) differing by > 40 on a channel; size mismatch counts.
window.__diff = (ka, a, kb, b) => {
  const A = window.__imgs.get(ka), B = window.__imgs.get(kb);
  const w = Math.min(a.width, b.width), h = Math.min(a.height, b.height);
  let n = 0;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = ((a.y + y) * A.w + a.x + x) * 4, j = ((b.y + y) * B.w + b.x + x) * 4;
      if (Math.abs(A.d[i] - B.d[j]) > 40 || Math.abs(A.d[i + 1] - B.d[j + 1]) > 40 || Math.abs(A.d[i + 2] - B.d[j + 2]) > 40) n++;
    }
  const total = Math.max(a.width * a.height, b.width * b.height);
  return (n + total - w * h) / total;
};`;
const loadPng = (key, png) => decoder.evaluate(([k, b64]) => window.__load(k, b64), [key, png.toString('base64')]);

/** Integer boxes (page coordinates) of the first element of each tag, clipped to the page. */
async function boxes(p, tags) {
  return p.evaluate((tags) => {
    const W = document.documentElement.scrollWidth;
    const H = document.documentElement.scrollHeight;
    return tags.map((t) => {
      const el = document.querySelector(t);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      const x = Math.max(0, Math.floor(r.x + scrollX));
      const y = Math.max(0, Math.floor(r.y + scrollY));
      return { x, y, width: Math.max(0, Math.min(W - x, Math.round(r.width))), height: Math.max(0, Math.min(H - y, Math.round(r.height))), w: r.width, h: r.height };
    });
  }, tags);
}

/**
 * Full-page screenshots until every element's box has ink (> 0.5% non-background pixels) and did not change
 * since the previous shot, or the time is up. Leaves the last shot in the decoder under `key`.
 * Returns per tag { box, ink, stable }.
 */
async function settleAll(p, key, tags, timeoutMs) {
  const end = Date.now() + timeoutMs;
  let prev = [];
  let out = tags.map(() => ({ box: null, ink: 0, stable: false }));
  let inkedAt = 0; // elements that keep changing (e.g. a scrolling board) get 2.5 s once all have ink
  while (true) {
    const bs = await boxes(p, tags);
    // caret: 'initial' — the default 'hide' makes Playwright put inline styles on inputs, which the CSP pages refuse.
    const png = await p.screenshot({ fullPage: true, caret: 'initial', timeout: within(8000) });
    await loadPng(key, png);
    const regs = await decoder.evaluate(([k, bs]) => window.__regions(k, bs.map((b) => b || { x: 0, y: 0, width: 0, height: 0 })), [key, bs]);
    out = tags.map((t, i) => ({ box: bs[i], ink: regs[i].ink, hash: regs[i].hash, stable: !!prev[i] && prev[i].hash === regs[i].hash && JSON.stringify(prev[i].box) === JSON.stringify(bs[i]) }));
    if (shots) saveShot(key, png);
    if (!inkedAt && out.every((o) => o.ink > 0.005)) inkedAt = Date.now();
    if (out.every((o) => o.stable && o.ink > 0.005) || (inkedAt && Date.now() - inkedAt > 2500) || Date.now() > end) return Object.fromEntries(tags.map((t, i) => [t, out[i]]));
    prev = out;
    await sleep(250); // time-under-test: "stable" means the same picture 250 ms later
  }
}

async function waitLoads(p, tags, timeoutMs) {
  // Elements fed by `src` fire civic-load (or civic-error) once their data arrived and validated.
  await p
    .waitForFunction((tags) => tags.every((t) => window.__rec.loads.includes(t) || window.__rec.errors.some((e) => e.tag === t)), tags, { timeout: timeoutMs })
    .catch(() => {});
  return p.evaluate(() => window.__rec);
}

const fmt = (x) => `${(x * 100).toFixed(1)}%`;
const short = (list, n = 3) => list.slice(0, n).join(' | ') + (list.length > n ? ` (+${list.length - n} more)` : '');

// ── checks ──────────────────────────────────────────────────────────────────────────────────────
async function cspPage(ctx, base, label, name, names) {
  const p = await ctx.newPage();
  const log = watch(p);
  await p.goto(`${base}/test/pages/__gen/${name}.html`, { waitUntil: 'load', timeout: within(15_000) });
  const tags = names.map(tagOf);
  const undefinedTags = await p.evaluate((tags) => tags.filter((t) => !customElements.get(t)), tags);
  check(undefinedTags.length === 0, `${label}: every element defined (${tags.length})`, undefinedTags.length ? `not defined: ${undefinedTags.join(', ')}` : '');
  const live = tags.filter((t) => !undefinedTags.includes(t));
  const tl = Date.now();
  const rec = await waitLoads(p, live, within(15_000));
  if (verbose) note(`loads after ${Date.now() - tl} ms: ${rec.loads.join(' ')}`);
  const t0 = Date.now();
  const st = await settleAll(p, name, live, within(hasMap ? 15_000 : 8_000));
  const moving = live.filter((t) => !st[t].stable);
  if (verbose) note(`settled after ${Date.now() - t0} ms${moving.length ? `; still changing: ${moving.join(', ')}` : ''}`);
  const drawn = live.filter((t) => st[t].ink > 0.005).map((t) => `${t.slice(6)} ${fmt(st[t].ink)}`);
  const blank = [...undefinedTags.map((t) => `${t.slice(6)} (not defined)`), ...live.filter((t) => !(st[t].ink > 0.005)).map((t) => `${t.slice(6)} ${fmt(st[t].ink)}`)];
  check(blank.length === 0, `${label}: every element drawn`, blank.length ? `blank: ${blank.join(', ')}; drawn: ${drawn.join(', ')}` : drawn.join(', '));
  // Hover the middle of each element (tooltips are a classic source of inline style attributes).
  for (const t of live) {
    const b = st[t].box;
    if (b) {
      await p.evaluate(([x, y]) => window.scrollTo(x, y), [0, Math.max(0, b.y - 100)]);
      const sy = await p.evaluate(() => scrollY);
      await p.mouse.move(b.x + b.width / 2, b.y - sy + Math.min(b.height / 2, 300), { steps: 2 });
      await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))); // the tooltip renders
    }
  }
  await p.mouse.move(0, 0);
  const rec2 = await p.evaluate(() => window.__rec);
  const v = rec2.violations.map((x) => `${x.directive} ${x.blocked} ${x.source}${x.sample ? ` "${x.sample.slice(0, 40)}"` : ''}`);
  check(v.length === 0, `${label}: zero securitypolicyviolation events`, v.length ? `${v.length}: ${short([...new Set(v)])}` : '');
  if (v.length) {
    // Attribute the blocked inline styles: a `style` attribute whose declarations CSP refused stays empty in CSSOM.
    const blocked = await p.evaluate(() => {
      const out = {};
      const walk = (rootNode, host) => {
        for (const el of rootNode.querySelectorAll('*')) {
          if (host && el.hasAttribute('style') && el.style.length === 0) {
            const k = `${host} ${el.localName}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
            out[k] = (out[k] || 0) + 1;
          }
          if (el.shadowRoot) walk(el.shadowRoot, el.localName);
        }
      };
      walk(document, '');
      return Object.entries(out).map(([k, n]) => (n > 1 ? `${k} ×${n}` : k));
    });
    if (blocked.length) note(`style attributes refused by CSP: ${blocked.join(', ')}`);
  }
  check(log.errors.length === 0, `${label}: no console errors, no page errors`, short(log.errors));
  if (rec.errors.length) note(`civic-error: ${short(rec.errors.map((e) => `${e.tag} ${e.detail}`))}`);
  if (verbose && log.warnings.length) note(`warnings: ${short(log.warnings, 5)}`);
  return { p, log };
}

async function checkCsp(browser, base) {
  const ctx = await browser.newContext({ viewport: { width: 1600, height: 1140 }, reducedMotion: 'reduce', deviceScaleFactor: 1 });
  try {
    // 1. IIFE under worker-src blob:
    const a = await cspPage(ctx, base, '[1 csp-iife]', 'csp-iife', available);
    await a.p.close();
    // 2. Module bundle under worker-src 'self'; maplibre's chunk only with a map.
    const b = await cspPage(ctx, base, '[2 csp-bundle, no map]', 'csp-bundle-nomap', noMap);
    const defined = await b.p.evaluate(() => window.__definedAfterBundle || null);
    const late = defined ? Object.keys(defined).filter((t) => !defined[t]) : ['(check-defined.mjs did not run)'];
    check(late.length === 0, '[2 csp-bundle] every element defined when the next module script runs (no late async chunk)', late.join(', '));
    const ml = b.log.requests.filter((u) => /maplibre/i.test(u));
    check(ml.length === 0, '[2 csp-bundle, no map] no maplibre file requested', ml.map((u) => u.replace(base, '')).join(', '));
    await b.p.close();
    if (hasMap) {
      const c = await cspPage(ctx, base, '[2 csp-bundle, webgl map]', 'csp-bundle-map', ['grid-map']);
      const chunk = c.log.requests.filter((u) => /maplibre-gl[^/]*\.m?js/i.test(u) && !/worker/.test(u));
      check(chunk.length > 0, '[2 csp-bundle, webgl map] maplibre chunk requested', chunk.map((u) => u.replace(base, '')).join(', ') || 'none requested');
      await c.p.close();
    } else note('[2] grid-map not in this build: maplibre-on-demand check skipped');
  } finally {
    await ctx.close();
  }
}

async function probeStyles(p) {
  return p.evaluate(() => {
    const all = (el) => {
      const cs = getComputedStyle(el);
      const o = {};
      for (let i = 0; i < cs.length; i++) o[cs[i]] = cs.getPropertyValue(cs[i]);
      return o;
    };
    return {
      div: all(document.getElementById('probe-div')),
      button: all(document.getElementById('probe-button')),
      html: all(document.documentElement),
      body: all(document.body),
      sheets: document.styleSheets.length,
      adopted: document.adoptedStyleSheets.length,
      headStyles: document.head.querySelectorAll('style, link[rel="stylesheet"]').length,
    };
  });
}
const styleDiff = (a, b) => Object.keys({ ...a, ...b }).filter((k) => a[k] !== b[k]).map((k) => `${k}: ${b[k]} → ${a[k]}`);

async function checkIsolation(browser, base) {
  const ctx = await browser.newContext({ viewport: { width: 1600, height: 1140 }, reducedMotion: 'reduce', deviceScaleFactor: 1 });
  try {
    const open = async (name) => {
      const p = await ctx.newPage();
      const log = watch(p);
      await p.goto(`${base}/test/pages/__gen/${name}.html`, { waitUntil: 'load', timeout: within(15_000) });
      return { p, log };
    };
    const clean = await open('clean-with');
    const hostile = await open('hostile-with');
    // Elements the build does not define are reported by check 1; compare the others.
    const tags = await clean.p.evaluate((all) => all.filter((t) => customElements.get(t)), available.map(tagOf));
    check(tags.length === available.length, `[3 isolation] every element defined (${tags.length}/${available.length})`);
    await Promise.all([waitLoads(clean.p, tags, within(15_000)), waitLoads(hostile.p, tags, within(15_000))]);
    const [sa, sb] = await Promise.all([settleAll(clean.p, 'clean', tags, within(12_000)), settleAll(hostile.p, 'hostile', tags, within(12_000))]);
    for (const t of tags) {
      const [a, b] = [sa[t], sb[t]];
      if (!a.box || !b.box) {
        check(false, `[3 isolation] ${t}: box`, 'element missing');
        continue;
      }
      const dw = Math.abs(a.box.w - b.box.w);
      const dh = Math.abs(a.box.h - b.box.h);
      check(dw <= 1 && dh <= 1, `[3 isolation] ${t}: same box (±1 px)`, `clean ${+a.box.w.toFixed(1)}×${+a.box.h.toFixed(1)}, hostile ${+b.box.w.toFixed(1)}×${+b.box.h.toFixed(1)}`);
      const d = await decoder.evaluate(([a, b]) => window.__diff('clean', a, 'hostile', b), [a.box, b.box]);
      if (!a.stable || !b.stable) note(`${t} was still changing when compared`);
      check(d < 0.02 && a.ink > 0.005, `[3 isolation] ${t}: same pixels (<2% differ)`, `${fmt(d)} differ${a.ink > 0.005 ? '' : `, blank on the clean page (${fmt(a.ink)})`}`);
    }
    check(hostile.log.errors.length === 0 && clean.log.errors.length === 0, '[3 isolation] no console errors, no page errors', short([...clean.log.errors, ...hostile.log.errors]));
    // Leaks: the page's own elements must be styled the same with and without the library's elements.
    for (const [withP, name] of [
      [clean.p, 'clean'],
      [hostile.p, 'hostile'],
    ]) {
      const without = await open(`${name}-without`);
      const [w, wo] = [await probeStyles(withP), await probeStyles(without.p)];
      const diffs = [];
      for (const k of ['div', 'button', 'html', 'body']) for (const d of styleDiff(w[k], wo[k])) diffs.push(`${k} ${d}`);
      for (const k of ['sheets', 'adopted', 'headStyles']) if (w[k] !== wo[k]) diffs.push(`document ${k}: ${wo[k]} → ${w[k]}`);
      check(diffs.length === 0, `[3 isolation] no style leak on the ${name} page (probe <div>, <button>, html, body, document sheets)`, short(diffs, 4));
      await without.p.close();
    }
    await clean.p.close();
    await hostile.p.close();
  } finally {
    await ctx.close();
  }
}

async function buildFrameworkApps() {
  mkdirSync(tmp, { recursive: true });
  await esbuild({
    entryPoints: { 'react-app': join(here, 'frameworks/react-app.jsx'), 'vue-app': join(here, 'frameworks/vue-app.js') },
    outdir: tmp,
    bundle: true,
    format: 'iife',
    target: 'es2020',
    jsx: 'automatic',
    minify: true,
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"', __VUE_OPTIONS_API__: 'false', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
  });
}

async function checkFrameworks(browser, base) {
  const tag = available.includes('kpi-tile') ? 'civic-kpi-tile' : available.includes('growth-chart') ? 'civic-growth-chart' : null;
  if (!tag) return note('[4] neither kpi-tile nor growth-chart in this build: framework checks skipped');
  await buildFrameworkApps();
  const ctx = await browser.newContext({ viewport: { width: 800, height: 600 }, reducedMotion: 'reduce' });
  const expect = { 'civic-kpi-tile': JSON.parse(readFileSync(join(root, 'demo/data/kpis.json'), 'utf8')).items[0].label, 'civic-growth-chart': JSON.parse(readFileSync(join(root, 'demo/data/growth.json'), 'utf8')).series[0].name }[tag];
  try {
    for (const fw of ['react', 'vue']) {
      for (const order of ['before', 'after']) {
        const label = `[4 ${fw === 'react' ? 'React 19' : 'Vue 3'}, library loads ${order} mount] ${tag}`;
        const p = await ctx.newPage();
        const log = watch(p);
        await p.goto(`${base}/test/pages/__gen/${fw}-${order}.html?tag=${tag}&order=${order}`, { waitUntil: 'load', timeout: within(15_000) });
        await p.waitForFunction(() => window.__fw, null, { timeout: within(5_000) }).catch(() => {});
        await p.waitForFunction((t) => customElements.get(t), tag, { timeout: within(6_000) }).catch(() => {});
        const shows = await p
          .waitForFunction(
            ([t, text]) => {
              const el = document.getElementById('fw-el');
              return !!el && !!el.shadowRoot && el.shadowRoot.textContent.includes(text);
            },
            [tag, expect],
            { timeout: within(3_000) },
          )
          .then(() => true, () => false);
        const fwState = await p.evaluate((t) => (window.__fw ? { ...window.__fw, definedNow: !!customElements.get(t) } : null), tag);
        const state = fwState
          ? `at mount: defined=${fwState.definedAtMount}, data attribute=${JSON.stringify(fwState.attrAtMount)}, own data property=${fwState.ownPropAtMount}${fwState.definedNow ? '' : '; never defined'}`
          : 'app did not mount';
        const isWarning = (w) => w.includes(tag) && /data|\[object Object\]|propert/i.test(w);
        // The warning's words load on demand (data/data-attribute-warning.ts): when the data is not shown, wait for the
        // warning itself (its console event, with a deadline), not only the 3 s given to the data. Checked first and
        // awaited in the same tick, so a warning already logged is not missed.
        if (!shows && !log.warnings.some(isWarning))
          await p.waitForEvent('console', { predicate: (m) => m.type() === 'warning' && isWarning(m.text()), timeout: within(5_000) }).catch(() => {});
        const warned = log.warnings.filter(isWarning);
        if (shows) check(true, label, `shows the data (${state})`);
        else if (warned.length) check(true, label, `does not show the data but warns: ${short(warned, 1)} (${state})`);
        else check(false, label, `neither shows "${expect}" nor warns in the console (${state})`);
        check(log.errors.length === 0, `${label}: no console errors, no page errors`, short(log.errors));
        await p.close();
      }
    }
  } finally {
    await ctx.close();
  }
}

// ── main ────────────────────────────────────────────────────────────────────────────────────────
async function main() {
  const exe = findChrome();
  if (!exe) {
    console.error(MISSING_MESSAGE);
    check(false, 'Chromium found');
    return;
  }
  for (const f of ['civic-widgets.iife.js', 'bundle/civic-widgets.js'])
    if (!existsSync(join(distDir, f))) {
      check(false, `build output ${f} exists`, `run node scripts/build.mjs first (serving ${distDir})`);
      return;
    }
  if (available.length === 0) {
    check(false, 'at least one element to test', 'no src/components/<name>/<name>.define.ts found');
    return;
  }
  console.log(`page checks: ${available.join(', ')} · dist ${distDir.replace(root, '') || distDir}`);
  const unpaged = ENTRIES.map((e) => e.name).filter((n) => !ELEMENT_HTML[n]);
  if (unpaged.length) note(`no test markup for ${unpaged.join(', ')} (add it to ELEMENT_HTML)`);
  const server = await startServer();
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: exe, args: CHROME_ARGS, headless: true, timeout: 30_000 * SLACK });
  try {
    decoder = await browser.newPage();
    await decoder.setContent(`<!doctype html><script>${DECODER_JS}</script>`);
    for (const [name, fn] of [
      ['CSP', checkCsp],
      ['PNG export under CSP', (browser, base) => checkPngCsp(browser, base, { check, note, within, verbose, available })],
      ['isolation', checkIsolation],
      ['frameworks', checkFrameworks],
      ['hostile rules', (browser, base) => checkHostileRules(browser, base, { check, note, within, verbose, available, waitLoads, decoder, loadPng, saveShot })],
      ['theme matrix', (browser, base) => checkThemeMatrix(browser, base, { check, note, within, verbose, available, waitLoads })],
      ['axe', (browser, base) => checkAxeDemo(browser, base, { check, note, within, verbose })],
      ...(hasMap ? [['metrics worker under CSP', (browser, base) => checkMetricsWorkerCsp(browser, base, { check, note })]] : []),
      ...(available.includes('chain-graph') ? [['IIFE worker', (browser, base) => checkIifeWorker(browser, base, '/test/pages/__gen/iife-worker.html', check)]] : []),
      ['wall legibility', (browser, base) => checkWallLegibility(browser, base, { check, note, within, verbose })],
      ['demo language', (browser, base) => checkDemoLanguage(browser, base, { check, note, within, verbose })],
      ['configure order', (browser) => checkConfigureOrder(browser, { check, note, within, verbose })],
      ['light one-script file', (browser, base) => checkLightIife(browser, base, { check, note, within, verbose, available })],
      ...(available.includes('kpi-tile') ? [['status banner under CSP', (browser, base) => checkStatusCsp(browser, base, { check, note, within })]] : []),
      ...(available.includes('kpi-tile') ? [['KPI tile details under CSP', (browser, base) => checkTileDetailsCsp(browser, base, { check, note, within })]] : []),
    ]) {
      // CIVIC_PAGES_ONLY=<words> runs only the checks whose name contains one of them (comma-separated), e.g. wall.
      if (process.env.CIVIC_PAGES_ONLY && !process.env.CIVIC_PAGES_ONLY.split(',').some((w) => name.toLowerCase().includes(w.trim().toLowerCase()))) continue;
      if (left() < 8000) {
        check(false, `${name} checks`, 'skipped: out of time');
        continue;
      }
      try {
        const t = Date.now();
        await fn(browser, base);
        if (verbose) note(`${name}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
      } catch (e) {
        check(false, `${name} checks ran to the end`, String(e && e.message ? e.message : e).split('\n')[0]);
      }
    }
  } finally {
    await browser.close().catch(() => {});
    server.closeAllConnections?.();
    await new Promise((r) => server.close(r));
  }
}

if (process.argv.includes('--serve')) {
  // Debugging: serve the generated pages and wait (Ctrl-C to stop). The framework apps are built first.
  await buildFrameworkApps();
  const server = await startServer();
  const base = `http://127.0.0.1:${server.address().port}`;
  for (const path of pages.keys()) console.log(base + path);
  await new Promise(() => {});
}

const watchdog = setTimeout(() => {
  check(false, `whole run within ${Math.round((DEADLINE_MS + 4000) / 1000)} s`, 'watchdog fired');
  summary();
  process.exit(1);
}, DEADLINE_MS + 4000);
try {
  await main();
} catch (e) {
  check(false, 'page checks ran', String(e && e.stack ? e.stack : e).split('\n').slice(0, 3).join(' '));
}
clearTimeout(watchdog);
console.log(`(${((Date.now() - T0) / 1000).toFixed(1)} s)`);
summary();
process.exit(failed ? 1 : 0);
