// The growth chart's legend and notes alone (issue 16): variants of the footer markup inserted under a drawn plot in
// the element's styled shadow tree (foot-page.ts), one per task, interleaved (the order rotating each round, reversed
// every other block of rounds);
// main-thread CPU (thread clock, traced user-timing marks) of the insertion and of the style + layout it forces,
// medians per insertion, and the latter minus `onetext` (one div with one letter: what any new flex item under the
// plot costs, the plot's own relayout included). This checkout only: edit foot-page.ts's variants to compare markup.
//   node bench/growth-chart/foot.mjs [--draws 300] [--settle-frames 1]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { median } from '../lib/harness.mjs';
import { openBenchPage, traced, cpuByMark } from '../lib/bench-page.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const draws = Number(opt('--draws', 300));
const frames = Number(opt('--settle-frames', 1));
const out = join(tmpdir(), `civic-growth-chart-foot-${process.pid}`);
mkdirSync(out, { recursive: true });
const load0 = loadavg()[0];
const { context, page, close } = await openBenchPage({ entry: join(here, 'foot-page.ts'), html: join(here, 'index.html'), outDir: out });
try {
  const names = await page.evaluate(() => window.drawVariants());
  await page.evaluate((o) => window.runDraws(5, o, false), names); // warm-up, unmarked
  // Every variant at every place of the order, both ways: a variant's cost depends on the one before it (in a fixed
  // order, the variant after \`none\` measured 0.1 ms more than the same markup elsewhere).
  const rounds = 2 * names.length;
  const { events } = await traced(context, page, 'blink.user_timing', async () => {
    for (let r = 0; r < rounds; r++) {
      const k = r % names.length;
      const rot = [...names.slice(k), ...names.slice(0, k)];
      const order = Math.floor(r / names.length) % 2 ? rot.reverse() : rot;
      await page.evaluate(([n, o, f]) => window.runDraws(n, o, true, f), [Math.ceil(draws / rounds), order, frames]);
    }
  });
  const cpu = cpuByMark(events, 'gcd');
  const ref = median(cpu.onetext.update);
  console.log(`growth chart footer alone: ${Math.ceil(draws / rounds) * rounds} insertions per variant, one per task, ${frames} frame(s) after its shell; load ${load0.toFixed(1)} → ${loadavg()[0].toFixed(1)}`);
  console.log('| variant | insert (ms) | style + layout (ms) | style + layout − onetext |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const v of names) console.log(`| ${v} | ${median(cpu[v].first).toFixed(3)} | ${median(cpu[v].update).toFixed(3)} | ${(median(cpu[v].update) - ref).toFixed(3)} |`);
} finally {
  await close();
}
