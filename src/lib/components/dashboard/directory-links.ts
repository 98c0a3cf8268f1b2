/**
 * Links from the dashboard to the organisations behind a cell: the directory filtered to a theme (sub-themes
 * included, as the matrix counts them) and one or more countries (OR-ed, as the directory's facets are). Built with
 * the directory's own URL writer so the parameter names cannot drift apart.
 */
import { directoryHref } from '../../directory/directory-params';

export function directoryCellHref(themeSlug: string, countryCodes: readonly string[]): string {
  return directoryHref({
    query: '',
    themes: [themeSlug],
    countries: [...countryCodes],
    levels: [],
    types: [],
    languages: [],
    sort: null,
    after: null,
    before: null
  });
}
