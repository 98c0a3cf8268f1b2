/**
 * npx tsx tools/cli/partner-counts-profile.ts [--inputs 40] [--seed 42]
 *
 * What the stored partner counts (docs/decisions/0047-stored-partner-counts.md) change, on the benchmark's stores
 * and dataset (run `npm run bench -- --setup-only` first): for the benchmark's own recommendation and coalition
 * inputs (same seed), each statement with the stored counts and with the counts from each candidate's ties, as an
 * anonymous visitor and as a member of an organisation (the recommendation's subject; a random one for
 * coalitions): database hits (PROFILE; not affected by the machine's load), wall time (the two variants
 * interleaved per input, so a load change affects both alike) and whether both returned the same rows. Exits 1
 * if any answer differs.
 */
import { loadavg } from 'node:os';
import type { ProfiledPlan } from 'neo4j-driver';
import type { VisibilityParams } from '../../src/lib/server/access/viewer';
import { candidatesPerCell, fetchCandidates } from '../../src/lib/server/matchmaking/coalition';
import {
  COALITION_CANDIDATES,
  COALITION_CANDIDATES_LIVE_COUNTS
} from '../../src/lib/server/matchmaking/coalition-query';
import { RecommendInput, recommendParams } from '../../src/lib/server/matchmaking/recommend';
import { RECOMMEND, RECOMMEND_LIVE_COUNTS } from '../../src/lib/server/matchmaking/recommend-query';
import { latestRankingModel } from '../../src/lib/server/matchmaking/ranking/store';
import { PRIOR_MODEL } from '../../src/lib/server/matchmaking/ranking/model';
import { visibilityParams } from '../../src/lib/server/access/visibility-cypher';
import { int } from '../../src/lib/server/matchmaking/values';
import { coalitionQuestion } from '../bench/questions/coalition';
import { recommendationsQuestion } from '../bench/questions/recommendations';
import { profileRun } from '../bench/profile-run';
import { summarize } from '../bench/stats';
import { ANONYMOUS } from '../bench/visibility';

type Variant = 'stored' | 'live';

function dbHits(plan: ProfiledPlan): number {
  return plan.dbHits + plan.children.reduce((sum, child) => sum + dbHits(child), 0);
}

async function main() {
  let differing = 0;
  const load = [loadavg()[0]];
  const samples = await profileRun(async ({ inputs, rng, pools, log, samples, record, inRead }) => {
    const model = (await latestRankingModel()) ?? PRIOR_MODEL;
    const member = (orgId: string): VisibilityParams => ({ seeMembers: true, seeAll: false, orgIds: [orgId] });
    for (let n = 0; n < inputs; n++) {
      const { organizationId } = recommendationsQuestion.pick(rng, pools);
      const coalition = coalitionQuestion.pick(rng, pools);
      const lists = { ...coalition, include: [], exclude: [] };
      const coalitionMember = rng.pick(pools.organizations);
      const parsed = RecommendInput.parse({ organizationId, first: 10 });
      const runs: { key: string; statement: Record<Variant, string>; params: Record<string, unknown> }[] = [];
      const viewers = (memberOf: string) =>
        [
          ['anonymous', ANONYMOUS],
          ['member', member(memberOf)]
        ] as const;
      for (const [viewer, visibility] of viewers(organizationId)) {
        runs.push({
          key: `recommendations ${viewer}`,
          statement: { stored: RECOMMEND, live: RECOMMEND_LIVE_COUNTS },
          params: recommendParams(visibility, parsed, { model })
        });
      }
      for (const [viewer, visibility] of viewers(coalitionMember)) {
        const perCell = int(candidatesPerCell(lists.themes.length, lists.countries.length));
        runs.push({
          key: `coalition ${viewer}`,
          statement: { stored: COALITION_CANDIDATES, live: COALITION_CANDIDATES_LIVE_COUNTS },
          params: { ...lists, perCell, ...visibilityParams(visibility) }
        });
        // The answer compared is what the service makes of the rows: candidates with degrees, and the ties.
        const [stored, live] = await Promise.all(
          (['stored', 'live'] as const).map((v) =>
            inRead((tx) => fetchCandidates(tx, visibility, lists, { counts: v }))
          )
        );
        if (JSON.stringify(stored) !== JSON.stringify(live)) {
          differing += 1;
          log(`coalition ${viewer} input ${n}: stored and live candidates differ`);
        }
      }
      for (const run of runs) {
        const answers: Partial<Record<Variant, string>> = {};
        // Alternate which variant goes first, so neither always meets the warmer cache.
        const order: Variant[] = n % 2 === 0 ? ['stored', 'live'] : ['live', 'stored'];
        for (const variant of order) {
          const profiled = await inRead((tx) => tx.run(`PROFILE ${run.statement[variant]}`, run.params));
          record(`${run.key} ${variant} db hits`, dbHits(profiled.summary.profile as ProfiledPlan));
          const started = performance.now();
          const result = await inRead((tx) => tx.run(run.statement[variant], run.params));
          record(`${run.key} ${variant} ms`, performance.now() - started);
          answers[variant] = JSON.stringify(result.records.map((r) => r.toObject()));
        }
        if (answers.stored !== answers.live) {
          differing += 1;
          log(`${run.key} input ${n}: stored and live rows differ`);
        }
      }
      load.push(loadavg()[0]);
    }
    return samples;
  });
  for (const [key, values] of [...samples].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const s = summarize(values);
    const sum = values.reduce((a, b) => a + b, 0);
    console.log(
      `${key.padEnd(40)} p50 ${s.p50.toFixed(1).padStart(9)}  p95 ${s.p95.toFixed(1).padStart(9)}  sum ${sum.toFixed(0).padStart(10)}`
    );
  }
  console.log(`load average (1 min) during the run: ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)}`);
  console.log(differing === 0 ? 'same answers on every input' : `${differing} answer(s) DIFFER`);
  process.exit(differing === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
