/**
 * Realistic inputs to draw benchmark runs from, read from the dataset itself: themes and countries that have
 * organisations, organisations with exactly 20 visible partners (the profile question), and the organisations a
 * recommendation can be asked for. Each run draws from these with a seeded RNG, so runs differ (no single cached
 * answer) yet every benchmark run sees the same sequence.
 */
import type pg from 'pg';
import type { Driver } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import { visiblePartnership } from '../../src/lib/server/access/visibility-cypher';
import { ANONYMOUS_VISIBILITY } from './visibility';

export const PROFILE_PARTNERS = 20;

export interface InputPools {
  /** Theme slugs with at least one organisation (top-level and sub-themes). */
  themes: string[];
  /** European country codes where at least one organisation works or is headquartered. */
  countries: string[];
  /** Organisations with exactly PROFILE_PARTNERS visible partners, or the closest to it on a small dataset. */
  profiles: { id: string; slug: string; partners: number }[];
  /** Organisations (not archived) to ask recommendations for. */
  organizations: string[];
}

const THEMES_IN_USE = `
SELECT t.slug FROM "Theme" t
WHERE EXISTS (SELECT 1 FROM "OrganizationTheme" ot WHERE ot."themeId" = t.id)
ORDER BY t.slug`;

const EUROPEAN_COUNTRIES_IN_USE = `
SELECT k.code FROM "Country" k
WHERE k."isEurope" AND (
  EXISTS (SELECT 1 FROM "OrganizationCountry" oc WHERE oc."countryCode" = k.code)
  OR EXISTS (SELECT 1 FROM "Organization" o WHERE o."hqCountryCode" = k.code))
ORDER BY k.code`;

// Exactly 20 first; on a small dataset where nobody has 20, the nearest partner counts.
const PROFILES = `
MATCH (o:Organization) WHERE o.archived = false
WITH o, COUNT { MATCH (o)-[r:PARTNERS_WITH]-(p:Organization) WHERE ${visiblePartnership('r')} AND NOT p.archived RETURN DISTINCT p } AS partners
WHERE partners > 0
RETURN o.id AS id, o.slug AS slug, partners
ORDER BY abs(partners - $wanted), o.id
LIMIT $limit`;

const ORGANIZATIONS = `MATCH (o:Organization) WHERE o.archived = false RETURN o.id AS id ORDER BY o.id`;

export async function loadInputPools(sql: pg.Pool, driver: Driver, database: string): Promise<InputPools> {
  const themes = (await sql.query<{ slug: string }>(THEMES_IN_USE)).rows.map((r) => r.slug);
  const countries = (await sql.query<{ code: string }>(EUROPEAN_COUNTRIES_IN_USE)).rows.map((r) => r.code);
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const profileRows = await session.executeRead((tx) =>
      tx.run(PROFILES, { wanted: PROFILE_PARTNERS, limit: neo4j.int(500), ...ANONYMOUS_VISIBILITY })
    );
    const nearest = Number(profileRows.records[0]?.get('partners') ?? 0);
    const profiles = profileRows.records
      .map((r) => ({ id: r.get('id') as string, slug: r.get('slug') as string, partners: Number(r.get('partners')) }))
      // Only the best distance: on the real dataset that is "exactly 20".
      .filter((p) => Math.abs(p.partners - PROFILE_PARTNERS) === Math.abs(nearest - PROFILE_PARTNERS));
    const organizations = (await session.executeRead((tx) => tx.run(ORGANIZATIONS))).records.map(
      (r) => r.get('id') as string
    );

    const missing = Object.entries({ themes, countries, profiles, organizations }).filter(
      ([, list]) => list.length === 0
    );
    if (missing.length > 0) {
      throw new Error(
        `the dataset has no ${missing.map(([name]) => name).join(', ')} to benchmark with: seed it first`
      );
    }
    return { themes, countries, profiles, organizations };
  } finally {
    await session.close();
  }
}
