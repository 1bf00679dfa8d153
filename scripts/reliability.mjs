// `npm run reliability [-- step ...]`: runs the reliability attacks of issue 8 one step at a
// time (the load steps need the machine to themselves), then prints one report with every
// figure and whether it meets its bound. Exits non-zero if a step fails or a bound is missed.
//
// A step is a command (run with its `env` added) that records figures
// (tests/reliability/support/figures.ts) into the file named by QUIVER_RELIABILITY_FIGURES.
// Adding an attack is adding a step below; its figures then appear in the report under their
// item.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';

/** Items of issue 8, in the report's order. */
const ITEMS = {
  1: 'Malformed input never corrupts anything',
  2: 'Hostile content never runs',
  3: 'No loss across worker death',
  4: 'Exactly once over a flaky network',
  5: 'Storage limits',
  6: 'Access control',
  7: 'Load',
  8: 'Host-page cost',
  9: 'PostgreSQL: several instances under load, one killed',
  10: 'Stats at volume on PostgreSQL',
};

const STEPS = [
  {
    id: 'fast',
    title: 'fast attacks (also in npm test): library pages, content files, event batches, 25 flaky rounds, access control',
    command: ['npx', 'vitest', 'run', '--project', 'reliability'],
  },
  { id: 'flaky', title: 'exactly once over a flaky network, 100 rounds', command: ['npx', 'tsx', 'tests/reliability/flaky-upload-run.ts', '100'] },
  { id: 'events-load', title: 'events load: batches of 100 to quiver serve', command: ['npx', 'tsx', 'tests/reliability/events-load.ts'] },
  { id: 'sync-load', title: 'library sync load: 50 reps, 10,000 items', command: ['npx', 'tsx', 'tests/reliability/sync-load.ts'] },
  {
    id: 'pg-fast',
    title: 'the fast server attacks again on PostgreSQL (also in npm test): event batches, content files, flaky uploads, access control',
    command: ['npx', 'vitest', 'run', '--project', 'reliability-pg'],
  },
  {
    id: 'pg-events-1',
    title: 'events load on PostgreSQL: batches of 100 to one quiver serve',
    command: ['npx', 'tsx', 'tests/reliability/events-load.ts', '1000', '8', '--postgres', '1'],
  },
  {
    id: 'pg-events-3',
    title: 'events load on PostgreSQL: batches of 100 spread over three quiver serve',
    command: ['npx', 'tsx', 'tests/reliability/events-load.ts', '1000', '9', '--postgres', '3'],
  },
  {
    id: 'pg-sync-3',
    title: 'library sync load on PostgreSQL: 50 reps, 10,000 items, pages from three instances in turn',
    command: ['npx', 'tsx', 'tests/reliability/sync-load.ts', '50', '10000', '--postgres', '3'],
  },
  {
    id: 'pg-kill',
    title: 'three instances on PostgreSQL, one SIGKILLed mid-upload and another mid-sync',
    command: ['npx', 'tsx', 'tests/reliability/instance-kill.ts'],
  },
  {
    id: 'stats-volume',
    title: 'GET /api/v1/stats for 30 days over 10 million events (a year of 2,000 reps), generated in SQL',
    command: ['npx', 'tsx', 'tests/reliability/stats-volume.ts', '10000000', '2000'],
  },
  {
    id: 'browser',
    title: 'browser attacks in Chromium (also in npm test): runtime messages, page forgeries, XSS, storage full, the outbox at 50,000, host-page cost',
    command: ['npx', 'vitest', 'run', '--project', 'reliability-browser', '--exclude', 'tests/reliability/browser/worker-death.test.ts'],
    // The full outbox takes Chromium 15 s to fill; more bursts make the host-page figures steadier.
    env: { QUIVER_RELIABILITY_LONG: '1', QUIVER_HOST_BURSTS: '20' },
  },
  {
    id: 'worker-kill',
    title: 'MV3 worker stopped at random during a 5,000-item sync and a 3,000-event upload (Chromium, CDP)',
    command: ['npx', 'vitest', 'run', '--project', 'reliability-browser', 'tests/reliability/browser/worker-death.test.ts'],
    env: { QUIVER_KILL_ITEMS: '5000', QUIVER_KILL_EVENTS: '3000', QUIVER_KILLS: '8', QUIVER_MAX_KILLS: '60', QUIVER_KILL_LATENCY_MS: '500' },
  },
];

