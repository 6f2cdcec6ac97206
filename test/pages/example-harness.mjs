// Shared by test/pages/consumer.mjs and test/pages/readme-examples.mjs: the example server (the paths a README example
// may use, mapped to dist/ and demo data), a page recorder (console errors, page errors, failed requests, civic-load /
// civic-error per element) and the "example reached its drawn state and shows what it promises" checks.
//
// Paths the example server answers (a page is served at /<name>.html, so `./data/x` is `/data/x`):
//   /assets/civic-widgets.iife.js   dist/civic-widgets.iife.js (the one-script file)
//   /assets/civic-widgets.light.js  dist/civic-widgets.light.js (light one-script file) and its sibling
//                                   /assets/civic-widgets.maplibre.js
//   /assets/civic-widgets/<file>    dist/bundle/<file> (module entries: civic-widgets.js, <name>.js, shared chunks)
//   /assets/page.js                 test/pages/readme-fixtures/page.js: CivicWidgets.configure({ headers: { Authorization } })
//   /data/<file>                    demo/data/<file> (byte ranges answered, for PMTiles)
//   /tiles/<z>/<x>/<y>.pbf          demo/data/tiles/<z>/<x>/<y>.pbf
//   /api/<name>                     test/pages/readme-fixtures/api/<name> (no extension: JSON; `.sse`: sent as
//                                   text/event-stream and the connection kept open); /api/gdp.json is
//                                   demo/data/growth.json and answers 401 without an `Authorization: Bearer …` header
//   other mounts                    given by the caller (the consumer app, its node_modules, a Vite build)
// CIVIC_PAGES_DIST=<dir> serves another build as /assets/ (as in run.mjs).
import { createServer } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const fixtures = join(root, 'test/pages/readme-fixtures');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.pbf': 'application/x-protobuf',
  '.pmtiles': 'application/octet-stream',
  '.map': 'application/json',
  '.sse': 'text/event-stream; charset=utf-8',
  '': 'application/json; charset=utf-8',
};
/** Endpoints that need `Authorization: Bearer <anything>` (the README's configure() examples send one). */
const AUTH = { '/api/gdp.json': join(root, 'demo/data/growth.json') };

/**
 * Starts the example server. `pages`: Map path → html. `mounts`: [[urlPrefix, dir]] tried before the defaults
 * (first match wins). `distDir`: the build to serve under /assets/. Returns { server, base, requests, close }.
 */
