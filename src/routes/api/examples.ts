/**
 * The API guide's example queries. Each answers one user need from the issue (directory search, a profile with
 * its partners, recommended partners, a proposed coalition, the coverage matrix) and is written against the
 * committed SDL — examples.test.ts validates every one, so a schema change that breaks an example fails a test.
 * The profile and recommendation examples run against a real organisation of this installation, so "Open in
 * GraphiQL" returns data instead of "not found".
 */

export interface ExampleOrganization {
  id: string;
  slug: string;
  name: string;
}

export type ExampleKey = 'search' | 'profile' | 'recommendations' | 'coalition' | 'coverage';

export interface ApiExample {
  key: ExampleKey;
  query: string;
}

/** Used when the directory is still empty: the queries stay valid and answer null / "not found". */
export const PLACEHOLDER_ORGANIZATION: ExampleOrganization = {
  id: 'T3JnYW5pemF0aW9uOmV4YW1wbGU=',
  slug: 'your-organisation',
  name: 'your organisation'
};

export function apiExamples(org: ExampleOrganization): ApiExample[] {
  return [
    {
      key: 'search',
      query: `{
  organizations(
    filter: { query: "legal aid", countries: ["GR", "IT"] }
    first: 10
  ) {
    totalCount
    nodes {
      name
      slug
      hqCountry { name }
      themes { name }
    }
    facets {
      themes { theme { slug name } count }
    }
  }
}`
    },
    {
      key: 'profile',
      query: `{
  organization(slug: "${org.slug}") {
    name
    description
    website
    countries { code name }
    partnerCount
    partners(first: 10) { name slug }
    partnerships(first: 5, status: [CONFIRMED]) {
      nodes { kind title orgA { name } orgB { name } }
    }
  }
}`
    },
    {
      key: 'recommendations',
      query: `{
  recommendedPartners(organizationId: "${org.id}", first: 5) {
    score
    organization { name slug }
    reasons {
      sharedPartners { name }
      sharedThemes { name }
      countriesAdded { code }
      distance
    }
  }
}`
    },
    {
      key: 'coalition',
      query: `{
  proposeCoalition(
    themes: ["alternatives-to-detention"]
    countries: ["GR", "IT", "ES", "MT"]
  ) {
    best {
      requestedCellCount
      coveredCellCount
      provenOptimal
      members {
        organization { name }
        coversCountries { code }
      }
      ties { a { name } b { name } }
      uncoveredCountries { code }
      uncoveredThemes { slug }
      missingCells { theme { slug } country { code } }
    }
  }
}`
    },
    {
      key: 'coverage',
      query: `{
  coverageMatrix(themes: ["legal-aid", "housing"], gaps: [NONE, THIN]) {
    fromYear
    toYear
    thinBelow
    cells {
      themeSlug
      countryCode
      organizations
      gaps
    }
  }
}`
    }
  ];
}

/** GraphiQL (served by /graphql itself) opens with the query in its editor. */
export function graphiqlHref(query: string): string {
  return `/graphql?query=${encodeURIComponent(query)}`;
}

/**
 * The same request with curl: the query as a JSON body, quoted for a POSIX shell (a single quote inside
 * becomes '\''), so the line can be pasted as is.
 */
export function curlCommand(origin: string, query: string): string {
  const body = JSON.stringify({ query: query.replace(/\s+/g, ' ').trim() });
  const quoted = `'${body.replaceAll("'", `'\\''`)}'`;
  return `curl -s ${origin}/graphql \\\n  -H 'content-type: application/json' \\\n  -d ${quoted}`;
}
