/**
 * "Who should we partner with?" — ranked candidates with the reasons behind each score, computed by one Cypher
 * query over the partnerships the viewer may see, scored by the learned ranking model
 * (docs/decisions/0006-recommendation-score.md, 0012-learned-ranking.md).
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { z } from 'zod';
import { visibilityOf, type Viewer, type VisibilityParams } from '../access/viewer';
import { readTx } from '../platform/neo4j';
import { visibilityParams } from '../access/visibility-cypher';
import { countryCodes, parseInput, themeSlugs, throwIfInvalid, throwNotFound, unknownValues } from './input';
import { CHECK_INPUT, RECOMMEND, RECOMMEND_LIVE_COUNTS } from './recommend-query';
import { FEATURE_REASON, FEATURES, PRIOR_MODEL, type Feature, type RankingModel, type Reason } from './ranking/model';
import { currentRankingModel } from './ranking/store';
import { CANDIDATE_LIMITS, PARTIAL_THEME_MATCH, RECENT_YEARS, type CandidateLimits } from './score';
import { int, num, numOrNull } from './values';

/**
 * The import's external-id limit (imports/*.ts `textRule(200)`): graphs loaded from import files (the offline
 * evaluation) key organisations by their external id, so any id a valid import accepts must be accepted here.
 */
const recommendOrganizationId = z.string().trim().min(1, 'is required').max(200, 'is not a valid id');

