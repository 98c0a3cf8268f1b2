/**
 * Visible partner counts without walking each organisation's partnerships per request.
 *
 * The projector keeps, on every organisation node, its confirmed partnerships counted once per viewer level —
 * `Public` (anonymous visitors), `Members` (signed in), `All` (admins) — as `tieCount<L>` (partnerships),
 * `partnerCount<L>` (distinct partners) and `tieStarts<L>` (the dated partnerships' start dates, ascending, for
 * "recent" counts relative to any date). The rule beyond the level is the viewer's own organisations, who see all
 * their partnerships: a query reads the stored count of the viewer's level and adds the ties it sees only as a side,
 * collected once per request from the viewer's organisations (a handful of rows; none for anonymous visitors,
 * admins and members of no organisation). The answer equals counting with `visiblePartnership` per organisation
 * (tests/integration/partner-counts.int.test.ts holds them equal over generated histories).
 */
import { isViewerOrganization, visibleAtLevel } from './visibility-cypher';

export interface CountLevel {
  /** Property suffix. */
  suffix: 'Public' | 'Members' | 'All';
  /** The level's values of the visibility parameters, as Cypher literals. */
  seeMembers: 'true' | 'false';
  seeAll: 'true' | 'false';
}

export const COUNT_LEVELS: readonly CountLevel[] = [
  { suffix: 'Public', seeMembers: 'false', seeAll: 'false' },
  { suffix: 'Members', seeMembers: 'true', seeAll: 'false' },
  { suffix: 'All', seeMembers: 'true', seeAll: 'true' }
];

/** The stored counts' property name stems. */
export type CountKind = 'tieCount' | 'partnerCount' | 'tieStarts';

/** A confirmed partnership that every viewer of `level` sees (whatever their organisations). */
export function confirmedAtLevel(rel: string, level: CountLevel): string {
  return `(${rel}.status = 'CONFIRMED' AND ${visibleAtLevel(rel, level.seeMembers, level.seeAll)})`;
}

/** The stored property of the viewer's level (same level choice as the parameters of `visibilityParams`). */
function atViewerLevel(node: string, kind: CountKind): string {
  return `CASE WHEN $seeAll THEN ${node}.${kind}All WHEN $seeMembers THEN ${node}.${kind}Members ELSE ${node}.${kind}Public END`;
}

/** A confirmed partnership the viewer sees only because one of their organisations is a side. */
function sideOnly(rel: string): string {
  return `(${rel}.status = 'CONFIRMED' AND NOT ${visibleAtLevel(rel)})`;
}

/**
 * Expression: the viewer's organisations' partnerships visible to them only as a side, as `{node, start}` (the
 * far end and the start date), one per partnership. Bind it once per request and pass its name to
 * `visibleTieCount` / `visibleRecentTieCount`.
 */
export function sideOnlyTies(): string {
  return `COLLECT { MATCH (v:Organization)-[r:PARTNERS_WITH]-(x) WHERE ${isViewerOrganization('v')} AND ${sideOnly('r')}
                    RETURN {node: x, start: r.startDate} }`;
}

/**
 * Expression: the viewer's organisations' partners they see only as a side — no partnership with that partner is
 * visible at the viewer's level — one row per (organisation, partner). Bind once; pass to `visiblePartnerCount`.
 */
export function sideOnlyPartners(): string {
  return `COLLECT { MATCH (v:Organization)-[r:PARTNERS_WITH]-(x) WHERE ${isViewerOrganization('v')} AND r.status = 'CONFIRMED'
                    WITH v, x, collect(${visibleAtLevel('r')}) AS seen WHERE NOT true IN seen
                    RETURN x }`;
}

/** Expression: what `COUNT { (node)-[r:PARTNERS_WITH]-() WHERE visiblePartnership(r) }` counts. */
export function visibleTieCount(node: string, sideTies: string): string {
  return `CASE WHEN ${isViewerOrganization(node)} THEN coalesce(${node}.tieCountAll, 0)
               ELSE coalesce(${atViewerLevel(node, 'tieCount')}, 0) + size([t IN ${sideTies} WHERE t.node = ${node}]) END`;
}

/** Expression: of those, the ones that started on or after the date expression `since`. */
export function visibleRecentTieCount(node: string, sideTies: string, since: string): string {
  const recent = (starts: string) => `size([d IN coalesce(${starts}, []) WHERE d >= ${since}])`;
  return `CASE WHEN ${isViewerOrganization(node)} THEN ${recent(`${node}.tieStartsAll`)}
               ELSE ${recent(atViewerLevel(node, 'tieStarts'))}
                    + size([t IN ${sideTies} WHERE t.node = ${node} AND t.start >= ${since}]) END`;
}

/** Expression: the number of distinct partners over visible confirmed partnerships. */
export function visiblePartnerCount(node: string, sidePartners: string): string {
  return `CASE WHEN ${isViewerOrganization(node)} THEN coalesce(${node}.partnerCountAll, 0)
               ELSE coalesce(${atViewerLevel(node, 'partnerCount')}, 0) + size([p IN ${sidePartners} WHERE p = ${node}]) END`;
}
