// Item 4, long run: `npx tsx tests/reliability/flaky-upload-run.ts [rounds] [seed]`.
// 100 rounds of outbox uploads through the fault-injecting proxy; prints its figures and
// exits non-zero if any event was lost, doubled or left behind, or if no fault happened.
import './support/node-extension-env';
import { describeFigure, recordFigures } from './support/figures';
import { figuresMet, flakyFigures, runFlakyUploads } from './support/flaky-upload';

const rounds = Number(process.argv[2] ?? 100);
const seed = Number(process.argv[3] ?? Math.floor(Math.random() * 2 ** 31));

const outcome = await runFlakyUploads({ rounds, seed });
const figures = flakyFigures(outcome, rounds, `flaky network, ${rounds} rounds`);
recordFigures(figures);
console.log(`seed ${seed}, ${outcome.seconds.toFixed(1)} s; faults: ${JSON.stringify(outcome.faults)}`);
for (const f of figures) console.log(describeFigure(f));
// Every bound, the faults' included: a run the network never hurt proved nothing.
process.exitCode = figuresMet(figures) ? 0 : 1;
