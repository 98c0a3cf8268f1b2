/**
 * Partnership → one (a)-[:PARTNERS_WITH]->(b) relationship per row, directed orgA (proposer) → orgB, for every
 * status: queries match it undirected and keep only what `visiblePartnership('r')` allows. `orgA`/`orgB` are
 * copied onto the relationship because the visibility predicate reads them.
 */
import { Prisma } from '../db/generated/client';
import { sorted } from './checksum';
import { relChecks } from './graph-helpers';
import { plain } from './graph-values';
import { keyedLoaders, tableChecks } from './sql-helpers';
import { recountPartners } from './partner-counts';
import type { Cypher, Plain, Projector, WriteOptions } from './types';

export interface PartnershipRecord {
  id: string;
  kind: string;
  status: string;
  visibility: string;
  /** 'YYYY-MM-DD' or null; written as a Cypher `date`. */
  startDate: string | null;
  endDate: string | null;
  orgA: string;
  orgB: string;
  themeIds: string[];
}

const partnershipRows = keyedLoaders<PartnershipRecord>(
  Prisma.sql`
    SELECT p.id, p.kind::text AS kind, p.status::text AS status, p.visibility::text AS visibility,
           to_char(p."startDate", 'YYYY-MM-DD') AS "startDate", to_char(p."endDate", 'YYYY-MM-DD') AS "endDate",
           p."orgAId" AS "orgA", p."orgBId" AS "orgB",
           ARRAY(SELECT pt."themeId" FROM "PartnershipTheme" pt WHERE pt."partnershipId" = p.id) AS "themeIds"
    FROM "Partnership" p`,
  'p.id'
);

// Endpoints are MERGEd (not MATCHed) so the edge is never silently dropped when an organisation's own outbox row
// is projected later or by another server; the organisation projection fills in the node's properties.
// A relationship with the same id between other endpoints (which the app never does, but a bad import could)
// is deleted first, so one id always means one relationship.
// Returns the ends such a move left, whose partner counts changed too.
const WRITE = `
UNWIND $rows AS row
MERGE (a:Organization {id: row.orgA})
MERGE (b:Organization {id: row.orgB})
WITH row, a, b
CALL (row, a, b) {
  OPTIONAL MATCH (x)-[old:PARTNERS_WITH {id: row.id}]->(y) WHERE x <> a OR y <> b
  DELETE old
  RETURN collect(x.id) + collect(y.id) AS formerEnds
}
MERGE (a)-[r:PARTNERS_WITH {id: row.id}]->(b)
SET r.kind = row.kind, r.status = row.status, r.visibility = row.visibility,
    r.startDate = date(row.startDate), r.endDate = date(row.endDate),
    r.orgA = row.orgA, r.orgB = row.orgB, r.themeIds = row.themeIds
WITH formerEnds
UNWIND formerEnds AS formerEnd
RETURN DISTINCT formerEnd`;

/** Writes the rows; then both ends' partner counts are recomputed (unless deferred, for graph:rebuild). */
async function write(tx: Cypher, rows: PartnershipRecord[], opts: WriteOptions = {}): Promise<void> {
  if (rows.length === 0) return;
  const result = await tx.run(WRITE, { rows });
  if (opts.deferDerived) return;
  const formerEnds = result.records.map((r) => r.get('formerEnd') as string);
  await recountPartners(tx, [...rows.flatMap((row) => [row.orgA, row.orgB]), ...formerEnds]);
}

async function remove(tx: Cypher, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const result = await tx.run(
    `UNWIND $ids AS id MATCH (a)-[r:PARTNERS_WITH {id: id}]->(b) DELETE r RETURN a.id AS a, b.id AS b`,
    { ids }
  );
  await recountPartners(
    tx,
    result.records.flatMap((r) => [r.get('a') as string, r.get('b') as string])
  );
}

function fingerprint(row: PartnershipRecord): Record<string, Plain> {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    visibility: row.visibility,
    startDate: row.startDate,
    endDate: row.endDate,
    orgA: row.orgA,
    orgB: row.orgB,
    themeIds: sorted(row.themeIds),
    from: row.orgA,
    to: row.orgB
  };
}

async function readGraph(tx: Cypher, ids: string[]): Promise<Record<string, Plain>[]> {
  const result = await tx.run(
    `UNWIND $ids AS id
     MATCH (a)-[r:PARTNERS_WITH {id: id}]->(b)
     RETURN r.id AS id, r.kind AS kind, r.status AS status, r.visibility AS visibility,
            r.startDate AS startDate, r.endDate AS endDate, r.orgA AS orgA, r.orgB AS orgB,
            r.themeIds AS themeIds, a.id AS from, b.id AS to`,
    { ids }
  );
  return result.records.map((r) => ({
    id: plain(r.get('id')),
    kind: plain(r.get('kind')),
    status: plain(r.get('status')),
    visibility: plain(r.get('visibility')),
    startDate: plain(r.get('startDate')),
    endDate: plain(r.get('endDate')),
    orgA: plain(r.get('orgA')),
    orgB: plain(r.get('orgB')),
    themeIds: sorted(r.get('themeIds')),
    from: plain(r.get('from')),
    to: plain(r.get('to'))
  }));
}

export const partnershipProjector: Projector<PartnershipRecord> = {
  aggregate: 'Partnership',
  graphName: '[:PARTNERS_WITH]',
  load: partnershipRows.load,
  loadPage: partnershipRows.loadPage,
  write,
  remove,
  fingerprint,
  readGraph,
  ...tableChecks('Partnership'),
  ...relChecks('PARTNERS_WITH')
};
