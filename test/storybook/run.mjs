// Opens every built story (storybook-static/) in headless Chromium and fails on:
//   a console.error or console.warn, an uncaught exception, a story root with no drawn pixels, an axe-core
//   violation, or more than one Lit on the page. Then checks every element's Docs page (./docs-check.mjs).
// STORYBOOK_STATIC=<dir> checks another build directory. CIVIC_STORY_GLOBALS=<globals> opens the stories with the
// toolbar's globals set, e.g. 'theme:dark;lang:en' (the default run is light and zh-CN: the dark toolbar theme once
// left a story's own captions black on the dark page, which only a dark run's axe pass sees).
// Run after `storybook build -o storybook-static` (npm run test:storybook does both).
// Prints one line per story with its wall time and where it went ([load/switch, root, netidle, drawn, settled,
// pixels, axe] in ms), the stories' and the docs check's totals, and a final "N passed, M failed" line.
// CIVIC_STORY_PAGES=<n> sets how many stories run at once (default 2, see below).
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, extname, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChrome, CHROME_ARGS, MISSING_MESSAGE } from '../../scripts/chrome.mjs';
import { checkDocs } from './docs-check.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = process.env.STORYBOOK_STATIC ? resolve(process.env.STORYBOOK_STATIC) : join(root, 'storybook-static');
const only = process.argv.slice(2);
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.geojson': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };

if (!existsSync(join(dir, 'index.json'))) {
  console.error('test/storybook: storybook-static/index.json missing; run `storybook build -o storybook-static` first');
  process.exit(1);
}
const executablePath = findChrome();
if (!executablePath) {
  console.error(MISSING_MESSAGE);
  process.exit(1);
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
  let p = normalize(join(dir, decodeURIComponent(url.pathname)));
  if (!p.startsWith(dir)) return void res.writeHead(403).end();
  if (existsSync(p) && statSync(p).isDirectory()) p = join(p, 'index.html');
  if (!existsSync(p)) return void res.writeHead(404).end('not found');
  const body = readFileSync(p);
  const type = TYPES[extname(p)] ?? 'application/octet-stream';
  // Byte ranges, as any production static host answers them: PMTiles archives are read that way.
  const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
  if (range) {
    const start = Number(range[1]);
    const end = Math.min(body.length - 1, range[2] ? Number(range[2]) : body.length - 1);
    res.writeHead(206, { 'content-type': type, 'accept-ranges': 'bytes', 'content-range': `bytes ${start}-${end}/${body.length}`, 'content-length': end - start + 1 });
    return void res.end(body.subarray(start, end + 1));
  }
  res.writeHead(200, { 'content-type': type, 'accept-ranges': 'bytes' });
  res.end(body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((e) => e.type === 'story' && (!only.length || only.some((o) => e.id.includes(o))));
const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

const browser = await chromium.launch({ executablePath, args: CHROME_ARGS, headless: true });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, locale: 'zh-CN' });
let passed = 0;
let failed = 0;
// Hang guard for the whole run: 10 min × CIVIC_TEST_SLACK (default 4, i.e. 40 min), like the other deadlines.
const HARD_STOP_MS = 600_000 * (Number(process.env.CIVIC_TEST_SLACK) || 4);
const hardStop = setTimeout(() => {
  console.error(`test/storybook: overall time limit (${Math.round(HARD_STOP_MS / 60_000)} min) reached`);
  process.exit(1);
}, HARD_STOP_MS);

// Stories run on CIVIC_STORY_PAGES pages at once (default 2), each page reused: its first story is loaded with the
// iframe URL, every later one is switched to over Storybook's own channel (setCurrentStory → storyRendered), as the
// Storybook UI does, so the preview bundle loads once per page, not once per story. Anything a page logs, throws
// or requests from the switch on counts for the new story (a leftover of the previous one fails it: stricter).
const PAGES = Math.max(1, Number(process.env.CIVIC_STORY_PAGES) || 2);
const QUIET_MS = 500; // network idle: no request in flight for this long (what playwright's 'networkidle' waits for)

