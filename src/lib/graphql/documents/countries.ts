import { graphql } from '../generated';

/** European countries with their names, for facets, pickers and map labels. */
export const EuropeanCountriesQuery = graphql(`
  query EuropeanCountries {
    countries(europeOnly: true) {
      code
      name
    }
  }
`);
