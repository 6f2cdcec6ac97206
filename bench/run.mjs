// npm run bench: every benchmark under bench/, one after another (never part of npm test).
//   node bench/run.mjs                 all
//   node bench/run.mjs grid-map kpi    only those folders (and size)
//   node bench/run.mjs --runs 3 …      passes --runs N to every benchmark (each has its own default)
// Each element benchmark is bench/<name>/run.mjs; it prints its own table and writes bench/results/<name>.json.
// grid-map-tiles makes its 1,000,000-grid tile set on first use (scripts/make-grid-tiles.mjs, ≈1 min, ≈260 MB in
// bench/grid-map-tiles/.out/, git-ignored).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const runsAt = argv.indexOf('--runs');
const passArgs = runsAt >= 0 ? ['--runs', argv[runsAt + 1]] : [];
const only = argv.filter((a, i) => !(runsAt >= 0 && (i === runsAt || i === runsAt + 1)));
const run = (script, args = []) => {
  console.log(`\n=== ${script} ${args.join(' ')}`);
  const r = spawnSync(process.execPath, [script, ...args], { stdio: 'inherit', cwd: root });
  return r.status ?? 1;
};
let failures = 0;
if (!existsSync(join(root, 'dist/civic-widgets.iife.js'))) failures += run(join(root, 'scripts/build.mjs'), ['--quiet']);
failures += run(join(root, 'bench/size.mjs'));
for (const d of readdirSync(join(root, 'bench'))) {
  const p = join(root, 'bench', d);
  if (!statSync(p).isDirectory() || d === 'results' || d === 'lib') continue;
  if (only.length && !only.includes(d)) continue;
  const script = join(p, 'run.mjs');
  if (existsSync(script)) failures += run(script, passArgs) ? 1 : 0;
}
process.exit(failures ? 1 : 0);
