/**
 * What a proposed coalition means per country and per member, derived from the API's answer alone (the page
 * never recomputes the proposal): which requested countries are covered and by whom, which are gaps, and who is
 * tied to whom. Shared by the map, the lists and the CSV export.
 */
export interface CoalitionData {
  requestedCellCount: number;
  coveredCellCount: number;
  /** True when the solver proved no coalition covers more cells with fewer members or more ties. */
  provenOptimal: boolean;
  /** Every requested (theme, country) cell, themes in request order, countries within each theme. */
  cells: { theme: { slug: string }; country: { code: string }; covered: boolean }[];
  /** Requested themes no member works on in any requested country. */
  uncoveredThemes: { slug: string }[];
  members: { organization: { id: string; slug: string; name: string }; coversCountries: { code: string }[] }[];
  ties: { a: { id: string }; b: { id: string } }[];
  uncoveredCountries: { code: string }[];
  /** For an alternative: how it differs from the proposal (absent for the proposal itself). */
  comparedToProposal?: CoalitionComparison | null;
}

export interface CoalitionComparison {
  cellsGained: { theme: { slug: string }; country: { code: string } }[];
  cellsLost: { theme: { slug: string }; country: { code: string } }[];
  joins: { id: string; name: string }[];
  leaves: { id: string; name: string }[];
  tiesDifference: number;
}

export type CountryStatus = 'covered' | 'gap';

/** Requested country → the names of the members working there, in member order (empty for a gap). */
export function membersByCountry(coalition: CoalitionData, requested: readonly string[]): Map<string, string[]> {
  const byCountry = new Map(requested.map((code) => [code, [] as string[]]));
  for (const member of coalition.members) {
    for (const { code } of member.coversCountries) byCountry.get(code)?.push(member.organization.name);
  }
  return byCountry;
}

/**
 * Requested country → covered or gap. The API's `uncoveredCountries` is the authority on gaps; a requested
 * country neither covered by a member nor listed there cannot happen, and would show as a gap rather than hide.
 */
export function countryStatuses(coalition: CoalitionData, requested: readonly string[]): Map<string, CountryStatus> {
  const covered = new Set(coalition.members.flatMap((m) => m.coversCountries.map((c) => c.code)));
  const gaps = new Set(coalition.uncoveredCountries.map((c) => c.code));
  return new Map(requested.map((code) => [code, covered.has(code) && !gaps.has(code) ? 'covered' : 'gap']));
}

export interface CoalitionSummary {
  members: number;
  /** Requested countries in which some member works on some requested theme, of those requested. */
  covered: number;
  requested: number;
  /** Requested (theme, country) cells some member covers, of those requested: the measure of coverage. */
  cellsCovered: number;
  cellsRequested: number;
  ties: number;
  /** Countries no member works in (on a requested theme). */
  gaps: string[];
  /** Themes no member works on in any requested country: gaps as serious as a missing country. */
  themeGaps: string[];
  /** Missing cells (theme slug, country code) whose theme and country are each covered elsewhere. */
  partialGaps: { theme: string; country: string }[];
}

export function summarise(coalition: CoalitionData, requested: readonly string[]): CoalitionSummary {
  const statuses = countryStatuses(coalition, requested);
  const gaps = requested.filter((code) => statuses.get(code) === 'gap');
  const themeGaps = coalition.uncoveredThemes.map((t) => t.slug);
  const partialGaps = coalition.cells
    .filter((c) => !c.covered && !themeGaps.includes(c.theme.slug) && !gaps.includes(c.country.code))
    .map((c) => ({ theme: c.theme.slug, country: c.country.code }));
  return {
    members: coalition.members.length,
    covered: requested.length - gaps.length,
    requested: requested.length,
    cellsCovered: coalition.coveredCellCount,
    cellsRequested: coalition.requestedCellCount,
    ties: coalition.ties.length,
    gaps,
    themeGaps,
    partialGaps
  };
}

export interface NamedTie {
  a: { id: string; slug: string; name: string };
  b: { id: string; slug: string; name: string };
}

/** The ties with the members' names, ordered by the members' order in the coalition. */
export function namedTies(coalition: CoalitionData): NamedTie[] {
  const order = new Map(coalition.members.map((m, i) => [m.organization.id, i]));
  const org = (id: string) => coalition.members[order.get(id)!]!.organization;
  return coalition.ties
    .filter((t) => order.has(t.a.id) && order.has(t.b.id))
    .map((t) =>
      order.get(t.a.id)! <= order.get(t.b.id)! ? { a: org(t.a.id), b: org(t.b.id) } : { a: org(t.b.id), b: org(t.a.id) }
    )
    .sort((x, y) => order.get(x.a.id)! - order.get(y.a.id)! || order.get(x.b.id)! - order.get(y.b.id)!);
}

/** Member id → the names of the other members it is tied to. */
export function tiesByMember(coalition: CoalitionData): Map<string, string[]> {
  const byMember = new Map(coalition.members.map((m) => [m.organization.id, [] as string[]]));
  for (const { a, b } of namedTies(coalition)) {
    byMember.get(a.id)?.push(b.name);
    byMember.get(b.id)?.push(a.name);
  }
  return byMember;
}
