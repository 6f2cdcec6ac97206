// npm run build → dist/
//   1. ESM entries (index, define, one per element) with lit, d3-*, @turf/*, maplibre-gl … external, + .d.ts
//   2. dist/bundle/civic-widgets.js: self-hosted, code-split ES module bundle; maplibre in its own lazy chunk,
//      its worker file shipped beside it
//   3. dist/civic-widgets.iife.js: one classic script that registers every element (maplibre + worker inlined)
//   4. dist/custom-elements.json (from the JSDoc), dist/schemas/*.json
// Then checks the syntax level (ES2020) of every emitted file with es-check.
import { build } from 'vite';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTRIES } from './entries.mjs';

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
      if (mode === 'iife')
        return `import src from 'maplibre-gl/dist/maplibre-gl-worker.mjs?raw';
export function inlineWorkerSource() { return src; }
export function bundledWorkerUrl() { return undefined; }`;
      return null;
    },
  };
}

/** IIFE only: the chain graph's layout worker inlined (blob URL) instead of a file in assets/ beside the script. */
function inlineLayoutWorker(mode) {
  const target = join(root, 'src/components/chain-graph/chain-graph.worker-factory.ts');
  return {
    name: 'civic-inline-layout-worker',
    enforce: 'pre',
    load(id) {
      if (mode !== 'iife' || id.split('?')[0] !== target) return null;
      return `import LayoutWorker from './chain-graph.worker.ts?worker&inline';
export function createLayoutWorker() { return new LayoutWorker(); }`;
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
  plugins: [workerSource(mode), inlineLayoutWorker(mode)],
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  resolve: { conditions: ['production', 'browser', 'module', 'import', 'default'] },
});

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

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
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});

log('type declarations');
execFileSync(bin('tsc'), ['-p', 'tsconfig.json', '--emitDeclarationOnly', '--declaration', '--outDir', join(dist, 'types')], { stdio: 'inherit', cwd: root });

// 2. Self-hosted, code-split module bundle.
log('module bundle');
await build({
  ...common('bundle'),
  build: {
    outDir: join(dist, 'bundle'),
    emptyOutDir: true,
    target: 'es2020',
    minify: true,
    sourcemap: false,
    lib: { entry: { 'civic-widgets': join(root, 'src/define.ts') }, formats: ['es'] },
    rolldownOptions: { output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' } },
  },
});
cpSync(join(root, 'node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs'), join(dist, 'bundle', 'maplibre-gl-worker.mjs'));

// 3. Single-file classic script.
log('IIFE');
await build({
  ...common('iife'),
  build: {
    outDir: dist,
    emptyOutDir: false,
    target: 'es2020',
    minify: true,
    sourcemap: false,
    lib: { entry: join(root, 'src/iife.ts'), formats: ['iife'], name: 'CivicWidgets', fileName: () => 'civic-widgets.iife.js' },
    rolldownOptions: { output: { inlineDynamicImports: true } },
  },
});

// 4. Manifest and schemas.
log('custom-elements.json');
execFileSync(bin('custom-elements-manifest'), ['analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/**/*.test.ts', '--outdir', 'dist', '--quiet'], { stdio: 'inherit', cwd: root });
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
    } else if (/\.(m?js)$/.test(f.name) && f.name !== 'civic-widgets.iife.js' && f.name !== 'maplibre-gl-worker.mjs') esm.push(p);
  }
};
walk(dist);
execFileSync(bin('es-check'), ['es2020', '--module', ...esm], { stdio: quiet ? 'pipe' : 'inherit', cwd: root });
execFileSync(bin('es-check'), ['es2020', join(dist, 'civic-widgets.iife.js')], { stdio: quiet ? 'pipe' : 'inherit', cwd: root });

// Write a small summary (sizes are measured by bench/size.mjs and checked by test/build).
const size = (p) => readFileSync(p).length;
writeFileSync(
  join(dist, 'build-info.json'),
  JSON.stringify({ iife: size(join(dist, 'civic-widgets.iife.js')), bundle: size(join(dist, 'bundle/civic-widgets.js')) }, null, 2),
);
log('done');

// 6. Smoke test, size budgets and Chrome 90 API check on what was just built.
execFileSync(process.execPath, [join(root, 'test/build/check-dist.mjs')], { stdio: 'inherit', cwd: root });
