// `npm run storybook` as a developer meets it (session 16, A2): starts `storybook dev` on a free port, opens a few
// stories in the preview with the default toolbar globals and with 'theme:dark;lang:en', and fails on a console error
// or warning, an uncaught exception, a failed request or more than one Lit. test/storybook/run.mjs checks the built
// Storybook; the dev server differs (Vite's dev transforms, the dev build of Lit, Storybook's dev-only plugins): it
// once answered Storybook's own /vite-inject-mocker-entry.js with a 404 on every story.
//   node test/storybook/dev-check.mjs [storyId …]
// The browser's own /favicon.ico request (the preview opened without the manager) is not counted.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChrome, CHROME_ARGS, MISSING_MESSAGE } from '../../scripts/chrome.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const STORIES = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['components-kpi-tile--playground', 'components-grid-map--playground', 'components-screen--playground', 'components-growth-chart--playground'];
const GLOBALS = ['', 'theme:dark;lang:en'];
const executablePath = findChrome();
if (!executablePath) {
  console.error(MISSING_MESSAGE);
  process.exit(1);
}

const port = await new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});
const base = `http://127.0.0.1:${port}`;
// Its own process group, so the server and its children stop together.
const server = spawn(join(root, 'node_modules/.bin/storybook'), ['dev', '-p', String(port), '--host', '127.0.0.1', '--disable-telemetry', '--no-open', '--ci'], {
  cwd: root,
  detached: true,
  stdio: ['ignore', 'pipe', 'pipe'],
  env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
});
let out = '';
server.stdout.on('data', (d) => (out += d));
server.stderr.on('data', (d) => (out += d));
const stop = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
};
const hardStop = setTimeout(() => {
  console.error('test/storybook/dev-check: time limit (10 min) reached');
  stop();
  process.exit(1);
}, 600_000 * (Number(process.env.CIVIC_TEST_SLACK) || 1));

let failed = 0;
let browser;
try {
  // The server is up when its index answers: a polled condition with a deadline.
  await new Promise((resolve, reject) => {
    const deadline = Date.now() + 300_000;
    let busy = false;
    const poll = setInterval(async () => {
      if (busy) return;
      busy = true;
      const ok = await fetch(`${base}/index.json`).then((r) => r.ok, () => false);
      busy = false;
      if (ok) {
        clearInterval(poll);
        resolve();
      } else if (server.exitCode !== null || Date.now() > deadline) {
        clearInterval(poll);
        reject(new Error(`storybook dev did not start:\n${out.slice(-2000)}`));
      }
    }, 500);
  });
  browser = await chromium.launch({ executablePath, args: CHROME_ARGS, headless: true });
  for (const id of STORIES)
    for (const globals of GLOBALS) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems = [];
      page.on('console', (m) => {
        if (m.type() !== 'error' && m.type() !== 'warning') return;
        if (/\/favicon\.ico$/.test(m.location()?.url ?? '')) return;
        problems.push(`console.${m.type()}: ${m.text().slice(0, 200)}${m.location()?.url ? ` (${m.location().url})` : ''}`);
      });
      page.on('pageerror', (e) => problems.push(`uncaught: ${String(e.message).slice(0, 200)}`));
      page.on('response', (r) => {
        if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`HTTP ${r.status()} ${r.url()}`);
      });
      try {
        await page.goto(`${base}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story${globals ? `&globals=${encodeURIComponent(globals)}` : ''}`, { waitUntil: 'load', timeout: 300_000 });
        await page.waitForFunction(() => document.querySelector('#storybook-root')?.children.length, null, { timeout: 120_000 });
        // Every element on the story has drawn (whenDrawn), then two frames.
        await page.evaluate(() =>
          Promise.race([
            Promise.all([...document.querySelectorAll('#storybook-root *')].filter((e) => e.localName.startsWith('civic-') && typeof e.whenDrawn === 'function').map((e) => e.whenDrawn())),
            new Promise((_, ko) => setTimeout(() => ko(new Error('not drawn within 60 s')), 60_000)),
          ]),
        );
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const lits = await page.evaluate(() => [globalThis.litHtmlVersions, globalThis.reactiveElementVersions].map((v) => v?.length ?? 0));
        if (lits.some((n) => n > 1)) problems.push(`more than one Lit (lit-html ×${lits[0]}, reactive-element ×${lits[1]})`);
      } catch (e) {
        problems.push(`failed: ${String(e.message ?? e).split('\n')[0]}`);
      }
      await page.close();
      const label = `${id}${globals ? ` [${globals}]` : ''}`;
      if (problems.length) {
        failed++;
        console.log(`✗ dev ${label}\n    ${problems.join('\n    ')}`);
      } else console.log(`✓ dev ${label}`);
    }
} catch (e) {
  failed++;
  console.log(`✗ dev: ${String(e.message ?? e)}`);
} finally {
  await browser?.close();
  stop();
  clearTimeout(hardStop);
}
console.log(failed ? `${failed} failed` : 'all passed');
process.exit(failed ? 1 : 0);
