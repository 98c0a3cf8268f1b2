/**
 * What the dashboard's map shows per country: the number of DISTINCT organisations working there — on the chosen
 * theme (or one of its sub-themes), or on any theme — exactly as the directory counts them (its country facet, the
 * viewer's visibility). Never a sum over themes: an organisation working on three themes counts once.
 *
 * The map's scope is the data's: the European countries where at least one organisation (visible to the viewer)
 * works. Countries outside it are drawn grey and the map is zoomed to the scope.
 */
import type { NamedCountry } from './coverage';

export interface FacetCount {
  count: number;
  country: { code: string };
}

export interface MapFigure {
  country: NamedCountry;
  organizations: number;
}

export interface MapFigures {
  /** The countries in scope, in display order, with their count (0 = a gap for the chosen theme). */
  figures: MapFigure[];
  scope: string[];
}

/**
 * @param countries European countries in display order.
 * @param all the directory's per-country counts over all organisations (defines the scope).
 * @param theme the per-country counts for the chosen theme, or null for all themes.
 */
export function mapFigures(
  countries: readonly NamedCountry[],
  all: readonly FacetCount[],
  theme: readonly FacetCount[] | null
): MapFigures {
  const anyTheme = new Map(all.map((f) => [f.country.code, f.count]));
  const counts = theme ? new Map(theme.map((f) => [f.country.code, f.count])) : anyTheme;
  const inScope = countries.filter((c) => (anyTheme.get(c.code) ?? 0) > 0);
  return {
    figures: inScope.map((country) => ({ country, organizations: counts.get(country.code) ?? 0 })),
    scope: inScope.map((c) => c.code)
  };
}
