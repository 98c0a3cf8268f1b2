/**
 * The theme × country coverage matrix funders read to find gaps: per cell, the organisations working on the theme
 * (or one of its sub-themes) in the country, the visible confirmed partnerships inside the cell and reaching out of
 * it, the grant money spent there, and gap flags.
 *
 * Gap flags (a cell can carry several):
 *   none     — no organisation at all
 *   thin     — fewer than THIN_BELOW organisations (1 or 2: one closure or one staff change from none)
 *   isolated — at least two organisations but no visible confirmed partnership among them
 *
 * Organisations count in the cell of every theme they work on and of each ancestor of those themes (an
 * organisation on "age assessment" is also in "children and youth on the move"), once per cell; countries are
 * where they operate or are headquartered. Archived organisations are left out.
 */
import { readTx } from '../platform/neo4j';
import { visibilityParams, visiblePartnership } from '../access/visibility-cypher';
import { num } from '../matchmaking/values';
import { visibilityOfLevel, type VisibilityLevel } from './levels';
import { grantsPerCell } from './matrix-grants';

export const THIN_BELOW = 3;

export type Gap = 'none' | 'thin' | 'isolated';

export interface MatrixCell {
  theme: string;
  country: string;
  organizations: number;
  /** Visible confirmed partnerships with both organisations in the cell. */
  partnershipsWithin: number;
  /** Visible confirmed partnerships with exactly one organisation in the cell. */
  partnershipsAcross: number;
  grants: number;
  /** Sum of EUR grants; grants in other currencies are only counted. */
  grantsEur: number;
  otherCurrencyGrants: number;
  gaps: Gap[];
}

export interface ThemeCountryMatrix {
  themes: { slug: string; name: string; parent: string | null }[];
  /** European countries always (so empty ones show as gaps), others where some organisation works. */
  countries: { code: string; name: string; isEurope: boolean }[];
  cells: MatrixCell[];
  thinBelow: number;
  fromYear: number;
  toYear: number;
}

const THEMES = `
MATCH (t:Theme)
OPTIONAL MATCH (t)-[:SUBTHEME_OF]->(p:Theme)
RETURN t.id AS id, coalesce(t.slug, t.id) AS slug, coalesce(t.nameEn, t.slug, t.id) AS name, p.slug AS parent
ORDER BY coalesce(p.slug, t.slug), p IS NOT NULL, t.slug`;

// Per cell, its organisations and the visible confirmed partnerships they take part in (`endpoints`: a partnership
// with both sides in the cell counts twice). Partnerships reaching out of the cell = endpoints − 2·within.
const ORGANIZATIONS_PER_CELL = `
MATCH (o:Organization) WHERE o.archived = false
WITH COLLECT { MATCH (o)-[:WORKS_ON]->(:Theme)-[:SUBTHEME_OF*0..]->(t:Theme) RETURN DISTINCT t.id } AS themeIds,
     COLLECT { MATCH (o)-[:OPERATES_IN|HEADQUARTERED_IN]->(k:Country) RETURN DISTINCT k.code } AS codes,
     COUNT { MATCH (o)-[r:PARTNERS_WITH]-(p:Organization) WHERE p.archived = false AND ${visiblePartnership('r')} } AS partnerships
UNWIND themeIds AS themeId
UNWIND codes AS code
RETURN themeId, code, count(*) AS organizations, sum(partnerships) AS endpoints`;

