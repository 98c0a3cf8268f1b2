/**
 * npx tsx tools/cli/coalition-profile.ts [--inputs 40] [--seed 42]
 *
 * Where a coalition's time goes, on the benchmark's stores and dataset (run `npm run bench -- --setup-only` first):
 * for the benchmark's own inputs (3 themes × 8 countries, same seed), the candidate statement (ties included),
 * the pool before and after pruning dominated candidates, the selection of the proposal alone and with its three
 * alternatives (as the API runs it), and how each was chosen (exact or greedy, proven optimal or not). Prints
 * medians and p95 per phase; no app server, no HTTP — the service code only.
 */
import { fetchCandidates } from '../../src/lib/server/matchmaking/coalition';
import { undominated } from '../../src/lib/server/matchmaking/prune-dominated';
import { selectCoalitions, type Selection } from '../../src/lib/server/matchmaking/select-coalition';
import { coalitionQuestion } from '../bench/questions/coalition';
import { profileRun } from '../bench/profile-run';
import { summarize } from '../bench/stats';
import { ANONYMOUS } from '../bench/visibility';

const ALTERNATIVES = 3;

async function main() {
  const endings = new Map<string, number>();
  const phases = await profileRun(async ({ inputs, rng, pools, samples, record, inRead }) => {
    for (let n = 0; n < inputs; n++) {
      const { themes, countries } = coalitionQuestion.pick(rng, pools);
      const lists = { themes, countries, include: [], exclude: [] };
      let started = performance.now();
      const fetched = await inRead((tx) => fetchCandidates(tx, ANONYMOUS, lists));
      record('candidates + ties (ms)', performance.now() - started);
      record('pool', fetched.candidates.length);
      record('ties in pool', fetched.ties.length);
      record('pool after pruning', undominated({ ...fetched, ...lists }).length);
      started = performance.now();
      const [proposal] = await selectCoalitions({ ...fetched, ...lists }, 0);
      record('select proposal (ms)', performance.now() - started);
      started = performance.now();
      const selections = await selectCoalitions({ ...fetched, ...lists }, ALTERNATIVES);
      record('select with alternatives (ms)', performance.now() - started);
      const tally = (ending: string) => endings.set(ending, (endings.get(ending) ?? 0) + 1);
      tally(`proposal ${describe(proposal)}`);
      for (const alternative of selections.slice(1)) tally(`alternative ${describe(alternative)}`);
    }
    return samples;
  });
  for (const [phase, samples] of phases) {
    const s = summarize(samples);
    console.log(`${phase.padEnd(26)} p50 ${s.p50.toFixed(1).padStart(7)}  p95 ${s.p95.toFixed(1).padStart(7)}`);
  }
  for (const [ending, count] of endings) console.log(`${ending.padEnd(26)} ${count}`);
}

/** How a coalition was chosen, as the API reports it. */
function describe(selection: Selection | undefined): string {
  if (!selection) return 'none';
  return `${selection.method}${selection.provenOptimal ? ', proven optimal' : ', not proven optimal'}`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
