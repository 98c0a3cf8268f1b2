/**
 * npm run eval:matchmaking -- --orgs <organizations.csv> --partnerships <partnerships.csv> --split <YYYY-MM-DD>
 *                             [--report docs/evaluation.md] [--sample 1000] [--seed 42] [--ablation]
 *                             [--variant 'name={"network":0.4,"popularity":0.1}' …] [--dataset '<note>']
 *                             [--scratch-neo4j bolt://host:port [--reuse-graph]]
 *
 * Offline evaluation of the partner recommender (Hits@10, Hits@50, MRR against baselines, overall and for
 * newcomers) on a temporal split of CSV files in the import format (docs/data-formats.md); see
 * tools/evaluation/run.ts. The graph is loaded into a throw-away Neo4j started in a temporary
 * folder, or into the Neo4j named by --scratch-neo4j (password from NEO4J_PASSWORD), WHICH IS EMPTIED FIRST.
 * --reuse-graph skips loading when a previous run loaded the same files and split there (for tuning). No PostgreSQL
 * is needed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const USAGE = `usage: npm run eval:matchmaking -- --orgs <file> --partnerships <file> --split <YYYY-MM-DD>
         [--report <file.md>] [--sample <n>] [--seed <n>] [--ablation] [--variant 'name={json weights}' …]
         [--dataset '<how the files were made>']
         [--scratch-neo4j <bolt uri> [--reuse-graph]]`;

const EVAL_NEO4J_PASSWORD = 'atlas-eval-password';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      orgs: { type: 'string' },
      partnerships: { type: 'string' },
      split: { type: 'string' },
      report: { type: 'string' },
      sample: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '42' },
      ablation: { type: 'boolean', default: false },
      variant: { type: 'string', multiple: true, default: [] },
      'scratch-neo4j': { type: 'string' },
      'reuse-graph': { type: 'boolean', default: false },
      dataset: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false }
    }
  });
  const problems: string[] = [];
  if (!values.orgs) problems.push('--orgs: the organisations CSV is required');
  if (!values.partnerships) problems.push('--partnerships: the partnerships CSV is required');
  if (!values.split || !/^\d{4}-\d{2}-\d{2}$/.test(values.split) || Number.isNaN(Date.parse(values.split))) {
    problems.push('--split: must be a date like 2024-01-01');
  }
  const sample = values.sample === 'all' ? undefined : Number(values.sample);
  if (sample !== undefined && (!Number.isInteger(sample) || sample < 1))
    problems.push('--sample: must be a positive whole number or "all"');
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) problems.push('--seed: must be a whole number');
  // --variant 'name={"network":0.4}': extra weightings (over the production ones) evaluated on the same queries.
  const custom: Record<string, Record<string, number>> = {};
  for (const spec of values.variant ?? []) {
    const eq = spec.indexOf('=');
    try {
      const weights = JSON.parse(spec.slice(eq + 1)) as Record<string, number>;
      if (eq < 1 || typeof weights !== 'object' || Object.values(weights).some((v) => typeof v !== 'number'))
        throw new Error();
      custom[spec.slice(0, eq)] = weights;
    } catch {
      problems.push(`--variant: "${spec}" is not name={"weight":number,…}`);
    }
  }
  if (values['reuse-graph'] && !values['scratch-neo4j']) problems.push('--reuse-graph: only with --scratch-neo4j');
  if (values.help || problems.length > 0) {
    for (const p of problems) console.error(p);
    console.error(USAGE);
    return 2;
  }
  const log = (line: string) => console.error(`[eval] ${line}`);

  const cleanups: (() => Promise<void> | void)[] = [];
  // Ctrl-C: stop the temporary Neo4j and remove its folder before exiting.
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: cleaning up`);
    void (async () => {
      for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => {});
      process.exit(130);
    })();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    if (values['scratch-neo4j']) {
      process.env.NEO4J_URI = values['scratch-neo4j'];
      log(`using the scratch Neo4j at ${values['scratch-neo4j']} (it is emptied first)`);
    } else {
      const { ensureNeo4jJars, startLocalNeo4j } = await import('../local-stores/local-neo4j');
      const { freePort } = await import('../process/ports');
      await ensureNeo4jJars();
      const dataDir = mkdtempSync(join(tmpdir(), 'atlas-eval-neo4j-'));
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      log('starting a temporary Neo4j for the evaluation …');
      const neo4j = await startLocalNeo4j({
        dataDir,
        boltPort: await freePort(),
        password: EVAL_NEO4J_PASSWORD,
        heap: '2g'
      });
      cleanups.push(() => neo4j.stop());
      process.env.NEO4J_URI = neo4j.uri;
      process.env.NEO4J_PASSWORD = EVAL_NEO4J_PASSWORD;
    }
    const { closeDriver } = await import('../../src/lib/server/graph/driver');
    cleanups.push(() => closeDriver());
    const { applyGraphMigrations } = await import('../../src/lib/server/graph/migrations');
    await applyGraphMigrations();

    const { runEvaluation } = await import('../evaluation/run');
    const { formatReport } = await import('../evaluation/report');
    const { SCORE_WEIGHTS } = await import('../../src/lib/server/matchmaking/score');
    const result = await runEvaluation({
      organizationsPath: values.orgs!,
      partnershipsPath: values.partnerships!,
      split: values.split!,
      sample,
      seed,
      reuseGraph: values['reuse-graph'],
      dataset: values.dataset,
      // Ablations: each term family alone, to show what each contributes (same queries, same graph).
      variants: {
        ...(values.ablation
          ? {
              'recommender, structure only': {
                weights: { network: 1, theme: 0, geography: 0, complement: 0, popularity: 0 }
              },
              'recommender, profile only': { weights: { ...SCORE_WEIGHTS, network: 0 } }
            }
          : {}),
        ...Object.fromEntries(
          Object.entries(custom).map(([name, weights]) => [name, { weights: { ...SCORE_WEIGHTS, ...weights } }])
        )
      },
      log
    });
    const command = [
      'npm run eval:matchmaking --',
      `--orgs ${values.orgs} --partnerships ${values.partnerships} --split ${values.split}`,
      `--sample ${values.sample}`,
      values.ablation ? '--ablation' : ''
    ]
      .filter(Boolean)
      .join(' ');
    const markdown = formatReport(result, command);
    if (values.report) {
      writeFileSync(values.report, markdown);
      log(`report written to ${values.report}`);
    }
    console.log(markdown);
    return 0;
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`eval:matchmaking failed: ${error.stack ?? error.message}`);
    process.exit(1);
  }
);
