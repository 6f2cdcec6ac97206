// configure() order on real pages (issue 12, "Order never matters"): a `configure({ headers })` anywhere in the
// page's initial HTML applies to every element's first request — before or after the elements, as a classic script,
// a module script or a DOMContentLoaded handler — with the IIFE and with the module bundle. The API here answers
// 401 without the header, like the government gateway of the issue; a request that went out early shows as an
// unauthorised request and a 数据加载失败 element.
//
// wtr's browser tests cannot reproduce parser order (test files are module scripts that run after parsing), so this
// check is the faithful one. It serves its own pages (the API must check a header): dist/ (or $CIVIC_PAGES_DIST)
// under /dist/, the generated pages, /api/rank and /api/kpis.
//   Used by run.mjs: `await checkConfigureOrder(browser, { check, note, within, verbose })`.
//   Alone (after a build):  node test/pages/configure-order.mjs
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const distDir = resolve(process.env.CIVIC_PAGES_DIST ?? join(root, 'dist'));
const TOKEN = 'Bearer page-token';
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8' };

const RANK = JSON.stringify({ title: '示例排行（虚构）', illustrative: true, rows: [{ name: '甲社区', value: 12 }, { name: '乙社区', value: 30 }] });
const KPIS = JSON.stringify({ illustrative: true, items: [{ id: 'a', label: '示例指标（虚构）', value: 1234, unit: '人' }] });

// Page scripts: the token set three ways.
const SCRIPTS = {
  '/p/configure.js': `CivicWidgets.configure({ headers: { Authorization: '${TOKEN}' } });`,
  '/p/configure-on-ready.js': `document.addEventListener('DOMContentLoaded', function () { CivicWidgets.configure({ headers: { Authorization: '${TOKEN}' } }); });`,
  '/p/configure.mjs': `import { configure } from '/dist/bundle/civic-widgets.js';\nconfigure({ headers: { Authorization: '${TOKEN}' } });`,
};

const IIFE = '<script src="/dist/civic-widgets.iife.js"></script>';
const BUNDLE = '<script type="module" src="/dist/bundle/civic-widgets.js"></script>';
const elements = (page) =>
  `<civic-rank-board src="/api/rank?page=${page}" interval="0"></civic-rank-board>\n<civic-kpi-grid src="/api/kpis?page=${page}" duration="0"></civic-kpi-grid>`;
