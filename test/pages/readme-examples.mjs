#!/usr/bin/env node
// README example runner (issue 12, "Examples are tests"). Every fenced ```html, ```js and ```ts block of README.md is
// run literally and must reach its drawn state and show what it promises. After a build:
//   node test/pages/readme-examples.mjs          (also run by test/pages/consumer.mjs, i.e. by `npm run test:pages`)
// Prints one line per example ("✓ README #3 line 57 html (Embedding): …") and "N passed, M failed"; exit 1 on failure.
// CIVIC_README=<path> runs another file (to try an edit); CIVIC_README_ONLY=3,7 runs only those example numbers.
//
// ── How an example declares its expected result ─────────────────────────────────────────────────────────────────
// Put an HTML comment right above the opening fence (blank lines between are allowed; it may span lines):
//
//   <!-- example: expect-text="超17万" expect-count="civic-kpi-tile=2" -->
//   <!-- example: not-runnable — <why, in words a reader understands> -->
//
// Keys (values in double quotes; &quot; &lt; &gt; &amp; are decoded; every key but body may repeat):
//   expect-text="T"          T is in the visible text of the page, open shadow roots included (whitespace ignored)
//   expect-count="tag=N …"   exactly N <tag> elements in the page's light DOM (several pairs space-separated)
//   expect-defined="tag …"   these custom elements are registered
//   body="HTML"              ```js / ```ts only: markup placed in the page's <body> before the example's module
//                            (use single quotes for its attributes)
// At least one expect-* key is required. An example without a marker fails. `not-runnable` needs a reason; it is
// listed, not run — prefer also a visible sentence in the README saying why.
//
// ── What is checked, always ─────────────────────────────────────────────────────────────────────────────────────
// Every civic-* element in the page is defined; every one with data (src, geometry-src, tiles, an inline JSON/CSV
// <script> child, or a `data` property) fires civic-load, and a grid map's whenDrawn() resolves, within 60 s; no
// civic-error (except warnings-only reports, e.g. rewound rings); no console error, no uncaught exception, no
// failed request (HTTP ≥ 400 or a network error; a 404 for a `.pbf` tile is allowed: static tile sets leave empty
// tiles out and maplibre draws them empty).
//
// ── Where examples run ──────────────────────────────────────────────────────────────────────────────────────────
// ```html: the block, verbatim, as the <body> of /readme-<n>.html (a whole document when it starts with <!doctype
// or <html>), on the example server of example-harness.mjs. Paths an example may use:
//   /assets/civic-widgets.iife.js   the one-script file (dist/civic-widgets.iife.js)
//   /assets/civic-widgets.light.js  the light one-script file (+ civic-widgets.maplibre.js beside it)
//   /assets/civic-widgets/<file>    dist/bundle/: civic-widgets.js (every element), <name>.js (one element), chunks
//   /assets/page.js                 a page script calling CivicWidgets.configure({ headers: { Authorization } })
//   /data/<file>, ./data/<file>     demo/data/ (grids.geojson, grid-metrics.json, kpis.json, chains.json,
//                                   growth.json, rank-*.json, tiles.json, grids.pmtiles, points.json …)
//   /tiles/{z}/{x}/{y}.pbf          demo/data/tiles/
//   /api/gdp.json                   demo/data/growth.json, 401 without an `Authorization: Bearer …` header
//   /api/<name>                     test/pages/readme-fixtures/api/<name> (add a file there for a new endpoint;
//                                   no extension = JSON, `.sse` = an event stream left open)
// ```js / ```ts: bundler examples. Each is the module of a page /web/readme-<n>.html (its `body` first) in the Vite
// app that consumer.mjs builds against the installed `npm pack` tarball, so `import … from 'civic-widgets…'`
// resolves as in a user's app; the same paths as above are served. ```ts blocks are also type-checked by the
// strict consumer tsc run (strict, skipLibCheck false). Other fences (sh, json, jsx, vue) are not run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChrome, CHROME_ARGS, MISSING_MESSAGE } from '../../scripts/chrome.mjs';
import { commonProblems, countTags, openExample, root, startExampleServer, visibleText, waitReady } from './example-harness.mjs';

const RUN = new Set(['html', 'js', 'ts']);
const readmePath = () => process.env.CIVIC_README ?? join(root, 'README.md');

