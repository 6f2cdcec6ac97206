// Page check: the one-file IIFE runs the chain graph's layout worker inlined (blob:, allowed by the IIFE page's
// `worker-src blob:`), with no file from assets/ beside the script and no CSP violation. A 1,000-node force layout
// is computed off the main thread (the element's WORKER_FROM), so the worker really has to start.
import { build as esbuild } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export async function checkIifeWorker(browser, base, pagePath, check) {
  const synth = await esbuild({
    entryPoints: [`${root}test/fixtures/chain-graph/synthetic.ts`],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: '__synth',
    footer: { js: 'globalThis.__synth = __synth;' },
    target: 'es2020',
    logLevel: 'error',
  });
  const ctx = await browser.newContext({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
  const p = await ctx.newPage();
  const requests = [];
  p.on('request', (r) => requests.push(r.url()));
  try {
    await p.goto(`${base}${pagePath}`);
    await p.waitForFunction(() => !!customElements.get('civic-chain-graph'), null, { timeout: 120_000 });
    await p.evaluate(synth.outputFiles[0].text);
    const r = await p.evaluate(async () => {
      const made = [];
      const W = window.Worker;
      window.Worker = function (url, opts) {
        made.push(String(url));
        return new W(url, opts);
      };
      const el = document.createElement('civic-chain-graph');
      el.setAttribute('layout', 'force');
      el.style.width = '800px';
      el.data = window.__synth.syntheticChains(1000);
      document.body.append(el);
      const t0 = performance.now();
      await el.updateComplete;
      // Polled once a frame with a deadline: the layout is done when a position exists and nothing is computing.
      while (!(el.positionOf('c1-leader') && !el.computing) && performance.now() - t0 < 60000) await new Promise((res) => requestAnimationFrame(res));
      window.Worker = W;
      const positioned = !!el.positionOf('c1-leader');
      // The layout controller (chain-graph.layout-controller.ts) owns the worker since the element was split.
      const lc = el.layoutCtl ?? el;
      const usedWorker = !!lc.worker && lc.workerBroken === false;
      el.remove();
      return { made, positioned, usedWorker, computing: el.computing, violations: window.__rec.violations.length };
    });
    const fromAssets = requests.filter((u) => /chain-graph\.worker/.test(u));
    check(r.made.length > 0 && r.made.every((u) => u.startsWith('blob:')), '[6 iife worker] layout worker created from a blob: URL', r.made.map((u) => u.slice(0, 30)).join(', ') || 'no worker created');
    check(fromAssets.length === 0, '[6 iife worker] no worker file requested beside the script', fromAssets.join(', '));
    check(r.usedWorker && r.positioned && !r.computing, '[6 iife worker] 1,000-node force layout computed in the worker', JSON.stringify({ usedWorker: r.usedWorker, positioned: r.positioned }));
    check(r.violations === 0, '[6 iife worker] zero securitypolicyviolation events', String(r.violations));
  } finally {
    await ctx.close();
  }
}
