/**
 * "Who should we partner with?" — ranked candidates with the reasons behind each score, computed by one Cypher
 * query over the partnerships the viewer may see (docs/decisions/0006-recommendation-score.md).
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { z } from 'zod';
import { visibilityOf, type Viewer, type VisibilityParams } from '../auth/viewer';
import { readTx } from '../graph/driver';
import { visibilityParams } from '../graph/visibility';
import {
  countryCodes,
  organizationId,
  parseInput,
  themeSlugs,
  throwIfInvalid,
  throwNotFound,
  unknownValues
} from './input';
import { CHECK_INPUT, RECOMMEND } from './recommend-query';
import { CANDIDATE_LIMITS, PARTIAL_THEME_MATCH, SCORE_WEIGHTS, type ScoreWeights } from './score';
import { int, num, numOrNull } from './values';

export const RecommendInput = z.object({
  organizationId,
  /** Focus themes (slugs): candidates must work on one of them or a sub-theme; thematic fit is measured on them. */
  themes: themeSlugs.default([]),
  /** Focus countries: candidates must work in one of them; only these count as countries added. */
  countries: countryCodes.default([]),
  first: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100, 'must be at most 100')
    .default(10)
});
export type RecommendInput = z.input<typeof RecommendInput>;

export interface OrganizationRef {
  id: string;
  slug: string;
  name: string;
}

export interface Recommendation {
  organization: OrganizationRef;
  /** In [0, 1]; comparable across calls with the same weights. */
  score: number;
  /** The terms of the score before weighting, each in [0, 1]. */
  scoreParts: { network: number; theme: number; geography: number; complement: number; popularity: number };
  reasons: {
    /** Partners both organisations have, through partnerships the viewer may see. */
    sharedPartners: { id: string; name: string }[];
    /** Focus themes the candidate works on (or on a sub-theme of); for a partial match, the shared top-level theme. */
    sharedThemes: string[];
    sharedCountries: string[];
    countriesAdded: string[];
    levelsAdded: string[];
    /** Length of the shortest visible chain of confirmed partnerships (2 = a shared partner); null beyond 3. */
    distance: number | null;
  };
}

/** Tuning knobs for the offline evaluation; production always uses the defaults in score.ts. */
export interface ScoringOptions {
  weights?: ScoreWeights;
  partialThemeMatch?: number;
  candidateLimits?: { twoHop: number; profilePool: number; profile: number };
}

export async function recommendPartners(viewer: Viewer, input: RecommendInput): Promise<Recommendation[]> {
  const parsed = parseInput(RecommendInput, input);
  const visibility = visibilityOf(viewer);
  return readTx((tx) => recommendInTx(tx, visibility, parsed));
}

/** The parameters of the RECOMMEND statement (also run as-is by the benchmark's raw baseline). */
export function recommendParams(
  visibility: VisibilityParams,
  input: z.output<typeof RecommendInput>,
  options: ScoringOptions = {}
): Record<string, unknown> {
  const limits = options.candidateLimits ?? CANDIDATE_LIMITS;
  return {
    organizationId: input.organizationId,
    themes: input.themes,
    countries: input.countries,
    first: int(input.first),
    twoHopLimit: int(limits.twoHop),
    profilePool: int(limits.profilePool),
    profileLimit: int(limits.profile),
    weights: options.weights ?? SCORE_WEIGHTS,
    partialThemeMatch: options.partialThemeMatch ?? PARTIAL_THEME_MATCH,
    ...visibilityParams(visibility)
  };
}

export async function recommendInTx(
  tx: ManagedTransaction,
  visibility: VisibilityParams,
  input: z.output<typeof RecommendInput>,
  options: ScoringOptions = {}
): Promise<Recommendation[]> {
  const check = (await tx.run(CHECK_INPUT, input)).records[0];
  if (!check.get('found')) throwNotFound('organizationId', `no organisation with id "${input.organizationId}"`);
  throwIfInvalid([
    ...unknownValues('themes', input.themes, check.get('unknownThemes'), 'theme slug'),
    ...unknownValues('countries', input.countries, check.get('unknownCountries'), 'country code')
  ]);

  const result = await tx.run(RECOMMEND, recommendParams(visibility, input, options));
  return result.records.map((r) => {
    const parts = r.get('parts') as Record<string, unknown>;
    return {
      organization: { id: r.get('id'), slug: r.get('slug'), name: r.get('name') },
      score: num(r.get('score')),
      scoreParts: {
        network: num(parts.network),
        theme: num(parts.theme),
        geography: num(parts.geography),
        complement: num(parts.complement),
        popularity: num(parts.popularity)
      },
      reasons: {
        sharedPartners: (r.get('sharedPartners') as { id: string; name: string }[]).map((p) => ({
          id: p.id,
          name: p.name
        })),
        sharedThemes: r.get('sharedThemes'),
        sharedCountries: r.get('sharedCountries'),
        countriesAdded: r.get('countriesAdded'),
        levelsAdded: r.get('levelsAdded'),
        distance: numOrNull(r.get('distance'))
      }
    };
  });
}