const decode = (v) => v.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Parses a marker comment's inside ("expect-text=… …" or "not-runnable — why"). */
export function parseMarker(text) {
  const body = text.trim();
  const nr = /^not-runnable\s*(?:—|–|-|:)?\s*(.*)$/s.exec(body);
  if (nr) return { notRunnable: nr[1].trim() };
  const m = { texts: [], counts: {}, defined: [], body: undefined, unknown: [] };
  const re = /([a-z-]+)="([^"]*)"/g;
  let rest = body;
  for (const [all, key, raw] of body.matchAll(re)) {
    rest = rest.replace(all, '');
    const v = decode(raw);
    if (key === 'expect-text') m.texts.push(v);
    else if (key === 'expect-count') {
      for (const pair of v.split(/\s+/).filter(Boolean)) {
        const [tag, n] = pair.split('=');
        m.counts[tag] = Number(n);
      }
    } else if (key === 'expect-defined') m.defined.push(...v.split(/[\s,]+/).filter(Boolean));
    else if (key === 'body') m.body = v;
    else m.unknown.push(key);
  }
  if (rest.trim()) m.unknown.push(`unparsed "${rest.trim().slice(0, 40)}"`);
  return m;
}

/** Every fenced block of the README: { n, line, lang, code, section, marker, markerError }. n counts html/js/ts only. */
export function extractExamples(text = readFileSync(readmePath(), 'utf8')) {
  const lines = text.split('\n');
  const out = [];
  let section = '';
  let n = 0;
  for (let i = 0; i < lines.length; i++) {
    const h = /^#{1,6}\s+(.*)$/.exec(lines[i]);
    if (h) section = h[1].replace(/`/g, '');
    const f = /^(\s*)(`{3,})(\w*)/.exec(lines[i]);
    if (!f) continue;
    const [, indent, ticks, lang] = f;
    let j = i + 1;
    while (j < lines.length && !(lines[j].startsWith(indent + ticks) && lines[j].trim() === ticks)) j++;
    const code = lines
      .slice(i + 1, j)
      .map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l))
      .join('\n');
    const ex = { line: i + 1, lang, code, section };
    if (RUN.has(lang)) {
      ex.n = ++n;
      // The marker: an HTML comment ending on the last non-blank line above the fence.
      let k = i - 1;
      while (k >= 0 && !lines[k].trim()) k--;
      if (k >= 0 && lines[k].trim().endsWith('-->')) {
        let s = k;
        while (s >= 0 && !lines[s].includes('<!--')) s--;
        const comment = lines.slice(s, k + 1).join('\n').trim();
        const mm = /^<!--\s*example:\s*([\s\S]*?)\s*-->$/.exec(comment);
        if (mm) ex.marker = parseMarker(mm[1]);
      }
    }
    out.push(ex);
    i = j;
  }
  return out;
}

const only = () => (process.env.CIVIC_README_ONLY ? new Set(process.env.CIVIC_README_ONLY.split(',').map(Number)) : null);

/** The README's runnable ```js / ```ts examples as Vite pages for consumer.mjs. */
export function bundlerExamples() {
  return extractExamples()
    .filter((e) => (e.lang === 'js' || e.lang === 'ts') && e.marker && !e.marker.notRunnable && (!only() || only().has(e.n)))
    .map((e) => ({ name: `readme-${e.n}`, lang: e.lang, code: e.code, body: e.marker.body }));
}

const wrap = (code, n) =>
  /^\s*<(!doctype|html)/i.test(code)
    ? code
    : `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>README example ${n}</title></head>\n<body>\n${code}\n</body></html>\n`;

