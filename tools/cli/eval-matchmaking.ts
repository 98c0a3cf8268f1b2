/**
 * npm run eval:matchmaking -- --suite [--suite-config tools/evaluation/suite.json] [--only <name> …]
 *                             [--report docs/evaluation.md] [--json docs/evaluation.json] [--sample n] [--seed n]
 * npm run eval:matchmaking -- --orgs <organizations.csv[.gz]> --partnerships <partnerships.csv[.gz]> --split <YYYY-MM-DD>
 *                             [--report <file.md>] [--json <file.json>] [--sample 300] [--seed 42] [--ablation]
 *                             [--dataset '<note>'] [--scratch-neo4j bolt://host:port [--reuse-graph]]
 *
 * Offline evaluation of the partner recommender (Hits@10, Hits@50, MRR against baselines, for existing
 * organisations, newcomers and all) on temporal splits of CSV files in the import format (docs/data-formats.md);
 * see tools/evaluation/run.ts. --suite evaluates every dataset of the suite config (the real networks and the
 * generator) and writes docs/evaluation.md and docs/evaluation.json unless told otherwise. The graph is loaded into a
 * throw-away Neo4j started in a temporary folder, or into the Neo4j named by --scratch-neo4j (password from
 * NEO4J_PASSWORD), WHICH IS EMPTIED FIRST. --reuse-graph skips loading when a previous run loaded the same files and
 * split there (one dataset only). --ablation adds the prior weights as a variant. No PostgreSQL is needed.
 * Diagnostics: EVAL_DUMP=<file> appends one JSON line per query and method (first-hit rank, top 10), to compare
 * two runs query by query.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const USAGE = `usage: npm run eval:matchmaking -- --suite [--suite-config <file.json>] [--only <name> …]
         [--report <file.md>] [--json <file.json>] [--sample <n>] [--seed <n>]
       npm run eval:matchmaking -- --orgs <file> --partnerships <file> --split <YYYY-MM-DD>
         [--report <file.md>] [--json <file.json>] [--sample <n>] [--seed <n>] [--ablation]
         [--dataset '<how the files were made>'] [--scratch-neo4j <bolt uri> [--reuse-graph]]`;

const EVAL_NEO4J_PASSWORD = 'atlas-eval-password';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      suite: { type: 'boolean', default: false },
      'suite-config': { type: 'string', default: 'tools/evaluation/suite.json' },
      only: { type: 'string', multiple: true, default: [] },
      orgs: { type: 'string' },
      partnerships: { type: 'string' },
      split: { type: 'string' },
      report: { type: 'string' },
      json: { type: 'string' },
      sample: { type: 'string' },
      seed: { type: 'string', default: '42' },
      ablation: { type: 'boolean', default: false },
      'scratch-neo4j': { type: 'string' },
      'reuse-graph': { type: 'boolean', default: false },
      dataset: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false }
    }
  });
  const problems: string[] = [];
  if (!values.suite) {
    if (!values.orgs) problems.push('--orgs: the organisations CSV is required (or --suite)');
    if (!values.partnerships) problems.push('--partnerships: the partnerships CSV is required (or --suite)');
    if (!values.split || !/^\d{4}-\d{2}-\d{2}$/.test(values.split) || Number.isNaN(Date.parse(values.split))) {
      problems.push('--split: must be a date like 2024-01-01');
    }
  } else if (values.orgs || values.partnerships || values.split) {
    problems.push('--suite: takes its files and splits from the suite config, not --orgs/--partnerships/--split');
  }
  const sample = values.sample === undefined ? undefined : values.sample === 'all' ? Infinity : Number(values.sample);
  if (sample !== undefined && sample !== Infinity && (!Number.isInteger(sample) || sample < 1))
    problems.push('--sample: must be a positive whole number or "all"');
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) problems.push('--seed: must be a whole number');
  if (values['reuse-graph'] && (!values['scratch-neo4j'] || values.suite))
    problems.push('--reuse-graph: only with --scratch-neo4j and one dataset');
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
    interface Job {
      name: string;
      description: string;
      organizations: string;
      partnerships: string;
      split: string;
      sample: number | undefined;
    }
    const jobs: Job[] = [];
    const sampleOr = (fallback: number | undefined) => (sample === Infinity ? undefined : (sample ?? fallback));
    if (values.suite) {
      const { readSuite } = await import('../evaluation/suite');
      const entries = readSuite(resolve(values['suite-config']!), process.cwd()).filter(
        (e) => values.only!.length === 0 || values.only!.includes(e.name)
      );
      if (entries.length === 0) throw new Error(`--only: no dataset named ${values.only!.join(', ')} in the suite`);
      for (const entry of entries) {
        let { organizations, partnerships } = entry;
        if (entry.generate) {
          const { generateDataset, writeDataset } = await import('../seed/generator');
          const dir = mkdtempSync(join(tmpdir(), 'atlas-eval-generated-'));
          cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
          const paths = await writeDataset(generateDataset(entry.generate), dir);
          organizations = paths.organizations;
          partnerships = paths.partnerships;
          log(`${entry.name}: generated ${entry.generate.orgs} organisations (seed ${entry.generate.seed})`);
        }
        jobs.push({
          name: entry.name,
          description: entry.description,
          organizations: organizations!,
          partnerships: partnerships!,
          split: entry.split,
          sample: sampleOr(entry.sample)
        });
      }
    } else {
      jobs.push({
        name: values.dataset ?? 'dataset',
        description: values.dataset ?? `${values.orgs}, ${values.partnerships}`,
        organizations: values.orgs!,
        partnerships: values.partnerships!,
        split: values.split!,
        sample: sampleOr(300)
      });
    }

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
    const { closeDriver } = await import('../../src/lib/server/platform/neo4j');
    cleanups.push(() => closeDriver());
    const { applyGraphMigrations } = await import('../../src/lib/server/platform/graph-migrations');
    await applyGraphMigrations();

    const { runEvaluation } = await import('../evaluation/run');
    const { formatJson, formatReport } = await import('../evaluation/report');
    const { PRIOR_MODEL } = await import('../../src/lib/server/matchmaking/ranking/model');
    const runs = [];
    for (const job of jobs) {
      log(`── ${job.name}: ${job.organizations} + ${job.partnerships}, split ${job.split}`);
      const result = await runEvaluation({
        organizationsPath: job.organizations,
        partnershipsPath: job.partnerships,
        split: job.split,
        sample: job.sample,
        seed,
        reuseGraph: values['reuse-graph'],
        dataset: job.description,
        variants: values.ablation ? { 'recommender, prior weights': { model: PRIOR_MODEL } } : {},
        log
      });
      runs.push({ name: job.name, description: job.description, result });
    }
    const command = values.suite
      ? ['npm run eval:matchmaking -- --suite', values.sample ? `--sample ${values.sample}` : '']
          .filter(Boolean)
          .join(' ')
      : [
          'npm run eval:matchmaking --',
          `--orgs ${values.orgs} --partnerships ${values.partnerships} --split ${values.split}`,
          values.sample ? `--sample ${values.sample}` : '',
          values.ablation ? '--ablation' : ''
        ]
          .filter(Boolean)
          .join(' ');
    const markdown = formatReport(runs, command);
    const reportPath = values.report ?? (values.suite ? 'docs/evaluation.md' : undefined);
    const jsonPath = values.json ?? (values.suite ? 'docs/evaluation.json' : undefined);
    if (reportPath) {
      writeFileSync(reportPath, markdown);
      log(`report written to ${reportPath}`);
    }
    if (jsonPath) {
      writeFileSync(jsonPath, formatJson(runs, command));
      log(`figures written to ${jsonPath}`);
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
