#!/usr/bin/env node
// The packed package as a consumer meets it (issue 12, "A consumer's package"). After a build:
//   node test/pages/consumer.mjs        consumer checks, then the README examples (readme-examples.mjs)
//
// 1. `npm pack` the project into a temp dir outside the project (so nothing resolves from the project's node_modules)
//    and `npm install --prefer-offline --no-audit --no-fund <tarball>` into a fresh app there. The app's package.json
//    carries the `overrides` the README recommends for Node 20; the install must print no EBADENGINE warning.
// 2. In headless Chromium, from the installed package:
//    a. plain HTML + the one-script file (node_modules/civic-widgets/dist/civic-widgets.iife.js): a KPI tile shows 超17万;
//    a2. plain HTML + the light one-script file (dist/civic-widgets.light.js): a KPI tile, and a WebGL grid map that
//       loads dist/civic-widgets.maplibre.js from beside it (the sibling ships in the tarball);
//    b. plain HTML + one per-element module (dist/bundle/chain-graph.js, no import map): the chain graph loads
//       demo data, no bare-specifier error, no maplibre file requested;
//    c. a Vite app (built with the project's vite, resolving everything from the app's node_modules) importing
//       'civic-widgets/kpi-tile.define.js' and 'civic-widgets/chain-graph.define.js': both draw;
//    d. a strict TypeScript consumer (`strict`, `skipLibCheck: false`; the project's tsc, the app's node_modules)
//       importing public classes and types: no error.
//    Each page: the element drew (civic-load / text visible), no console error, no page error, no failed request.
// The README's ```js / ```ts examples are built into the same Vite app and type-checked with the same tsc run
// (see prepareConsumer's `bundler` pages); readme-examples.mjs opens them.
// CIVIC_CONSUMER_KEEP=1 keeps the temp dir (its path is printed). CIVIC_CONSUMER_TARBALL=<file.tgz> installs that
// tarball instead of packing (with CIVIC_PAGES_DIST=<copy of dist>: run on a snapshot without holding the dist lock).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commonProblems, countTags, openExample, root, startExampleServer, visibleText, waitReady } from './example-harness.mjs';

/** The override the README tells Node 20 users to add (maplibre's style spec pulls a Node-22-only jsonlint). */
export const NODE20_OVERRIDES = { '@mapbox/jsonlint-lines-primitives': '2.0.2' };

// Every wait is bounded; generous because the machine running npm test may be busy (2 cores shared here).
const READY_MS = Number(process.env.CIVIC_EXAMPLE_READY_MS) || 180_000;

const run = (cmd, args, opts = {}) =>
  new Promise((ok) => {
    const t = Date.now();
    execFile(cmd, args, { maxBuffer: 64 * 1024 * 1024, ...opts }, (err, stdout, stderr) => ok({ code: err ? (err.code ?? 1) : 0, stdout: String(stdout), stderr: String(stderr), ms: Date.now() - t }));
  });

const CONSUMER_TS = `// A strict consumer: public classes, types and helpers of civic-widgets.
import { configure, formatNumber, CivicKpiTile, CivicChainGraph, CivicGrowthChart, CivicGridMap, CivicScreen, CivicLoadEvent, type CivicConfig, type CivicErrorDetail, type CivicSelectDetail } from 'civic-widgets';
import { KPI_TILE_TAG } from 'civic-widgets/kpi-tile.define.js';
import 'civic-widgets/define.js';

const config: CivicConfig = configure({ timeout: 10000, headers: { Authorization: 'Bearer x' } });
const tile = document.createElement('civic-kpi-tile');
const typed: CivicKpiTile = tile;
typed.label = '在校学生';
typed.value = 170000;
const map: CivicGridMap | null = document.querySelector('civic-grid-map');
const chart = document.querySelector('civic-growth-chart');
const csv: string | undefined = chart instanceof CivicGrowthChart ? chart.toCSV() : undefined;
const graph = new CivicChainGraph();
const shot: Promise<Blob> | undefined = document.querySelector('civic-screen')?.snapshot();
document.addEventListener('civic-load', (e) => {
  if (e instanceof CivicLoadEvent) console.log(e.detail.count);
});
const onError = (d: CivicErrorDetail): string => d.message;
const onSelect = (d: CivicSelectDetail): unknown => d.id;
const text: string = formatNumber(170000, { lang: 'zh-CN' });
export { config, map, csv, graph, shot, onError, onSelect, text, KPI_TILE_TAG, CivicScreen };
`;

