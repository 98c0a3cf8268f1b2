import type { Prisma } from '../db/generated/client';
import { parseOrgId } from '../identifiers/org-id';
import { assignSlugs } from '../imports/auto-slugs';
import { bulkInsert } from '../imports/bulk-sql';
import { slugify } from '../imports/cells';
import { INTERNAL_REF_PREFIX } from '../imports/columns';
import { newId } from '../imports/ids';
import type { IssueCollector } from '../imports/report';
import type { ReferenceData } from '../validation/reference';

/**
 * The funding and recipient organisations a 360Giving file names, matched to Atlas organisations by identifier —
 * never by name, whose spelling differs from funder to funder — or created.
 *
 * Matching order: an OrganizationIdentifier (org-id.guide identifiers, one per scheme), then the external id
 * (decision 0017: an import key, here the file's org id), then `atlas:<id>` (what the exporter writes for an
 * organisation with neither). A matched organisation is not changed: its profile is the organisation's own (or its
 * own import's), and the report lists where the file's name differs. A new one gets the file's name, the type
 * FUNDER (funding org) or OTHER (recipient), the address country when it is a known country, the org id as its
 * external id and, when it is org-id shaped, as its identifier.
 */
export interface NamedOrganization {
  identifier: string;
  name: string;
  addressCountry?: string;
  funder: boolean;
  line: number;
  column: string;
}

export interface MatchedOrganization {
  line: number;
  identifier: string;
  nameInFile: string;
  name: string;
  matchedBy: 'identifier' | 'external id' | 'atlas id';
}

export interface ResolvedOrganizations {
  idOf: Map<string, string>;
  created: { line: number; identifier: string; name: string }[];
  matched: MatchedOrganization[];
  changes: { aggregate: 'Organization'; aggregateId: string; op: 'upsert' }[];
}

interface Provenance {
  source: string;
  licence: string | null;
}

async function existingMatches(tx: Prisma.TransactionClient, ids: string[]) {
  const internal = ids.filter((i) => i.startsWith(INTERNAL_REF_PREFIX)).map((i) => i.slice(INTERNAL_REF_PREFIX.length));
  return tx.$queryRawUnsafe<{ ref: string; id: string; name: string; how: MatchedOrganization['matchedBy'] }[]>(
    `SELECT i.identifier AS ref, o.id, o.name, 'identifier' AS how
       FROM "OrganizationIdentifier" i JOIN "Organization" o ON o.id = i."organizationId"
      WHERE i.identifier = ANY($1::text[])
     UNION ALL
     SELECT o."externalId", o.id, o.name, 'external id' FROM "Organization" o WHERE o."externalId" = ANY($1::text[])
     UNION ALL
     SELECT '${INTERNAL_REF_PREFIX}' || o.id, o.id, o.name, 'atlas id' FROM "Organization" o WHERE o.id = ANY($2::text[])`,
    ids,
    internal
  );
}

const PRECEDENCE: MatchedOrganization['matchedBy'][] = ['identifier', 'external id', 'atlas id'];

export async function resolveOrganizations(
  tx: Prisma.TransactionClient,
  named: readonly NamedOrganization[],
  ref: ReferenceData,
  issues: IssueCollector,
  provenance: Provenance
): Promise<ResolvedOrganizations> {
  const firstOf = new Map<string, NamedOrganization>();
  for (const n of named) {
    const first = firstOf.get(n.identifier);
    if (!first) firstOf.set(n.identifier, n);
    // A funder named as recipient elsewhere in the file is still one organisation; only the type of a new one
    // depends on it, and funding wins.
    else if (n.funder && !first.funder) firstOf.set(n.identifier, { ...first, funder: true });
  }
  const ids = [...firstOf.keys()];
  const found = new Map<string, { id: string; name: string; how: MatchedOrganization['matchedBy'] }>();
  for (const row of (await existingMatches(tx, ids)).sort(
    (a, b) => PRECEDENCE.indexOf(a.how) - PRECEDENCE.indexOf(b.how)
  )) {
    if (!found.has(row.ref)) found.set(row.ref, row);
  }

  const result: ResolvedOrganizations = { idOf: new Map(), created: [], matched: [], changes: [] };
  const toCreate: (NamedOrganization & { id: string })[] = [];
  for (const [identifier, n] of firstOf) {
    const match = found.get(identifier);
    if (match) {
      result.idOf.set(identifier, match.id);
      result.matched.push({ line: n.line, identifier, nameInFile: n.name, name: match.name, matchedBy: match.how });
      continue;
    }
    if (identifier.startsWith(INTERNAL_REF_PREFIX)) {
      issues.add(n.line, `${n.column}:Identifier`, `"${identifier}" names no organisation of this Atlas`);
      continue;
    }
    const name = n.name.trim();
    if (name.length < 2 || name.length > 200) {
      issues.add(n.line, `${n.column}:Name`, `"${name.slice(0, 60)}" must be 2–200 characters for a new organisation`);
      continue;
    }
    const id = newId();
    result.idOf.set(identifier, id);
    toCreate.push({ ...n, name, id });
  }
  if (toCreate.length === 0 || !issues.empty) return result;

  const slugs = await assignSlugs(
    tx,
    'Organization',
    toCreate.map((n, key) => ({ key, base: slugify(n.name) })),
    new Set()
  );
  await bulkInsert(
    tx,
    'Organization',
    [
      { name: 'id', type: 'text' },
      { name: 'slug', type: 'text' },
      { name: 'name', type: 'text' },
      { name: 'type', type: 'text', cast: '"OrganizationType"' },
      { name: 'hqCountryCode', type: 'text' },
      { name: 'externalId', type: 'text' },
      { name: 'source', type: 'text' },
      { name: 'licence', type: 'text' }
    ],
    toCreate.map((n, key) => ({
      id: n.id,
      slug: slugs.get(key),
      name: n.name,
      type: n.funder ? 'FUNDER' : 'OTHER',
      hqCountryCode: n.addressCountry && ref.countries.has(n.addressCountry) ? n.addressCountry : null,
      externalId: n.identifier,
      source: provenance.source,
      licence: provenance.licence
    })),
    {
      extra: {
        createdAt: `(now() AT TIME ZONE 'UTC')`,
        updatedAt: `(now() AT TIME ZONE 'UTC')`,
        externalIdSource: `'IMPORT'`,
        sourceKind: `'IMPORT'::"SourceKind"`
      }
    }
  );
  const identifiers = toCreate.flatMap((n) => {
    const parsed = parseOrgId(n.identifier);
    return 'error' in parsed ? [] : [{ id: newId(), organizationId: n.id, ...parsed }];
  });
  await bulkInsert(
    tx,
    'OrganizationIdentifier',
    [
      { name: 'id', type: 'text' },
      { name: 'organizationId', type: 'text' },
      { name: 'scheme', type: 'text' },
      { name: 'identifier', type: 'text' }
    ],
    identifiers,
    { extra: { createdAt: `(now() AT TIME ZONE 'UTC')` } }
  );
  for (const n of toCreate) {
    result.created.push({ line: n.line, identifier: n.identifier, name: n.name });
    result.changes.push({ aggregate: 'Organization', aggregateId: n.id, op: 'upsert' });
  }
  return result;
}