async function openWorker() {
  const page = await context.newPage();
  const w = { page, problems: [], expectsFailure: false, inflight: 0, lastNet: Date.now(), loaded: false };
  page.on('console', (m) => {
    if (m.type() === 'error') {
      if (w.expectsFailure && /^Failed to load resource/.test(m.text())) return;
      w.problems.push(`console.error: ${m.text().slice(0, 200)}`);
    } else if (m.type() === 'warning') {
      if (w.expectsFailure && /^\[civic-[a-z-]+\] /.test(m.text())) return;
      w.problems.push(`console.warn: ${m.text().slice(0, 200)}`);
    }
  });
  page.on('pageerror', (e) => w.problems.push(`uncaught: ${String(e.message).slice(0, 200)}`));
  const net = (d) => () => {
    w.inflight += d;
    w.lastNet = Date.now();
  };
  page.on('request', net(1));
  page.on('requestfinished', net(-1));
  page.on('requestfailed', net(-1));
  return w;
}

/** Resolves once no request has been in flight for QUIET_MS, or at the deadline (a polled condition). */
const networkIdle = (w, deadlineMs) =>
  new Promise((done) => {
    const until = Date.now() + deadlineMs;
    const poll = setInterval(() => {
      if ((w.inflight <= 0 && Date.now() - w.lastNet >= QUIET_MS) || Date.now() > until) {
        clearInterval(poll);
        done();
      }
    }, 50);
  });

/** A promise with a deadline: rejects with `what` when `ms` pass first. */
const within = (promise, ms, what) => {
  let timer;
  return Promise.race([promise, new Promise((_, ko) => (timer = setTimeout(() => ko(new Error(what)), ms)))]).finally(() => clearTimeout(timer));
};

