/**
 * "Who could form a coalition on these themes across these countries?" — the fewest organisations covering the
 * most requested (theme, country) cells, preferring organisations already tied to each other, with up to three
 * alternatives that differ from it (docs/decisions/0013-coalition-cells-and-exact-selection.md). Cypher fetches
 * the bounded candidate set and the visible ties; select-coalition.ts chooses; every coverage figure in the answer
 * is recomputed from the chosen members' own themes and countries (cells.ts).
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { z } from 'zod';
import { visibilityOf, type Viewer, type VisibilityParams } from '../access/viewer';
import { readTx } from '../platform/neo4j';
import { visibilityParams } from '../access/visibility-cypher';
import { cellKey, cellsOf, requestedCells, type CellCandidate } from './cells';
import { tiesAmongCandidates } from './candidate-ties';
import { COALITION_CANDIDATES, COALITION_CANDIDATES_LIVE_COUNTS, CHECK_COALITION_INPUT } from './coalition-query';
import { countryCodes, organizationIds, parseInput, themeSlugs, throwIfInvalid, unknownValues } from './input';
import type { OrganizationRef } from './recommend';
import { compareToProposal, toCoalition, type CoalitionProposal } from './coalition-answer';
import { selectCoalitions, type Selection } from './select-coalition';
import { int, num } from './values';

/**
 * Candidates kept per requested cell: about CANDIDATE_BUDGET over the whole request (3 themes × 8 countries: 10
 * per cell), at least 3 and at most 25 per cell — enough for alternatives, few enough for the solver to be quick.
 */
export const CANDIDATE_BUDGET = 240;
export function candidatesPerCell(themes: number, countries: number): number {
  return Math.min(25, Math.max(3, Math.ceil(CANDIDATE_BUDGET / Math.max(1, themes * countries))));
}
const ALTERNATIVES = 3;

export const CoalitionInput = z
  .object({
    themes: themeSlugs.refine((v) => v.length > 0, 'must name at least one theme'),
    countries: countryCodes.refine((v) => v.length > 0, 'must name at least one country'),
    size: z
      .number()
      .int('must be a whole number')
      .min(2, 'must be at least 2')
      .max(20, 'must be at most 20')
      .optional(),
    include: organizationIds.default([]),
    exclude: organizationIds.default([])
  })
  .superRefine((value, ctx) => {
    value.exclude.forEach((id, index) => {
      if (value.include.includes(id)) {
        ctx.addIssue({ code: 'custom', path: ['exclude', index], message: `"${id}" is also in include` });
      }
    });
    if (value.size !== undefined && value.include.length > value.size) {
      ctx.addIssue({ code: 'custom', path: ['include'], message: `has more organisations than size (${value.size})` });
    }
  });
export type CoalitionInput = z.input<typeof CoalitionInput>;

export type {
  Coalition,
  CoalitionComparison,
  CoalitionMember,
  CoalitionProposal,
  CoalitionTie
} from './coalition-answer';

export async function proposeCoalition(viewer: Viewer, input: CoalitionInput): Promise<CoalitionProposal> {
  const parsed = parseInput(CoalitionInput, input);
  return readTx((tx) => proposeInTx(tx, visibilityOf(viewer), parsed));
}

export interface CoalitionCandidates {
  candidates: CellCandidate[];
  ties: [string, string][];
  refs: Map<string, OrganizationRef>;
}

/**
 * Organisation ties (theme side or country side) up to which the candidates are found by one hash join over both
 * sides (coalition-query.ts): its table holds a side at 3.5–4.5 kB per tie (PROFILE on the 20k benchmark graph,
 * `tools/cli/coalition-plans.ts`), so 30,000 stay near 135 MB, inside Neo4j's 256 MiB per transaction; beyond it,
 * one country at a time. The 20k benchmark's inputs reach 18,416.
 */
export const JOIN_BUDGET = 30_000;

