import { graphql } from '../generated';

/*
 * Rows of the dashboard's tables, shared by the page's query and the CSV exports' queries so that a CSV has
 * exactly the fields the page shows (`$lang` is the operation's variable).
 */
export const DashboardBrokerFragment = graphql(`
  fragment DashboardBroker on Broker {
    betweenness
    relative
    partners
    communitiesBridged
    organization {
      slug
      name
    }
  }
`);

export const DashboardCommunityFragment = graphql(`
  fragment DashboardCommunity on Community {
    rank
    size
    dominantThemes {
      organizations
      theme {
        slug
        name(lang: $lang)
      }
    }
    dominantCountries {
      organizations
      country {
        code
        name(lang: $lang)
      }
    }
    hubs {
      slug
      name
    }
  }
`);

export const DashboardIsolatedOrganizationFragment = graphql(`
  fragment DashboardIsolatedOrganization on Organization {
    slug
    name
    type
    hqCountry {
      code
      name(lang: $lang)
    }
  }
`);

export const DashboardDensityYearFragment = graphql(`
  fragment DashboardDensityYear on DensityYear {
    year
    organizations
    activePairs
    density
  }
`);

export const DashboardMapFacetsFragment = graphql(`
  fragment DashboardMapFacets on OrganizationFacets {
    countries {
      count
      country {
        code
      }
    }
  }
`);

/** The coverage matrix as the heatmap, gap list and CSV exports read it: its header and every cell's figures. */
export const DashboardCoverageMatrixFragment = graphql(`
  fragment DashboardCoverageMatrix on CoverageMatrix {
    computedAt
    visibilityLevel
    fromYear
    toYear
    thinBelow
    gapScope
    cells {
      themeSlug
      countryCode
      organizations
      partnershipsWithin
      partnershipsAcross
      grants
      grantsEur
      otherCurrencyGrants
      gaps
      severity
      rank
      neighbourCountryCodes
    }
  }
`);

/** The network figures (isolated, brokers, communities, density): in the CSV export's query and the lazy section's. */
export const DashboardNetworkFiguresFragment = graphql(`
  fragment DashboardNetworkFigures on Query {
    isolatedOrganizations(first: 25) {
      totalCount
      organizations {
        ...DashboardIsolatedOrganization
      }
    }
    brokers(first: 10) {
      computedAt
      betweennessSources
      brokers {
        ...DashboardBroker
      }
    }
    communities(first: 10) {
      computedAt
      communityCount
      modularity
      communities {
        ...DashboardCommunity
      }
    }
    networkDensity {
      computedAt
      visibilityLevel
      undatedPartnerships
      years {
        ...DashboardDensityYear
      }
    }
  }
`);

/**
 * The dashboard's sections built on the partnership graph (Neo4j): the coverage matrix (heatmap, gap list), isolated
 * organisations, brokers, communities and density. Asked separately from DashboardQuery so that, while Neo4j is
 * down, the page still shows its PostgreSQL parts (map, grants, filters) with a notice instead of failing
 * (issue 14; src/lib/graphql/graph-unavailable.ts).
 */
export const DashboardGraphQuery = graphql(`
  query DashboardGraph($lang: Language!, $fromYear: Int, $toYear: Int) {
    coverageMatrix(fromYear: $fromYear, toYear: $toYear) {
      ...DashboardCoverageMatrix
    }
    ...DashboardNetworkFigures
  }
`);

/**
 * The directory's organisations per country on one theme (or a sub-theme of it), for the map's theme picker. A
 * separate request, made only once the slug is known to be a theme (an unknown one would fail the whole query).
 */
export const DashboardMapThemeQuery = graphql(`
  query DashboardMapTheme($themes: [String!]!) {
    organizations(first: 1, filter: { themes: $themes }) {
      facets {
        ...DashboardMapFacets
      }
    }
  }
`);

/**
 * The dashboard's PostgreSQL parts in one request (funders, themes, countries, the map's counts): the anonymous
 * rate limit counts requests per minute, so a page view should cost few. The graph's sections come in
 * DashboardGraphQuery, grants in DashboardGrantsPage (the URL names the funder by slug, and its id comes from this
 * answer's funder list). The API applies the viewer's visibility to every field; the page never filters it.
 */