export async function startExampleServer({ pages = new Map(), mounts = [], distDir = process.env.CIVIC_PAGES_DIST ?? join(root, 'dist') } = {}) {
  const requests = [];
  const all = [
    ...mounts,
    ['/assets/civic-widgets/', join(distDir, 'bundle')],
    ['/assets/civic-widgets.iife.js', join(distDir, 'civic-widgets.iife.js')],
    ['/assets/civic-widgets.light.js', join(distDir, 'civic-widgets.light.js')],
    ['/assets/civic-widgets.maplibre.js', join(distDir, 'civic-widgets.maplibre.js')],
    ['/assets/page.js', join(fixtures, 'page.js')],
    ['/data/', join(root, 'demo/data')],
    ['/tiles/', join(root, 'demo/data/tiles')],
    ['/api/', join(fixtures, 'api')],
  ];
  const open = new Set();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push({ path, headers: req.headers });
    const base = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
    if (path === '/favicon.ico') return res.writeHead(204, base).end();
    if (pages.has(path)) return res.writeHead(200, { ...base, 'Content-Type': TYPES['.html'] }).end(pages.get(path));
    let file = null;
    if (AUTH[path]) {
      if (!/^Bearer \S+/.test(req.headers.authorization ?? '')) return res.writeHead(401, { ...base, 'Content-Type': 'text/plain' }).end('401: no token');
      file = AUTH[path];
    }
    for (const [prefix, target] of all) {
      if (file) break;
      if (prefix.endsWith('/') ? path.startsWith(prefix) : path === prefix) {
        const f = prefix.endsWith('/') ? join(target, normalize(path.slice(prefix.length))) : target;
        if (f === target || f.startsWith(target + sep)) file = f;
      }
    }
    if (!file || !existsSync(file) || !statSync(file).isFile()) return res.writeHead(404, { ...base, 'Content-Type': 'text/plain' }).end('not found');
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    if (type.startsWith('text/event-stream')) {
      // A push fixture: its events, then the stream stays open (closed when the server stops).
      res.writeHead(200, { ...base, 'Content-Type': type });
      res.write(readFileSync(file));
      open.add(res);
      return res.on('close', () => open.delete(res));
    }
    const size = statSync(file).size;
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    if (range) {
      const start = Number(range[1]);
      const end = range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      res.writeHead(206, { ...base, 'Content-Type': type, 'Accept-Ranges': 'bytes', 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': end - start + 1 });
      return createReadStream(file, { start, end }).pipe(res);
    }
    res.writeHead(200, { ...base, 'Content-Type': type, 'Accept-Ranges': 'bytes', 'Content-Length': size });
    createReadStream(file).pipe(res);
  });
  await new Promise((ok, ko) => {
    server.once('error', ko);
    server.listen(0, '127.0.0.1', ok);
  });
  const close = async () => {
    for (const r of open) r.destroy();
    server.closeAllConnections?.();
    await new Promise((r) => server.close(r));
  };
  return { server, base: `http://127.0.0.1:${server.address().port}`, requests, close };
}

/** Runs in the page before any script: records civic-load / civic-error per element (on the element itself). */
function recorder() {
  window.__ex = { errors: [], loads: 0 };
  const mark = (e) => {
    const t = e.composedPath()[0];
    if (!t || !t.localName) return;
    if (e.type === 'civic-load') {
      t.__exLoaded = true;
      window.__ex.loads++;
    } else {
      t.__exErrored = true;
      const d = e.detail || {};
      const issues = Array.isArray(d.issues) ? d.issues : [];
      window.__ex.errors.push({
        tag: t.localName,
        kind: d.kind,
        partial: !!d.partial,
        warningsOnly: issues.length > 0 && issues.every((i) => i && i.severity === 'warning'),
        message: String(d.message || '').slice(0, 160),
        first: issues[0] ? `${issues[0].path}: ${issues[0].message}` : '',
      });
    }
  };
  document.addEventListener('civic-load', mark, true);
  document.addEventListener('civic-error', mark, true);
}

