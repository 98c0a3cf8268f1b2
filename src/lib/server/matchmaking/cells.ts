/**
 * Coverage of a coalition request, counted over (theme, country) cells: a member covers a cell when it works on
 * that theme (or a sub-theme) and in that country (operating or headquartered). The profile data says which
 * themes and which countries an organisation works on, not which theme where, so an organisation covers every
 * pairing of its requested themes and requested countries. Pure: the selection (select-coalition.ts), the
 * answer and the tests all count coverage with these functions, so what a coalition reports is what its members
 * have.
 */

export interface Cell {
  theme: string;
  country: string;
}

/** What the selection needs to know about a candidate; `themes` and `countries` are the requested ones only. */
export interface CellCandidate {
  id: string;
  themes: string[];
  countries: string[];
  /** Visible confirmed partnerships: a tiebreak between otherwise equal coalitions. */
  degree: number;
}

export interface CellCoverage extends Cell {
  /** Member ids working on this theme in this country, in member order; empty for a missing cell. */
  coveredBy: string[];
}

/** One string per cell for sets and maps; `|` appears in neither a theme slug nor a country code. */
export const cellKey = (theme: string, country: string) => `${theme}|${country}`;

/** Every requested cell, themes as rows in the requested order, countries in the requested order within a row. */
export function requestedCells(themes: readonly string[], countries: readonly string[]): Cell[] {
  return themes.flatMap((theme) => countries.map((country) => ({ theme, country })));
}

/** The requested cells a candidate covers, in the order of `requestedCells`. */
export function cellsOf(
  candidate: Pick<CellCandidate, 'themes' | 'countries'>,
  themes: readonly string[],
  countries: readonly string[]
): Cell[] {
  // Only the candidate's own themes and countries are paired: building every requested cell and filtering (as
  // before) was the selection's largest JavaScript cost, called per candidate in every greedy step.
  const ownCountries = countries.filter((country) => candidate.countries.includes(country));
  return themes
    .filter((theme) => candidate.themes.includes(theme))
    .flatMap((theme) => ownCountries.map((country) => ({ theme, country })));
}

/** Per requested cell, which of the members cover it, recomputed from the members' own themes and countries. */
export function coverageOf(
  members: readonly string[],
  candidates: ReadonlyMap<string, Pick<CellCandidate, 'themes' | 'countries'>>,
  themes: readonly string[],
  countries: readonly string[]
): CellCoverage[] {
  return requestedCells(themes, countries).map((cell) => ({
    ...cell,
    coveredBy: members.filter((id) => {
      const c = candidates.get(id);
      return c !== undefined && c.themes.includes(cell.theme) && c.countries.includes(cell.country);
    })
  }));
}

export interface CoverageSummary {
  covered: Cell[];
  missing: Cell[];
  /** Requested themes no member covers in any requested country. */
  uncoveredThemes: string[];
  /** Requested countries where no member covers any requested theme. */
  uncoveredCountries: string[];
}

/** Covered and missing cells, and the themes and countries missing in full, from a per-cell coverage. */
export function summariseCoverage(
  coverage: readonly CellCoverage[],
  themes: readonly string[],
  countries: readonly string[]
): CoverageSummary {
  const covered = coverage.filter((c) => c.coveredBy.length > 0).map(({ theme, country }) => ({ theme, country }));
  const missing = coverage.filter((c) => c.coveredBy.length === 0).map(({ theme, country }) => ({ theme, country }));
  const themesCovered = new Set(covered.map((c) => c.theme));
  const countriesCovered = new Set(covered.map((c) => c.country));
  return {
    covered,
    missing,
    uncoveredThemes: themes.filter((t) => !themesCovered.has(t)),
    uncoveredCountries: countries.filter((c) => !countriesCovered.has(c))
  };
}

/** Confirmed ties (unordered pairs) with both ends among the members, once per pair. */
export function tiesAmong(
  members: readonly string[],
  ties: readonly (readonly [string, string])[]
): [string, string][] {
  const inside = new Set(members);
  const seen = new Set<string>();
  const out: [string, string][] = [];
  for (const [a, b] of ties) {
    if (a === b || !inside.has(a) || !inside.has(b)) continue;
    const pair: [string, string] = a < b ? [a, b] : [b, a];
    const key = pair.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(pair);
  }
  return out;
}

/**
 * A candidate's requested cells as keys (none for an unknown id), computed once per candidate list and request:
 * the greedy covers and alternatives (select-coalition.ts, set-cover-cells.ts) test, compare and trim coalitions
 * many times over the same candidates.
 */
const cellKeyCache = new WeakMap<CellCandidate[], Map<string, Map<string, string[]>>>();
export function cellKeysOf(input: {
  candidates: CellCandidate[];
  themes: readonly string[];
  countries: readonly string[];
}): (id: string) => string[] {
  const request = `${input.themes.join(',')} ${input.countries.join(',')}`;
  let byRequest = cellKeyCache.get(input.candidates);
  if (!byRequest) cellKeyCache.set(input.candidates, (byRequest = new Map()));
  let keys = byRequest.get(request);
  if (!keys) {
    keys = new Map(
      input.candidates.map((c) => [
        c.id,
        cellsOf(c, input.themes, input.countries).map((cell) => cellKey(cell.theme, cell.country))
      ])
    );
    byRequest.set(request, keys);
  }
  const found = keys;
  return (id) => found.get(id) ?? [];
}
