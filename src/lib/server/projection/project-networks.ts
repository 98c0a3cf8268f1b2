/**
 * Network → (:Network), and NetworkMembership → (:Organization)-[:MEMBER_OF]->(:Network). A membership carries
 * `orgA` = `orgB` = the member organisation's id, so the shared `visibleRel('r')` predicate applies to it unchanged
 * (the member always sees its own membership, whatever its visibility).
 */
import { Prisma } from '../db/generated/client';
import { nodeChecks, relChecks } from './graph-helpers';
import { plain } from './graph-values';
import { keyedLoaders, tableChecks } from './sql-helpers';
import type { Cypher, Plain, Projector } from './types';

// ─── Network ─────────────────────────────────────────────────────────────────────────────────────────────

export interface NetworkRecord {
  id: string;
  slug: string;
  name: string;
  archived: boolean;
}

const networkRows = keyedLoaders<NetworkRecord>(
  Prisma.sql`
    SELECT n.id, n.slug, n.name, (n."archivedAt" IS NOT NULL) AS archived
    FROM "Network" n`,
  'n.id'
);

export const networkProjector: Projector<NetworkRecord> = {
  aggregate: 'Network',
  graphName: ':Network',
  load: networkRows.load,
  loadPage: networkRows.loadPage,
  async write(tx: Cypher, rows: NetworkRecord[]) {
    if (rows.length === 0) return;
    await tx.run(
      `UNWIND $rows AS row
       MERGE (n:Network {id: row.id})
       SET n.slug = row.slug, n.name = row.name, n.archived = row.archived`,
      { rows }
    );
  },
  async remove(tx: Cypher, ids: string[]) {
    if (ids.length === 0) return;
    await tx.run('UNWIND $ids AS id MATCH (n:Network {id: id}) DETACH DELETE n', { ids });
  },
  fingerprint(row: NetworkRecord): Record<string, Plain> {
    return { id: row.id, slug: row.slug, name: row.name, archived: row.archived };
  },
  async readGraph(tx: Cypher, ids: string[]) {
    const result = await tx.run(
      `UNWIND $ids AS id
       MATCH (n:Network {id: id})
       RETURN n.id AS id, n.slug AS slug, n.name AS name, n.archived AS archived`,
      { ids }
    );
    return result.records.map((r) => ({
      id: plain(r.get('id')),
      slug: plain(r.get('slug')),
      name: plain(r.get('name')),
      archived: plain(r.get('archived'))
    }));
  },
  ...tableChecks('Network'),
  ...nodeChecks('Network')
};

// ─── NetworkMembership ───────────────────────────────────────────────────────────────────────────────────

export interface NetworkMembershipRecord {
  id: string;
  role: string;
  /** 'YYYY-MM-DD' or null; written as a Cypher `date`. */
  since: string | null;
  until: string | null;
  visibility: string;
  organizationId: string;
  networkId: string;
}

const membershipRows = keyedLoaders<NetworkMembershipRecord>(
  Prisma.sql`
    SELECT m.id, m.role::text AS role, to_char(m.since, 'YYYY-MM-DD') AS since,
           to_char(m.until, 'YYYY-MM-DD') AS until, m.visibility::text AS visibility,
           m."organizationId", m."networkId"
    FROM "NetworkMembership" m`,
  'm.id'
);

// Endpoints MERGEd for the same reason as partnerships (see project-partnerships.ts).
const WRITE_MEMBERSHIPS = `
UNWIND $rows AS row
MERGE (o:Organization {id: row.organizationId})
MERGE (n:Network {id: row.networkId})
WITH row, o, n
CALL (row, o, n) {
  MATCH (x)-[old:MEMBER_OF {id: row.id}]->(y) WHERE x <> o OR y <> n
  DELETE old
}
MERGE (o)-[r:MEMBER_OF {id: row.id}]->(n)
SET r.role = row.role, r.since = date(row.since), r.until = date(row.until), r.visibility = row.visibility,
    r.orgA = row.organizationId, r.orgB = row.organizationId`;

export const networkMembershipProjector: Projector<NetworkMembershipRecord> = {
  aggregate: 'NetworkMembership',
  graphName: '[:MEMBER_OF]',
  load: membershipRows.load,
  loadPage: membershipRows.loadPage,
  async write(tx: Cypher, rows: NetworkMembershipRecord[]) {
    if (rows.length === 0) return;
    await tx.run(WRITE_MEMBERSHIPS, { rows });
  },
  async remove(tx: Cypher, ids: string[]) {
    if (ids.length === 0) return;
    await tx.run('UNWIND $ids AS id MATCH ()-[r:MEMBER_OF {id: id}]->() DELETE r', { ids });
  },
  fingerprint(row: NetworkMembershipRecord): Record<string, Plain> {
    return {
      id: row.id,
      role: row.role,
      since: row.since,
      until: row.until,
      visibility: row.visibility,
      orgA: row.organizationId,
      orgB: row.organizationId,
      from: row.organizationId,
      to: row.networkId
    };
  },
  async readGraph(tx: Cypher, ids: string[]) {
    const result = await tx.run(
      `UNWIND $ids AS id
       MATCH (o)-[r:MEMBER_OF {id: id}]->(n)
       RETURN r.id AS id, r.role AS role, r.since AS since, r.until AS until, r.visibility AS visibility,
              r.orgA AS orgA, r.orgB AS orgB, o.id AS from, n.id AS to`,
      { ids }
    );
    return result.records.map((r) => ({
      id: plain(r.get('id')),
      role: plain(r.get('role')),
      since: plain(r.get('since')),
      until: plain(r.get('until')),
      visibility: plain(r.get('visibility')),
      orgA: plain(r.get('orgA')),
      orgB: plain(r.get('orgB')),
      from: plain(r.get('from')),
      to: plain(r.get('to'))
    }));
  },
  ...tableChecks('NetworkMembership'),
  ...relChecks('MEMBER_OF')
};
