import DataLoader from 'dataloader';
import { getDb } from '../platform/db';
import { countryIndex, themeIndex, type ThemeNeeds } from '../directory/reference-data';
import type {
  Country,
  Grant,
  Network,
  NetworkMembership,
  Organization,
  OrganizationIdentifier,
  Partnership,
  Theme
} from '../db/generated/client';
import type { VisibilityParams } from '../access/viewer';
import { countriesByGrants, grantsByIds, grantsByOrganizations, themesByGrants } from '../grants/queries';
import { membershipsBy, networksByIds } from '../networks/queries';
import { partnersByOrganization, type PartnerSlice } from '../partnerships/partners-graph';
import {
  byCountryName,
  byThemeOrder,
  organizationsWithReferences,
  type OrganizationWithReferences
} from '../directory/organizations-with-references';
import { partnershipsByIds, partnershipsByOrganizations, themesByPartnerships } from '../partnerships/queries';

/**
 * DataLoaders, created per request (never shared: results depend on the viewer's visibility, and caching across
 * requests would serve stale rows). Each loader turns all the loads of one tick into ONE query — a page of
 * 50 organisations asking for their themes, countries and partners costs the same round trips as a page of 5.
 */

export type { CountryIndex, ThemeIndex } from '../directory/reference-data';

/** Rows by id in the order DataLoader asked for them (missing or invisible → null). */
function byKey<T extends { id: string }>(ids: readonly string[], rows: T[]): (T | null)[] {
  const map = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => map.get(id) ?? null);
}

function grouped<T>(ids: readonly string[], map: Map<string, T[]>): T[][] {
  return ids.map((id) => map.get(id) ?? []);
}

export interface PartnersKey {
  id: string;
  /** How many partner ids to return; 0 when only the count is wanted. */
  limit: number;
}

const partnersCacheKey = (k: PartnersKey) => `${k.id}:${k.limit}`;

function sliced(slice: PartnerSlice | undefined, limit: number): PartnerSlice {
  return slice ? { count: slice.count, ids: slice.ids.slice(0, limit) } : { count: 0, ids: [] };
}

