/**
 * Issue 11 part 3 (map): the dashboard's choropleth shows, per country in the data's scope, the number of DISTINCT
 * organisations — on the map's theme (sub-themes included) or on any theme — never a sum over themes. Over generated
 * organisations (fast-check) on real PostgreSQL and Neo4j, the page's figures equal both the directory's count for
 * the same country (and theme) and a count recomputed here from the generated data; archived organisations count
 * nowhere. The scope is exactly the European countries where someone works.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../src/lib/server/platform/db';
import { drainOutbox } from '../../src/lib/server/projection/projector';
import { load as dashboardLoad } from '../../src/routes/dashboard/+page.server';
import { loadPart } from '../../src/routes/dashboard/part/load-part';
import {
  COVERAGE_THEMES,
  createCoverageOrganization,
  coverageOrgArbitrary,
  type CoverageOrg
} from '../factories/coverage-orgs';
import { executeOk } from '../factories/graphql';
import { createOrganization, createPartnership } from '../factories/organizations';
import { pageFetch } from '../factories/page-fetch';

const db = getDb();

const THEMES = COVERAGE_THEMES;
const COUNTRIES = ['GR', 'BG', 'IT', 'CY', 'PT'];
const orgArb = coverageOrgArbitrary(COUNTRIES, 3);
type GeneratedOrg = CoverageOrg;

interface MapPage {
  map: { theme: { slug: string } | null; figures: { country: { code: string }; organizations: number }[] };
  shapes: { countries: { code: string }[] };
  errors: Record<string, unknown>;
}

/** The dashboard's map section, as the page fetches it when it is scrolled to (decision 0052). */
async function dashboardMap(mapTheme: string | null): Promise<MapPage> {
  const url = new URL(`http://atlas.test/dashboard/part/map${mapTheme ? `?maptheme=${mapTheme}` : ''}`);
  const { data, errors } = await loadPart({
    url,
    params: { section: 'map' },
    fetch: pageFetch(),
    locals: { lang: 'en' }
  });
  return { ...(data as unknown as Omit<MapPage, 'errors'>), errors };
}

/** The directory's totals per country (for one theme or all): one request, one alias per country. */
async function directoryCounts(theme: string | null): Promise<Map<string, number>> {
  const themes = theme ? `themes: ["${theme}"], ` : '';
  const query = `{ ${COUNTRIES.map(
    (c) => `${c}: organizations(filter: { ${themes}countries: ["${c}"] }, first: 1) { totalCount }`
  ).join('\n')} }`;
  const data = await executeOk<Record<string, { totalCount: number }>>(query, {}, { kind: 'anonymous' });
  return new Map(COUNTRIES.map((c) => [c, data[c]!.totalCount]));
}

/** Recomputed from what was generated: distinct live organisations working in the country (on the theme). */
function expectedCount(orgs: GeneratedOrg[], country: string, theme: string | null): number {
  return orgs.filter(
    (o) =>
      !o.archived &&
      (o.countries.includes(country) || o.hq === country) &&
      (theme === null || o.themes.includes(theme) || (theme === 'health' && o.themes.includes('mental-health-trauma')))
  ).length;
}

describe('dashboard map: distinct organisations per country, scoped to the data', () => {
  it('equals the directory and the generated data for every country and theme, never a sum over themes', async () => {
    // One organisation on three themes in Greece, always: a sum over themes would count it three times there.
    const threeThemes: GeneratedOrg = {
      themes: ['mental-health-trauma', 'alternatives-to-detention', 'housing'],
      countries: ['GR'],
      hq: null,
      archived: false
    };
    const partner: GeneratedOrg = { themes: ['housing'], countries: [], hq: 'GR', archived: false };
    const a = await createOrganization(db, { themeSlugs: threeThemes.themes, countryCodes: threeThemes.countries });
    const b = await createOrganization(db, { themeSlugs: partner.themes, hqCountryCode: 'GR' });
    // One partnership, so the network sections have an edge to work on (a graph without any yields no modularity).
    await createPartnership(db, a, b);
    const everyRun: GeneratedOrg[] = [threeThemes, partner];
    await fc.assert(
      fc.asyncProperty(fc.array(orgArb, { minLength: 1, maxLength: 5 }), async (orgs) => {
        for (const org of orgs) {
          await createCoverageOrganization(db, org);
          everyRun.push(org);
        }
        await drainOutbox();

        for (const theme of [null, ...THEMES]) {
          const [page, directory] = await Promise.all([dashboardMap(theme), directoryCounts(theme)]);
          expect(page.errors).toEqual({});
          expect(page.map.theme?.slug ?? null).toBe(theme);
          const figures = new Map(page.map.figures.map((f) => [f.country.code, f.organizations]));
          // The scope: exactly the countries where a live organisation works (on any theme).
          const scope = COUNTRIES.filter((c) => expectedCount(everyRun, c, null) > 0);
          expect([...figures.keys()].sort()).toEqual(scope.sort());
          for (const country of scope) {
            const label = `${theme ?? 'all themes'} × ${country}`;
            expect(figures.get(country), label).toBe(directory.get(country));
            expect(figures.get(country), label).toBe(expectedCount(everyRun, country, theme));
          }
          // Zoomed to the scope: a country far from it (Iceland) is not drawn.
          if (scope.length > 0) expect(page.shapes.countries.map((c) => c.code)).not.toContain('IS');
        }
      }),
      { numRuns: 4 }
    );
  }, 240_000);

  it('names an unknown map theme and falls back to all themes', async () => {
    const page = await dashboardMap('basket-weaving');
    expect(page.errors).toMatchObject({ maptheme: { code: 'unknown_theme' } });
    expect(page.map.theme).toBeNull();
    // The first screen names it too, with the other bad filters at the top, though the map loads later.
    const first = (await dashboardLoad({
      url: new URL('http://atlas.test/dashboard?maptheme=basket-weaving'),
      fetch: pageFetch(),
      locals: { lang: 'en' },
      setHeaders: () => {}
    } as never)) as unknown as { errors: Record<string, unknown>; mapTheme: unknown };
    expect(first.errors).toMatchObject({ maptheme: { code: 'unknown_theme' } });
    expect(first.mapTheme).toBeNull();
  });
});