export const RecommendInput = z.object({
  organizationId: recommendOrganizationId,
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

export interface Contribution {
  reason: Reason;
  /** How much this reason added to the candidate's score (log-odds, above an organisation without it). */
  weight: number;
}

export interface Recommendation {
  organization: OrganizationRef;
  /** In (0, 1): the model's estimate that the two become partners; comparable across calls with the same model. */
  score: number;
  /** The signals before weighting, each in [0, 1]. */
  scoreParts: { network: number; theme: number; geography: number; complement: number; popularity: number };
  /** The reasons that raised the score, largest first (only positive contributions; the first weighed most). */
  contributions: Contribution[];
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
    /** The candidate's visible confirmed partnerships (what "well connected" rests on). */
    partnerCount: number;
  };
}

/** Overrides for the fit and the offline evaluation; production uses the stored model and the defaults. */
export interface ScoringOptions {
  model?: RankingModel;
  partialThemeMatch?: number;
  candidateLimits?: CandidateLimits;
  /** Rank as of this date (YYYY-MM-DD): only ties started before it count. */
  asOf?: string | null;
  /** Skip the distance reason (the fit reads hundreds of candidates and needs none). */
  withDistance?: boolean;
  /**
   * Count candidates' partners from their ties ('live') instead of the counts the projector keeps ('stored', the
   * default). Ranking as of a date always counts live: the stored counts are today's.
   */
  counts?: 'stored' | 'live';
}

/** The statement for these options (recommend-query.ts). */
export function recommendStatementFor(options: ScoringOptions = {}): string {
  return options.asOf || options.counts === 'live' ? RECOMMEND_LIVE_COUNTS : RECOMMEND;
}

export async function recommendPartners(
  viewer: Viewer,
  input: RecommendInput,
  options: ScoringOptions = {}
): Promise<Recommendation[]> {
  const parsed = parseInput(RecommendInput, input);
  const visibility = visibilityOf(viewer);
  const model = options.model ?? (await currentRankingModel());
  return readTx((tx) => recommendInTx(tx, visibility, parsed, { ...options, model }));
}

const DAY_MS = 86_400_000;

/** The parameters of the RECOMMEND statement (also run as-is by the benchmark's raw baseline). */
export function recommendParams(
  visibility: VisibilityParams,
  input: z.output<typeof RecommendInput>,
  options: ScoringOptions = {}
): Record<string, unknown> {
  const limits = options.candidateLimits ?? CANDIDATE_LIMITS;
  const model = options.model ?? PRIOR_MODEL;
  const asOf = options.asOf ?? null;
  const reference = asOf ? Date.parse(asOf) : Date.now();
  return {
    organizationId: input.organizationId,
    themes: input.themes,
    countries: input.countries,
    first: int(input.first),
    twoHopLimit: int(limits.twoHop),
    profilePool: int(limits.profilePool),
    profileLimit: int(limits.profile),
    countryHubPool: int(limits.countryHubPool),
    countryHubLimit: int(limits.countryHubs),
    hubPool: int(limits.hubPool),
    hubLimit: int(limits.hubs),
    existingWeights: model.existing,
    newcomerWeights: model.newcomer,
    partialThemeMatch: options.partialThemeMatch ?? PARTIAL_THEME_MATCH,
    asOf,
    recentSince: new Date(reference - RECENT_YEARS * 365.25 * DAY_MS).toISOString().slice(0, 10),
    withDistance: options.withDistance ?? true,
    ...visibilityParams(visibility)
  };
}

/** One candidate row as the fit reads it: its features, and which weight set ranked it. */
export interface CandidateFeatures {
  id: string;
  newcomer: boolean;
  features: Record<Feature, number>;
}

/** Per-reason contributions (weight × feature), positive ones only, largest first. */
export function contributionsOf(weights: RankingModel['existing'], features: Record<Feature, number>): Contribution[] {
  const byReason = new Map<Reason, number>();
  for (const f of FEATURES) {
    const value = weights[f] * features[f];
    byReason.set(FEATURE_REASON[f], (byReason.get(FEATURE_REASON[f]) ?? 0) + value);
  }
  return [...byReason.entries()]
    .filter(([, weight]) => weight > 1e-9)
    .map(([reason, weight]) => ({ reason, weight }))
    .sort((a, b) => b.weight - a.weight || (a.reason < b.reason ? -1 : 1));
}

export async function recommendInTx(
  tx: ManagedTransaction,
  visibility: VisibilityParams,
  input: z.output<typeof RecommendInput>,
  options: ScoringOptions = {}
): Promise<Recommendation[]> {
  const rows = await recommendRowsInTx(tx, visibility, input, options);
  const model = options.model ?? PRIOR_MODEL;
  return rows.map((r) => {
    const features = r.features;
    const degree = r.partnerCount;
    return {
      organization: r.organization,
      score: 1 / (1 + Math.exp(-r.logit)),
      scoreParts: {
        network: features.adamicAdar,
        theme: features.theme,
        geography: features.geography,
        complement: features.complement,
        popularity: degree / (degree + 10)
      },
      contributions: contributionsOf(r.newcomer ? model.newcomer : model.existing, features),
      reasons: r.reasons
    };
  });
}

interface Row extends CandidateFeatures {
  organization: OrganizationRef;
  logit: number;
  partnerCount: number;
  reasons: Recommendation['reasons'];
}

/** The query's rows with their raw features (used by the fit, which needs features rather than reasons). */
export async function recommendRowsInTx(
  tx: ManagedTransaction,
  visibility: VisibilityParams,
  input: z.output<typeof RecommendInput>,
  options: ScoringOptions = {}
): Promise<Row[]> {
  const check = (await tx.run(CHECK_INPUT, input)).records[0];
  if (!check.get('found')) throwNotFound('organizationId', `no organisation with id "${input.organizationId}"`);
  throwIfInvalid([
    ...unknownValues('themes', input.themes, check.get('unknownThemes'), 'theme slug'),
    ...unknownValues('countries', input.countries, check.get('unknownCountries'), 'country code')
  ]);

  const result = await tx.run(recommendStatementFor(options), recommendParams(visibility, input, options));
  return result.records.map((r) => {
    const raw = r.get('features') as Record<string, unknown>;
    const features = Object.fromEntries(FEATURES.map((f) => [f, num(raw[f])])) as Record<Feature, number>;
    return {
      id: r.get('id'),
      organization: { id: r.get('id'), slug: r.get('slug'), name: r.get('name') },
      logit: num(r.get('logit')),
      newcomer: r.get('newcomer') as boolean,
      features,
      partnerCount: num(r.get('degree')),
      reasons: {
        sharedPartners: (r.get('sharedPartners') as { id: string; name: string }[]).map((p) => ({
          id: p.id,
          name: p.name
        })),
        sharedThemes: r.get('sharedThemes'),
        sharedCountries: r.get('sharedCountries'),
        countriesAdded: r.get('countriesAdded'),
        levelsAdded: r.get('levelsAdded'),
        distance: numOrNull(r.get('distance')),
        partnerCount: num(r.get('degree'))
      }
    };
  });
}
