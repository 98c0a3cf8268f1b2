/**
 * Organization → (:Organization) with its WORKS_ON, OPERATES_IN and HEADQUARTERED_IN relationships, which belong
 * to the organisation's aggregate (they change with its profile). Archived organisations stay in the graph with
 * `archived: true` so their partnership history keeps its shape; queries filter them where they must.
 */
import { Prisma } from '../db/generated/client';
import { sorted } from './checksum';
import { nodeChecks } from './graph-helpers';
import { plain } from './graph-values';
import { keyedLoaders, tableChecks } from './sql-helpers';
import { recountPartners } from './partner-counts';
import type { Cypher, Plain, Projector } from './types';

export interface OrganizationRecord {
  id: string;
  slug: string;
  name: string;
  type: string;
  archived: boolean;
  levels: string[];
  languages: string[];
  hqCountry: string | null;
  foundedYear: number | null;
  themeIds: string[];
  countryCodes: string[];
}

const organizationRows = keyedLoaders<OrganizationRecord>(
  Prisma.sql`
    SELECT o.id, o.slug, o.name, o.type::text AS type, (o."archivedAt" IS NOT NULL) AS archived,
           o.levels::text[] AS levels, o.languages, o."hqCountryCode"::text AS "hqCountry", o."foundedYear",
           ARRAY(SELECT ot."themeId" FROM "OrganizationTheme" ot WHERE ot."organizationId" = o.id) AS "themeIds",
           ARRAY(SELECT oc."countryCode"::text FROM "OrganizationCountry" oc WHERE oc."organizationId" = o.id)
             AS "countryCodes"
    FROM "Organization" o`,
  'o.id'
);

// Stub Theme/Country nodes are MERGEd by key so the relationship exists even when the reference node has not been
// projected yet; its properties arrive with its own projection (or the next rebuild).
const WRITE = `
UNWIND $rows AS row
MERGE (o:Organization {id: row.id})
SET o.slug = row.slug, o.name = row.name, o.type = row.type, o.archived = row.archived,
    o.levels = row.levels, o.languages = row.languages, o.hqCountry = row.hqCountry,
    o.foundedYear = toInteger(row.foundedYear)
WITH o, row
CALL (o, row) {
  MATCH (o)-[old:WORKS_ON|OPERATES_IN|HEADQUARTERED_IN]->(x)
  WHERE CASE type(old)
          WHEN 'WORKS_ON' THEN NOT x.id IN row.themeIds
          WHEN 'OPERATES_IN' THEN NOT x.code IN row.countryCodes
          ELSE row.hqCountry IS NULL OR x.code <> row.hqCountry
        END
  DELETE old
}
CALL (o, row) {
  UNWIND row.themeIds AS themeId
  MERGE (t:Theme {id: themeId})
  MERGE (o)-[:WORKS_ON]->(t)
}
CALL (o, row) {
  UNWIND row.countryCodes AS code
  MERGE (c:Country {code: code})
  MERGE (o)-[:OPERATES_IN]->(c)
}
CALL (o, row) {
  UNWIND CASE WHEN row.hqCountry IS NULL THEN [] ELSE [row.hqCountry] END AS code
  MERGE (c:Country {code: code})
  MERGE (o)-[:HEADQUARTERED_IN]->(c)
}`;

async function write(tx: Cypher, rows: OrganizationRecord[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.run(WRITE, { rows });
}

/** Deletes the nodes with their relationships; their former partners' counts are recomputed without them. */
async function remove(tx: Cypher, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const result = await tx.run(
    `UNWIND $ids AS id
     MATCH (o:Organization {id: id})
     WITH o, COLLECT { MATCH (o)-[:PARTNERS_WITH]-(p) WHERE p <> o RETURN DISTINCT p.id } AS partners
     DETACH DELETE o
     WITH partners UNWIND partners AS partner
     RETURN DISTINCT partner`,
    { ids }
  );
  await recountPartners(
    tx,
    result.records.map((r) => r.get('partner') as string)
  );
}

function fingerprint(row: OrganizationRecord): Record<string, Plain> {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    type: row.type,
    archived: row.archived,
    levels: sorted(row.levels),
    languages: sorted(row.languages),
    hqCountry: row.hqCountry,
    foundedYear: row.foundedYear,
    themeIds: sorted(row.themeIds),
    countryCodes: sorted(row.countryCodes),
    headquarteredIn: row.hqCountry === null ? [] : [row.hqCountry]
  };
}

async function readGraph(tx: Cypher, ids: string[]): Promise<Record<string, Plain>[]> {
  const result = await tx.run(
    `UNWIND $ids AS id
     MATCH (o:Organization {id: id})
     RETURN o.id AS id, o.slug AS slug, o.name AS name, o.type AS type, o.archived AS archived,
            o.levels AS levels, o.languages AS languages, o.hqCountry AS hqCountry, o.foundedYear AS foundedYear,
            [(o)-[:WORKS_ON]->(t) | t.id] AS themeIds,
            [(o)-[:OPERATES_IN]->(c) | c.code] AS countryCodes,
            [(o)-[:HEADQUARTERED_IN]->(c) | c.code] AS headquarteredIn`,
    { ids }
  );
  return result.records.map((r) => ({
    id: plain(r.get('id')),
    slug: plain(r.get('slug')),
    name: plain(r.get('name')),
    type: plain(r.get('type')),
    archived: plain(r.get('archived')),
    levels: sorted(r.get('levels')),
    languages: sorted(r.get('languages')),
    hqCountry: plain(r.get('hqCountry')),
    foundedYear: plain(r.get('foundedYear')),
    themeIds: sorted(r.get('themeIds')),
    countryCodes: sorted(r.get('countryCodes')),
    headquarteredIn: sorted(r.get('headquarteredIn'))
  }));
}

export const organizationProjector: Projector<OrganizationRecord> = {
  aggregate: 'Organization',
  graphName: ':Organization',
  load: organizationRows.load,
  loadPage: organizationRows.loadPage,
  write,
  remove,
  fingerprint,
  readGraph,
  ...tableChecks('Organization'),
  ...nodeChecks('Organization')
};
