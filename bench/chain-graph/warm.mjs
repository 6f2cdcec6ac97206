// Settle at one size, repeated on one page (issue 15): the bench's --settle row is each implementation's first run on
// a fresh page, so it includes compiling the element's and d3-force's code; a page that shows several graphs pays
// that once. This prints every repetition (civic element, then d3-force ticked off screen as in run.mjs --settle),
// so the cold first row and the warm rows can be read side by side. One page, same order each repetition.
//   node bench/chain-graph/warm.mjs [--n 100] [--reps 4]
import { serveChainBench } from './serve.mjs';
import { launchBenchBrowser } from '../lib/harness.mjs';
import { loadavg } from 'node:os';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const n = opt('--n', 100);
const reps = opt('--reps', 4);

const { server, port } = await serveChainBench(`civic-chain-warm-${process.pid}`);
const browser = await launchBenchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
  page.on('pageerror', (e) => console.log('[page error]', e.message));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => typeof window.element === 'function', undefined, { timeout: 180000 });
  console.log(`settle, force, ${n} nodes, ${reps} repetitions on one page (rep 0 is cold); d3-force static as in run.mjs --settle`);
  for (let i = 0; i < reps; i++) {
    const e = await page.evaluate((k) => window.element(k, 'force'), n);
    const d = await page.evaluate((k) => window.d3Static(k), n);
    const ticks = await page.evaluate((k) => window.ourTicks(k), n);
    console.log(`rep ${i}: civic ${e.ms} ms (${ticks} steps, longest main-thread block ${Math.max(e.block, e.longtask)} ms) | d3-force static ${d.ms} ms (${d.ticks} steps) | ratio ${(e.ms / d.ms).toFixed(2)}×`);
  }
  console.log(`load average at the end: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
} finally {
  await browser.close();
  server.close();
}
