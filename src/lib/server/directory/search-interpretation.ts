import type { OrganizationFilter } from './search-filter';
import { buildLexicon, type VocabularyCountry, type VocabularyTheme } from './vocabulary/lexicon';
import { interpretQuery, type QueryInterpretation } from './vocabulary/interpret';

function union(explicit: string[] | null | undefined, interpreted: string[]): string[] | null | undefined {
  if (interpreted.length === 0) return explicit;
  return [...new Set([...(explicit ?? []), ...interpreted])];
}

/**
 * The filter free text stands for: recognised themes and countries join the facet selections (a value typed is
 * a value ticked — alternatives within a dimension, as the facets combine them) and only the remaining words are
 * searched as text. Null interpretation when there is no query.
 */
export function interpretFilter(
  filter: OrganizationFilter,
  vocabulary: { themes: readonly VocabularyTheme[]; countries: readonly VocabularyCountry[] }
): { filter: OrganizationFilter; interpretation: QueryInterpretation | null } {
  const query = filter.query?.trim();
  if (!query) return { filter, interpretation: null };
  const interpretation = interpretQuery(query, buildLexicon(vocabulary.themes, vocabulary.countries));
  return {
    interpretation,
    filter: {
      ...filter,
      query: interpretation.remainingText || null,
      themes: union(filter.themes, interpretation.themes),
      countries: union(filter.countries, interpretation.countries)
    }
  };
}
