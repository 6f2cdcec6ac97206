// The chain-graph bench page, built and served once for run.mjs (the tables) and trace.mjs (CPU profiles): page.ts
// bundled, the layout worker bundled where the element starts it (new URL('./chain-graph.worker.ts',
// import.meta.url)), the demo data beside them.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { serveFiles, bundleBenchPage } from '../lib/harness.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));

/** Builds the page and worker into a temp folder named `name` and serves them: `{ server, port }`. */
export async function serveChainBench(name) {
  const out = join(tmpdir(), name);
  mkdirSync(out, { recursive: true });
  await bundleBenchPage(join(here, 'page.ts'), { outfile: join(out, 'page.js') });
  await build({
    entryPoints: [join(root, 'src/components/chain-graph/chain-graph.worker.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2020',
    outfile: join(out, 'chain-graph.worker.js'),
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  return serveFiles((p) => {
    if (p === '/' || p === '/index.html') return join(here, 'index.html');
    if (p === '/page.js') return join(out, 'page.js');
    if (p === '/chain-graph.worker.ts') return join(out, 'chain-graph.worker.js');
    if (p.startsWith('/demo/data/')) return join(root, p);
    return undefined;
  });
}
