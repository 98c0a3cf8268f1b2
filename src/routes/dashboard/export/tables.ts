/**
 * The dashboard's tables as CSV rows, one builder per table. Each one queries the API as the viewer (through the
 * request's `fetch`) and returns EVERY row, not only the page's first ones; column names are stable, English and
 * snake_case because scripts and spreadsheets key on them.
 */
import { error } from '@sveltejs/kit';
import { loadQuery } from '$lib/graphql/client';
import { DashboardIsolatedQuery, DashboardNetworkQuery } from '$lib/graphql/documents/dashboard';
import type { GapEntry } from '$lib/components/dashboard/coverage';
import type { DashboardFilters, FilterErrors } from '$lib/components/dashboard/filters';
import { apiLanguage, loadDashboard } from '../load-dashboard';
import { loadGrants } from '../grants';

/** 5 000 grants: more would take more API requests than a signed-in user may make in a minute. */
const MAX_EXPORT_GRANT_PAGES = 50;

export const EXPORT_TABLES = [
  'heatmap',
  'countries',
  'gaps',
  'grants',
  'isolated',
  'brokers',
  'communities',
  'density'
] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

export function isExportTable(value: string): value is ExportTable {
  return (EXPORT_TABLES as readonly string[]).includes(value);
}

export type Cell = string | number | null;
export interface CsvTable {
  columns: string[];
  rows: Cell[][];
}

export interface ExportContext {
  fetch: typeof fetch;
  locale: string;
  filters: DashboardFilters;
  errors: FilterErrors;
}

const CELL_COLUMNS = [
  'theme_slug',
  'theme',
  'parent_theme',
  'country_code',
  'country',
  'organizations',
  'partnerships_within',
  'partnerships_across',
  'grants',
  'grants_eur',
  'other_currency_grants',
  'gaps'
];

function cellRow(c: GapEntry): Cell[] {
  return [
    c.theme.slug,
    c.theme.name,
    c.theme.parentName,
    c.country.code,
    c.country.name,
    c.organizations,
    c.within,
    c.across,
    c.grants,
    c.eur.toFixed(2),
    c.otherCurrencyGrants,
    c.gaps.join(';')
  ];
}

/** What every matrix-based export says about how it was made: funder, years, visibility level, computed at. */
async function matrixExport(ctx: ExportContext) {
  const loaded = await loadDashboard(ctx.fetch, ctx.locale, ctx.filters, ctx.errors);
  const { graph, coverage } = loaded;
  if (!graph || !coverage)
    error(503, 'The partnership graph is temporarily unavailable. Please try again in a moment.');
  const matrix = graph.coverageMatrix;
  const provenance = [
    loaded.funder?.slug ?? '',
    matrix.fromYear,
    matrix.toYear,
    matrix.visibilityLevel,
    matrix.computedAt
  ];
  return { ...loaded, coverage, provenance };
}
const PROVENANCE_COLUMNS = ['funder', 'from_year', 'to_year', 'visibility_level', 'computed_at'];

