// The growth chart's drawing side alone, this checkout against another (issue 16): drawFrame and buildMarks of each
// into the element's styled shadow tree (draw-page.ts), one draw per task, interleaved (order reversed every other
// round); main-thread CPU (thread clock, traced user-timing marks) of the draw and of the style + layout it forces.
// Medians per draw. The element's own first picture runs the same code (growth-chart.picture.ts: drawFrame, then the
// marks), among its Lit update and model build: use ab.mjs for the whole first render, this to see a drawing change
// that ab.mjs's noise hides (a few hundredths of a ms).
//   git archive <rev> src bench | tar -x -C /tmp/before && ln -s "$PWD/node_modules" /tmp/before/node_modules
//   node bench/growth-chart/draw.mjs --before /tmp/before [--draws 900]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { median } from '../lib/harness.mjs';
import { openBenchPage, traced, cpuByMark } from '../lib/bench-page.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const before = opt('--before');
if (!before) throw new Error('--before <checkout of the older commit> is required');
const draws = Number(opt('--draws', 900));
const rounds = 6;
// --settle-frames N: animation frames between putting in a shell and drawing into it (the shell painted first, as the
// element's pre-data state is in ab.mjs's 3-frame rows); default 0.
const frames = Number(opt('--settle-frames', 0));
const out = join(tmpdir(), `civic-growth-chart-draw-${process.pid}`);
mkdirSync(out, { recursive: true });
const entry = join(out, 'draw-entry.ts');
const plot = (dir) => JSON.stringify(resolve(dir, 'src/components/growth-chart/growth-chart.plot.ts'));
writeFileSync(entry, `import { setup } from ${JSON.stringify(join(here, 'draw-page.ts'))};
import * as before from ${plot(before)};
import * as after from ${plot(join(here, '../..'))};
setup({ before, after });
`);
const load0 = loadavg()[0];
const { context, page, close } = await openBenchPage({ entry, html: join(here, 'index.html'), outDir: out });
try {
  const names = await page.evaluate(() => window.drawVariants());
  await page.evaluate((o) => window.runDraws(10, o, false), names); // warm-up, unmarked
  let nodes = {};
  const { events } = await traced(context, page, 'blink.user_timing', async () => {
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 ? [...names].reverse() : names;
      nodes = await page.evaluate(([n, o, f]) => window.runDraws(n, o, true, f), [Math.ceil(draws / rounds), order, frames]);
    }
  });
  const cpu = cpuByMark(events, 'gcd');
  console.log(`growth chart drawing alone: ${Math.ceil(draws / rounds) * rounds} draws per variant, one per task${frames ? `, ${frames} frame(s) after its shell` : ''}, interleaved; load ${load0.toFixed(1)} → ${loadavg()[0].toFixed(1)}`);
  console.log(`before = ${before}; CPU ms per draw (median), thread clock`);
  console.log('| variant | nodes | draw | style + layout it forces |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const v of names) console.log(`| ${v} | ${nodes[v]} | ${median(cpu[v].first).toFixed(3)} | ${median(cpu[v].update).toFixed(3)} |`);
} finally {
  await close();
}
