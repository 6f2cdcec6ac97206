// A page's first graph (issue 15, cold settle): window.element(n, 'force') and window.d3Static(n) each as the first
// thing a fresh page does (a new browser context per run: nothing compiled, no worker, no font measured yet), runs
// alternating element / d3 so a load swing falls on both. d3Static is d3-force ticked off screen to alphaMin in
// ≤ 24 ms slices, then drawn once (run.mjs --settle); here it is cold too, not after the element warmed d3-force.
//   node bench/chain-graph/cold.mjs [--n 100] [--runs 3]
import { loadavg } from 'node:os';
import { launchBenchBrowser, median } from '../lib/harness.mjs';
import { serveChainBench } from './serve.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const n = Number(opt('--n', '100'));
const runs = Number(opt('--runs', '3'));

const { server, port } = await serveChainBench(`civic-chain-cold-${process.pid}`);
const browser = await launchBenchBrowser();
const once = async (fn) => {
  const context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => console.log('[page error]', e.message));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => typeof window.element === 'function', undefined, { timeout: 180000 });
    return await page.evaluate(([f, k]) => window[f](k, 'force'), [fn, n]);
  } finally {
    await context.close();
  }
};
try {
  const el = [], d3 = [];
  for (let i = 0; i < runs; i++) {
    el.push((await once('element')).ms);
    d3.push((await once('d3Static')).ms);
    console.log(`run ${i + 1}: civic ${el.at(-1)} ms | d3-force static ${d3.at(-1)} ms | ratio ${(el.at(-1) / d3.at(-1)).toFixed(2)}× (load ${loadavg()[0].toFixed(1)})`);
  }
  console.log(`cold first graph, force, ${n} nodes, median of ${runs}: civic ${median(el)} ms | d3-force static ${median(d3)} ms | ratio ${(median(el) / median(d3)).toFixed(2)}×`);
} finally {
  await browser.close();
  server.close();
}