const builders: Record<ExportTable, (ctx: ExportContext) => Promise<CsvTable>> = {
  async heatmap(ctx) {
    const { coverage, provenance } = await matrixExport(ctx);
    return {
      columns: [...CELL_COLUMNS, ...PROVENANCE_COLUMNS],
      rows: coverage.allCells().map((c) => [...cellRow(c), ...provenance])
    };
  },

  async gaps(ctx) {
    // Every gap (empty cells included), in the page's order; the page's `gappage` does not narrow the export.
    const { coverage, provenance } = await matrixExport(ctx);
    const gaps = coverage.gaps(ctx.filters.gapSort, ctx.filters.gapDir);
    return {
      columns: ['rank', 'severity', ...CELL_COLUMNS, 'neighbour_country_codes', ...PROVENANCE_COLUMNS],
      rows: gaps.map((c) => [
        c.rank,
        c.severity === null ? null : c.severity.toFixed(4),
        ...cellRow(c),
        c.neighbours.map((n) => n.code).join(';'),
        ...provenance
      ])
    };
  },

  async countries(ctx) {
    const { coverage, provenance, map } = await matrixExport(ctx);
    const organizations = coverage.countryTotals('organizations');
    // The map's figure: distinct organisations (on the map's theme when one is chosen), as the directory counts.
    const distinct = new Map(map.figures.map((f) => [f.country.code, f.organizations]));
    const ties = new Map(coverage.countryTotals('ties').map((t) => [t.country.code, t.value]));
    const money = new Map(coverage.countryTotals('money').map((t) => [t.country.code, t.value]));
    return {
      columns: [
        'country_code',
        'country',
        'organizations',
        'map_theme',
        'organizations_by_theme',
        'partnerships_by_theme',
        'grants_eur_by_theme',
        'themes_with_gaps',
        'themes',
        ...PROVENANCE_COLUMNS
      ],
      rows: organizations.map((t) => [
        t.country.code,
        t.country.name,
        distinct.get(t.country.code) ?? 0,
        map.theme?.slug ?? '',
        t.value,
        ties.get(t.country.code) ?? 0,
        (money.get(t.country.code) ?? 0).toFixed(2),
        t.gapThemes,
        t.themes,
        ...provenance
      ])
    };
  },

  async grants(ctx) {
    // The funder's id comes from the dashboard's funder list; its year range is the matrix's (API defaults).
    const { lang, grantFilter } = await matrixExport(ctx);
    const list = await loadGrants(ctx.fetch, lang, grantFilter, MAX_EXPORT_GRANT_PAGES);
    if (!list.complete) {
      error(
        413,
        `${list.totalCount} grants match; one export carries at most ${list.grants.length}. Choose a funder or fewer years.`
      );
    }
    return {
      columns: [
        'id',
        'title',
        'funder_slug',
        'funder',
        'recipient_slug',
        'recipient',
        'amount_awarded',
        'currency',
        'award_date',
        'countries',
        'themes'
      ],
      rows: list.grants.map((g) => [
        g.id,
        g.title,
        g.funder.slug,
        g.funder.name,
        g.recipient.slug,
        g.recipient.name,
        g.amountAwarded,
        g.currency,
        g.awardDate,
        g.countries.map((c) => c.code).join(';'),
        g.themes.map((t) => t.slug).join(';')
      ])
    };
  },

  async isolated(ctx) {
    const lang = apiLanguage(ctx.locale);
    const rows: Cell[][] = [];
    for (let offset = 0; ;) {
      const page = (await loadQuery(ctx.fetch, DashboardIsolatedQuery, { lang, offset })).isolatedOrganizations;
      rows.push(
        ...page.organizations.map((o) => [o.slug, o.name, o.type, o.hqCountry?.code ?? '', o.hqCountry?.name ?? ''])
      );
      offset += page.organizations.length;
      if (page.organizations.length === 0 || offset >= page.totalCount) break;
    }
    return { columns: ['slug', 'name', 'type', 'hq_country_code', 'hq_country'], rows };
  },

  async brokers(ctx) {
    const { brokers } = await loadQuery(ctx.fetch, DashboardNetworkQuery, { lang: apiLanguage(ctx.locale) });
    return {
      columns: [
        'rank',
        'slug',
        'name',
        'relative_betweenness',
        'betweenness',
        'partners',
        'communities_bridged',
        'computed_at'
      ],
      rows: brokers.brokers.map((b, i) => [
        i + 1,
        b.organization?.slug ?? '',
        b.organization?.name ?? '',
        b.relative.toFixed(4),
        b.betweenness.toFixed(2),
        b.partners,
        b.communitiesBridged,
        brokers.computedAt
      ])
    };
  },

  async communities(ctx) {
    const { communities } = await loadQuery(ctx.fetch, DashboardNetworkQuery, { lang: apiLanguage(ctx.locale) });
    return {
      columns: ['rank', 'size', 'dominant_themes', 'dominant_countries', 'hubs', 'computed_at'],
      rows: communities.communities.map((c) => [
        c.rank,
        c.size,
        c.dominantThemes.flatMap((t) => (t.theme ? [`${t.theme.slug}:${t.organizations}`] : [])).join(';'),
        c.dominantCountries.flatMap((k) => (k.country ? [`${k.country.code}:${k.organizations}`] : [])).join(';'),
        c.hubs.map((h) => h.slug).join(';'),
        communities.computedAt
      ])
    };
  },

  async density(ctx) {
    const { networkDensity } = await loadQuery(ctx.fetch, DashboardNetworkQuery, { lang: apiLanguage(ctx.locale) });
    return {
      columns: ['year', 'density', 'active_pairs', 'organizations', 'visibility_level', 'computed_at'],
      rows: networkDensity.years.map((y) => [
        y.year,
        y.density.toFixed(6),
        y.activePairs,
        y.organizations,
        networkDensity.visibilityLevel,
        networkDensity.computedAt
      ])
    };
  }
};

export function buildTable(table: ExportTable, ctx: ExportContext): Promise<CsvTable> {
  return builders[table](ctx);
}
