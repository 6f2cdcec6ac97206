// npm run build → dist/
//   1. ESM entries (index, define, one per element) with lit, d3-*, @turf/*, maplibre-gl … external, + .d.ts
//   2. dist/bundle/: self-hosted, code-split ES modules for plain pages (no bare imports): civic-widgets.js (every
//      element) and <name>.js per element (e.g. chain-graph.js), sharing chunks; maplibre in its own lazy chunk,
//      its worker file shipped beside it
//   3. dist/civic-widgets.iife.js: one classic script that registers every element (maplibre + worker inlined);
//      dist/civic-widgets.light.js: the same without maplibre, which loads its sibling dist/civic-widgets.maplibre.js
//      (maplibre + worker source, one classic script) only when a map needs WebGL
//   4. dist/custom-elements.json (from the JSDoc), dist/schemas/*.json
// Then checks the syntax level (ES2020) of every emitted file with es-check.
import { build } from 'vite';
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { ENTRIES } from './entries.mjs';
import { cssMinifyPlugin } from './lib/css-minify.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const bin = (n) => join(root, 'node_modules', '.bin', n);
const quiet = process.argv.includes('--quiet');
const log = (...a) => console.log('[build]', ...a);

const EXTERNAL = [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, /^d3-/, /^@turf\//, /^maplibre-gl($|\/)/, /^topojson-client/, /^gcoord/, /^simple-statistics/, /^pmtiles/];
const isExternal = (id) => !id.includes('?') && EXTERNAL.some((re) => re.test(id));

/** Swaps src/core/maplibre/worker-source.ts per build variant. */
function workerSource(mode) {
  const target = join(root, 'src/core/maplibre/worker-source.ts');
  return {
    name: 'civic-maplibre-worker-source',
    enforce: 'pre',
    load(id) {
      if (id.split('?')[0] !== target) return null;
      if (mode === 'bundle')
        return `export function inlineWorkerSource() { return undefined; }
export function bundledWorkerUrl() { return new URL('./maplibre-gl-worker.mjs', import.meta.url).href; }`;
      if (mode === 'light')
        return `import { siblingWorkerSource } from ${JSON.stringify(join(root, 'src/core/maplibre/sibling.ts'))};
export function inlineWorkerSource() { return siblingWorkerSource(); }
export function bundledWorkerUrl() { return undefined; }`;
      if (mode === 'iife')
        return `import src from 'maplibre-gl/dist/maplibre-gl-worker.mjs?raw';
export function inlineWorkerSource() { return src; }
export function bundledWorkerUrl() { return undefined; }`;
      return null;
    },
  };
}

/**
 * Light one-script file: every `import('maplibre-gl')` of the library becomes `importMaplibreSibling()` (loads
 * civic-widgets.maplibre.js from beside the script, src/core/maplibre/sibling.ts), and nothing may bundle maplibre-gl.
 * Runs after the TypeScript transform, so type-only `import('maplibre-gl')` is already gone.
 */
function maplibreFromSibling(mode) {
  const sibling = join(root, 'src/core/maplibre/sibling.ts');
  const guard = {
    name: 'civic-maplibre-not-in-light',
    enforce: 'pre',
    resolveId(id, importer) {
      if (mode === 'light' && /^maplibre-gl($|\/)/.test(id)) this.error(`${importer ?? '?'} imports ${id}: the light one-script file must not contain maplibre-gl (use loadMaplibre() or import('maplibre-gl'))`);
      return null;
    },
  };
  const rewrite = {
    name: 'civic-maplibre-from-sibling',
    enforce: 'post',
    transform(code, id) {
      if (mode !== 'light' || !id.startsWith(join(root, 'src')) || !/import\(\s*["']maplibre-gl["']\s*\)/.test(code)) return null;
      return { code: `import { importMaplibreSibling as __civicMaplibreSibling } from ${JSON.stringify(sibling)};\n` + code.replace(/import\(\s*["']maplibre-gl["']\s*\)/g, '__civicMaplibreSibling()'), map: null };
    },
  };
  return [guard, rewrite];
}

/**
 * IIFE only: a worker inlined (blob URL) instead of a file in assets/ beside the script. The factory module at
 * `factory` (which normally does `new Worker(new URL(...))`) is replaced by one that imports `worker` inline and
 * exports `exported()` returning a new instance.
 */
function inlineWorker(mode, name, factory, worker, exported) {
  const target = join(root, factory);
  return {
    name: `civic-inline-${name}`,
    enforce: 'pre',
    load(id) {
      if ((mode !== 'iife' && mode !== 'light') || id.split('?')[0] !== target) return null;
      return `import InlineWorker from './${worker}?worker&inline';
export function ${exported}() { return new InlineWorker(); }`;
    },
  };
}

const common = (mode) => ({
  configFile: false,
  root,
  // Relative asset URLs (the chain graph's layout worker): packages are served from anywhere.
  base: './',
  logLevel: quiet ? 'warn' : 'info',
  publicDir: false,
  plugins: [
    workerSource(mode),
    // The chain graph's layout worker and the grid map's metrics worker.
    inlineWorker(mode, 'layout-worker', 'src/components/chain-graph/chain-graph.worker-factory.ts', 'chain-graph.worker.ts', 'createLayoutWorker'),
    inlineWorker(mode, 'metrics-worker', 'src/components/grid-map/metrics-worker-factory.ts', 'metrics-worker.ts', 'createMetricsWorker'),
    ...maplibreFromSibling(mode),
    // The text of css`` templates, minified (a user's bundler ships template text as written; issue 16).
    cssMinifyPlugin(join(root, 'src')),
  ],
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  resolve: { conditions: ['production', 'browser', 'module', 'import', 'default'] },
});

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

// Type declarations and the manifest are separate processes (tsc and the analyzer, one core each): they run beside
// the bundlers and are awaited before the checks at the end.
/** Runs a tool in the background; its output is printed when it ends, and the promise rejects on failure. */
const background = (label, file, args) =>
  new Promise((ok, ko) =>
    execFile(file, args, { cwd: root, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      process.stdout.write(stdout);
      process.stderr.write(stderr);
      if (err) ko(new Error(`${label} failed (exit ${err.code ?? err.signal})`));
      else ok();
    }),
  );
log('type declarations and custom-elements.json (beside the bundles)');
// The published types must not reach d3's (a consumer has no @types/d3-*): test/pages/consumer.mjs type-checks a
// strict consumer (skipLibCheck false) against the packed package.
const declarations = background('tsc (type declarations)', bin('tsc'), ['-p', 'tsconfig.json', '--emitDeclarationOnly', '--declaration', '--outDir', join(dist, 'types')]);
const manifest = background('custom-elements-manifest', bin('custom-elements-manifest'), ['analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/**/*.test.ts', '--outdir', 'dist', '--quiet']);
// Both are awaited below; without a handler a failure during a bundler build would be reported as unhandled.
declarations.catch(() => {});
manifest.catch(() => {});

// 1. ESM per entry, dependencies external.
log('ESM entries');
const entries = { index: join(root, 'src/index.ts'), define: join(root, 'src/define.ts') };
for (const e of ENTRIES) entries[`${e.name}.define`] = join(root, e.define);
await build({
  ...common('esm'),
  build: {
    outDir: dist,
    emptyOutDir: false,
    target: 'es2020',
    minify: false,
    sourcemap: true,
    lib: { entry: entries, formats: ['es'] },
    rolldownOptions: {
      external: isExternal,
      // Chunk names without a hash (a bundler names its own output; a CDN URL carries the version): a user's bundler
      // names its chunks after ours, so each lazy chunk's import() in their first load is 9 bytes shorter (issue 16).
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name].js' },
    },
  },
});

// 2. Self-hosted, code-split module bundle: one entry for every element, one per element, shared chunks.
log('module bundle');
const bundleEntries = { 'civic-widgets': join(root, 'src/define.ts') };
for (const e of ENTRIES) bundleEntries[e.name] = join(root, e.define);
await build({
  ...common('bundle'),
  build: {
    outDir: join(dist, 'bundle'),
    emptyOutDir: true,
    target: 'es2020',
    minify: true,
    sourcemap: false,
    lib: { entry: bundleEntries, formats: ['es'] },
    rolldownOptions: { output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' } },
  },
});
cpSync(join(root, 'node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs'), join(dist, 'bundle', 'maplibre-gl-worker.mjs'));

// 3. Classic scripts: one file each, dynamic imports inlined (a classic script cannot load chunks), minified.
/** Builds `entry` as an IIFE exposing `name`, written to dist/`file`, with the alias set of `mode` (see common()). */
const classicScript = (mode, entry, name, file) =>
  build({
    ...common(mode),
    build: {
      outDir: dist,
      emptyOutDir: false,
      target: 'es2020',
      minify: true,
      sourcemap: false,
      lib: { entry: join(root, entry), formats: ['iife'], name, fileName: () => file },
      rolldownOptions: { output: { inlineDynamicImports: true } },
    },
  });

// 3a. The all-in-one script (maplibre and its worker inlined).
log('IIFE');
await classicScript('iife', 'src/iife.ts', 'CivicWidgets', 'civic-widgets.iife.js');

// 3b. Light single-file classic script (no maplibre) and its sibling with maplibre + worker source.
log('IIFE light + maplibre sibling');
await classicScript('light', 'src/iife.ts', 'CivicWidgets', 'civic-widgets.light.js');
await classicScript('iife', 'src/iife-maplibre.ts', '__civicWidgetsMaplibre', 'civic-widgets.maplibre.js');

// 4. Manifest (started above) and schemas; the type declarations (started above) are done too.
await manifest;
await declarations;
const schemaDir = join(root, 'src/schemas');
if (existsSync(schemaDir)) cpSync(schemaDir, join(dist, 'schemas'), { recursive: true });

// 5. Syntax level: the library's output must parse as ES2020 (Chrome 90).
log('es-check es2020');
const esm = [];
const walk = (d) => {
  for (const f of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, f.name);
    if (f.isDirectory()) {
      if (f.name !== 'types') walk(p);
    } else if (/\.(m?js)$/.test(f.name) && !/^civic-widgets\.(iife|light|maplibre)\.js$/.test(f.name) && f.name !== 'maplibre-gl-worker.mjs') esm.push(p);
  }
};
walk(dist);
execFileSync(bin('es-check'), ['es2020', '--module', ...esm], { stdio: quiet ? 'pipe' : 'inherit', cwd: root });
execFileSync(bin('es-check'), ['es2020', join(dist, 'civic-widgets.iife.js'), join(dist, 'civic-widgets.light.js'), join(dist, 'civic-widgets.maplibre.js')], { stdio: quiet ? 'pipe' : 'inherit', cwd: root });

// Sizes as a page pays them (README "Build outputs" states them; test/build/check-dist.mjs compares the two): bytes on
// disk and gzip (level 9) of each file plus the local chunks it imports statically. Lazy chunks (maplibre, pmtiles)
// are not counted in an entry; maplibre is listed apart, with its worker. bench/size.mjs prints every file.
const size = (p) => readFileSync(p).length;
const staticClosure = (file, seen = new Set()) => {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) staticClosure(join(file, '..', m[1]), seen);
  return seen;
};
const measure = (files) => ({ bytes: files.reduce((n, f) => n + size(f), 0), gzip: files.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0) });
const bundleDir = join(dist, 'bundle');
const maplibreChunk = readdirSync(bundleDir).find((f) => /^maplibre-gl-[\w-]+\.js$/.test(f));
const sizes = {
  iife: measure([join(dist, 'civic-widgets.iife.js')]),
  light: measure([join(dist, 'civic-widgets.light.js')]),
  sibling: measure([join(dist, 'civic-widgets.maplibre.js')]),
  bundle: measure([...staticClosure(join(bundleDir, 'civic-widgets.js'))]),
  elements: Object.fromEntries(ENTRIES.map((e) => [e.name, measure([...staticClosure(join(bundleDir, `${e.name}.js`))])])),
  maplibre: maplibreChunk ? measure([join(bundleDir, maplibreChunk), join(bundleDir, 'maplibre-gl-worker.mjs')]) : null,
};
writeFileSync(join(dist, 'build-info.json'), JSON.stringify({ iife: sizes.iife.bytes, bundle: size(join(bundleDir, 'civic-widgets.js')), sizes }, null, 2));
if (!quiet) {
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  log(`sizes (bytes / gzip): iife ${kb(sizes.iife.bytes)} / ${kb(sizes.iife.gzip)}; light ${kb(sizes.light.bytes)} / ${kb(sizes.light.gzip)} + maplibre sibling ${kb(sizes.sibling.bytes)} / ${kb(sizes.sibling.gzip)}; bundle entry ${kb(sizes.bundle.bytes)} / ${kb(sizes.bundle.gzip)}`);
  for (const [n, s] of Object.entries(sizes.elements)) log(`  bundle/${n}.js ${kb(s.bytes)} / ${kb(s.gzip)}`);
  if (sizes.maplibre) log(`  maplibre chunk + worker (lazy) ${kb(sizes.maplibre.bytes)} / ${kb(sizes.maplibre.gzip)}`);
}
log('done');

// 6. Smoke test, size budgets and Chrome 90 API check on what was just built.
execFileSync(process.execPath, [join(root, 'test/build/check-dist.mjs')], { stdio: 'inherit', cwd: root });
