/**
 * What grant money in a heatmap cell means (docs/decisions/0034-coalition-solver-budget-and-truthful-dashboard.md):
 * the grants whose own record names the cell's theme (or a sub-theme) and country — where the funder says the money
 * is spent — whoever received them. The organisation count is by profiles, so the two can disagree: in a cell with
 * no organisation, every euro went to organisations whose profiles do not list this theme in this country. Such a
 * cell is still a gap (nobody works there by the directory), and its money is labelled as going to others, never
 * shown as if it funded someone in the cell.
 */
export interface CellFigures {
  organizations: number;
  grants: number;
}

/** True when the cell has grants but no organisation working on its theme in its country. */
export function moneyOutsideProfiles(cell: CellFigures): boolean {
  return cell.organizations === 0 && cell.grants > 0;
}

/** The symbol that marks such money in the heatmap; the legend explains it. */
export const MONEY_OUTSIDE_SYMBOL = '†';
