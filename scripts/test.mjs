#!/usr/bin/env node
// npm test: every check of the project, as steps with dependencies, two at a time (a 2-core CI machine runs one
// browser step beside one build/type-check step, which keeps both cores busy). Each step is exactly the command of
// its own npm script, so any one can be run alone (`npm run test:unit`, `npm run test:browser`, …).
//
//   node scripts/test.mjs                 all steps (what `npm test` runs)
//   node scripts/test.mjs unit typecheck  only the named steps (a name ending in ':' or a prefix before ':' picks a
//                                         group: `typecheck` = the four type checks); what they depend on is not run
//   node scripts/test.mjs --list          the steps, their commands and dependencies
//   CIVIC_TEST_JOBS=1                     one step at a time, in the order listed below (to rule out an overlap)
//
// Output is never interleaved: the step that started first among the running ones prints live, the others are held
// and printed in one piece when their turn comes. Every step gets a header line and an end line with its wall time
// (and CPU time of its process tree where Linux tells it); a table of all steps ends the run. Steps keep running
// after a failure (one CI run shows every failure); the exit code is 1 when any step failed.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (n) => join(root, 'node_modules', '.bin', n);
const node = process.execPath;
const show = (cmd) => cmd.map((c) => (c === node ? 'node' : c.replace(root + '/', '').replace(/^.*node_modules\/\.bin\//, ''))).join(' ');

/**
 * The steps, in priority order: when a slot is free the first step whose dependencies are done starts. The longest
 * chain (Storybook build → library build → page checks) and the longest step (wtr) go first; type checks and vitest
 * fill the gaps. `after` are ordering constraints:
 *  - storybook:build reads dist/custom-elements.json (preview.ts imports it), written by storybook:manifest;
 *  - build empties dist/ first, so it waits for storybook:build to have read the manifest;
 *  - pages and consumer serve/pack dist/.
 */
const STEPS = [
  { name: 'browser', chrome: true, cmd: [bin('wtr'), '--config', 'test/browser/web-test-runner.config.mjs'] },
  { name: 'storybook:manifest', cmd: [bin('custom-elements-manifest'), 'analyze', '--litelement', '--globs', 'src/**/*.ts', '--outdir', 'dist', '--quiet'] },
  { name: 'storybook:build', cmd: [bin('storybook'), 'build', '--quiet', '-o', 'storybook-static', '--disable-telemetry'], after: ['storybook:manifest'] },
  { name: 'build', cmd: [node, 'scripts/build.mjs', '--quiet'], after: ['storybook:build'] },
  { name: 'pages', chrome: true, cmd: [node, 'test/pages/run.mjs'], after: ['build'] },
  { name: 'storybook:stories', chrome: true, cmd: [node, 'test/storybook/run.mjs'], after: ['storybook:build'] },
  { name: 'consumer', chrome: true, cmd: [node, 'test/pages/consumer.mjs'], after: ['build'] },
  { name: 'typecheck:src', cmd: [bin('tsc'), '-p', 'tsconfig.json', '--noEmit'] },
  { name: 'typecheck:browser', cmd: [bin('tsc'), '-p', 'test/browser/tsconfig.json', '--noEmit'] },
  { name: 'typecheck:unit', cmd: [bin('tsc'), '-p', 'test/unit/tsconfig.json', '--noEmit'] },
  { name: 'typecheck:types', cmd: [bin('tsc'), '-p', 'test/types/tsconfig.json', '--noEmit'] },
  { name: 'unit', cmd: [bin('vitest'), 'run'] },
];

const args = process.argv.slice(2);
if (args.includes('--list')) {
  for (const s of STEPS) console.log(`${s.name.padEnd(20)} ${show(s.cmd)}${s.after ? `   (after ${s.after.join(', ')})` : ''}`);
  process.exit(0);
}
const picks = (a, s) => s.name === a || s.name.startsWith(a.replace(/:?$/, ':'));
const unknown = args.filter((a) => !STEPS.some((s) => picks(a, s)));
if (unknown.length) {
  console.error(`[test] unknown step ${unknown.join(', ')}; steps: ${STEPS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
const chosen = args.length ? STEPS.filter((s) => args.some((a) => picks(a, s))) : STEPS;
const JOBS = Math.max(1, Number(process.env.CIVIC_TEST_JOBS) || 2);
const T0 = Date.now();
const sec = (ms) => `${(ms / 1000).toFixed(1)} s`;
const at = () => `+${sec(Date.now() - T0)}`;

// Chromium first: without it every browser step fails, so say so at once (scripts/find-chrome.mjs prints the hint).
if (chosen.some((s) => s.chrome) && spawnSync(node, ['scripts/find-chrome.mjs'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);

/** CPU seconds of reaped children (Linux: /proc/self/stat utime+stime of waited-for descendants), else null. */
const TICK = 100; // USER_HZ on every Linux build Node runs on
const childCpu = () => {
  try {
    const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(f[13]) + Number(f[14])) / TICK; // cutime, cstime (fields 16 and 17 of the whole line)
  } catch {
    return null;
  }
};

const state = new Map(chosen.map((s) => [s.name, { step: s, status: 'waiting', out: [], printed: 0 }]));
const order = []; // names in start order (output order)
let live = null; // the step whose output goes straight to stdout

function write(st, chunk) {
  st.out.push(chunk);
  if (live === st) {
    process.stdout.write(chunk);
    st.printed = st.out.length;
  }
}
/** The earliest-started step that is not fully printed becomes live: print what it held, then stream it. */
function advance() {
  for (const name of order) {
    const st = state.get(name);
    if (st.flushed) continue;
    live = st;
    for (; st.printed < st.out.length; st.printed++) process.stdout.write(st.out[st.printed]);
    if (st.status === 'running') return;
    st.flushed = true;
  }
  live = null;
}

const children = new Set();
function start(st) {
  const { step } = st;
  st.status = 'running';
  st.start = Date.now();
  order.push(step.name);
  const beside = [...state.values()].filter((o) => o.status === 'running' && o !== st).map((o) => o.step.name);
  write(st, `\n[test] ▶ ${step.name} (started ${at()}${beside.length ? `, beside ${beside.join(', ')}` : ''}): ${show(step.cmd)}\n`);
  advance();
  const child = spawn(step.cmd[0], step.cmd.slice(1), { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  children.add(child);
  child.stdout.on('data', (d) => write(st, d));
  child.stderr.on('data', (d) => write(st, d));
  child.on('error', (e) => write(st, `[test] ${step.name}: ${e.message}\n`));
  child.on('close', (code, signal) => {
    children.delete(child);
    // Children are reaped one at a time, so the growth of the reaped-children CPU since the last reap is this step's.
    const cpu = childCpu();
    st.cpu = cpu == null || cpuSeen == null ? null : cpu - cpuSeen;
    cpuSeen = cpu;
    st.ms = Date.now() - st.start;
    st.status = code === 0 ? 'passed' : 'failed';
    write(st, `[test] ${st.status === 'passed' ? '✓' : '✗'} ${step.name} ${st.status} in ${sec(st.ms)}${st.cpu != null ? `, CPU ${st.cpu.toFixed(0)} s` : ''}${code ? `, exit ${code}` : signal ? `, ${signal}` : ''} (ended ${at()})\n`);
    advance();
    schedule();
  });
}
let cpuSeen = childCpu();

function schedule() {
  const running = [...state.values()].filter((s) => s.status === 'running').length;
  let free = JOBS - running;
  for (const st of state.values()) {
    if (free <= 0) break;
    if (st.status !== 'waiting') continue;
    const deps = (st.step.after ?? []).map((n) => state.get(n)).filter(Boolean);
    if (deps.some((d) => d.status === 'waiting' || d.status === 'running')) continue;
    const broken = deps.filter((d) => d.status !== 'passed');
    if (broken.length) {
      st.status = 'skipped';
      st.why = `skipped: ${broken.map((d) => d.step.name).join(', ')} did not pass`;
      continue;
    }
    start(st);
    free--;
  }
  if ([...state.values()].every((s) => s.status !== 'waiting' && s.status !== 'running')) finish();
  else if (![...state.values()].some((s) => s.status === 'running')) schedule(); // skips may have unblocked others
}

/**
 * The lines of a step's output that say what failed, with a few lines after each (the error and its stack), at most
 * 120 lines: vitest's FAIL/×, web-test-runner's ❌ and "Error", page checks' ✗ and "FAIL".
 */
function failureExcerpt(text) {
  const lines = text.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  const hit = /❌|✗|✘|×|\bFAIL(ED)?\b|\bfailed\b|Error:|AssertionError|timed out/i;
  const keep = new Set();
  lines.forEach((l, i) => {
    if (!hit.test(l) || /\b0 failed\b/.test(l)) return;
    for (let j = i; j < Math.min(lines.length, i + 8); j++) keep.add(j);
  });
  const out = [...keep].sort((a, b) => a - b).map((i) => lines[i]);
  return out.length > 120 ? [...out.slice(0, 120), `… ${out.length - 120} more lines above`] : out;
}

function finish() {
  const all = [...state.values()];
  console.log(`\n[test] steps (${JOBS} at a time; wall ${sec(Date.now() - T0)}):`);
  for (const st of all) {
    const begin = st.start ? `+${sec(st.start - T0)}`.padStart(9) : ''.padStart(9);
    console.log(`[test]   ${st.status === 'passed' ? '✓' : st.status === 'failed' ? '✗' : '-'} ${st.step.name.padEnd(20)} ${begin}  ${st.ms != null ? sec(st.ms).padStart(8) : st.why ?? ''}${st.cpu != null ? `  CPU ${st.cpu.toFixed(0).padStart(4)} s` : ''}`);
  }
  const bad = all.filter((s) => s.status !== 'passed');
  // CI keeps only the tail of this output, and a failing step's own lines scroll far above it: repeat what failed.
  for (const st of bad.filter((s) => s.status === 'failed')) {
    const lines = failureExcerpt(st.out.join(''));
    if (lines.length) console.log(`\n[test] what failed in ${st.step.name} (excerpt of its output above):\n${lines.join('\n')}`);
  }
  console.log(bad.length ? `[test] FAILED: ${bad.map((s) => s.step.name).join(', ')}` : `[test] all ${all.length} steps passed`);
  process.exit(bad.length ? 1 : 0);
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    for (const c of children) {
      try {
        process.kill(-c.pid, 'SIGTERM');
      } catch {}
    }
    process.exit(130);
  });
}
schedule();
