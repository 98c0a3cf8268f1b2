/** Evaluation results as the markdown report (docs/evaluation.md) and the JSON a machine compares (evaluation.json). */
import { FEATURES } from '../../src/lib/server/matchmaking/ranking/model';
import type { Summary } from './metrics';
import { BASELINES, LIST_LENGTH, type EvaluationResult, type MethodResult } from './run';

export interface DatasetRun {
  name: string;
  description: string;
  result: EvaluationResult;
}

export const GROUPS = ['existing', 'newcomers', 'all'] as const;
type Group = (typeof GROUPS)[number];
/** The production recommender must reach this multiple of the best baseline (issue 10). */
export const TARGET_RATIO = 1.1;

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const dec = (x: number) => x.toFixed(3);

export interface Comparison {
  production: Summary;
  bestBaseline: { name: string; summary: Summary };
  /** production Hits@10 ÷ best baseline Hits@10 (null when the baseline scores 0). */
  ratio: number | null;
  targetMet: boolean;
}

export function compare(methods: Record<string, MethodResult>, group: Group): Comparison {
  const production = methods.recommender[group];
  const best = BASELINES.filter((b) => methods[b])
    .map((name) => ({ name, summary: methods[name][group] }))
    .sort((a, b) => b.summary.hitsAt10 - a.summary.hitsAt10 || b.summary.mrr - a.summary.mrr)[0];
  const ratio = best.summary.hitsAt10 > 0 ? production.hitsAt10 / best.summary.hitsAt10 : null;
  return {
    production,
    bestBaseline: best,
    ratio,
    targetMet: ratio === null ? production.hitsAt10 > 0 : ratio >= TARGET_RATIO
  };
}

function table(methods: Record<string, MethodResult>, group: Group): string {
  const lines = ['| method | queries | Hits@10 | Hits@50 | MRR |', '| --- | ---: | ---: | ---: | ---: |'];
  for (const [name, result] of Object.entries(methods)) {
    const s = result[group];
    const label = name === 'recommender' ? '**recommender (production)**' : name;
    lines.push(`| ${label} | ${s.queries} | ${pct(s.hitsAt10)} | ${pct(s.hitsAt50)} | ${dec(s.mrr)} |`);
  }
  return lines.join('\n');
}

function summaryTable(runs: DatasetRun[]): string {
  const lines = [
    '| dataset | organisations | production Hits@10 | best baseline | its Hits@10 | ratio | ≥ 1.1× |',
    '| --- | --- | ---: | --- | ---: | ---: | :---: |'
  ];
  for (const run of runs) {
    for (const group of ['existing', 'newcomers'] as const) {
      const c = compare(run.result.methods, group);
      lines.push(
        `| ${run.name} | ${group} (${c.production.queries}) | ${pct(c.production.hitsAt10)} | ${c.bestBaseline.name} | ` +
          `${pct(c.bestBaseline.summary.hitsAt10)} | ${c.ratio === null ? '—' : `${c.ratio.toFixed(2)}×`} | ${c.targetMet ? 'yes' : '**no**'} |`
      );
    }
  }
  return lines.join('\n');
}

function modelSection(result: EvaluationResult): string {
  const m = result.model;
  const held = (group: 'existing' | 'newcomer') => {
    const h = m.heldOut[group];
    if (!h) return 'not scored';
    const simpler =
      h.best && h.best !== h.chosen
        ? ` (best: ${h.best}, ${pct(h.options?.[h.best] ?? 0)}, within one paired standard error: ` +
          `${((h.standardError ?? 0) * 100).toFixed(1)} points)`
        : '';
    const served = h.chosen ? `serves **${h.chosen}**${simpler}; ` : '';
    return `${served}${h.queries} queries of the fit's own history: Hits@10 ${pct(h.hitsAt10)} (prior ${pct(h.priorHitsAt10)}, popularity ${pct(h.popularityHitsAt10)})`;
  };
  // Every option the rank-aware selection scored (ranking/select.ts), per group.
  const optionNames = [
    ...new Set([...Object.keys(m.heldOut.existing?.options ?? {}), ...Object.keys(m.heldOut.newcomer?.options ?? {})])
  ];
  const options = ['| option (Hits@10 on the fit history) | existing | newcomer |', '| --- | ---: | ---: |'];
  const opt = (group: 'existing' | 'newcomer', name: string) => {
    const v = m.heldOut[group]?.options?.[name];
    return v === undefined ? '—' : pct(v);
  };
  for (const name of optionNames) options.push(`| ${name} | ${opt('existing', name)} | ${opt('newcomer', name)} |`);
  const weights = ['| feature | existing | newcomer |', '| --- | ---: | ---: |'];
  for (const f of ['bias', ...FEATURES] as const)
    weights.push(`| ${f} | ${dec(m.existing[f])} | ${dec(m.newcomer[f])} |`);
  return `Ranking model: **${m.source}**${m.window ? `, ties before ${m.window.cutoff} predicting new ties in [${m.window.cutoff}, ${m.window.asOf})` : ''}.
Existing: ${held('existing')}, ${m.examples.existing} candidate rows. Newcomers: ${held('newcomer')}, ${m.examples.newcomer} candidate rows.${m.note ? `\nNote: ${m.note}.` : ''}

<details><summary>Fitted weights (log-odds per unit of each feature)</summary>

${weights.join('\n')}

</details>${
    optionNames.length
      ? `

<details><summary>Options scored by the selection (fitted ones cross-validated over queries)</summary>

${options.join('\n')}

</details>`
      : ''
  }`;
}