/** Attacks not written yet: each becomes a step when it is. */
const PENDING = [];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((id) => !STEPS.some((s) => s.id === id));
if (unknown.length > 0) {
  console.error(`unknown step(s): ${unknown.join(', ')}; steps are ${STEPS.map((s) => s.id).join(', ')}`);
  process.exit(2);
}
const steps = wanted.length > 0 ? STEPS.filter((s) => wanted.includes(s.id)) : STEPS;

const workDir = mkdtempSync(path.join(tmpdir(), 'quiver-reliability-'));

/** Runs a step with its output in a log file; resolves to its exit status, seconds and figures. */
function runStep(step) {
  const logFile = path.join(workDir, `${step.id}.log`);
  const figuresFile = path.join(workDir, `${step.id}.jsonl`);
  return new Promise((resolve) => {
    const started = Date.now();
    const [cmd, ...args] = step.command;
    const child = spawn(cmd, args, {
      env: { ...process.env, ...step.env, QUIVER_RELIABILITY_FIGURES: figuresFile, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => {
      writeFileSync(logFile, output);
      const figures = existsSync(figuresFile)
        ? readFileSync(figuresFile, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => JSON.parse(line))
        : [];
      resolve({ code: code ?? 1, seconds: (Date.now() - started) / 1000, output, logFile, figures });
    });
  });
}

const ran = [];
for (const step of steps) {
  process.stdout.write(`… ${step.title}\n`);
  const result = await runStep(step);
  ran.push({ step, ...result });
  process.stdout.write(`${result.code === 0 && result.figures.length > 0 ? '✓' : '✗'} ${step.id} (${result.seconds.toFixed(0)} s)\n`);
}

const figures = ran.flatMap((r) => r.figures);

const meets = (f) => (f.atLeast === undefined || f.value >= f.atLeast) && (f.atMost === undefined || f.value <= f.atMost);
const bound = (f) =>
  f.atLeast !== undefined && f.atLeast === f.atMost
    ? `must be ${f.atLeast}`
    : [f.atLeast !== undefined ? `≥ ${f.atLeast}` : '', f.atMost !== undefined ? `≤ ${f.atMost}` : ''].filter(Boolean).join(', ');

const lines = [];
lines.push(
  '',
  `QUIVER RELIABILITY REPORT — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version}, ${cpus().length} cores`,
  '',
);
for (const [item, title] of Object.entries(ITEMS)) {
  const own = figures.filter((f) => String(f.item) === item);
  const pending = PENDING.filter((p) => String(p.item) === item);
  if (own.length === 0 && pending.length === 0) continue;
  lines.push(`${item}. ${title}`);
  const width = Math.max(0, ...own.map((f) => f.name.length));
  for (const f of own) {
    const judged = f.atLeast !== undefined || f.atMost !== undefined;
    const mark = !judged ? ' ' : meets(f) ? '✓' : '✗';
    const value = `${f.value}${f.unit ? ` ${f.unit}` : ''}`;
    lines.push(`   ${mark} ${f.name.padEnd(width)}  ${value}${judged ? `   (${bound(f)})` : ''}`);
  }
  for (const p of pending) lines.push(`   … not yet measured: ${p.what}`);
  lines.push('');
}

const missed = figures.filter((f) => !meets(f));
const failedSteps = ran.filter((r) => r.code !== 0);
// A step that measured nothing proved nothing, whatever its exit status.
const silentSteps = ran.filter((r) => r.figures.length === 0);
lines.push('Steps');
for (const r of ran) {
  const mark = r.code === 0 && r.figures.length > 0 ? '✓' : '✗';
  lines.push(
    `   ${mark} ${r.step.id.padEnd(12)} ${r.seconds.toFixed(0).padStart(4)} s   ${r.step.title}${r.figures.length === 0 ? ' — recorded no figures' : ''}`,
  );
}
lines.push('');
for (const r of failedSteps) {
  lines.push(`--- ${r.step.id} failed (exit ${r.code}); the end of its output (all of it in ${r.logFile}):`);
  lines.push(...r.output.trimEnd().split('\n').slice(-60), '');
}
const judgedCount = figures.filter((f) => f.atLeast !== undefined || f.atMost !== undefined).length;
const ok = missed.length === 0 && failedSteps.length === 0 && silentSteps.length === 0;
lines.push(
  ok
    ? `RESULT: every bound met (${judgedCount} judged figures, ${figures.length} in all)`
    : `RESULT: FAILED — ${missed.length} bound(s) missed, ${failedSteps.length} step(s) failed, ${silentSteps.length} step(s) recorded no figures`,
);
console.log(lines.join('\n'));
process.exitCode = ok ? 0 : 1;