async function checkStory(w, s) {
  const t0 = Date.now();
  const lap = [];
  let tl = t0;
  const mark = (k) => {
    const n = Date.now();
    lap.push(`${k} ${n - tl}`);
    tl = n;
  };
  const { page } = w;
  const problems = (w.problems = []);
  // Stories that show an error state request missing files on purpose: the browser's own "Failed to load
  // resource" line is expected there, and only there; so is the element's own one-line diagnostic
  // (console.warn prefixed with its tag, e.g. "[civic-kpi-tile] value: expected a number"). Any other warning fails.
  w.expectsFailure = /error|fail|stale|bad/i.test(s.id + ' ' + (s.name ?? ''));
  try {
    if (!w.loaded) {
      const globals = process.env.CIVIC_STORY_GLOBALS ? `&globals=${encodeURIComponent(process.env.CIVIC_STORY_GLOBALS)}` : '';
      await page.goto(`${base}/iframe.html?id=${encodeURIComponent(s.id)}&viewMode=story${globals}`, { waitUntil: 'load', timeout: 120_000 });
      w.loaded = true;
    } else {
      w.lastNet = Date.now(); // the quiet window starts at the switch, as networkidle's starts at navigation
      // Switch story the way the Storybook UI does; wait for this story's storyRendered (or its error event).
      await within(
        page.evaluate(
          (id) =>
            new Promise((ok, ko) => {
              const ch = window.__STORYBOOK_ADDONS_CHANNEL__;
              const on = {
                storyRendered: (sid) => sid === id && finish(),
                storyErrored: (e) => finish(new Error(`storyErrored: ${e?.title ?? ''} ${e?.description ?? ''}`.slice(0, 200))),
                storyThrewException: (e) => finish(new Error(`storyThrewException: ${String(e?.message ?? e).slice(0, 200)}`)),
                storyMissing: (sid) => finish(new Error(`storyMissing ${sid}`)),
              };
              function finish(err) {
                for (const [k, f] of Object.entries(on)) ch.off(k, f);
                err ? ko(err) : ok();
              }
              for (const [k, f] of Object.entries(on)) ch.on(k, f);
              ch.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
            }),
          s.id,
        ),
        120_000,
        'storyRendered not seen within 120 s',
      );
    }
    mark('load');
    await page.waitForFunction(() => document.querySelector('#storybook-root')?.children.length, null, { timeout: 60_000 });
    mark('root');
    // Let data load and first frames draw: wait for the network to settle, maps to draw and chain-graph layouts to
    // finish (deadlines, not sleeps), then two frames.
    await networkIdle(w, 30_000);
    mark('netidle');
    await page
      .evaluate(() => Promise.race([Promise.all([...document.querySelectorAll('civic-grid-map')].map((m) => m.whenDrawn?.())), new Promise((_, ko) => setTimeout(() => ko(new Error('not drawn')), 60_000))]))
      .catch(() => undefined);
    mark('drawn');
    await page
      .waitForFunction(() => [...document.querySelectorAll('#storybook-root *')].filter((e) => e.localName.startsWith('civic-')).every((e) => !e.computing && !e.anim), null, { timeout: 60_000 })
      .catch(() => undefined);
    mark('settled');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const tags = s.tags ?? [];
    // Blank check: the story root must have drawn pixels that differ from its background.
    const box = await page.locator('#storybook-root').boundingBox();
    if (!box || box.width < 2 || box.height < 2) problems.push('story root has no size');
    else if (!tags.includes('no-pixel-check')) {
      const png = await page.screenshot({ clip: { x: box.x, y: box.y, width: Math.min(box.width, 1280), height: Math.min(box.height, 900) } });
      const distinct = await page.evaluate(async (b64) => {
        const img = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
        const c = new OffscreenCanvas(img.width, img.height);
        const g = c.getContext('2d');
        g.drawImage(img, 0, 0);
        const d = g.getImageData(0, 0, img.width, img.height).data;
        const bg = [d[0], d[1], d[2]];
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - bg[0]) + Math.abs(d[i + 1] - bg[1]) + Math.abs(d[i + 2] - bg[2]) > 24) n++;
        return n;
      }, png.toString('base64'));
      if (distinct < 50) problems.push(`blank: only ${distinct} drawn pixels`);
    }
    mark('pixels');
    // axe-core over the story root (shadow DOM included); injected once per page.
    if (!tags.includes('no-axe')) {
      if (!(await page.evaluate(() => typeof window.axe?.run === 'function'))) await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const r = await window.axe.run(document.querySelector('#storybook-root'), { resultTypes: ['violations'] });
        return r.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.help}`);
      });
      for (const v of violations) problems.push(`axe ${v}`);
    }
    mark('axe');
    // One Lit: each Lit package records its version on globalThis when it loads (production builds too).
    const lits = await page.evaluate(() => [globalThis.litHtmlVersions, globalThis.litElementVersions, globalThis.reactiveElementVersions].map((v) => v?.length ?? 0));
    if (lits.some((n) => n > 1)) problems.push(`more than one Lit loaded (lit-html ×${lits[0]}, lit-element ×${lits[1]}, reactive-element ×${lits[2]})`);
  } catch (e) {
    problems.push(`failed to render: ${String(e.message ?? e).split('\n')[0]}`);
    // A page in an unknown state is not reused: the next story on this worker starts from a fresh page load.
    w.loaded = false;
  }
  const ms = `${Date.now() - t0} ms [${lap.join(', ')}]`;
  if (problems.length) {
    failed++;
    console.log(`✗ ${s.id} ${ms}\n    ${problems.join('\n    ')}`);
  } else {
    passed++;
    console.log(`✓ ${s.id} ${ms}`);
  }
}

const T_RUN = Date.now();
const queue = [...stories];
await Promise.all(
  Array.from({ length: Math.min(PAGES, queue.length) }, async () => {
    const w = await openWorker();
    for (let s; (s = queue.shift()); ) await checkStory(w, s);
    await w.page.close();
  }),
);
console.log(`stories: ${stories.length} in ${((Date.now() - T_RUN) / 1000).toFixed(1)} s`);
const T_DOCS = Date.now();
const docs = await checkDocs({ context, base, index, root, only, pages: PAGES });
passed += docs.passed;
failed += docs.failed;
clearTimeout(hardStop);
await browser.close();
server.close();
console.log(`docs: ${((Date.now() - T_DOCS) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
