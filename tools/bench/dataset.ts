/**
 * The benchmark dataset: the generator's synthetic ecosystem (tools/seed/generator.ts), loaded the way
 * `npm run seed -- --orgs N` loads it (CSV importer, then a graph rebuild) — or reused when it is already there,
 * because loading 20k organisations and ~200k partnerships takes minutes.
 *
 * "Already there" means: exactly N organisations carry the generator's external ids (gen-org-…), and the graph
 * holds as many organisations and partnerships as PostgreSQL (else only the graph is rebuilt). A different
 * number of generated organisations is refused rather than wiped: DATABASE_URL may point anywhere.
 */
import { cacheKey, readCache } from '../../src/lib/server/analytics/cache';
import { defaultYears, getThemeCountryMatrix, MatrixComputation } from '../../src/lib/server/analytics/service';
import { anonymous } from '../../src/lib/server/access/viewer';
import type { PrismaClient } from '../../src/lib/server/db/generated/client';
import { readRows } from '../../src/lib/server/platform/neo4j';
import { IMPORT_ORDER } from '../../src/lib/server/imports/columns';
import { importCsv } from '../../src/lib/server/imports/import-csv';
import { formatReport } from '../../src/lib/server/imports/report';
import { rebuildGraph } from '../../src/lib/server/projection/rebuild';
import { refreshPlannerStatistics } from '../../src/lib/server/imports/planner-statistics';
import { generateDataset, toCsv } from '../seed/generator';

/** The key prefix generateDataset gives organisations (`gen-org-000001` …). */
export const GENERATED_ORG_PREFIX = 'gen-org-';

export interface DatasetSize {
  organizations: number;
  partnerships: number;
  confirmedPartnerships: number;
  networks: number;
  grants: number;
  graphOrganizations: number;
  graphPartnerships: number;
}

export async function datasetSize(db: PrismaClient): Promise<DatasetSize> {
  const [organizations, partnerships, confirmedPartnerships, networks, grants] = await Promise.all([
    db.organization.count(),
    db.partnership.count(),
    db.partnership.count({ where: { status: 'CONFIRMED' } }),
    db.network.count(),
    db.grant.count()
  ]);
  const [graph] = await readRows<{ organizations: number; partnerships: number }>(
    `CALL () { MATCH (o:Organization) RETURN count(o) AS organizations }
     CALL () { MATCH (:Organization)-[r:PARTNERS_WITH]->(:Organization) RETURN count(r) AS partnerships }
     RETURN organizations, partnerships`,
    {}
  );
  return {
    organizations,
    partnerships,
    confirmedPartnerships,
    networks,
    grants,
    graphOrganizations: Number(graph?.organizations ?? 0),
    graphPartnerships: Number(graph?.partnerships ?? 0)
  };
}

async function importGenerated(db: PrismaClient, orgs: number, seed: number, log: (line: string) => void) {
  let started = performance.now();
  const dataset = generateDataset({ orgs, seed });
  log(`generated ${orgs} organisations (seed ${seed}) in ${Math.round(performance.now() - started)} ms`);
  for (const kind of IMPORT_ORDER) {
    started = performance.now();
    // In memory and produced by us: no file-size limit applies.
    const report = await importCsv(
      kind,
      { text: toCsv(kind, dataset[kind]) },
      { db, maxBytes: Number.MAX_SAFE_INTEGER }
    );
    if (!report.ok) throw new Error(`importing the generated ${kind} failed:\n${formatReport(report, 20)}`);
    log(`${formatReport(report)} in ${Math.round(performance.now() - started)} ms`);
  }
}

export async function ensureDataset(
  db: PrismaClient,
  opts: { orgs: number; seed: number; log: (line: string) => void }
): Promise<{ reused: boolean; size: DatasetSize }> {
  const generated = await db.organization.count({ where: { externalId: { startsWith: GENERATED_ORG_PREFIX } } });
  if (generated !== 0 && generated !== opts.orgs) {
    throw new Error(
      `the benchmark database holds ${generated} generated organisations, not ${opts.orgs}: run with --orgs ${generated}, ` +
        'or empty it first (npm run seed -- --reset with the same DATABASE_URL)'
    );
  }
  const reused = generated === opts.orgs;
  if (reused) opts.log(`reusing the generated dataset already in the database (${generated} organisations)`);
  else await importGenerated(db, opts.orgs, opts.seed, opts.log);
  // Every run, not only after the import: cheap when nothing changed, and a dataset loaded by an earlier version
  // (or where autovacuum is off, as on this project's machines) gets its statistics and visibility map too.
  await refreshPlannerStatistics(db, opts.log);

  let size = await datasetSize(db);
  if (size.graphOrganizations !== size.organizations || size.graphPartnerships !== size.partnerships) {
    opts.log(
      `rebuilding the graph (it has ${size.graphOrganizations} organisations and ${size.graphPartnerships} partnerships, ` +
        `PostgreSQL ${size.organizations} and ${size.partnerships})…`
    );
    const summary = await rebuildGraph({ db });
    if (summary.failed.length > 0) {
      throw new Error(
        `graph rebuild: ${summary.failed.length} rows failed, e.g. ${summary.failed[0]!.entity} ${summary.failed[0]!.id}: ${summary.failed[0]!.error}`
      );
    }
    opts.log(`graph rebuilt in ${Math.round(summary.durationMs / 1000)} s`);
    size = await datasetSize(db);
  }
  return { reused, size };
}

/**
 * The gap matrix is served from the analytics cache (computed once per visibility level); the benchmark times
 * serving it, so the anonymous level's default entry is computed first when it is missing (as the app would on
 * the first request, or `npm run analytics:refresh`). Returns how long computing took, null when it was cached.
 */
export async function ensureGapMatrix(): Promise<number | null> {
  if (await readCache(cacheKey(MatrixComputation, 'public', defaultYears().grants))) return null;
  const started = performance.now();
  await getThemeCountryMatrix(anonymous);
  return performance.now() - started;
}
