/**
 * What the API asks of analytics. Heavy results (matrix, brokers, communities, density) come from the cache for the
 * viewer's visibility level, with the time they were computed; isolated organisations are answered live.
 */
import { z } from 'zod';
import { visibilityOf, type Viewer } from '../access/viewer';
import { countryCodes, parseInput, themeSlugs } from '../matchmaking/input';
import { cached, type Cached } from './cache';
import { computeDensity, type DensityOverTime } from './density';
import { levelOf } from './levels';
import { computeMatrix, type Gap, type ThemeCountryMatrix } from './matrix';
import { rankGaps, type RankedCell } from './matrix-gaps';
import { landNeighbours } from './neighbours';
import { computeNetworkStructure, type Broker, type Community, type NetworkStructure } from './network-structure';

/** Grant totals default to the last five calendar years, density to the last twenty. */
export function defaultYears(now = new Date()) {
  const year = now.getUTCFullYear();
  return { grants: { fromYear: year - 4, toYear: year }, density: { fromYear: year - 19, toYear: year } };
}

/** A missing bound takes its default, moved if needed so the range is never reversed. */
function resolveYears(given: { fromYear?: number; toYear?: number }, defaults: { fromYear: number; toYear: number }) {
  const toYear = given.toYear ?? Math.max(defaults.toYear, given.fromYear ?? defaults.toYear);
  const fromYear = given.fromYear ?? Math.min(defaults.fromYear, toYear);
  return { fromYear, toYear };
}

const year = z
  .number()
  .int('must be a whole year')
  .min(1900, 'must be 1900 or later')
  .max(2200, 'must be 2200 or earlier');

const YearRange = z
  .object({ fromYear: year.optional(), toYear: year.optional() })
  .refine((v) => v.fromYear === undefined || v.toYear === undefined || v.fromYear <= v.toYear, {
    path: ['toYear'],
    message: 'must not be before fromYear'
  });

export const MatrixInput = YearRange.and(
  z.object({
    /** Only these rows (theme slugs) and columns (country codes); all when empty. */
    themes: themeSlugs.default([]),
    countries: countryCodes.default([]),
    /** Only cells with at least one of these gap flags. */
    gaps: z.array(z.enum(['none', 'thin', 'isolated'])).default([])
  })
);
export type MatrixInput = z.input<typeof MatrixInput>;

export const MatrixComputation = 'theme-country-matrix';
export const NetworkStructureComputation = 'network-structure';
export const DensityComputation = 'density';

/** The matrix with every cell's gap severity and rank (computed on read: cheap, and the cache keeps its shape). */
export interface RankedMatrix extends Omit<ThemeCountryMatrix, 'cells'> {
  cells: RankedCell[];
  /** The countries the gap list covers (see matrix-gaps.ts). */
  scope: string[];
}

/**
 * Ranked once per parsed matrix: the cache hands out the same parsed value until the entry changes
 * (parsed-entries.ts), so the ranking is kept beside it instead of being redone on every request.
 */
const rankings = new WeakMap<ThemeCountryMatrix, ReturnType<typeof rankGaps>>();
function rankedOnce(matrix: ThemeCountryMatrix): ReturnType<typeof rankGaps> {
  let ranked = rankings.get(matrix);
  if (!ranked) rankings.set(matrix, (ranked = rankGaps(matrix, landNeighbours())));
  return ranked;
}

async function rankedMatrix(viewer: Viewer, parsed: z.output<typeof MatrixInput>) {
  const { fromYear, toYear } = resolveYears(parsed, defaultYears().grants);
  const level = levelOf(visibilityOf(viewer));
  const result = await cached(MatrixComputation, level, { fromYear, toYear }, () =>
    computeMatrix(level, fromYear, toYear)
  );
  const ranked = rankedOnce(result.value);
  // Narrowing a precomputed aggregate by row, column or flag: nothing here depends on visibility.
  const themes = new Set(parsed.themes);
  const countries = new Set(parsed.countries);
  const gaps = new Set<Gap>(parsed.gaps);
  const keep = (c: RankedCell) =>
    (!themes.size || themes.has(c.theme)) &&
    (!countries.size || countries.has(c.country)) &&
    (!gaps.size || c.gaps.some((g) => gaps.has(g)));
  return { result, ranked, keep, themes, countries };
}

