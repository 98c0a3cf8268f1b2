/**
 * What a proposed coalition means per country and per member, derived from the API's answer alone (the page
 * never recomputes the proposal): which requested countries are covered and by whom, which are gaps, and who is
 * tied to whom. Shared by the map, the lists and the CSV export.
 */
export interface CoalitionData {
  score: number;
  members: { organization: { id: string; slug: string; name: string }; coversCountries: { code: string }[] }[];
  ties: { a: { id: string }; b: { id: string } }[];
  uncoveredCountries: { code: string }[];
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
  covered: number;
  requested: number;
  ties: number;
  gaps: string[];
}

export function summarise(coalition: CoalitionData, requested: readonly string[]): CoalitionSummary {
  const statuses = countryStatuses(coalition, requested);
  const gaps = requested.filter((code) => statuses.get(code) === 'gap');
  return {
    members: coalition.members.length,
    covered: requested.length - gaps.length,
    requested: requested.length,
    ties: coalition.ties.length,
    gaps
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