const VITE_MAIN = `import 'civic-widgets/kpi-tile.define.js';
import 'civic-widgets/chain-graph.define.js';
import { CivicKpiTile } from 'civic-widgets';
const tile = document.querySelector('civic-kpi-tile');
if (!(tile instanceof CivicKpiTile)) throw new Error('civic-kpi-tile is not a CivicKpiTile');
tile.data = { label: '在校学生', value: 170000, unit: '人', qualifier: 'over' };
`;

const page = (title, body) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head>
<body>
${body}
</body></html>
`;

let prepared = null;
/**
 * Packs, installs, writes the app (plain pages are served from memory), builds the Vite pages and type-checks.
 * `bundler`: [{ name, lang: 'js'|'ts', code, body }] extra Vite pages (the README's bundler examples). Memoised.
 */
export function prepareConsumer(opts = {}) {
  prepared ??= doPrepare(opts);
  return prepared;
}

async function doPrepare({ bundler = [] }) {
  const t0 = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'civic-consumer-'));
  const app = join(dir, 'app');
  mkdirSync(app, { recursive: true });
  const out = { dir, app, timings: {}, problems: [] };
  if (process.env.CIVIC_CONSUMER_TARBALL) {
    // A tarball packed earlier (e.g. under the dist lock, to run these checks on a copy).
    out.tarball = process.env.CIVIC_CONSUMER_TARBALL;
    out.tarballBytes = statSync(out.tarball).size;
    out.timings.pack = 0;
  } else {
    const pack = await run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root });
    out.timings.pack = pack.ms;
    if (pack.code) {
      out.problems.push(`npm pack failed: ${pack.stderr.split('\n').slice(-3).join(' ')}`);
      return out;
    }
    const packed = JSON.parse(pack.stdout)[0];
    out.tarball = join(dir, packed.filename);
    out.tarballBytes = packed.size;
  }
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'civic-consumer', private: true, type: 'module', overrides: NODE20_OVERRIDES }, null, 2));
  const inst = await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', out.tarball], { cwd: app });
  out.timings.install = inst.ms;
  out.install = inst;
  if (inst.code) {
    out.problems.push(`npm install failed: ${inst.stderr.split('\n').slice(-4).join(' ')}`);
    return out;
  }
  // Vite app: the consumer's own page, then one page per README bundler example.
  const src = join(app, 'web');
  mkdirSync(src, { recursive: true });
  const input = { index: join(src, 'index.html') };
  writeFileSync(join(src, 'main.js'), VITE_MAIN);
  writeFileSync(input.index, page('Vite consumer', `<civic-kpi-tile></civic-kpi-tile>\n<civic-chain-graph src="/data/chains.json" layout="tiers"></civic-chain-graph>\n<script type="module" src="./main.js"></script>`));
  for (const ex of bundler) {
    writeFileSync(join(src, `${ex.name}.${ex.lang}`), ex.code);
    input[ex.name] = join(src, `${ex.name}.html`);
    writeFileSync(input[ex.name], page(ex.name, `${ex.body ?? ''}\n<script type="module" src="./${ex.name}.${ex.lang}"></script>`));
  }
  const { build } = await import('vite');
  const viteOut = join(app, 'web-dist');
  const viteBuild = (entries, emptyOutDir) =>
    build({
      configFile: false,
      root: src,
      base: '/web/', // served under /web/ beside the example server's /assets/, /data/, /api/
      logLevel: 'silent',
      publicDir: false,
      build: { outDir: viteOut, emptyOutDir, target: 'es2020', rolldownOptions: { input: entries } },
    }).then(() => '', (e) => String(e && e.message ? e.message : e).split('\n').slice(0, 3).join(' '));
  const tv = Date.now();
  out.viteErrors = {};
  const all = await viteBuild(input, true);
  if (all) {
    // Attribute the failure: build each page alone.
    for (const [name, file] of Object.entries(input)) {
      const e = await viteBuild({ [name]: file }, false);
      if (e) out.viteErrors[name] = e;
    }
    if (!Object.keys(out.viteErrors).length) out.viteErrors.index = all;
  }
  out.timings.vite = Date.now() - tv;
  out.viteOut = viteOut;
  // Strict TypeScript consumer (+ the README's ts examples).
  mkdirSync(join(app, 'ts'), { recursive: true });
  writeFileSync(join(app, 'ts/consumer.ts'), CONSUMER_TS);
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'], strict: true, skipLibCheck: false, noEmit: true },
        include: ['ts/**/*.ts', 'web/**/*.ts'],
      },
      null,
      2,
    ),
  );
  // tsc runs while the pages are checked: `tscErrors` is a promise of { file (relative to the app) → [messages] }.
  out.tscErrors = run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(app, 'tsconfig.json')], { cwd: app }).then((tsc) => {
    out.timings.tsc = tsc.ms;
    const errors = {};
    for (const line of (tsc.stdout + tsc.stderr).split('\n')) {
      const m = /^(.+?)\(\d+,\d+\): error (TS\d+: .*)$/.exec(line.trim());
      if (m) (errors[relative(app, join(app, m[1]))] ??= []).push(`${m[1]}: ${m[2]}`);
    }
    if (tsc.code && !Object.keys(errors).length) errors['(tsc)'] = [`exit ${tsc.code}: ${(tsc.stdout + tsc.stderr).trim().split('\n').slice(0, 2).join(' ')}`];
    return errors;
  });
  out.timings.prepare = Date.now() - t0;
  return out;
}

export async function checkConsumer(browser, { check, note }) {
  const c = await prepareConsumer(await bundlerOpts());
  const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
  if (c.problems.length) return check(false, '[consumer] pack and install', c.problems.join('; '));
  note(`[consumer] npm pack ${s(c.timings.pack)} (${(c.tarballBytes / 1024 / 1024).toFixed(1)} MB), npm install ${s(c.timings.install)}, vite build ${s(c.timings.vite)} — ${c.app}`);
  const engine = (c.install.stdout + c.install.stderr).split('\n').filter((l) => /EBADENGINE/.test(l) && /package:/.test(l));
  check(engine.length === 0, '[consumer] npm install of the tarball on Node ' + process.versions.node + ' with the README\'s overrides: no EBADENGINE warning', engine.map((l) => l.replace(/.*package:\s*/, '')).join(', '));
  const deps = readdirSync(join(c.app, 'node_modules/@types')).filter((d) => d.startsWith('d3-'));
  note(`[consumer] @types installed for the consumer: ${readdirSync(join(c.app, 'node_modules/@types')).join(', ')}${deps.length ? '' : ' (no @types/d3-*)'}`);

  const pages = new Map([
    ['/plain-iife.html', page('IIFE', `<script src="/node_modules/civic-widgets/dist/civic-widgets.iife.js"></script>\n<civic-kpi-tile label="在校学生" value="170000" unit="人" qualifier="over"></civic-kpi-tile>`)],
    [
      '/plain-light.html',
      page(
        'light IIFE',
        `<script src="/node_modules/civic-widgets/dist/civic-widgets.light.js"></script>\n<civic-kpi-tile label="在校学生" value="170000" unit="人" qualifier="over"></civic-kpi-tile>\n<civic-grid-map renderer="webgl" geometry-src="/data/grids.geojson" src="/data/grid-metrics.json"></civic-grid-map>`,
      ),
    ],
    ['/plain-module.html', page('module', `<script type="module" src="/node_modules/civic-widgets/dist/bundle/chain-graph.js"></script>\n<civic-chain-graph src="/data/chains.json" layout="tiers"></civic-chain-graph>`)],
  ]);
  const srv = await startExampleServer({ pages, mounts: [['/node_modules/', join(c.app, 'node_modules')], ['/web/', c.viteOut]] });
  const ctx = await browser.newContext({ viewport: { width: 1200, height: 900 }, reducedMotion: 'reduce' });
  const names = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(join(root, 'demo/data/chains.json'), 'utf8'))).nodes.slice(0, 1).map((n) => n.name);
  const cases = [
    ['a. plain HTML + the one-script file', '/plain-iife.html', { 'civic-kpi-tile': 1 }, ['超17万']],
    ['a2. plain HTML + the light one-script file (its WebGL map loads civic-widgets.maplibre.js from beside it)', '/plain-light.html', { 'civic-kpi-tile': 1, 'civic-grid-map': 1 }, ['超17万']],
    ['b. plain HTML + dist/bundle/chain-graph.js', '/plain-module.html', { 'civic-chain-graph': 1 }, names],
    ['c. Vite app (kpi-tile.define.js, chain-graph.define.js)', '/web/index.html', { 'civic-kpi-tile': 1, 'civic-chain-graph': 1 }, ['超17万', ...names]],
  ];
  try {
    for (const [label, path, counts, texts] of cases) {
      if (path.startsWith('/web/') && c.viteErrors.index) {
        check(false, `[consumer] ${label}`, `vite build failed: ${c.viteErrors.index}`);
        continue;
      }
      const { p, log } = await openExample(ctx, srv.base + path);
      const ready = await waitReady(p, READY_MS);
      const problems = await commonProblems(p, log, ready);
      const have = await countTags(p);
      for (const [tag, n] of Object.entries(counts)) if (have[tag] !== n) problems.push(`${n} × ${tag} expected, found ${have[tag] ?? 0}`);
      const text = await visibleText(p);
      for (const t of texts) if (!text.includes(t.replace(/\s+/g, ''))) problems.push(`text "${t}" not shown`);
      if (path === '/plain-light.html') {
        const st = await p.evaluate(() => ({ renderer: document.querySelector('civic-grid-map')?.activeRenderer, sibling: !!window.__civicWidgetsMaplibre }));
        const sib = log.requests.filter((u) => /\/civic-widgets\.maplibre\.js$/.test(u)).map((u) => new URL(u).pathname);
        if (st.renderer !== 'webgl' || !st.sibling || sib[0] !== '/node_modules/civic-widgets/dist/civic-widgets.maplibre.js') problems.push(`WebGL map through the sibling file: renderer ${st.renderer}, sibling requested: ${sib.join(', ') || 'none'}`);
      }
      if (path === '/plain-module.html') {
        const ml = log.requests.filter((u) => /maplibre/.test(u));
        if (ml.length) problems.push(`maplibre requested by a page without a map: ${ml.map((u) => new URL(u).pathname).join(', ')}`);
      }
      check(problems.length === 0, `[consumer] ${label}: drawn, shows ${texts.map((t) => `"${t}"`).join(', ')}, no console error`, problems.join('; '));
      await p.close();
    }
  } finally {
    await ctx.close();
    await srv.close();
  }
  const tscErrors = await c.tscErrors;
  const own = tscErrors['ts/consumer.ts'] ?? [];
  const lib = Object.entries(tscErrors).filter(([f]) => f.startsWith('node_modules') || f === '(tsc)').flatMap(([, v]) => v);
  check(own.length === 0 && lib.length === 0, `[consumer] d. strict TypeScript consumer (strict, skipLibCheck false): tsc --noEmit clean (${s(c.timings.tsc)})`, [...lib, ...own].slice(0, 4).join(' | '));
  return c;
}

/** The README's bundler examples, for the Vite app (readme-examples.mjs decides which they are). */
async function bundlerOpts() {
  const { bundlerExamples } = await import('./readme-examples.mjs');
  return { bundler: bundlerExamples() };
}

/** Removes the temp dir unless CIVIC_CONSUMER_KEEP is set. */
export async function cleanupConsumer() {
  if (!prepared) return;
  const c = await prepared;
  if (process.env.CIVIC_CONSUMER_KEEP) console.log(`  · consumer app kept: ${c.app}`);
  else rmSync(c.dir, { recursive: true, force: true });
}

// ── standalone ────────────────────────────────────────────────────────────────────────────────────
// No top-level await: runChecks imports this module again, which must have finished evaluating.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) import('./readme-examples.mjs').then((m) => m.runChecks({ consumer: true }));
