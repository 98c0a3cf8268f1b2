/**
 * npx tsx tools/cli/coalition-plans.ts [--inputs 10] [--seed 42]
 *
 * The coalition candidate statement's two plans (decision 0058) under Neo4j's PROFILE, on the benchmark's stores
 * and inputs (run `npm run bench -- --setup-only` first; `DATABASE_URL` / `DATA_DIR` pick a larger dataset): for
 * each input, the join's two sides (ties on the requested countries and themes, the figures the plan is chosen
 * by), then per plan — one hash join (forced, whatever the sides) and one country at a time (a budget of 0) —
 * the database hits, the memory its operators reported (summed: an upper bound of the transaction's peak) and the
 * rows. Reproduces the table of decision 0058 on any graph size.
 */
import neo4j from 'neo4j-driver';
import type { ProfiledPlan } from 'neo4j-driver';
import { candidatesPerCell } from '../../src/lib/server/matchmaking/coalition';
import { COALITION_CANDIDATES, COALITION_JOIN_SIDES } from '../../src/lib/server/matchmaking/coalition-query';
import { visibilityParams } from '../../src/lib/server/access/visibility-cypher';
import { coalitionQuestion } from '../bench/questions/coalition';
import { profileRun } from '../bench/profile-run';
import { ANONYMOUS } from '../bench/visibility';

function totals(plan: ProfiledPlan): { hits: number; memory: number } {
  const own = { hits: plan.dbHits, memory: Number(plan.arguments['Memory'] ?? 0) };
  return plan.children.map(totals).reduce((a, b) => ({ hits: a.hits + b.hits, memory: a.memory + b.memory }), own);
}

async function main() {
  await profileRun(async ({ inputs, rng, pools, inRead }) => {
    for (let n = 0; n < inputs; n++) {
      const { themes, countries } = coalitionQuestion.pick(rng, pools);
      const lists = { themes, countries, include: [], exclude: [] };
      const sides = (await inRead((tx) => tx.run(COALITION_JOIN_SIDES, lists))).records[0];
      const line = [`input ${n}: country side ${sides.get('countrySide')}, theme side ${sides.get('themeSide')} ties`];
      for (const [plan, joinBudget] of [
        ['one join', Number.MAX_SAFE_INTEGER],
        ['per country', 0]
      ] as const) {
        const params = {
          ...lists,
          perCell: neo4j.int(candidatesPerCell(themes.length, countries.length)),
          joinBudget: neo4j.int(joinBudget),
          ...visibilityParams(ANONYMOUS)
        };
        const result = await inRead((tx) => tx.run(`PROFILE ${COALITION_CANDIDATES}`, params)).catch(
          (error: Error) => error
        );
        if (result instanceof Error) {
          line.push(`  ${plan}: ${result.message.split('\n')[0]}`);
          continue;
        }
        const { hits, memory } = totals(result.summary.profile as ProfiledPlan);
        line.push(`  ${plan}: ${hits} db hits, ${(memory / 1e6).toFixed(1)} MB, ${result.records.length} candidates`);
      }
      console.log(line.join('\n'));
    }
  });
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
