/**
 * The answer for one chosen coalition, built only from its members' own themes and countries (cells.ts), so
 * what the API and the page report is what the members have; and how an alternative differs from the proposal.
 * Pure, property-tested in coalition-answer.test.ts.
 */
import {
  cellKey,
  cellsOf,
  coverageOf,
  summariseCoverage,
  tiesAmong,
  type Cell,
  type CellCandidate,
  type CellCoverage
} from './cells';
import type { OrganizationRef } from './recommend';
import type { Selection } from './select-coalition';

export interface CoalitionMember {
  organization: OrganizationRef;
  /** Requested themes this member works on (itself or through a sub-theme), in request order. */
  coversThemes: string[];
  /** Requested countries this member works in, in request order. */
  coversCountries: string[];
  /** The requested cells this member covers: every pairing of the two lists above. */
  cells: Cell[];
}

export interface CoalitionTie {
  a: string;
  b: string;
}

/** How an alternative differs from the proposal. */
export interface CoalitionComparison {
  /** Members of the alternative that are not in the proposal, and members of the proposal it leaves out. */
  joins: string[];
  leaves: string[];
  /** Cells the alternative covers and the proposal misses, and the reverse. */
  cellsGained: Cell[];
  cellsLost: Cell[];
  /** Ties among the alternative's members minus ties among the proposal's. */
  tiesDifference: number;
}

export interface Coalition {
  members: CoalitionMember[];
  /** Visible confirmed partnerships among the members, once per pair. */
  ties: CoalitionTie[];
  /** Every requested cell (themes as rows, countries within), with the members covering it. */
  cells: CellCoverage[];
  coveredCells: Cell[];
  missingCells: Cell[];
  /** Requested themes no member covers in any requested country. */
  uncoveredThemes: string[];
  /** Requested countries where no member covers any requested theme. */
  uncoveredCountries: string[];
  method: Selection['method'];
  provenOptimal: boolean;
  /** Null for the proposal itself. */
  comparedToProposal: CoalitionComparison | null;
}

export interface CoalitionProposal extends Coalition {
  alternatives: Coalition[];
  /** Requested cells no organisation in the Atlas covers (archived and excluded ones left out): no coalition can. */
  unreachableCells: Cell[];
}

export function toCoalition(
  selection: Selection,
  byId: Map<string, CellCandidate>,
  ties: [string, string][],
  refs: Map<string, OrganizationRef>,
  input: { themes: string[]; countries: string[] }
): Coalition {
  const cells = coverageOf(selection.members, byId, input.themes, input.countries);
  const summary = summariseCoverage(cells, input.themes, input.countries);
  return {
    members: selection.members.map((id) => {
      const candidate = byId.get(id)!;
      return {
        organization: refs.get(id)!,
        coversThemes: candidate.themes,
        coversCountries: candidate.countries,
        cells: cellsOf(candidate, input.themes, input.countries)
      };
    }),
    ties: tiesAmong(selection.members, ties).map(([a, b]) => ({ a, b })),
    cells,
    coveredCells: summary.covered,
    missingCells: summary.missing,
    uncoveredThemes: summary.uncoveredThemes,
    uncoveredCountries: summary.uncoveredCountries,
    method: selection.method,
    provenOptimal: selection.provenOptimal,
    comparedToProposal: null
  };
}

export function compareToProposal(alternative: Coalition, proposal: Coalition): CoalitionComparison {
  const ids = (c: Coalition) => c.members.map((m) => m.organization.id);
  const keys = (cells: Cell[]) => new Set(cells.map((c) => cellKey(c.theme, c.country)));
  const altCells = keys(alternative.coveredCells);
  const proposalCells = keys(proposal.coveredCells);
  return {
    joins: ids(alternative).filter((id) => !ids(proposal).includes(id)),
    leaves: ids(proposal).filter((id) => !ids(alternative).includes(id)),
    cellsGained: alternative.coveredCells.filter((c) => !proposalCells.has(cellKey(c.theme, c.country))),
    cellsLost: proposal.coveredCells.filter((c) => !altCells.has(cellKey(c.theme, c.country))),
    tiesDifference: alternative.ties.length - proposal.ties.length
  };
}
