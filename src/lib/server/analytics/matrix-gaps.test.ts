import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { THIN_BELOW, type Gap, type MatrixCell, type ThemeCountryMatrix } from './matrix';
import { rankGaps } from './matrix-gaps';

const THEMES = ['atd', 'children', 'asylum', 'health'];
const COUNTRIES = [
  { code: 'BG', name: 'Bulgaria', isEurope: true },
  { code: 'GR', name: 'Greece', isEurope: true },
  { code: 'TR', name: 'Turkey', isEurope: true },
  { code: 'CY', name: 'Cyprus', isEurope: true },
  { code: 'BY', name: 'Belarus', isEurope: true },
  { code: 'US', name: 'United States', isEurope: false }
];
const NEIGHBOURS = new Map([
  ['BG', ['GR', 'TR']],
  ['GR', ['BG', 'TR']],
  ['TR', ['BG', 'GR']],
  ['BY', []]
]);

function flags(organizations: number, within: number): Gap[] {
  const gaps: Gap[] = [];
  if (organizations === 0) gaps.push('none');
  else if (organizations < THIN_BELOW) gaps.push('thin');
  if (organizations >= 2 && within === 0) gaps.push('isolated');
  return gaps;
}

/** A matrix as computeMatrix builds it: every theme × country, flags from the counts. */
const matrixArb = fc
  .array(fc.tuple(fc.nat(6), fc.nat(3)), {
    minLength: THEMES.length * COUNTRIES.length,
    maxLength: THEMES.length * COUNTRIES.length
  })
  .map((counts): Pick<ThemeCountryMatrix, 'countries' | 'cells'> => {
    const cells: MatrixCell[] = [];
    let i = 0;
    for (const theme of THEMES) {
      for (const country of COUNTRIES) {
        const [organizations, w] = counts[i++]!;
        const within = organizations >= 2 ? w : 0;
        cells.push({
          theme,
          country: country.code,
          organizations,
          partnershipsWithin: within,
          partnershipsAcross: 0,
          grants: 0,
          grantsEur: 0,
          otherCurrencyGrants: 0,
          gaps: flags(organizations, within)
        });
      }
    }
    return { countries: COUNTRIES, cells };
  });

describe('rankGaps', () => {
  it('lists every empty cell of a country in scope, and only gap cells', () => {
    fc.assert(
      fc.property(matrixArb, (matrix) => {
        const { gaps, scope } = rankGaps(matrix, NEIGHBOURS);
        const listed = new Set(gaps.map((g) => `${g.theme} ${g.country}`));
        for (const cell of matrix.cells) {
          const inScope = scope.includes(cell.country);
          if (inScope && cell.organizations === 0) expect(listed.has(`${cell.theme} ${cell.country}`)).toBe(true);
          if (cell.gaps.length === 0 || !inScope) expect(listed.has(`${cell.theme} ${cell.country}`)).toBe(false);
        }
        // Scope: European countries where someone works (never the US, never a country with nobody at all).
        expect(scope).not.toContain('US');
        for (const code of scope)
          expect(matrix.cells.some((c) => c.country === code && c.organizations > 0)).toBe(true);
      })
    );
  });

  it('ranks every empty cell before every thin one and every thin one before every isolated one', () => {
    fc.assert(
      fc.property(matrixArb, (matrix) => {
        const { gaps } = rankGaps(matrix, NEIGHBOURS);
        const tier = (g: (typeof gaps)[number]) => (g.gaps.includes('none') ? 2 : g.gaps.includes('thin') ? 1 : 0);
        expect(gaps.map((g) => g.rank)).toEqual(gaps.map((_, i) => i + 1));
        for (let i = 1; i < gaps.length; i += 1) {
          expect(tier(gaps[i - 1]!)).toBeGreaterThanOrEqual(tier(gaps[i]!));
          expect(gaps[i - 1]!.severity!).toBeGreaterThanOrEqual(gaps[i]!.severity!);
        }
        for (const g of gaps) {
          expect(g.severity! - tier(g)).toBeGreaterThanOrEqual(0);
          expect(g.severity! - tier(g)).toBeLessThanOrEqual(1);
        }
      })
    );
  });

  it('weighs a gap by how many other countries in scope work on the theme', () => {
    fc.assert(
      fc.property(matrixArb, (matrix) => {
        const { gaps, scope } = rankGaps(matrix, NEIGHBOURS);
        for (const g of gaps) {
          const elsewhere = matrix.cells.filter(
            (c) => c.theme === g.theme && c.country !== g.country && scope.includes(c.country) && c.organizations > 0
          ).length;
          const tier = g.gaps.includes('none') ? 2 : g.gaps.includes('thin') ? 1 : 0;
          expect(g.severity).toBeCloseTo(tier + elsewhere / Math.max(1, scope.length - 1), 10);
        }
      })
    );
  });

  it('names the bordering countries in scope that work on the theme, for empty and thin cells only', () => {
    fc.assert(
      fc.property(matrixArb, (matrix) => {
        const { gaps, scope } = rankGaps(matrix, NEIGHBOURS);
        const count = (theme: string, code: string) =>
          matrix.cells.find((c) => c.theme === theme && c.country === code)!.organizations;
        for (const g of gaps) {
          const expected =
            g.gaps.includes('isolated') && !g.gaps.includes('thin') && !g.gaps.includes('none')
              ? []
              : (NEIGHBOURS.get(g.country) ?? []).filter((n) => scope.includes(n) && count(g.theme, n) > 0);
          expect(g.neighbours).toEqual(expected);
        }
      })
    );
  });
});
