/**
 * Writes the pre-split dataset into the (scratch) Neo4j the process is connected to, through the production
 * projection writers: the evaluated recommender reads exactly the graph shape the app reads.
 */
import { countries } from '../../prisma/reference/countries';
import { themeRows } from '../../prisma/reference/themes';
import { getDriver, writeTx } from '../../src/lib/server/platform/neo4j';
import { recountAllPartners } from '../../src/lib/server/projection/partner-counts';
import { organizationProjector } from '../../src/lib/server/projection/project-organizations';
import { partnershipProjector } from '../../src/lib/server/projection/project-partnerships';
import { countryProjector, themeProjector } from '../../src/lib/server/projection/project-reference';
import type { EvalOrganization, EvalPartnership } from './dataset';

const BATCH = 2_000;

async function inBatches<T>(rows: T[], write: (batch: T[]) => Promise<void>, onProgress?: (done: number) => void) {
  for (let i = 0; i < rows.length; i += BATCH) {
    await write(rows.slice(i, i + BATCH));
    onProgress?.(Math.min(i + BATCH, rows.length));
  }
}

/**
 * Empties the graph but keeps migration records (constraints and indexes stay): relationships first, then nodes,
 * in batches small enough for the transaction memory limit.
 */
export async function emptyGraph(): Promise<void> {
  const batches = [
    'MATCH (a)-[r]->(b) WHERE NOT a:GraphMigration WITH r LIMIT 20000 DELETE r RETURN count(*) AS n',
    'MATCH (n) WHERE NOT n:GraphMigration WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS n'
  ];
  for (const query of batches) {
    for (;;) {
      const deleted = await writeTx(async (tx) => Number((await tx.run(query)).records[0].get('n')));
      if (deleted === 0) break;
    }
  }
}

export async function loadGraph(
  organizations: EvalOrganization[],
  partnerships: EvalPartnership[],
  archived: ReadonlySet<string>,
  log: (line: string) => void
): Promise<void> {
  await writeTx(async (tx) => {
    await themeProjector.write(
      tx,
      themeRows().map((t) => ({ id: t.id, slug: t.slug, parentId: t.parentId, nameEn: t.nameEn }))
    );
    await countryProjector.write(
      tx,
      countries.map((c) => ({ id: c.code, nameEn: c.nameEn, region: c.region, isEurope: c.isEurope }))
    );
  });
  const orgRows = organizations.map((o) => ({
    id: o.id,
    slug: o.slug,
    name: o.name,
    type: o.type,
    archived: archived.has(o.id),
    levels: o.levels,
    languages: o.languages,
    hqCountry: o.hqCountry,
    foundedYear: o.foundedYear,
    themeIds: o.themes,
    countryCodes: o.countries
  }));
  await inBatches(
    orgRows,
    (batch) => writeTx((tx) => organizationProjector.write(tx, batch)),
    (n) => (n % 10_000 < BATCH || n === orgRows.length ? log(`organisations ${n}/${orgRows.length}`) : undefined)
  );
  const relRows = partnerships.map((p) => ({
    id: p.id,
    kind: p.kind,
    status: p.status,
    visibility: p.visibility,
    startDate: p.startDate,
    endDate: p.endDate,
    orgA: p.a,
    orgB: p.b,
    themeIds: p.themes
  }));
  await inBatches(
    relRows,
    (batch) => writeTx((tx) => partnershipProjector.write(tx, batch, { deferDerived: true })),
    (n) => (n % 20_000 < BATCH || n === relRows.length ? log(`partnerships ${n}/${relRows.length}`) : undefined)
  );
  // Each organisation's partner counts once, now that all its partnerships are in (as graph:rebuild does).
  log(`partner counts of ${await recountAllPartners(getDriver())} organisations`);
}
