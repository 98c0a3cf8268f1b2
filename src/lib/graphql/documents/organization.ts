import { graphql } from '../generated';

/**
 * The organisation page (/organizations/<slug>): the profile, its partners with their own partners (the network
 * view's second ring; nested `partners` is batched per level by the partnerGraph loader, see
 * tests/integration/graphql-n-plus-one), and the viewer's memberships (to offer "Propose a partnership").
 */
export const OrganizationPageQuery = graphql(`
  query OrganizationPage($slug: String!, $lang: Language!) {
    organization(slug: $slug) {
      id
      slug
      name
      type
      description
      website
      foundedYear
      hqCity
      hqCountry {
        code
        name(lang: $lang)
      }
      levels
      languages
      contactEmail
      contactEmailVisibility
      contactPhone
      contactPhoneVisibility
      archived
      viewerCanEdit
      verified
      viewerCan {
        propose
        requestIntroduction
      }
      updatedAt
      sourceKind
      source
      licence
      identifiers {
        scheme
        identifier
      }
      themes {
        slug
        name(lang: $lang)
      }
      countries {
        code
        name(lang: $lang)
        isEurope
      }
      networks {
        role
        since
        until
        network {
          slug
          name
          website
        }
      }
      grantsReceived(first: 10) {
        id
        title
        amountAwarded
        currency
        awardDate
        funder {
          slug
          name
        }
      }
      grantsGiven(first: 10) {
        id
        title
        amountAwarded
        currency
        awardDate
        recipient {
          slug
          name
        }
      }
      partnerCount
      partners(first: 40) {
        id
        slug
        name
        type
        hqCountry {
          code
          name(lang: $lang)
        }
        partners(first: 12) {
          id
          slug
          name
        }
      }
    }
  }
`);

/** Recommended partners with the reasons the matchmaking service gives (docs/decisions/0006-recommendation-score.md). */
export const OrganizationRecommendationsQuery = graphql(`
  query OrganizationRecommendations($id: ID!, $lang: Language!) {
    recommendedPartners(organizationId: $id, first: 6) {
      score
      contributions {
        reason
        weight
      }
      organization {
        id
        slug
        name
        type
        hqCountry {
          code
          name(lang: $lang)
        }
      }
      reasons {
        distance
        sharedPartners {
          slug
          name
        }
        sharedThemes {
          slug
          name(lang: $lang)
        }
        countriesAdded {
          code
          name(lang: $lang)
        }
        levelsAdded
        partnerCount
      }
    }
  }
`);

/**
 * "How are we connected?": what the visitor typed (a slug from a link, or a name) → candidate organisations. The
 * exact slug wins; otherwise the directory's free-text search ranks names.
 */
export const ConnectionTargetQuery = graphql(`
  query ConnectionTarget($text: String!) {
    bySlug: organization(slug: $text) {
      id
      slug
      name
    }
    matches: organizations(filter: { query: $text }, first: 6) {
      nodes {
        id
        slug
        name
      }
    }
  }
`);

export const ConnectionPathsQuery = graphql(`
  query ConnectionPaths($from: ID!, $to: ID!) {
    connectionPaths(from: $from, to: $to, max: 3) {
      length
      organizations {
        id
        slug
        name
      }
    }
  }
`);

/** Name suggestions while typing in the connection finder (browser only). */
export const OrganizationSuggestionsQuery = graphql(`
  query OrganizationSuggestions($text: String!) {
    organizations(filter: { query: $text }, first: 8) {
      nodes {
        id
        slug
        name
      }
    }
  }
`);

/** A funder's grants grouped by theme, country and year, and its grantees' partnering (asked only of funders). */
export const OrganizationFundingQuery = graphql(`
  query OrganizationFunding($slug: String!, $lang: Language!) {
    organization(slug: $slug) {
      id
      funding {
        grantCount
        totals {
          currency
          amount
          count
        }
        byTheme {
          theme {
            slug
            name(lang: $lang)
          }
          grantCount
          totals {
            currency
            amount
          }
        }
        byCountry {
          country {
            code
            name(lang: $lang)
          }
          grantCount
          totals {
            currency
            amount
          }
        }
        byYear {
          year
          grantCount
          totals {
            currency
            amount
          }
        }
        granteePartnerShare {
          granteeCount
          partneringGranteeCount
          partneredPairCount
          share
        }
      }
    }
  }
`);