export async function getThemeCountryMatrix(viewer: Viewer, input: MatrixInput = {}): Promise<Cached<RankedMatrix>> {
  const parsed = parseInput(MatrixInput, input);
  const { result, ranked, keep, themes, countries } = await rankedMatrix(viewer, parsed);
  const matrix = result.value;
  return {
    ...result,
    value: {
      ...matrix,
      themes: themes.size ? matrix.themes.filter((t) => themes.has(t.slug)) : matrix.themes,
      countries: countries.size ? matrix.countries.filter((c) => countries.has(c.code)) : matrix.countries,
      cells: ranked.cells.filter(keep),
      scope: ranked.scope
    }
  };
}

export const GapsInput = MatrixInput.and(
  z.object({
    first: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(500, 'must be at most 500')
      .default(50),
    offset: z.number().int('must be a whole number').min(0, 'must not be negative').default(0)
  })
);
export type GapsInput = z.input<typeof GapsInput>;

export interface GapPage {
  computedAt: Date;
  level: Cached<ThemeCountryMatrix>['level'];
  thinBelow: number;
  /** Gaps matching the filters, over all pages. */
  total: number;
  gaps: RankedCell[];
  scope: string[];
}

/** The gap list, most severe first, one page at a time; ranks are over all gaps, before any filter. */
export async function getCoverageGaps(viewer: Viewer, input: GapsInput = {}): Promise<GapPage> {
  const parsed = parseInput(GapsInput, input);
  const { result, ranked, keep } = await rankedMatrix(viewer, parsed);
  const matching = ranked.gaps.filter(keep);
  return {
    computedAt: result.computedAt,
    level: result.level,
    thinBelow: result.value.thinBelow,
    total: matching.length,
    gaps: matching.slice(parsed.offset, parsed.offset + parsed.first),
    scope: ranked.scope
  };
}

async function networkStructure(viewer: Viewer): Promise<Cached<NetworkStructure>> {
  const level = levelOf(visibilityOf(viewer));
  return cached(NetworkStructureComputation, level, {}, () => computeNetworkStructure(level));
}

const First = z.object({
  first: z.number().int('must be a whole number').min(1, 'must be at least 1').max(50, 'must be at most 50').default(20)
});

export async function getBrokers(
  viewer: Viewer,
  input: z.input<typeof First> = {}
): Promise<{ computedAt: Date; brokers: Broker[]; betweennessSources: number }> {
  const { first } = parseInput(First, input);
  const result = await networkStructure(viewer);
  return {
    computedAt: result.computedAt,
    brokers: result.value.brokers.slice(0, first),
    betweennessSources: result.value.betweennessSources
  };
}

export async function getCommunities(
  viewer: Viewer,
  input: z.input<typeof First> = {}
): Promise<{ computedAt: Date; communities: Community[]; communityCount: number; modularity: number }> {
  const { first } = parseInput(First, input);
  const result = await networkStructure(viewer);
  return {
    computedAt: result.computedAt,
    communities: result.value.communities.slice(0, first),
    communityCount: result.value.communityCount,
    modularity: result.value.modularity
  };
}

export async function getDensityOverTime(
  viewer: Viewer,
  input: z.input<typeof YearRange> = {}
): Promise<Cached<DensityOverTime>> {
  const parsed = parseInput(YearRange, input);
  const { fromYear, toYear } = resolveYears(parsed, defaultYears().density);
  const level = levelOf(visibilityOf(viewer));
  return cached(DensityComputation, level, { fromYear, toYear }, () => computeDensity(level, fromYear, toYear));
}
