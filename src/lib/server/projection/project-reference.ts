/**
 * Reference data: Theme → (:Theme) with (child)-[:SUBTHEME_OF]->(parent), and Country → (:Country), keyed by the
 * ISO code. Both are small (hundreds of rows) and change rarely; organisations, partnerships and grants point at
 * them by id/code.
 */
import { Prisma } from '../db/generated/client';
import { sorted } from './checksum';
import { nodeChecks } from './graph-helpers';
import { plain } from './graph-values';
import { keyedLoaders, tableChecks } from './sql-helpers';
import type { Cypher, Plain, Projector } from './types';

// ─── Theme ───────────────────────────────────────────────────────────────────────────────────────────────

export interface ThemeRecord {
  id: string;
  slug: string;
  parentId: string | null;
  nameEn: string;
}

const themeRows = keyedLoaders<ThemeRecord>(
  Prisma.sql`
    SELECT t.id, t.slug, t."parentId", t."nameEn" FROM "Theme" t`,
  't.id'
);

// The parent is MERGEd as a stub when it is not projected yet: the hierarchy never depends on projection order.
const WRITE_THEMES = `
UNWIND $rows AS row
MERGE (t:Theme {id: row.id})
SET t.slug = row.slug, t.parentId = row.parentId, t.nameEn = row.nameEn
WITH t, row
CALL (t, row) {
  MATCH (t)-[old:SUBTHEME_OF]->(p) WHERE row.parentId IS NULL OR p.id <> row.parentId
  DELETE old
}
CALL (t, row) {
  UNWIND CASE WHEN row.parentId IS NULL THEN [] ELSE [row.parentId] END AS parentId
  MERGE (p:Theme {id: parentId})
  MERGE (t)-[:SUBTHEME_OF]->(p)
}`;

export const themeProjector: Projector<ThemeRecord> = {
  aggregate: 'Theme',
  graphName: ':Theme',
  load: themeRows.load,
  loadPage: themeRows.loadPage,
  async write(tx: Cypher, rows: ThemeRecord[]) {
    if (rows.length === 0) return;
    await tx.run(WRITE_THEMES, { rows });
  },
  async remove(tx: Cypher, ids: string[]) {
    if (ids.length === 0) return;
    await tx.run('UNWIND $ids AS id MATCH (t:Theme {id: id}) DETACH DELETE t', { ids });
  },
  fingerprint(row: ThemeRecord): Record<string, Plain> {
    return {
      id: row.id,
      slug: row.slug,
      parentId: row.parentId,
      nameEn: row.nameEn,
      subthemeOf: row.parentId === null ? [] : [row.parentId]
    };
  },
  async readGraph(tx: Cypher, ids: string[]) {
    const result = await tx.run(
      `UNWIND $ids AS id
       MATCH (t:Theme {id: id})
       RETURN t.id AS id, t.slug AS slug, t.parentId AS parentId, t.nameEn AS nameEn,
              [(t)-[:SUBTHEME_OF]->(p) | p.id] AS subthemeOf`,
      { ids }
    );
    return result.records.map((r) => ({
      id: plain(r.get('id')),
      slug: plain(r.get('slug')),
      parentId: plain(r.get('parentId')),
      nameEn: plain(r.get('nameEn')),
      subthemeOf: sorted(r.get('subthemeOf'))
    }));
  },
  ...tableChecks('Theme'),
  ...nodeChecks('Theme')
};

// ─── Country ─────────────────────────────────────────────────────────────────────────────────────────────

/** `id` is the ISO 3166-1 alpha-2 code (the node's `code` property). */
export interface CountryRecord {
  id: string;
  nameEn: string;
  region: string;
  isEurope: boolean;
}

const countryRows = keyedLoaders<CountryRecord>(
  Prisma.sql`
    SELECT c.code::text AS id, c."nameEn", c.region::text AS region, c."isEurope"
    FROM "Country" c`,
  'c.code'
);

export const countryProjector: Projector<CountryRecord> = {
  aggregate: 'Country',
  graphName: ':Country',
  load: countryRows.load,
  loadPage: countryRows.loadPage,
  async write(tx: Cypher, rows: CountryRecord[]) {
    if (rows.length === 0) return;
    await tx.run(
      `UNWIND $rows AS row
       MERGE (c:Country {code: row.id})
       SET c.nameEn = row.nameEn, c.region = row.region, c.isEurope = row.isEurope`,
      { rows }
    );
  },
  async remove(tx: Cypher, ids: string[]) {
    if (ids.length === 0) return;
    await tx.run('UNWIND $ids AS code MATCH (c:Country {code: code}) DETACH DELETE c', { ids });
  },
  fingerprint(row: CountryRecord): Record<string, Plain> {
    return { id: row.id, nameEn: row.nameEn, region: row.region, isEurope: row.isEurope };
  },
  async readGraph(tx: Cypher, ids: string[]) {
    const result = await tx.run(
      `UNWIND $ids AS code
       MATCH (c:Country {code: code})
       RETURN c.code AS id, c.nameEn AS nameEn, c.region AS region, c.isEurope AS isEurope`,
      { ids }
    );
    return result.records.map((r) => ({
      id: plain(r.get('id')),
      nameEn: plain(r.get('nameEn')),
      region: plain(r.get('region')),
      isEurope: plain(r.get('isEurope'))
    }));
  },
  ...tableChecks('Country', 'code'),
  ...nodeChecks('Country', 'code')
};
