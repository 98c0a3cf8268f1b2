/**
 * Grant → (funder:Organization)-[:FUNDED]->(recipient:Organization). `orgA`/`orgB` (funder/recipient) let the
 * shared visibility predicate apply; `countryCodes` are where the money is spent (360Giving beneficiaryLocation).
 * The amount is a float in the graph (Cypher has no decimal): exact amounts live in PostgreSQL.
 */
import { Prisma } from '../db/generated/client';
import { sorted } from './checksum';
import { relChecks } from './graph-helpers';
import { plain } from './graph-values';
import { keyedLoaders, tableChecks } from './sql-helpers';
import type { Cypher, Plain, Projector } from './types';

export interface GrantRecord {
  id: string;
  amount: number;
  currency: string;
  /** 'YYYY-MM-DD'; written as a Cypher `date`. */
  awardDate: string;
  visibility: string;
  themeIds: string[];
  countryCodes: string[];
  funderId: string;
  recipientId: string;
}

const grantRows = keyedLoaders<GrantRecord>(
  Prisma.sql`
    SELECT g.id, g."amountAwarded"::float8 AS amount, g.currency::text AS currency,
           to_char(g."awardDate", 'YYYY-MM-DD') AS "awardDate", g.visibility::text AS visibility,
           ARRAY(SELECT gt."themeId" FROM "GrantTheme" gt WHERE gt."grantId" = g.id) AS "themeIds",
           ARRAY(SELECT gc."countryCode"::text FROM "GrantCountry" gc WHERE gc."grantId" = g.id) AS "countryCodes",
           g."funderId", g."recipientId"
    FROM "Grant" g`,
  'g.id'
);

// Endpoints MERGEd for the same reason as partnerships (see project-partnerships.ts).
const WRITE = `
UNWIND $rows AS row
MERGE (f:Organization {id: row.funderId})
MERGE (r:Organization {id: row.recipientId})
WITH row, f, r
CALL (row, f, r) {
  MATCH (x)-[old:FUNDED {id: row.id}]->(y) WHERE x <> f OR y <> r
  DELETE old
}
MERGE (f)-[g:FUNDED {id: row.id}]->(r)
SET g.amount = toFloat(row.amount), g.currency = row.currency, g.awardDate = date(row.awardDate),
    g.visibility = row.visibility, g.themeIds = row.themeIds, g.countryCodes = row.countryCodes,
    g.orgA = row.funderId, g.orgB = row.recipientId`;

export const grantProjector: Projector<GrantRecord> = {
  aggregate: 'Grant',
  graphName: '[:FUNDED]',
  load: grantRows.load,
  loadPage: grantRows.loadPage,
  async write(tx: Cypher, rows: GrantRecord[]) {
    if (rows.length === 0) return;
    await tx.run(WRITE, { rows });
  },
  async remove(tx: Cypher, ids: string[]) {
    if (ids.length === 0) return;
    await tx.run('UNWIND $ids AS id MATCH ()-[g:FUNDED {id: id}]->() DELETE g', { ids });
  },
  fingerprint(row: GrantRecord): Record<string, Plain> {
    return {
      id: row.id,
      amount: Number(row.amount),
      currency: row.currency,
      awardDate: row.awardDate,
      visibility: row.visibility,
      themeIds: sorted(row.themeIds),
      countryCodes: sorted(row.countryCodes),
      orgA: row.funderId,
      orgB: row.recipientId,
      from: row.funderId,
      to: row.recipientId
    };
  },
  async readGraph(tx: Cypher, ids: string[]) {
    const result = await tx.run(
      `UNWIND $ids AS id
       MATCH (f)-[g:FUNDED {id: id}]->(r)
       RETURN g.id AS id, g.amount AS amount, g.currency AS currency, g.awardDate AS awardDate,
              g.visibility AS visibility, g.themeIds AS themeIds, g.countryCodes AS countryCodes,
              g.orgA AS orgA, g.orgB AS orgB, f.id AS from, r.id AS to`,
      { ids }
    );
    return result.records.map((r) => ({
      id: plain(r.get('id')),
      amount: plain(r.get('amount')),
      currency: plain(r.get('currency')),
      awardDate: plain(r.get('awardDate')),
      visibility: plain(r.get('visibility')),
      themeIds: sorted(r.get('themeIds')),
      countryCodes: sorted(r.get('countryCodes')),
      orgA: plain(r.get('orgA')),
      orgB: plain(r.get('orgB')),
      from: plain(r.get('from')),
      to: plain(r.get('to'))
    }));
  },
  ...tableChecks('Grant'),
  ...relChecks('FUNDED')
};