/** Opens a page with the recorder and a console/page-error/failed-request log. */
export async function openExample(ctx, url) {
  const p = await ctx.newPage();
  const log = { errors: [], warnings: [], failed: [], requests: [] };
  p.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
    else if (m.type() === 'warning') log.warnings.push(m.text());
  });
  p.on('pageerror', (e) => log.errors.push(`uncaught: ${String(e.message || e).split('\n')[0]}`));
  p.on('request', (r) => log.requests.push(r.url()));
  p.on('response', (r) => {
    if (r.status() >= 400) log.failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  p.on('requestfailed', (r) => {
    const why = r.failure()?.errorText ?? '';
    if (!/ERR_ABORTED/.test(why)) log.failed.push(`${why} ${new URL(r.url()).pathname}`);
  });
  await p.addInitScript(recorder);
  const nav = await p.goto(url, { waitUntil: 'load', timeout: 120_000 }).then(() => '', (e) => String(e.message).split('\n')[0]);
  if (nav) log.errors.push(`navigation: ${nav}`);
  return { p, log };
}

/**
 * Waits until every civic-* element in the page's light DOM is defined and every one with data (src, geometry-src,
 * tiles, an inline JSON/CSV child, or a `data` property) fired civic-load or civic-error; grid maps also whenDrawn().
 * Returns { ready, pending: [descriptions] }.
 */
export async function waitReady(p, timeoutMs) {
  const probe = () => {
    const els = [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('civic-'));
    const pending = [];
    for (const el of els) {
      const tag = el.localName;
      if (!customElements.get(tag)) {
        pending.push(`${tag} not defined`);
        continue;
      }
      const hasData =
        el.hasAttribute('src') ||
        el.hasAttribute('geometry-src') ||
        el.hasAttribute('tiles') ||
        !!el.querySelector(':scope > script[type="application/json"], :scope > script[type="text/csv"]') ||
        (el.data !== undefined && el.data !== null);
      if (hasData && !el.__exLoaded && !el.__exErrored) pending.push(`${tag} no civic-load`);
      if (typeof el.whenDrawn === 'function' && !el.__exErrored) {
        if (!el.__exDrawStarted) {
          el.__exDrawStarted = true;
          el.whenDrawn().then(() => (el.__exDrawn = true), () => (el.__exDrawn = true));
        }
        if (!el.__exDrawn) pending.push(`${tag} not drawn (whenDrawn)`);
      }
    }
    return pending;
  };
  const ok = await p.waitForFunction(`(${probe})().length === 0`, null, { timeout: timeoutMs, polling: 100 }).then(() => true, () => false);
  const pending = ok ? [] : await p.evaluate(`(${probe})()`).catch((e) => [`page gone: ${e.message}`]);
  // Two frames, so what was drawn is on screen before the assertions read it.
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))).catch(() => {});
  return { ready: ok, pending };
}

/** Visible text of the page, open shadow roots included (whitespace removed, for `includes`). */
export function visibleText(p) {
  return p.evaluate(() => {
    let out = '';
    const walk = (rootNode) => {
      const w = document.createTreeWalker(rootNode, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
      for (let n = w.nextNode(); n; n = w.nextNode()) {
        if (n.nodeType === 1) {
          if (n.shadowRoot) walk(n.shadowRoot);
          if (n.localName === 'slot') for (const a of n.assignedNodes({ flatten: true })) if (a.nodeType === 3) out += a.data;
        } else if (n.parentElement && n.parentElement.localName !== 'script' && n.parentElement.localName !== 'style') {
          const el = n.parentElement;
          if (el.checkVisibility ? el.checkVisibility({ visibilityProperty: true }) : el.offsetParent !== null) out += n.data;
        }
      }
    };
    walk(document.body);
    return out.replace(/\s+/g, '');
  });
}

/** Counts civic-* tags in the light DOM. */
export function countTags(p) {
  return p.evaluate(() => {
    const c = {};
    for (const e of document.querySelectorAll('*')) if (e.localName.startsWith('civic-')) c[e.localName] = (c[e.localName] || 0) + 1;
    return c;
  });
}

/** Everything that makes an example fail regardless of its marker. Returns a list of problems. */
export async function commonProblems(p, log, ready) {
  const problems = [];
  if (!ready.ready) problems.push(`not drawn: ${ready.pending.join(', ')}`);
  const rec = await p.evaluate(() => window.__ex).catch(() => ({ errors: [] }));
  for (const e of rec.errors) {
    if (e.warningsOnly) continue; // warnings (e.g. rewound rings) are reported through civic-error but nothing is missing
    problems.push(`civic-error on ${e.tag} (${e.kind}${e.partial ? ', partial' : ''}): ${e.message}${e.first ? ` — ${e.first}` : ''}`);
  }
  if (log.errors.length) problems.push(`console/page errors: ${[...new Set(log.errors)].slice(0, 3).join(' | ').slice(0, 400)}`);
  // A static tile set has no file where a tile is empty: maplibre draws a 404 tile as empty (README, vector tiles).
  const failed = log.failed.filter((f) => !/^404 .*\.pbf$/.test(f));
  if (failed.length) problems.push(`failed requests: ${[...new Set(failed)].slice(0, 4).join(', ')}`);
  return problems;
}
