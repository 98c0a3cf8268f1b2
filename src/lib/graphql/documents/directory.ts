import { graphql } from '../generated';

/**
 * Everything the directory page shows, in one round trip: the theme tree (for the facet tree's labels and
 * order), one page of organisations with the total and the facet counts under the current filter.
 * The vocabulary is two levels deep (prisma/reference/themes.ts), so children are asked for once.
 *
 * The page imports codegen's `DirectoryPageDocument` (generated/graphql.ts) rather than this constant: `graphql()`
 * looks documents up in a map of every document in the project, which would add all other pages' queries to the
 * directory's JavaScript. This file stays the document's source (codegen reads it).
 */
export const DirectoryPageQuery = graphql(`
  query DirectoryPage(
    $filter: OrganizationFilter
    $orderBy: OrganizationOrder
    $first: Int
    $after: String
    $last: Int
    $before: String
    $lang: Language!
  ) {
    themes {
      slug
      name(lang: $lang)
      children {
        slug
        name(lang: $lang)
      }
    }
    organizations(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      interpretation {
        remainingText
        terms {
          text
          kind
          theme {
            name(lang: $lang)
          }
          country {
            name(lang: $lang)
          }
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        slug
        name
        type
        description
        hqCity
        hqCountry {
          code
          name(lang: $lang)
        }
        themes {
          slug
          name(lang: $lang)
        }
        partnerCount
      }
      facets {
        themes {
          count
          theme {
            slug
          }
        }
        countries {
          count
          country {
            code
            name(lang: $lang)
          }
        }
        levels {
          level
          count
        }
        types {
          type
          count
        }
        languages {
          language
          count
        }
      }
    }
  }
`);
