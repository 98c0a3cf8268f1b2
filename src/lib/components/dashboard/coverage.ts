/**
 * Turns the API's theme × country coverage matrix into what the dashboard draws: heatmap rows (top-level themes,
 * with the sub-themes of expanded ones beneath), columns (European countries where someone works), the chosen
 * measure per cell, per-country totals for the map, and the gap list. Pure functions over the API's answer: the
 * API already applied the viewer's visibility, nothing here filters by it.
 */
import { cellKey, type CellMoney } from './money';
import type { GapSort, Measure, SortDirection } from './filters';

export type Gap = 'NONE' | 'THIN' | 'ISOLATED';

export interface MatrixCell {
  themeSlug: string;
  countryCode: string;
  organizations: number;
  partnershipsWithin: number;
  partnershipsAcross: number;
  grants: number;
  grantsEur: number;
  otherCurrencyGrants: number;
  gaps: readonly Gap[];
  /** The API's gap severity and rank (docs/decisions/0014); null when the cell is no gap or out of scope. */
  severity: number | null;
  rank: number | null;
  /** Empty and thin cells: bordering countries in scope where organisations work on the theme. */
  neighbourCountryCodes: readonly string[];
}

export interface ThemeNode {
  slug: string;
  name: string;
  children: readonly { slug: string; name: string }[];
}

export interface NamedCountry {
  code: string;
  name: string;
}

export interface CoverageInput {
  themes: readonly ThemeNode[];
  /** European countries, in display order. */
  countries: readonly NamedCountry[];
  cells: readonly MatrixCell[];
  /** A funder's own money per cell; null = the matrix's money (every funder the viewer may see). */
  funderMoney: ReadonlyMap<string, CellMoney> | null;
}

export interface HeatCell {
  country: NamedCountry;
  organizations: number;
  within: number;
  across: number;
  eur: number;
  grants: number;
  otherCurrencyGrants: number;
  gaps: readonly Gap[];
  severity: number | null;
  rank: number | null;
  neighbours: NamedCountry[];
}

export interface HeatRow {
  slug: string;
  name: string;
  /** Set on sub-theme rows. */
  parent: string | null;
  hasChildren: boolean;
  cells: HeatCell[];
}

export interface GapEntry extends HeatCell {
  theme: { slug: string; name: string; parentName: string | null };
}

export interface CountryTotal {
  country: NamedCountry;
  value: number;
  /** Organisations summed over the top-level themes: 0 when nobody in the directory works in the country. */
  organizations: number;
  /** Top-level themes with no organisation, or thin or isolated coverage, in the country. */
  gapThemes: number;
  themes: number;
}

const EMPTY: MatrixCell = {
  themeSlug: '',
  countryCode: '',
  organizations: 0,
  partnershipsWithin: 0,
  partnershipsAcross: 0,
  grants: 0,
  grantsEur: 0,
  otherCurrencyGrants: 0,
  gaps: ['NONE'],
  severity: null,
  rank: null,
  neighbourCountryCodes: []
};

export function measureOf(cell: HeatCell, measure: Measure): number {
  if (measure === 'organizations') return cell.organizations;
  if (measure === 'ties') return cell.within + cell.across;
  return cell.eur;
}

export class Coverage {
  private readonly byKey: Map<string, MatrixCell>;
  private readonly countryByCode: Map<string, NamedCountry>;
  /** European countries where at least one organisation works on some theme. */
  readonly columns: NamedCountry[];
  /** European countries where no organisation works at all (one gap for every theme). */
  readonly emptyCountries: NamedCountry[];

  constructor(private readonly input: CoverageInput) {
    this.byKey = new Map(input.cells.map((c) => [cellKey(c.themeSlug, c.countryCode), c]));
    this.countryByCode = new Map(input.countries.map((c) => [c.code, c]));
    const covered = new Set(input.cells.filter((c) => c.organizations > 0).map((c) => c.countryCode));
    this.columns = input.countries.filter((c) => covered.has(c.code));
    this.emptyCountries = input.countries.filter((c) => !covered.has(c.code));
  }

  cell(theme: string, country: NamedCountry): HeatCell {
    const key = cellKey(theme, country.code);
    const raw = this.byKey.get(key) ?? EMPTY;
    const money = this.input.funderMoney
      ? (this.input.funderMoney.get(key) ?? { grants: 0, eur: 0, otherCurrencyGrants: 0 })
      : { grants: raw.grants, eur: raw.grantsEur, otherCurrencyGrants: raw.otherCurrencyGrants };
    return {
      country,
      organizations: raw.organizations,
      within: raw.partnershipsWithin,
      across: raw.partnershipsAcross,
      eur: money.eur,
      grants: money.grants,
      otherCurrencyGrants: money.otherCurrencyGrants,
      gaps: raw.gaps,
      severity: raw.severity,
      rank: raw.rank,
      neighbours: raw.neighbourCountryCodes.flatMap((code) => this.countryByCode.get(code) ?? [])
    };
  }