const RECORD = `<script src="/test/pages/assets/record.js"></script>`;
const doc = (head, body) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>configure order</title>${RECORD}${head}</head><body>\n${body}\n<p>${'填充文字，让解析器分段。'.repeat(400)}</p>\n</body></html>`;

/** name → [label, html]. "after" pages put the configure script after the elements, where the issue's page had it. */
const PAGES = {
  'iife-before': ['IIFE, configure() before the elements', doc(IIFE + '<script src="/p/configure.js"></script>', elements('iife-before'))],
  'iife-after': ['IIFE, configure() after the elements (the README one-script example)', doc(IIFE, elements('iife-after') + '\n<script src="/p/configure.js"></script>')],
  'iife-in-body': ['IIFE in the body, then the elements, then configure()', doc('', IIFE + '\n' + elements('iife-in-body') + '\n<script src="/p/configure.js"></script>')],
  'iife-on-ready': ['IIFE, configure() in a DOMContentLoaded handler after the elements', doc(IIFE, elements('iife-on-ready') + '\n<script src="/p/configure-on-ready.js"></script>')],
  'bundle-before': ['module bundle, configure() module before the elements', doc(BUNDLE + '<script type="module" src="/p/configure.mjs"></script>', elements('bundle-before'))],
  'bundle-after': ['module bundle, configure() module after the elements', doc(BUNDLE, elements('bundle-after') + '\n<script type="module" src="/p/configure.mjs"></script>')],
};

function startServer(requests) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const path = decodeURIComponent(url.pathname);
    const base = { 'Cache-Control': 'no-store' };
    if (path === '/favicon.ico') {
      res.writeHead(204, base);
      return res.end();
    }
    if (path.startsWith('/api/')) {
      const auth = req.headers.authorization ?? null;
      requests.push({ page: url.searchParams.get('page'), path, auth });
      if (auth !== TOKEN) {
        res.writeHead(401, { ...base, 'Content-Type': 'application/json' });
        return res.end(JSON.stringify({ error: 'unauthorised' }));
      }
      res.writeHead(200, { ...base, 'Content-Type': 'application/json; charset=utf-8' });
      return res.end(path === '/api/rank' ? RANK : KPIS);
    }
    const name = path.match(/^\/p\/([\w-]+)\.html$/)?.[1];
    if (name && PAGES[name]) {
      res.writeHead(200, { ...base, 'Content-Type': TYPES['.html'] });
      return res.end(PAGES[name][1]);
    }
    if (SCRIPTS[path]) {
      res.writeHead(200, { ...base, 'Content-Type': TYPES[extname(path)] });
      return res.end(SCRIPTS[path]);
    }
    const file = path.startsWith('/dist/') ? join(distDir, normalize(path.slice(6))) : join(root, normalize(path));
    if (!(file.startsWith(distDir + sep) || file.startsWith(root)) || !existsSync(file) || !statSync(file).isFile()) {
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

/**
 * Opens every page; per page: both elements fire civic-load and no civic-error, the rows are drawn, and the API saw
 * no request without the header. `only` (comma-separated page names, or $CIVIC_CONFIGURE_PAGES) limits the pages.
 */
export async function checkConfigureOrder(browser, { check, note = () => {}, within = (ms) => ms, verbose = false, only = process.env.CIVIC_CONFIGURE_PAGES } = {}) {
  const requests = [];
  const server = await startServer(requests);
  const base = `http://127.0.0.1:${server.address().port}`;
  const ctx = await browser.newContext({ viewport: { width: 900, height: 700 }, reducedMotion: 'reduce' });
  const names = Object.keys(PAGES).filter((n) => !only || only.split(',').includes(n));
  try {
    for (const name of names) {
      const label = `[configure order: ${PAGES[name][0]}]`;
      const p = await ctx.newPage();
      const errors = [];
      p.on('console', (m) => m.type() === 'error' && !/401/.test(m.text()) && errors.push(m.text().slice(0, 200)));
      p.on('pageerror', (e) => errors.push(`pageerror: ${String(e.message || e).slice(0, 200)}`));
      await p.goto(`${base}/p/${name}.html`, { waitUntil: 'load', timeout: within(15_000) });
      const tags = ['civic-rank-board', 'civic-kpi-grid'];
      await p
        .waitForFunction((tags) => tags.every((t) => window.__rec.loads.includes(t) || window.__rec.errors.some((e) => e.tag === t)), tags, { timeout: within(10_000) })
        .catch(() => {});
      const rec = await p.evaluate(() => window.__rec);
      const drawn = await p.evaluate(() => {
        const board = document.querySelector('civic-rank-board');
        return [...(board?.shadowRoot?.querySelectorAll('[part~="row"] [part~="name"]') ?? [])].map((n) => n.textContent.trim()).join(',');
      });
      const mine = requests.filter((r) => r.page === name);
      const early = mine.filter((r) => r.auth !== TOKEN);
      if (verbose) note(`${name}: requests ${mine.map((r) => `${r.path} ${r.auth ? 'with' : 'without'} token`).join('; ')}`);
      check(
        tags.every((t) => rec.loads.includes(t)) && rec.errors.length === 0 && drawn === '乙社区,甲社区',
        `${label} both elements load with the token`,
        `loads: ${rec.loads.join(' ') || 'none'}; errors: ${rec.errors.map((e) => `${e.tag} ${e.detail}`).join(' | ').slice(0, 200) || 'none'}; board: ${drawn || 'empty'}`,
      );
      check(mine.length > 0 && early.length === 0, `${label} no request went out without the header`, `${mine.length} requests, ${early.length} without the token (${early.map((r) => r.path).join(', ')})`);
      check(errors.length === 0, `${label} no console errors`, errors.slice(0, 2).join(' | '));
      await p.close();
    }
  } finally {
    await ctx.close();
    server.closeAllConnections?.();
    await new Promise((r) => server.close(r));
  }
}

// Alone: node test/pages/configure-order.mjs [--verbose]
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { chromium } = await import('playwright-core');
  const { findChrome, CHROME_ARGS, MISSING_MESSAGE } = await import('../../scripts/chrome.mjs');
  const exe = findChrome();
  if (!exe) {
    console.error(MISSING_MESSAGE);
    process.exit(1);
  }
  let passed = 0;
  let failed = 0;
  const check = (ok, name, detail = '') => {
    ok ? passed++ : failed++;
    console.log(`${ok ? '✓' : '✗'} ${name}${detail ? ` — ${detail}` : ''}`);
  };
  const browser = await chromium.launch({ executablePath: exe, args: CHROME_ARGS, headless: true });
  try {
    await checkConfigureOrder(browser, { check, note: (m) => console.log(`  · ${m}`), verbose: process.argv.includes('--verbose') });
  } finally {
    await browser.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