function datasetSection(run: DatasetRun): string {
  const { result } = run;
  const d = result.dataset;
  const w = d.warnings;
  const o = result.options;
  return `## ${run.name}

${run.description}. Split at **${o.split}**; sample up to ${o.sample ?? 'all'} existing and ${o.sample ?? 'all'} newcomers (seed ${o.seed ?? 42}).

| | |
| --- | ---: |
| organisations (with themes / with countries) | ${d.organizations} (${d.organizationsWithThemes} / ${d.organizationsWithCountries}) |
| partnerships (before the split) | ${d.partnerships} (${d.partnershipsBeforeSplit}) |
| new partnerships after the split | ${result.candidates.newPartnerships} |
| organisations gaining partners (newcomers among them) | ${result.candidates.organizations} (${result.candidates.newcomers}) |
| rows dropped: unknown themes / countries, dangling / self partnerships | ${w.unknownThemes} / ${w.unknownCountries}, ${w.danglingPartnerships} / ${w.selfPartnerships} |

${modelSection(result)}

### Existing organisations (had a partner before the split)

${table(result.methods, 'existing')}

### Newcomers (no partner before the split)

${table(result.methods, 'newcomers')}

### All (existing and newcomers weighted by their share of organisations gaining partners)

${table(result.methods, 'all')}

Recommender latency during the run: median ${result.latency.median.toFixed(1)} ms, p95 ${result.latency.p95.toFixed(1)} ms
over ${result.latency.calls} calls (top ${LIST_LENGTH}, end to end through the driver, one at a time). ${result.durationSeconds} s in all.
`;
}

export function formatReport(runs: DatasetRun[], command: string): string {
  return `# Recommender evaluation

Generated by \`${command}\`. Re-run it after changing the recommender (\`src/lib/server/matchmaking/\`,
docs/decisions/0006-recommendation-score.md, 0012-learned-ranking.md, 0021, 0032, 0048, 0051); the same figures are in
docs/evaluation.json.

## Summary (Hits@10, production vs the best baseline of the same run)

${summaryTable(runs)}

## Method

- **Temporal split.** Each dataset is loaded as it stood on the split date (partnerships that started before it;
  an ENDED one still running then counts as CONFIRMED) into a scratch Neo4j, through the production projection
  writers. Partnerships starting on or after the split are hidden and are the answers.
- **The deployment's own refit runs on that graph** (public partner counts, then the learned ranking fitted on
  the loaded history only: ties before an earlier cutoff predicting the new ties up to the split), exactly as
  \`npm run analytics:refresh\` does on a deployment. The hidden future is never seen by the fit.
- **Queries:** organisations that gained at least one *new* partner after the split (a pair with no partnership
  row before it), not archived: a seeded sample of existing organisations and one of **newcomers** (no confirmed
  or ended partnership before the split).
- **Recommender:** the production \`recommendPartners\` (the same Cypher query and model), asked by a member of
  the organisation (sees public, members-only and its own private partnerships), top ${LIST_LENGTH}.
- **Baselines** on the same graph, visibility and exclusions (the organisation, its visible partners, archived
  organisations): most connected (visible partner count); common neighbours and Adamic-Adar, each **filled up by
  popularity** when partners of partners run out; same-country popularity (organisations sharing a headquarters
  or operating country, those without a country forming one group, filled up by popularity); random.
- **Metrics** per query: Hits@k = at least one new partner in the top k; MRR = 1 / rank of the first new partner
  (0 if not in the top ${LIST_LENGTH}), averaged over queries.

${runs.map(datasetSection).join('\n')}`;
}

/** The same figures for machines: one entry per dataset, every method and group, and the comparison. */
export function formatJson(runs: DatasetRun[], command: string): string {
  return `${JSON.stringify(
    {
      command,
      targetRatio: TARGET_RATIO,
      datasets: runs.map((run) => ({
        name: run.name,
        description: run.description,
        options: run.result.options,
        dataset: run.result.dataset,
        candidates: run.result.candidates,
        methods: run.result.methods,
        comparison: Object.fromEntries(GROUPS.map((g) => [g, compare(run.result.methods, g)])),
        model: run.result.model,
        latency: run.result.latency,
        durationSeconds: run.result.durationSeconds
      }))
    },
    null,
    2
  )}\n`;
}
