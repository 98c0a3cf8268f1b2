import { graphql } from '../generated';

/**
 * The directory's CSV download (/directory/export.csv): the page's filter and order, paged through at the API's
 * page maximum. Contact fields come back null where the viewer may not see them (the API applies visibility).
 */
export const DirectoryExportQuery = graphql(`
  query DirectoryExport($filter: OrganizationFilter, $orderBy: OrganizationOrder, $first: Int, $after: String) {
    organizations(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        slug
        name
        type
        website
        hqCity
        hqCountry {
          code
        }
        countries {
          code
        }
        themes {
          slug
        }
        levels
        languages
        contactEmail
        contactPhone
      }
    }
  }
`);

/**
 * The embeddable network view (/embed/organizations/<slug>/network). The load asks it without the visitor's
 * cookies, so it shows what an anonymous visitor sees whoever is signed in.
 */
export const EmbedNetworkQuery = graphql(`
  query EmbedNetwork($slug: String!) {
    organization(slug: $slug) {
      id
      slug
      name
      archived
      partnerCount
      partners(first: 40) {
        id
        slug
        name
        partners(first: 12) {
          id
          slug
          name
        }
      }
    }
  }
`);

/**
 * The directory's current filter as a map (/directory/map and /embed/map): per country, the organisations the
 * filter finds there — the directory's own country facet, so each figure is exactly what the directory shows when
 * the country is clicked. Europe's countries (named) are the map's frame.
 */
export const ResultsMapQuery = graphql(`
  query ResultsMap($filter: OrganizationFilter, $lang: Language!) {
    ...ThemeAndCountryChoices
    organizations(filter: $filter, first: 1) {
      totalCount
      facets {
        ...DashboardMapFacets
      }
    }
  }
`);
