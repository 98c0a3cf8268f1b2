/**
 * Generated organisations for the coverage tests (gap list, dashboard map): a parent theme and its sub-theme (an
 * organisation on the sub-theme counts for the parent, so none is placed on the parent itself) and two unrelated
 * themes, in some of a handful of countries, sometimes archived.
 */
import fc from 'fast-check';
import type { PrismaClient } from '../../src/lib/server/db/generated/client';
import { createOrganization } from './organizations';

export const COVERAGE_THEMES = ['health', 'mental-health-trauma', 'alternatives-to-detention', 'housing'];

export interface CoverageOrg {
  themes: string[];
  countries: string[];
  hq: string | null;
  archived: boolean;
}

export function coverageOrgArbitrary(countries: string[], maxCountries: number): fc.Arbitrary<CoverageOrg> {
  return fc.record({
    themes: fc.subarray(
      COVERAGE_THEMES.filter((t) => t !== 'health'),
      { minLength: 1 }
    ),
    countries: fc.subarray(countries, { minLength: 0, maxLength: maxCountries }),
    hq: fc.option(fc.constantFrom(...countries), { nil: null }),
    archived: fc.boolean()
  });
}

/** Stores one generated organisation (HQ and archiving only when generated). */
export function createCoverageOrganization(db: PrismaClient, org: CoverageOrg) {
  return createOrganization(db, {
    themeSlugs: org.themes,
    countryCodes: org.countries,
    ...(org.hq && { hqCountryCode: org.hq }),
    ...(org.archived && { archivedAt: new Date() })
  });
}