export const DashboardQuery = graphql(`
  query Dashboard($lang: Language!) {
    funders: organizations(filter: { types: [FUNDER] }, first: 100, orderBy: { field: NAME }) {
      totalCount
      nodes {
        id
        slug
        name
      }
    }
    ...ThemeAndCountryChoices
    # The map counts what the directory counts (distinct organisations per country, the viewer's visibility);
    # this is also the map's scope. A chosen theme's counts follow in DashboardMapThemeQuery.
    mapAll: organizations(first: 1) {
      facets {
        ...DashboardMapFacets
      }
    }
  }
`);

export const DashboardGrantFragment = graphql(`
  fragment DashboardGrant on Grant {
    id
    title
    amountAwarded
    currency
    awardDate
    funder {
      slug
      name
    }
    recipient {
      slug
      name
    }
    themes {
      slug
      name(lang: $lang)
      parent {
        slug
      }
    }
    countries {
      code
    }
  }
`);

/** One page of a funder's grants, to add up its money per theme × country (the matrix counts all funders). */
export const DashboardGrantsPageQuery = graphql(`
  query DashboardGrantsPage($lang: Language!, $grantFilter: GrantFilter!, $after: String) {
    grants(filter: $grantFilter, first: 100, after: $after) {
      totalCount
      totals {
        currency
        amount
        count
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...DashboardGrant
      }
    }
  }
`);

/** The coverage matrix alone, for the heatmap, gap list and per-country CSV exports. */
export const DashboardMatrixQuery = graphql(`
  query DashboardMatrix($lang: Language!, $fromYear: Int, $toYear: Int, $gaps: [CoverageGap!]) {
    ...ThemeAndCountryChoices
    coverageMatrix(fromYear: $fromYear, toYear: $toYear, gaps: $gaps) {
      ...DashboardCoverageMatrix
    }
  }
`);

/** One page of isolated organisations (the API allows 500 per page) for the CSV export. */
export const DashboardIsolatedQuery = graphql(`
  query DashboardIsolated($lang: Language!, $offset: Int!) {
    isolatedOrganizations(first: 500, offset: $offset) {
      totalCount
      organizations {
        ...DashboardIsolatedOrganization
      }
    }
  }
`);

/** Everything the API reports about brokers, communities and density (at most 50 each), for the CSV exports. */
export const DashboardNetworkQuery = graphql(`
  query DashboardNetwork($lang: Language!) {
    brokers(first: 50) {
      computedAt
      brokers {
        ...DashboardBroker
      }
    }
    communities(first: 50) {
      computedAt
      communities {
        ...DashboardCommunity
      }
    }
    networkDensity {
      computedAt
      visibilityLevel
      years {
        ...DashboardDensityYear
      }
    }
  }
`);

/**
 * The first screen's PostgreSQL part (decision 0052): the funders (the URL names one by slug) and the theme and
 * country choices — no facet counts (the map's come with its section, when it is scrolled to).
 */
export const DashboardChoicesQuery = graphql(`
  query DashboardChoices($lang: Language!) {
    funders: organizations(filter: { types: [FUNDER] }, first: 100, orderBy: { field: NAME }) {
      totalCount
      nodes {
        id
        slug
        name
      }
    }
    ...ThemeAndCountryChoices
  }
`);

/**
 * The heatmap's cells only (decision 0052): the rows it draws (top-level themes and the sub-themes of opened ones),
 * not the whole matrix the gap list ranks. Ranks and severities are the whole matrix's (the API ranks first).
 */
export const DashboardHeatmapQuery = graphql(`
  query DashboardHeatmap($fromYear: Int, $toYear: Int, $themes: [String!]) {
    coverageMatrix(fromYear: $fromYear, toYear: $toYear, themes: $themes) {
      ...DashboardCoverageMatrix
    }
  }
`);

/** The network sections below the fold (isolated, brokers, communities, density), loaded when scrolled to. */
export const DashboardNetworkSectionQuery = graphql(`
  query DashboardNetworkSection($lang: Language!) {
    ...DashboardNetworkFigures
  }
`);
