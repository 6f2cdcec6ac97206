// One benchmark page in the benchmark Chromium, as the growth-chart scripts (run, ab, trace, profile) open it: the
// entry bundled to <outDir>/page.js, served beside its index.html, a 1200×900 context with reduced motion, the page
// loaded until `ready` (a global function) exists. Also the traced user-timing marks those scripts read main-thread
// CPU time from (`<prefix>|<chart>|<what>|s|e` marks carry the thread clock, `tts`).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serveFiles, launchBenchBrowser, bundleBenchPage } from './harness.mjs';

/**
 * Bundles `entry` (minified unless `minify: false`, `conditions: ['production']`) and opens it.
 * Returns `{ browser, context, page, close }`; call `close()` in a `finally`.
 * `html`: the index.html to serve at `/`; `consoleErrors`: echo the page's console errors and warnings too.
 */
export async function openBenchPage({ entry, html, outDir, minify = true, ready = 'runBench', consoleErrors = false }) {
  mkdirSync(outDir, { recursive: true });
  await bundleBenchPage(entry, { outfile: join(outDir, 'page.js'), minify, conditions: ['production'] });
  const { server, port } = await serveFiles((p) => (p === '/' || p === '/index.html' ? html : p === '/page.js' ? join(outDir, 'page.js') : undefined));
  const browser = await launchBenchBrowser();
  const close = async () => {
    await browser.close();
    server.close();
  };
  try {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    if (consoleErrors) page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && console.log('[page]', m.text()));
    page.on('pageerror', (e) => console.log('[page error]', e.message));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction((name) => typeof window[name] === 'function', ready);
    return { browser, context, page, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Runs `fn()` while Chromium traces `categories` on `page`; resolves to `{ result, events }`. */
export async function traced(context, page, categories, fn) {
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const done = new Promise((res) => cdp.once('Tracing.tracingComplete', res));
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  const result = await fn();
  await cdp.send('Tracing.end');
  await done;
  return { result, events };
}

/**
 * Main-thread CPU time (ms, thread clock) of each marked interval: `{ [chart]: { [what]: [ms, …] } }` from
 * `<prefix>|<chart>|<what>|s` … `|e` user-timing marks (trace category `blink.user_timing`).
 */
export function cpuByMark(events, prefix = 'gcb') {
  const cpu = {};
  const open = new Map();
  for (const e of events.filter((x) => x.name.startsWith(`${prefix}|`)).sort((a, b) => a.ts - b.ts)) {
    const [, chart, what, edge] = e.name.split('|');
    const k = `${chart}|${what}`;
    if (edge === 's') open.set(k, e.tts);
    else if (open.has(k) && e.tts !== undefined) ((cpu[chart] ??= { first: [], update: [] })[what] ??= []).push((e.tts - open.get(k)) / 1000);
  }
  return cpu;
}
