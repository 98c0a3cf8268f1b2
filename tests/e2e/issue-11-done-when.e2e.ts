/**
 * Issue 11's "Done when", on the demo data, through the built app's GraphQL endpoint: the issue's own coalition
 * request (three themes × BG, DE, GR, HU, IT, ES) names every uncovered (theme, country) cell, and every cell it
 * calls covered is covered by a member as the directory's facets count it — checked against the directory, not
 * against the coalition code; and the home hint, typed in English and in German, returns what the facets return.
 */
import { describe, expect, inject, it } from 'vitest';

const THEMES = ['alternatives-to-detention', 'children-youth-on-the-move', 'fair-asylum-systems'];
const COUNTRIES = ['BG', 'DE', 'GR', 'HU', 'IT', 'ES'];

async function graphql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${inject('baseUrl')}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables })
  });
  const json = (await response.json()) as { data?: T; errors?: unknown };
  expect(json.errors).toBeUndefined();
  return json.data!;
}

const COALITION = `
query Issue11($themes: [String!]!, $countries: [String!]!) {
  proposeCoalition(themes: $themes, countries: $countries) {
    best {
      members { organization { id name } }
      cells { theme { slug } country { code } covered coveredBy { id } }
      missingCells { theme { slug } country { code } }
      coveredCellCount requestedCellCount provenOptimal
      uncoveredThemes { slug } uncoveredCountries { code }
    }
  }
}`;

const DIRECTORY = `
query Cell($filter: OrganizationFilter) {
  organizations(filter: $filter, first: 100) { totalCount nodes { id } }
}`;

interface Directory {
  organizations: { totalCount: number; nodes: { id: string }[] };
}

const directory = (filter: Record<string, unknown>) => graphql<Directory>(DIRECTORY, { filter });

describe("issue 11's done-when on the demo data", () => {
  it('the coalition request of the issue names every uncovered cell and claims no coverage the members lack', async () => {
    const { proposeCoalition } = await graphql<{
      proposeCoalition: {
        best: {
          members: { organization: { id: string; name: string } }[];
          cells: {
            theme: { slug: string };
            country: { code: string };
            covered: boolean;
            coveredBy: { id: string }[];
          }[];
          missingCells: { theme: { slug: string }; country: { code: string } }[];
          coveredCellCount: number;
          requestedCellCount: number;
          provenOptimal: boolean;
          uncoveredThemes: { slug: string }[];
          uncoveredCountries: { code: string }[];
        };
      };
    }>(COALITION, { themes: THEMES, countries: COUNTRIES });
    const best = proposeCoalition.best;
    const memberIds = best.members.map((m) => m.organization.id);
    expect(best.requestedCellCount).toBe(THEMES.length * COUNTRIES.length);
    expect(best.cells).toHaveLength(THEMES.length * COUNTRIES.length);

    const missing = new Set(best.missingCells.map((c) => `${c.theme.slug}|${c.country.code}`));
    for (const cell of best.cells) {
      const key = `${cell.theme.slug}|${cell.country.code}`;
      // The directory's facets: who works on this theme (or a sub-theme) in this country.
      const there = await directory({ themes: [cell.theme.slug], countries: [cell.country.code] });
      expect(there.organizations.totalCount, key).toBeLessThanOrEqual(100);
      const thereIds = new Set(there.organizations.nodes.map((n) => n.id));
      const membersThere = memberIds.filter((id) => thereIds.has(id));
      if (cell.covered) {
        expect(missing.has(key), key).toBe(false);
        expect(cell.coveredBy.length, key).toBeGreaterThan(0);
        for (const by of cell.coveredBy) expect(thereIds.has(by.id), `${key} covered by ${by.id}`).toBe(true);
      } else {
        // Named as uncovered, and truly: no member is among the directory's organisations for the cell.
        expect(missing.has(key), key).toBe(true);
        expect(membersThere, key).toEqual([]);
      }
    }
    expect(best.coveredCellCount).toBe(best.cells.filter((c) => c.covered).length);
    console.log(
      `[issue 11] ${best.members.length} members (${best.members.map((m) => m.organization.name).join('; ')}), ` +
        `${best.coveredCellCount} of ${best.requestedCellCount} cells, proven optimal: ${best.provenOptimal}, ` +
        `missing: ${[...missing].join(' ') || 'none'}, uncovered themes: ${best.uncoveredThemes.map((t) => t.slug).join(' ') || 'none'}`
    );
  });

  it('the home hint in English and German returns what the facets return for that theme and country', async () => {
    const facets = await directory({ themes: ['alternatives-to-detention'], countries: ['GR'] });
    const ids = (d: Directory) => d.organizations.nodes.map((n) => n.id).sort();
    expect(facets.organizations.totalCount).toBeGreaterThan(0);
    for (const query of ['alternatives to detention, Greece', 'Alternativen zur Abschiebungshaft Griechenland']) {
      const typed = await directory({ query });
      expect(typed.organizations.totalCount, query).toBe(facets.organizations.totalCount);
      expect(ids(typed), query).toEqual(ids(facets));
    }
    console.log(`[issue 11] home hint: ${facets.organizations.totalCount} organisations, as the facets`);
  });
});
