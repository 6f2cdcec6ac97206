// Benchmark of <civic-growth-chart> against a raw d3 SVG chart on the same data, in the same run, in headless
// Chromium (playwright-core with the system Chromium; never a downloaded browser).
//   node bench/growth-chart/run.mjs            20 first renders + 100 updates each; prints a table,
//                                              writes bench/results/growth-chart.json
//   node bench/growth-chart/run.mjs --runs 40 --updates 200
// Goal (issue 6): first render within 1.5× of raw d3; a full update under 2.5 ms mean over 100 updates.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { serveFiles, launchBenchBrowser, bundleBenchPage } from '../lib/harness.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));
const out = join(tmpdir(), 'civic-growth-chart-bench');
mkdirSync(out, { recursive: true });
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : dflt;
};
const runs = opt('--runs', 20);
const updates = opt('--updates', 100);

await bundleBenchPage(join(here, 'page.ts'), { outfile: join(out, 'page.js'), minify: true, conditions: ['production'] });

const { server, port } = await serveFiles((pathname) => {
  if (pathname === '/' || pathname === '/index.html') return join(here, 'index.html');
  else if (pathname === '/page.js') return join(out, 'page.js');
  return undefined;
});

const browser = await launchBenchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && console.log('[page]', m.text()));
  page.on('pageerror', (e) => console.log('[page error]', e.message));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => typeof window.runBench === 'function');
  const r = await page.evaluate(([n, u]) => window.runBench(n, u), [runs, updates]);
  const f = (v) => v.toFixed(2);
  const ratio = r.element.firstMedian / r.raw.firstMedian;
  console.log(`\n<civic-growth-chart> bench: 40 periods, bars + growth line on a 2nd axis; ${runs} first renders, ${updates} updates; reduced motion: ${r.reducedMotion}`);
  console.log('| chart | first render median (ms) | first render mean (ms) | update mean (ms) | update median (ms) | bars / dots |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  console.log(`| raw d3 SVG | ${f(r.raw.firstMedian)} | ${f(r.raw.firstMean)} | ${f(r.raw.updateMean)} | ${f(r.raw.updateMedian)} | ${r.raw.counts.bars} / ${r.raw.counts.dots} |`);
  console.log(`| <civic-growth-chart> | ${f(r.element.firstMedian)} | ${f(r.element.firstMean)} | ${f(r.element.updateMean)} | ${f(r.element.updateMedian)} | ${r.element.counts.bars} / ${r.element.counts.dots} |`);
  console.log(`\nfirst render: ${ratio.toFixed(2)}× raw d3 (goal ≤ 1.5×) ${ratio <= 1.5 ? 'MET' : 'NOT MET'}`);
  console.log(`update mean: ${f(r.element.updateMean)} ms (goal < 2.5 ms) ${r.element.updateMean < 2.5 ? 'MET' : 'NOT MET'}`);
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/growth-chart.json'), JSON.stringify({ date: new Date().toISOString(), runs, updates, ...r, ratio }, null, 2) + '\n');
} finally {
  await browser.close();
  server.close();
}
