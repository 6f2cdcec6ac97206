// The chain-graph bench page, built and served once for run.mjs (the tables) and trace.mjs (CPU profiles): page.ts
// bundled, the layout worker bundled where the element starts it (new URL('./chain-graph.worker.ts',
// import.meta.url)), the demo data beside them.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { serveFiles, bundleBenchPage } from '../lib/harness.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * Builds the page and worker into a temp folder named `name` and serves them: `{ server, port }`. `srcRoot`: another
 * checkout (a before tree) whose `src/` the page and worker are built from, with this tree's page.ts (so a bench's
 * newer page functions and marks run against the older element).
 */
export async function serveChainBench(name, srcRoot = root) {
  const out = join(tmpdir(), name);
  mkdirSync(out, { recursive: true });
  const from = srcRoot.endsWith('/') ? srcRoot : srcRoot + '/';
  const plugins =
    from === root
      ? []
      : [
          {
            name: 'src-root',
            setup(b) {
              b.onResolve({ filter: /^\.\.?\// }, (a) => {
                const p = resolve(a.resolveDir, a.path);
                if (!p.startsWith(root + 'src/')) return undefined;
                const q = from + p.slice(root.length);
                return { path: q.endsWith('.js') && existsSync(q.slice(0, -3) + '.ts') ? q.slice(0, -3) + '.ts' : q };
              });
            },
          },
        ];
  await bundleBenchPage(join(here, 'page.ts'), { outfile: join(out, 'page.js'), plugins });
  await build({
    entryPoints: [join(from, 'src/components/chain-graph/chain-graph.worker.ts')],
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
