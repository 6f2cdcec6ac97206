// Page check: <civic-grid-map> in tiles mode loads its `src` metrics through the metrics worker under a strict CSP,
// in all three builds — the all-in-one IIFE and the light IIFE (worker inlined as a blob:, `worker-src blob:`) and
// the module bundle (worker file beside the chunks, `worker-src 'self'`) — with no CSP violation, a civic-load and
// a legend with counts. Used by run.mjs: register the pages with `metricsWorkerCspPages()` and run
// `checkMetricsWorkerCsp(browser, base, { check, note })`.
const CSP_BLOB = "default-src 'self'; script-src 'self'; style-src 'self'; worker-src blob:";
const CSP_SELF = "default-src 'self'; script-src 'self'; style-src 'self'; worker-src 'self'";
const BUILDS = [
  ['iife', '<script src="/dist/civic-widgets.iife.js"></script>', CSP_BLOB],
  ['light', '<script src="/dist/civic-widgets.light.js"></script>', CSP_BLOB],
  ['bundle', '<script type="module" src="/dist/bundle/civic-widgets.js"></script>', CSP_SELF],
];

/** Generated pages for run.mjs's static server: path → { html, headers }. */
export function metricsWorkerCspPages() {
  return new Map(
    BUILDS.map(([name, script, csp]) => [
      `/test/pages/__gen/metrics-worker-${name}.html`,
      {
        html: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>metrics worker under CSP</title>
<script src="/test/pages/assets/record.js"></script>
<link rel="stylesheet" href="/test/pages/assets/layout.css">
${script}
</head><body></body></html>`,
        headers: { 'Content-Security-Policy': csp },
      },
    ]),
  );
}

export async function checkMetricsWorkerCsp(browser, base, { check, note }) {
  for (const [name] of BUILDS) {
    const ctx = await browser.newContext({ viewport: { width: 1000, height: 800 }, deviceScaleFactor: 1 });
    const p = await ctx.newPage();
    const label = `[metrics worker, ${name}]`;
    try {
      await p.goto(`${base}/test/pages/__gen/metrics-worker-${name}.html`);
      await p.waitForFunction(() => !!customElements.get('civic-grid-map'), null, { timeout: 120_000 });
      const r = await p.evaluate(async () => {
        // Metrics jobs posted to a worker (the shape of metrics-job.ts's MetricsJob).
        const jobs = [], replies = [];
        const W = window.Worker;
        // Replies from a metrics worker ({ job, ok }): the worker really ran (a refused one would fall back).
        window.Worker = class extends W {
          constructor(url, opts) {
            super(url, opts);
            this.addEventListener('message', (e) => e.data && typeof e.data === 'object' && 'job' in e.data && 'ok' in e.data && replies.push(e.data.ok));
          }
        };
        const post = W.prototype.postMessage;
        W.prototype.postMessage = function (m, t) {
          if (m && typeof m === 'object' && 'adapter' in m && 'url' in m) jobs.push(String(m.url));
          return post.call(this, m, t);
        };
        const el = document.createElement('civic-grid-map');
        el.setAttribute('tiles', '/demo/data/tiles/{z}/{x}/{y}.pbf');
        el.setAttribute('tiles-max-zoom', '13');
        el.setAttribute('bounds', '105.74,29.26,105.97,29.39');
        el.setAttribute('src', '/demo/data/grid-metrics.json');
        el.setAttribute('metric', 'households');
        const loaded = new Promise((res) => el.addEventListener('civic-load', (e) => res(e.detail), { once: true }));
        const failed = new Promise((res) => el.addEventListener('civic-error', (e) => res(e.detail), { once: true }));
        document.body.append(el);
        const first = await Promise.race([loaded.then((d) => ({ load: d })), failed.then((d) => ({ error: d })), new Promise((res) => setTimeout(() => res({ timeout: true }), 120_000))]); // deadline, not a sync sleep
        if (first.load) await el.whenDrawn();
        W.prototype.postMessage = post;
        window.Worker = W;
        const legend = first.load ? el.legend.reduce((a, l) => a + l.count, 0) : 0;
        return { first, jobs, replies, legend, violations: window.__rec.violations };
      });
      check(!!r.first.load, `${label} civic-load with the metrics`, JSON.stringify(r.first).slice(0, 300));
      check(r.jobs.length === 1 && r.jobs[0].endsWith('/demo/data/grid-metrics.json'), `${label} the metrics were loaded by the worker`, r.jobs.join(', ') || 'no job posted to a worker');
      check(r.replies.length === 1 && r.replies[0] === true, `${label} the worker answered`, JSON.stringify(r.replies));
      check(r.legend > 0, `${label} legend with counts`, String(r.legend));
      check(r.violations.length === 0, `${label} zero securitypolicyviolation events`, JSON.stringify(r.violations).slice(0, 300));
    } catch (e) {
      check(false, `${label} page ran`, String(e).split('\n')[0]);
    } finally {
      await ctx.close();
    }
  }
  note?.('metrics worker: tiles-mode src parsed off the main thread in the IIFE, light and module builds under strict CSP');
}
