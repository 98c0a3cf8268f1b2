import { graphql } from '../generated';

/** What the coalition builder's form offers: the theme tree and Europe's countries by region, in the page language. */
export const CoalitionChoicesQuery = graphql(`
  query CoalitionChoices($lang: Language!) {
    ...ThemeAndCountryChoices
    countries(europeOnly: true) {
      region
    }
  }
`);

/**
 * A must-include entry as typed or linked: a slug (what the builder writes into its URLs), a global id (what API
 * users have), or a name typed into the search field; the page tries them in that order.
 */
export const CoalitionIncludeBySlugQuery = graphql(`
  query CoalitionIncludeBySlug($slug: String!) {
    organization(slug: $slug) {
      id
      slug
      name
    }
  }
`);

export const CoalitionIncludeByIdQuery = graphql(`
  query CoalitionIncludeById($id: ID!) {
    organization(id: $id) {
      id
      slug
      name
    }
  }
`);

/** Suggestions for the must-include search field, and the name lookup of its plain-text fallback. */
export const CoalitionOrganizationSearchQuery = graphql(`
  query CoalitionOrganizationSearch($query: String!, $first: Int!) {
    organizations(filter: { query: $query }, first: $first) {
      nodes {
        id
        slug
        name
        hqCountry {
          code
        }
      }
    }
  }
`);

export const CoalitionFieldsFragment = graphql(`
  fragment CoalitionFields on Coalition {
    requestedCellCount
    coveredCellCount
    provenOptimal
    cells {
      theme {
        slug
      }
      country {
        code
      }
      covered
    }
    uncoveredThemes {
      slug
    }
    members {
      organization {
        id
        slug
        name
      }
      coversCountries {
        code
      }
    }
    ties {
      a {
        id
      }
      b {
        id
      }
    }
    uncoveredCountries {
      code
    }
  }
`);

export const ProposeCoalitionQuery = graphql(`
  query ProposeCoalition($themes: [String!]!, $countries: [String!]!, $size: Int, $include: [ID!]) {
    proposeCoalition(themes: $themes, countries: $countries, size: $size, include: $include) {
      best {
        ...CoalitionFields
      }
      alternatives {
        ...CoalitionFields
        comparedToProposal {
          cellsGained {
            theme {
              slug
            }
            country {
              code
            }
          }
          cellsLost {
            theme {
              slug
            }
            country {
              code
            }
          }
          joins {
            id
            name
          }
          leaves {
            id
            name
          }
          tiesDifference
        }
      }
    }
  }
`);