  rows(expand: readonly string[]): HeatRow[] {
    const open = new Set(expand);
    return this.input.themes.flatMap((theme) => {
      const row: HeatRow = {
        slug: theme.slug,
        name: theme.name,
        parent: null,
        hasChildren: theme.children.length > 0,
        cells: this.columns.map((c) => this.cell(theme.slug, c))
      };
      if (!open.has(theme.slug)) return [row];
      return [
        row,
        ...theme.children.map((child) => ({
          slug: child.slug,
          name: child.name,
          parent: theme.slug,
          hasChildren: false,
          cells: this.columns.map((c) => this.cell(child.slug, c))
        }))
      ];
    });
  }

  /** The chosen measure per European country, summed over the top-level themes (sub-themes are inside them). */
  countryTotals(measure: Measure): CountryTotal[] {
    return this.input.countries.map((country) => {
      const cells = this.input.themes.map((t) => this.cell(t.slug, country));
      return {
        country,
        value: cells.reduce((sum, c) => sum + measureOf(c, measure), 0),
        organizations: cells.reduce((sum, c) => sum + c.organizations, 0),
        gapThemes: cells.filter((c) => c.gaps.length > 0).length,
        themes: cells.length
      };
    });
  }

  /** Every theme and sub-theme × every European country, themes in display order. */
  allCells(): GapEntry[] {
    const entries: GapEntry[] = [];
    for (const theme of this.input.themes) {
      const family = [
        { slug: theme.slug, name: theme.name, parentName: null },
        ...theme.children.map((c) => ({ slug: c.slug, name: c.name, parentName: theme.name }))
      ];
      for (const t of family) {
        for (const country of this.input.countries) entries.push({ ...this.cell(t.slug, country), theme: t });
      }
    }
    return entries;
  }

  /**
   * The API's gap list: every empty, thin or isolated cell (themes and sub-themes) in the gap scope, i.e. every
   * cell the API ranked. The API decides what is a gap; this only orders the page.
   */
  gaps(sort: GapSort, direction: SortDirection): GapEntry[] {
    return sortGaps(
      this.allCells().filter((c) => c.rank !== null),
      sort,
      direction
    );
  }
}

const GAP_ORDER: Record<Gap, number> = { NONE: 0, THIN: 1, ISOLATED: 2 };
const collator = new Intl.Collator('en', { sensitivity: 'base' });

export function gapLabelKey(gaps: readonly Gap[]): string {
  return [...gaps].sort((a, b) => GAP_ORDER[a] - GAP_ORDER[b]).join('+');
}

export function sortGaps(entries: GapEntry[], sort: GapSort, direction: SortDirection): GapEntry[] {
  const sign = direction === 'asc' ? 1 : -1;
  const byName = (a: GapEntry, b: GapEntry) =>
    collator.compare(a.theme.name, b.theme.name) || collator.compare(a.country.name, b.country.name);
  const primary: Record<GapSort, (a: GapEntry, b: GapEntry) => number> = {
    // Rank 1 is the most severe gap: ascending = most severe first.
    severity: (a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity),
    theme: (a, b) => collator.compare(a.theme.name, b.theme.name),
    country: (a, b) => collator.compare(a.country.name, b.country.name),
    gap: (a, b) => collator.compare(gapLabelKey(a.gaps), gapLabelKey(b.gaps)),
    organizations: (a, b) => a.organizations - b.organizations,
    money: (a, b) => a.eur - b.eur
  };
  // Ties keep a stable, readable order (theme, then country) whichever way the primary key runs.
  return [...entries].sort((a, b) => sign * primary[sort](a, b) || byName(a, b));
}

/**
 * A heatmap cell as the page's data carries it (decision 0052): the numbers in a fixed order, the country as
 * its column, the neighbours by code. Several hundred cells ship with the first screen; spelled out as objects
 * (every key, every country) they were most of the serialised data.
 */
export type PackedCell = [
  organizations: number,
  within: number,
  across: number,
  eur: number,
  grants: number,
  otherCurrencyGrants: number,
  gaps: string,
  severity: number | null,
  rank: number | null,
  neighbours: string[]
];

export interface PackedRow extends Omit<HeatRow, 'cells'> {
  cells: PackedCell[];
}

/** `rows`' cells packed; each row's cells must be `columns`, in order (as Coverage.rows makes them). */
export function packRows(rows: readonly HeatRow[]): PackedRow[] {
  return rows.map(({ cells, ...row }) => ({
    ...row,
    cells: cells.map((c) => [
      c.organizations,
      c.within,
      c.across,
      c.eur,
      c.grants,
      c.otherCurrencyGrants,
      c.gaps.join(','),
      c.severity,
      c.rank,
      c.neighbours.map((n) => n.code)
    ])
  }));
}

/** The inverse of packRows; neighbours are named after the columns (a gap's neighbours lie in the gap scope). */
export function unpackRows(rows: readonly PackedRow[], columns: readonly NamedCountry[]): HeatRow[] {
  const byCode = new Map(columns.map((c) => [c.code, c]));
  return rows.map(({ cells, ...row }) => ({
    ...row,
    cells: cells.map(
      ([organizations, within, across, eur, grants, otherCurrencyGrants, gaps, severity, rank, near], i) => ({
        country: columns[i]!,
        organizations,
        within,
        across,
        eur,
        grants,
        otherCurrencyGrants,
        gaps: gaps === '' ? [] : (gaps.split(',') as Gap[]),
        severity,
        rank,
        neighbours: near.map((code) => byCode.get(code) ?? { code, name: code })
      })
    )
  }));
}