export function createLoaders(visibility: VisibilityParams) {
  const db = getDb();
  const v = visibility;

  /** Reference data comes from the process-wide cache (directory/reference-data.ts), not a query per request. */
  const themes = (needs?: ThemeNeeds) => themeIndex(db, needs);
  const countries = (codes?: readonly string[]) => countryIndex(db, codes);

  const organizationById = new DataLoader<string, Organization | null>(async (ids) =>
    byKey(ids, await db.organization.findMany({ where: { id: { in: [...ids] } } }))
  );
  /** Rows fetched alongside others (partnership sides, grant parties) are served from the loader afterwards. */
  const primeOrganizations = (rows: Organization[]) => {
    for (const row of rows) organizationById.prime(row.id, row);
  };

  /** Countries that came with an organisation's row (its headquarters): hqCountry needs no reference query then. */
  const knownCountries = new Map<string, Country>();

  const themesByOrganization = new DataLoader<string, Theme[]>(async (ids) => {
    const rows = await db.organizationTheme.findMany({ where: { organizationId: { in: [...ids] } } });
    const index = await themes({ ids: rows.map((r) => r.themeId) });
    const map = new Map<string, Theme[]>();
    for (const row of rows) {
      const theme = index.byId.get(row.themeId);
      if (theme) map.set(row.organizationId, [...(map.get(row.organizationId) ?? []), theme]);
    }
    for (const list of map.values()) list.sort(byThemeOrder);
    return grouped(ids, map);
  });

  const countriesByOrganization = new DataLoader<string, Country[]>(async (ids) => {
    const rows = await db.organizationCountry.findMany({ where: { organizationId: { in: [...ids] } } });
    const index = await countries(rows.map((r) => r.countryCode));
    const map = new Map<string, Country[]>();
    for (const row of rows) {
      const country = index.byCode.get(row.countryCode);
      if (country) map.set(row.organizationId, [...(map.get(row.organizationId) ?? []), country]);
    }
    for (const list of map.values()) list.sort(byCountryName);
    return grouped(ids, map);
  });

  /** Rows read with their themes and countries (one statement) fill the loaders those fields ask. */
  const primeWithReferences = (rows: OrganizationWithReferences[]) => {
    for (const { organization, themes: themeList, countries: countryList, hqCountry } of rows) {
      organizationById.prime(organization.id, organization);
      themesByOrganization.prime(organization.id, themeList);
      countriesByOrganization.prime(organization.id, countryList);
      if (hqCountry) knownCountries.set(hqCountry.code, hqCountry);
    }
  };

  /**
   * Neo4j: a partner list and its count, one UNWIND statement per batch. `limit: 0` asks only the count
   * (partnerCount); the batch fetches its largest limit and each key is sliced to its own, so partners and
   * partnerCount of the same organisations share one statement.
   */
  const partnerGraph = new DataLoader<PartnersKey, PartnerSlice, string>(
    async (keys) => {
      const ids = [...new Set(keys.map((k) => k.id))];
      const limit = Math.max(...keys.map((k) => k.limit));
      const map = await partnersByOrganization(ids, limit, v);
      return keys.map((k) => sliced(map.get(k.id), k.limit));
    },
    { cacheKeyFn: partnersCacheKey }
  );

  return {
    themes,
    countries,
    organizationById,
    primeWithReferences,

    /**
     * The rows of graph partners. A loader of its own, so a level of `partners` always costs exactly one query:
     * through organizationById it would cost one or none depending on whether other fields (partnership sides,
     * grant parties) happened to have primed those rows first — a race that makes query counts unpredictable.
     */
    partnerRows: new DataLoader<string, Organization | null>(async (ids) => {
      const rows = await organizationsWithReferences(db, 'id', ids);
      primeWithReferences(rows);
      return byKey(
        ids,
        rows.map((r) => r.organization)
      );
    }),

    /** With themes, countries and headquarters in the same statement: a profile needs them all. */
    organizationBySlug: new DataLoader<string, Organization | null>(async (slugs) => {
      const rows = await organizationsWithReferences(db, 'slug', slugs);
      primeWithReferences(rows);
      const map = new Map(rows.map((row) => [row.organization.slug, row.organization]));
      return slugs.map((slug) => map.get(slug) ?? null);
    }),

    themesByOrganization,
    countriesByOrganization,

    partnerGraph,

    /**
     * A partner slice fetched ahead (the profile's first wave, schema/profile-prefetch.ts) serves these keys: `slice` may
     * still be running, and its failure (the graph down) reaches whoever loads the keys, as a fetch of theirs would.
     */
    primePartnerGraph(id: string, limits: readonly number[], slice: Promise<PartnerSlice>) {
      for (const limit of limits) {
        const key = { id, limit };
        // A rejection is handled by whoever loads the key; until then it must not count as unhandled.
        const value = slice.then((s) => sliced(s, limit));
        value.catch(() => {});
        // DataLoader resolves a primed value with Promise.resolve, so a promise is adopted as is.
        partnerGraph.clear(key).prime(key, value as unknown as PartnerSlice);
      }
    },

    /** A country by code: one that came with an organisation row, else from the reference data. */
    async countryByCode(code: string): Promise<Country | null> {
      return knownCountries.get(code) ?? (await countries([code])).byCode.get(code) ?? null;
    },
    /** Public identifiers (org-id.guide), ordered by scheme. */
    identifiersByOrganization: new DataLoader<string, OrganizationIdentifier[]>(async (ids) => {
      const rows = await db.organizationIdentifier.findMany({
        where: { organizationId: { in: [...ids] } },
        orderBy: [{ scheme: 'asc' }, { identifier: 'asc' }]
      });
      const map = new Map<string, OrganizationIdentifier[]>();
      for (const row of rows) map.set(row.organizationId, [...(map.get(row.organizationId) ?? []), row]);
      return grouped(ids, map);
    }),

    partnershipsByOrganization: new DataLoader<string, Partnership[]>(async (ids) => {
      const map = await partnershipsByOrganizations(db, ids, v);
      for (const list of map.values()) primeOrganizations(list.flatMap((p) => [p.orgA, p.orgB]));
      return grouped(ids, map);
    }),

    /** Approved members with an active account, per organisation: does a proposal to it reach anyone? */
    activeMemberCountByOrganization: new DataLoader<string, number>(async (ids) => {
      const rows = await db.membership.groupBy({
        by: ['organizationId'],
        where: { organizationId: { in: [...ids] }, status: 'APPROVED', user: { disabledAt: null } },
        _count: { _all: true }
      });
      const counts = new Map(rows.map((r) => [r.organizationId, r._count._all]));
      return ids.map((id) => counts.get(id) ?? 0);
    }),

    partnershipById: new DataLoader<string, Partnership | null>(async (ids) =>
      byKey(ids, await partnershipsByIds(db, ids, v))
    ),

    themesByPartnership: new DataLoader<string, Theme[]>(async (ids) =>
      grouped(ids, await themesByPartnerships(db, ids))
    ),

    networkById: new DataLoader<string, Network | null>(async (ids) => byKey(ids, await networksByIds(db, ids))),

    networksByOrganization: new DataLoader<string, NetworkMembership[]>(async (ids) =>
      grouped(ids, await membershipsBy(db, 'organizationId', ids, v))
    ),

    membershipsByNetwork: new DataLoader<string, NetworkMembership[]>(async (ids) =>
      grouped(ids, await membershipsBy(db, 'networkId', ids, v))
    ),

    grantById: new DataLoader<string, Grant | null>(async (ids) => byKey(ids, await grantsByIds(db, ids, v))),

    grantsGivenByOrganization: new DataLoader<string, Grant[]>(async (ids) => {
      const map = await grantsByOrganizations(db, 'funderId', ids, v);
      for (const list of map.values()) primeOrganizations(list.flatMap((g) => [g.funder, g.recipient]));
      return grouped(ids, map);
    }),

    grantsReceivedByOrganization: new DataLoader<string, Grant[]>(async (ids) => {
      const map = await grantsByOrganizations(db, 'recipientId', ids, v);
      for (const list of map.values()) primeOrganizations(list.flatMap((g) => [g.funder, g.recipient]));
      return grouped(ids, map);
    }),

    themesByGrant: new DataLoader<string, Theme[]>(async (ids) => grouped(ids, await themesByGrants(db, ids))),

    countriesByGrant: new DataLoader<string, Country[]>(async (ids) => grouped(ids, await countriesByGrants(db, ids)))
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
