/**
 * The gap list: which theme × country cells are gaps, and how severe each one is (docs/decisions/0014).
 *
 * Scope: European countries where at least one organisation (not archived) works on some theme. A country where
 * nobody works at all is one gap for every theme and is named once beside the heatmap instead of filling the list
 * (and the map leaves it out), so Belarus or Russia never crowd out the cells a funder can act on.
 *
 * Severity = tier + reach, ranked highest first:
 *   tier  — 2 for an empty cell (no organisation), 1 for a thin one (fewer than THIN_BELOW), 0 for an isolated one
 *           (several organisations, no visible partnership among them). Every empty cell outranks every thin one,
 *           every thin one every isolated one.
 *   reach — the share, in [0, 1], of the OTHER countries in scope where at least one organisation works on the
 *           theme: a theme the field works on almost everywhere but here is a sharper gap than one few work on.
 * Ties: fewer organisations first, then theme slug and country code, so the order (and a page) is stable.
 *
 * For empty and thin cells, `neighbours` lists the bordering countries in scope with organisations on the theme:
 * the ones that could extend across the border.
 */
import type { MatrixCell, ThemeCountryMatrix } from './matrix';

export interface RankedCell extends MatrixCell {
  /** Null when the cell is not a gap or lies outside the scope. */
  severity: number | null;
  /** 1 = the most severe gap; null as for severity. */
  rank: number | null;
  /** Empty and thin cells: bordering countries in scope where someone works on the theme. */
  neighbours: string[];
}

const TIER = { none: 2, thin: 1, isolated: 0 } as const;

function tierOf(cell: MatrixCell): number | null {
  if (cell.gaps.includes('none')) return TIER.none;
  if (cell.gaps.includes('thin')) return TIER.thin;
  if (cell.gaps.includes('isolated')) return TIER.isolated;
  return null;
}

/** European countries of the matrix with at least one organisation in some cell. */
export function countriesInScope(matrix: Pick<ThemeCountryMatrix, 'countries' | 'cells'>): string[] {
  const worked = new Set(matrix.cells.filter((c) => c.organizations > 0).map((c) => c.country));
  return matrix.countries.filter((c) => c.isEurope && worked.has(c.code)).map((c) => c.code);
}

/** Orders gaps: highest severity, then fewer organisations, then theme and country (stable, readable). */
export function compareGaps(a: RankedCell, b: RankedCell): number {
  return (
    (b.severity ?? -1) - (a.severity ?? -1) ||
    a.organizations - b.organizations ||
    (a.theme < b.theme ? -1 : a.theme > b.theme ? 1 : 0) ||
    (a.country < b.country ? -1 : a.country > b.country ? 1 : 0)
  );
}

/**
 * Every cell of the matrix with its severity, rank and neighbours, in the matrix's order, and the gaps alone in
 * rank order.
 */
export function rankGaps(
  matrix: Pick<ThemeCountryMatrix, 'countries' | 'cells'>,
  neighboursOf: ReadonlyMap<string, readonly string[]>
): { cells: RankedCell[]; gaps: RankedCell[]; scope: string[] } {
  const scope = countriesInScope(matrix);
  const inScope = new Set(scope);
  // Per theme, the countries in scope where at least one organisation works on it.
  const worked = new Map<string, Set<string>>();
  for (const c of matrix.cells) {
    if (c.organizations === 0 || !inScope.has(c.country)) continue;
    const set = worked.get(c.theme) ?? new Set<string>();
    set.add(c.country);
    worked.set(c.theme, set);
  }
  const others = Math.max(1, scope.length - 1);
  const cells: RankedCell[] = matrix.cells.map((cell) => {
    const tier = inScope.has(cell.country) ? tierOf(cell) : null;
    if (tier === null) return { ...cell, severity: null, rank: null, neighbours: [] };
    const where = worked.get(cell.theme) ?? new Set<string>();
    const elsewhere = where.size - (where.has(cell.country) ? 1 : 0);
    const neighbours =
      tier >= TIER.thin ? (neighboursOf.get(cell.country) ?? []).filter((code) => where.has(code)) : [];
    return { ...cell, severity: tier + elsewhere / others, rank: null, neighbours };
  });
  const gaps = cells.filter((c) => c.severity !== null).sort(compareGaps);
  gaps.forEach((gap, i) => {
    gap.rank = i + 1;
  });
  return { cells, gaps, scope };
}