export interface CandidateOptions {
  /** Rank the pool on the partner counts the projector keeps (the default) or on counts from each one's ties. */
  counts?: 'stored' | 'live';
  /** Defaults to the request's share of CANDIDATE_BUDGET (tests set it low to make cells overflow). */
  perCell?: number;
  /** Defaults to JOIN_BUDGET (tests set it to 0 for the one-country-at-a-time plan). */
  joinBudget?: number;
}

/** The candidate set and the visible ties among it (one round trip), lists in request order. */
export async function fetchCandidates(
  tx: ManagedTransaction,
  visibility: VisibilityParams,
  lists: { themes: string[]; countries: string[]; include: string[]; exclude: string[] },
  options: CandidateOptions = {}
): Promise<CoalitionCandidates> {
  const { counts = 'stored', joinBudget = JOIN_BUDGET } = options;
  const perCell = options.perCell ?? candidatesPerCell(lists.themes.length, lists.countries.length);
  const params = { ...lists, perCell: int(perCell), joinBudget: int(joinBudget), ...visibilityParams(visibility) };
  const statement = counts === 'stored' ? COALITION_CANDIDATES : COALITION_CANDIDATES_LIVE_COUNTS;
  const rows = (await tx.run(statement, params)).records;
  const refs = new Map<string, OrganizationRef>();
  // Partners come as element ids (coalition-query.ts): each candidate's is mapped back to its organisation id.
  const idOfNode = new Map<string, string>(rows.map((r) => [r.get('node'), r.get('id')]));
  const partnersOf = new Map<string, string[]>();
  const inOrder = (all: string[], some: string[]) => all.filter((v) => some.includes(v));
  const candidates: CellCandidate[] = rows.map((r) => {
    refs.set(r.get('id'), { id: r.get('id'), slug: r.get('slug'), name: r.get('name') });
    partnersOf.set(
      r.get('id'),
      (r.get('partners') as string[]).flatMap((node) => idOfNode.get(node) ?? [])
    );
    return {
      id: r.get('id'),
      themes: inOrder(lists.themes, r.get('themes')),
      countries: inOrder(lists.countries, r.get('covers')),
      degree: num(r.get('degree'))
    };
  });
  // Deterministic order whatever order the database returns rows in: the solver's choice among equals follows it.
  candidates.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return { candidates, ties: tiesAmongCandidates(candidates, partnersOf), refs };
}

export async function proposeInTx(
  tx: ManagedTransaction,
  visibility: VisibilityParams,
  input: z.output<typeof CoalitionInput>
): Promise<CoalitionProposal> {
  const lists = { themes: input.themes, countries: input.countries, include: input.include, exclude: input.exclude };
  const check = (await tx.run(CHECK_COALITION_INPUT, lists)).records[0];
  throwIfInvalid([
    ...unknownValues('themes', input.themes, check.get('unknownThemes'), 'theme slug'),
    ...unknownValues('countries', input.countries, check.get('unknownCountries'), 'country code'),
    ...unknownValues('include', input.include, check.get('unknownIncluded'), 'organisation id')
  ]);

  const { candidates, ties, refs } = await fetchCandidates(tx, visibility, lists);
  const selections = await selectCoalitions(
    { candidates, ties, themes: input.themes, countries: input.countries, include: input.include, size: input.size },
    ALTERNATIVES
  );
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const shape = (selection: Selection) => toCoalition(selection, byId, ties, refs, input);
  const [best, ...alternatives] = selections.map(shape);
  const proposal = best ?? shape({ members: [], method: 'exact', provenOptimal: true });
  const reachable = new Set(
    candidates.flatMap((c) =>
      cellsOf(c, input.themes, input.countries).map((cell) => cellKey(cell.theme, cell.country))
    )
  );
  return {
    ...proposal,
    alternatives: alternatives.map((alt) => ({ ...alt, comparedToProposal: compareToProposal(alt, proposal) })),
    unreachableCells: requestedCells(input.themes, input.countries).filter(
      (cell) => !reachable.has(cellKey(cell.theme, cell.country))
    )
  };
}