/** Runs every example; `consumer`: the prepared consumer app (for js/ts). */
export async function checkReadmeExamples(browser, { check, note, consumer }) {
  const all = extractExamples();
  const list = all.filter((e) => e.n && (!only() || only().has(e.n)));
  const others = all.filter((e) => !e.n);
  const pages = new Map();
  for (const e of list) if (e.lang === 'html') pages.set(`/readme-${e.n}.html`, wrap(e.code, e.n));
  const mounts = consumer?.viteOut ? [['/web/', consumer.viteOut]] : [];
  const srv = await startExampleServer({ pages, mounts });
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 }, reducedMotion: 'reduce' });
  const results = [];
  try {
    for (const e of list) {
      const label = `README #${e.n} line ${e.line} ${e.lang} (${e.section})`;
      const m = e.marker;
      if (!m) {
        check(false, label, 'no <!-- example: … --> marker above the fence (see test/pages/readme-examples.mjs)');
        continue;
      }
      if (m.notRunnable !== undefined) {
        if (m.notRunnable.length < 8) check(false, label, 'not-runnable without a reason');
        else console.log(`- ${label}: not runnable — ${m.notRunnable}`);
        results.push({ n: e.n, result: 'not runnable' });
        continue;
      }
      const problems = [];
      if (m.unknown.length) problems.push(`marker: unknown ${m.unknown.join(', ')}`);
      if (!m.texts.length && !Object.keys(m.counts).length && !m.defined.length) problems.push('marker has no expect-* assertion');
      if (m.body !== undefined && e.lang === 'html') problems.push('marker: body is for js/ts examples');
      let url = `${srv.base}/readme-${e.n}.html`;
      if (e.lang !== 'html') {
        const name = `readme-${e.n}`;
        if (!consumer) problems.push('no consumer app (run through consumer.mjs)');
        else if (consumer.problems?.length) problems.push(`consumer app: ${consumer.problems.join('; ')}`);
        else if (consumer.viteErrors[name] || consumer.viteErrors.index) problems.push(`vite build: ${consumer.viteErrors[name] ?? consumer.viteErrors.index}`);
        const tsc = e.lang === 'ts' && consumer?.tscErrors ? (await consumer.tscErrors)[`web/${name}.ts`] : undefined;
        if (tsc) problems.push(`tsc: ${tsc.slice(0, 3).join(' | ')}`);
        url = `${srv.base}/web/${name}.html`;
      }
      if (problems.length && e.lang !== 'html' && problems.some((p) => /vite build|consumer/.test(p))) {
        check(false, label, problems.join('; '));
        continue;
      }
      const t = Date.now();
      const { p, log } = await openExample(ctx, url);
      const ready = await waitReady(p, Number(process.env.CIVIC_EXAMPLE_READY_MS) || 180_000);
      problems.push(...(await commonProblems(p, log, ready)));
      const have = await countTags(p);
      for (const [tag, want] of Object.entries(m.counts)) if ((have[tag] ?? 0) !== want) problems.push(`expected ${want} × ${tag}, found ${have[tag] ?? 0}`);
      const undef = await p.evaluate((tags) => tags.filter((x) => !customElements.get(x)), m.defined);
      if (undef.length) problems.push(`not defined: ${undef.join(', ')}`);
      const text = await visibleText(p);
      for (const want of m.texts) if (!text.includes(want.replace(/\s+/g, ''))) problems.push(`text "${want}" not shown`);
      await p.close();
      const promised = [...m.texts.map((x) => `"${x}"`), ...Object.entries(m.counts).map(([k, v]) => `${v}×${k}`), ...(m.defined.length ? [`defines ${m.defined.join(' ')}`] : [])].join(', ');
      check(problems.length === 0, label, problems.length ? problems.join('; ') : `${promised} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
      results.push({ n: e.n, result: problems.length ? 'failed' : 'passed' });
    }
  } finally {
    await ctx.close();
    await srv.close();
  }
  const kinds = [...new Set(others.map((e) => e.lang || 'plain'))];
  if (others.length) note(`README: ${others.length} other fences not run (${kinds.join(', ')})`);
  return results;
}

/** Standalone entry (also used by consumer.mjs): Chromium, optionally the consumer checks, then the README. */
export async function runChecks({ consumer: withConsumer }) {
  const T0 = Date.now();
  let passed = 0;
  let failed = 0;
  const check = (ok, name, detail = '') => {
    if (ok) passed++;
    else failed++;
    console.log(`${ok ? '✓' : '✗'} ${name}${detail ? ` — ${detail}` : ''}`);
    return ok;
  };
  const note = (msg) => console.log(`  · ${msg}`);
  const exe = findChrome();
  if (!exe) {
    console.error(MISSING_MESSAGE);
    process.exit(1);
  }
  const { checkConsumer, prepareConsumer, cleanupConsumer } = await import('./consumer.mjs');
  const needsApp = withConsumer || bundlerExamples().length > 0;
  const appPromise = needsApp ? prepareConsumer({ bundler: bundlerExamples() }) : null;
  const browser = await chromium.launch({ executablePath: exe, args: CHROME_ARGS, headless: true, timeout: 120_000 });
  // Bounded: about 1–2 min on a quiet machine; CIVIC_README_DEADLINE_MS overrides.
  const deadline = Number(process.env.CIVIC_README_DEADLINE_MS) || 900_000;
  const watchdog = setTimeout(() => {
    check(false, `consumer and README checks within ${deadline / 1000} s`, 'watchdog fired');
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(1);
  }, deadline);
  try {
    if (withConsumer) {
      const tc = Date.now();
      await checkConsumer(browser, { check, note }).catch((e) => check(false, '[consumer] checks ran', String(e.stack || e).split('\n').slice(0, 3).join(' ')));
      note(`consumer checks: ${((Date.now() - tc) / 1000).toFixed(1)} s`);
    }
    const tr = Date.now();
    const app = appPromise ? await appPromise : null;
    await checkReadmeExamples(browser, { check, note, consumer: app }).catch((e) => check(false, 'README examples ran', String(e.stack || e).split('\n').slice(0, 3).join(' ')));
    note(`README examples: ${((Date.now() - tr) / 1000).toFixed(1)} s`);
  } finally {
    clearTimeout(watchdog);
    await browser.close().catch(() => {});
    await cleanupConsumer().catch(() => {});
  }
  console.log(`(${((Date.now() - T0) / 1000).toFixed(1)} s)`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await runChecks({ consumer: false });
