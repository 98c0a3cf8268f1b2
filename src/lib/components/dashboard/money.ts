/**
 * Grant money per theme × country for ONE funder, added up from the grants the API lists for the viewer. The
 * coverage matrix sums every funder's grants, and it has no funder argument, so a funder's own picture is built
 * here with the matrix's rules (matrix-grants.ts): a grant counts, with its full amount, once in every cell of
 * (one of its themes or that theme's parent) × (a country where the money is spent); only EUR is summed, other
 * currencies are counted, never converted.
 */
export interface MoneyGrant {
  id: string;
  amountAwarded: string;
  currency: string;
  themes: { slug: string; parent: { slug: string } | null }[];
  countries: { code: string }[];
}

export interface CellMoney {
  grants: number;
  eur: number;
  otherCurrencyGrants: number;
}

export const cellKey = (theme: string, country: string) => `${theme}|${country}`;

export function moneyPerCell(grants: readonly MoneyGrant[]): Map<string, CellMoney> {
  const cells = new Map<string, CellMoney>();
  for (const grant of grants) {
    const amount = Number(grant.amountAwarded);
    if (!Number.isFinite(amount))
      throw new Error(`Grant ${grant.id}: amountAwarded "${grant.amountAwarded}" is not a number`);
    const themes = new Set(grant.themes.flatMap((t) => (t.parent ? [t.slug, t.parent.slug] : [t.slug])));
    const countries = new Set(grant.countries.map((c) => c.code));
    for (const theme of themes) {
      for (const country of countries) {
        const key = cellKey(theme, country);
        const cell = cells.get(key) ?? { grants: 0, eur: 0, otherCurrencyGrants: 0 };
        cell.grants += 1;
        if (grant.currency === 'EUR') cell.eur += amount;
        else cell.otherCurrencyGrants += 1;
        cells.set(key, cell);
      }
    }
  }
  return cells;
}
