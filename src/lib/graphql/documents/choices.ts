import { graphql } from '../generated';

/**
 * What a form that picks themes and places offers: the theme tree (two levels) and Europe's countries, named in the
 * page's language (`$lang`, a variable of the query that spreads it). The dashboard, the coalition builder and the
 * organisation form spread it and add what only they need (a country's region, a third theme level).
 */
export const ThemeAndCountryChoicesFragment = graphql(`
  fragment ThemeAndCountryChoices on Query {
    themes {
      slug
      name(lang: $lang)
      children {
        slug
        name(lang: $lang)
      }
    }
    countries(europeOnly: true) {
      code
      name(lang: $lang)
    }
  }
`);