// A partnership lies within every cell both sides are in: the themes they share × the countries they share.
const PARTNERSHIPS_WITHIN_CELLS = `
MATCH (a:Organization)-[r:PARTNERS_WITH]->(b:Organization)
WHERE a.archived = false AND b.archived = false AND ${visiblePartnership('r')}
WITH a, b, count(r) AS partnerships
WITH a, b, partnerships,
     COLLECT { MATCH (a)-[:OPERATES_IN|HEADQUARTERED_IN]->(k:Country) RETURN DISTINCT k.code } AS countriesA,
     COLLECT { MATCH (b)-[:OPERATES_IN|HEADQUARTERED_IN]->(k:Country) RETURN DISTINCT k.code } AS countriesB
WITH a, b, partnerships, [c IN countriesA WHERE c IN countriesB] AS countries
WHERE size(countries) > 0
WITH partnerships, countries,
     COLLECT { MATCH (a)-[:WORKS_ON]->(:Theme)-[:SUBTHEME_OF*0..]->(t:Theme) RETURN DISTINCT t.id } AS themesA,
     COLLECT { MATCH (b)-[:WORKS_ON]->(:Theme)-[:SUBTHEME_OF*0..]->(t:Theme) RETURN DISTINCT t.id } AS themesB
UNWIND [t IN themesA WHERE t IN themesB] AS themeId
UNWIND countries AS code
RETURN themeId, code, sum(partnerships) AS partnerships`;

const COUNTRIES = `
MATCH (k:Country)
WHERE k.isEurope = true OR EXISTS { MATCH (k)<-[:OPERATES_IN|HEADQUARTERED_IN]-(o:Organization) WHERE o.archived = false }
RETURN k.code AS code, coalesce(k.nameEn, k.code) AS name, coalesce(k.isEurope, false) AS isEurope
ORDER BY isEurope DESC, name`;

export async function computeMatrix(
  level: VisibilityLevel,
  fromYear: number,
  toYear: number
): Promise<ThemeCountryMatrix> {
  const visibility = visibilityOfLevel(level);
  const graph = await readTx(async (tx) => ({
    themes: (await tx.run(THEMES)).records,
    countries: (await tx.run(COUNTRIES)).records,
    organizations: (await tx.run(ORGANIZATIONS_PER_CELL, visibilityParams(visibility))).records,
    within: (await tx.run(PARTNERSHIPS_WITHIN_CELLS, visibilityParams(visibility))).records
  }));
  const grants = await grantsPerCell(visibility, fromYear, toYear);

  const themes = graph.themes.map((r) => ({
    id: r.get('id') as string,
    slug: r.get('slug') as string,
    name: r.get('name') as string,
    parent: r.get('parent') as string | null
  }));
  const countries = graph.countries.map((r) => ({
    code: r.get('code') as string,
    name: r.get('name') as string,
    isEurope: r.get('isEurope') as boolean
  }));
  const cell = (themeId: string, code: string) => `${themeId} ${code}`;
  const organizations = new Map(
    graph.organizations.map((r) => [cell(r.get('themeId'), r.get('code')), num(r.get('organizations'))])
  );
  const endpoints = new Map(
    graph.organizations.map((r) => [cell(r.get('themeId'), r.get('code')), num(r.get('endpoints'))])
  );
  const within = new Map(graph.within.map((r) => [cell(r.get('themeId'), r.get('code')), num(r.get('partnerships'))]));
  const grantCells = new Map(grants.map((g) => [cell(g.themeId, g.countryCode), g]));

  const cells: MatrixCell[] = [];
  for (const theme of themes) {
    for (const country of countries) {
      const key = cell(theme.id, country.code);
      const count = organizations.get(key) ?? 0;
      const inside = within.get(key) ?? 0;
      const gaps: Gap[] = [];
      if (count === 0) gaps.push('none');
      else if (count < THIN_BELOW) gaps.push('thin');
      if (count >= 2 && inside === 0) gaps.push('isolated');
      const money = grantCells.get(key);
      cells.push({
        theme: theme.slug,
        country: country.code,
        organizations: count,
        partnershipsWithin: inside,
        partnershipsAcross: (endpoints.get(key) ?? 0) - 2 * inside,
        grants: money?.grants ?? 0,
        grantsEur: money?.eur ?? 0,
        otherCurrencyGrants: money?.otherCurrencyGrants ?? 0,
        gaps
      });
    }
  }
  return {
    themes: themes.map(({ slug, name, parent }) => ({ slug, name, parent })),
    countries,
    cells,
    thinBelow: THIN_BELOW,
    fromYear,
    toYear
  };
}
