/**
 * The learned ranking's shape: a logistic regression over a few signals of a (viewer, organisation, candidate)
 * triple, one weight set for organisations with visible partners and one for newcomers (for a node without ties
 * only popularity and profile signals can discriminate, and they weigh differently then).
 * docs/decisions/0012-learned-ranking.md explains the choice; `fit.ts` learns the weights from the deployment's
 * own public history, `store.ts` keeps them, and the prior below is used until a fit succeeds.
 */

/** Every feature is computed by the recommendation query (recommend-query.ts) from what the viewer may see. */
export const FEATURES = [
  'adamicAdar',
  'commonNeighbours',
  'resourceAllocation',
  'degree',
  'recentDegree',
  'theme',
  'geography',
  'complement',
  'sameType',
  'themePopularity',
  'countryPopularity',
  'typePopularity',
  'sharesCountry',
  'sharesCountryPopularity'
] as const;
export type Feature = (typeof FEATURES)[number];

/** What a feature means, in the words shown next to a fitted weight. */
export const FEATURE_DESCRIPTIONS: Record<Feature, string> = {
  adamicAdar: '1 − exp(−Adamic-Adar): shared partners, each weighted by 1 / ln(its partner count)',
  commonNeighbours: 'ln(1 + shared partners)',
  resourceAllocation: 'ln(1 + Σ 1 / partner count of each shared partner)',
  degree: "ln(1 + the candidate's partners)",
  recentDegree: "ln(1 + the candidate's partnerships started in the two years before)",
  theme: 'thematic fit (1 same theme or sub-theme, ½ same top-level theme), averaged over focus themes',
  geography: 'shared focus countries ÷ min(focus countries, 2)',
  complement: 'countries and levels of work the candidate adds',
  sameType: 'same organisation type',
  themePopularity: 'theme fit × ln(1 + partners): well connected within the focus themes',
  countryPopularity: 'geography × ln(1 + partners): well connected in the focus countries',
  typePopularity: 'same type × ln(1 + partners): well connected among organisations of the same type',
  sharesCountry: 'works in at least one focus country (1 or 0)',
  sharesCountryPopularity: 'works in a focus country × ln(1 + partners): "same-country popularity"'
};

/** The reason a feature's contribution is shown under (recommend.ts sums contributions per reason). */
export const FEATURE_REASON: Record<Feature, Reason> = {
  adamicAdar: 'sharedPartners',
  commonNeighbours: 'sharedPartners',
  resourceAllocation: 'sharedPartners',
  degree: 'wellConnected',
  recentDegree: 'wellConnected',
  theme: 'themes',
  geography: 'countries',
  complement: 'complement',
  sameType: 'organizationType',
  themePopularity: 'wellConnectedInThemes',
  countryPopularity: 'wellConnectedInCountries',
  typePopularity: 'wellConnected',
  sharesCountry: 'countries',
  sharesCountryPopularity: 'wellConnectedInCountries'
};
export const REASONS = [
  'sharedPartners',
  'wellConnected',
  'wellConnectedInThemes',
  'wellConnectedInCountries',
  'themes',
  'countries',
  'complement',
  'organizationType'
] as const;
export type Reason = (typeof REASONS)[number];

export type Weights = { bias: number } & Record<Feature, number>;

/** Held-out ranking quality of a weight set (queries the fit did not learn from). */
export interface HeldOut {
  queries: number;
  hitsAt10: number;
  /** The same queries ranked by popularity alone, for comparison. */
  popularityHitsAt10: number;
  /** The same queries ranked with the prior weights. */
  priorHitsAt10: number;
  /** Which option the group serves (ranking/select.ts): 'fitted', 'prior', a baseline ordering or a blend. */
  chosen?: string;
  /**
   * The option that scored best, and the paired standard error between it and the one served: a simpler option
   * within one standard error of the best is served instead (ranking/one-standard-error.ts).
   */
  best?: string;
  standardError?: number;
  /** Hits@10 of every option considered on the same queries (fitted ones cross-validated). */
  options?: Record<string, number>;
}

export interface RankingModel {
  source: 'fitted' | 'prior';
  /** ISO timestamp of the fit; null for the prior. */
  fittedAt: string | null;
  /** The history used: ties before `cutoff` predicted the new ties in [cutoff, asOf). */
  window: { cutoff: string; asOf: string } | null;
  existing: Weights;
  newcomer: Weights;
  heldOut: { existing: HeldOut | null; newcomer: HeldOut | null };
  /** Training examples (candidate rows) behind each weight set. */
  examples: { existing: number; newcomer: number };
  /** Why the prior is in use, when it is. */
  note?: string;
}

const zero = Object.fromEntries(FEATURES.map((f) => [f, 0])) as Record<Feature, number>;

/**
 * The documented fallback (0012): used when the history is too thin to fit or the fit does not beat it on held-out
 * queries. Chosen by hand to reproduce the strongest simple rankings on real
 * networks (issue 10): for an organisation with partners, shared partners first (ln(1 + shared partners) dominates
 * between 0 and 1 shared partner, Adamic-Adar breaks ties among them), then connectedness — "common neighbours
 * filled up by popularity", softened so a hub can pass a lone weak tie; for a newcomer, the best connected in
 * its focus countries first, ahead of any hub abroad ("same-country popularity": sharesCountry 10 outweighs
 * ln(1 + partners) below ~20,000 partners), theme fit and popularity ordering within, then the best connected
 * anywhere. Said plainly: that strict country-first order was set after an EUTF run showed the softer prior losing
 * to same-country popularity (0021), so EUTF's newcomer figure is not out-of-sample. No complement term: the fits on FP7 and EUTF gave it a negative weight.
 */
export const PRIOR_MODEL: RankingModel = {
  source: 'prior',
  fittedAt: null,
  window: null,
  existing: {
    ...zero,
    bias: -5,
    commonNeighbours: 3,
    adamicAdar: 1,
    degree: 0.6,
    recentDegree: 0.2,
    theme: 1,
    geography: 0.4
  },
  newcomer: {
    ...zero,
    bias: -5,
    degree: 0.3,
    theme: 1,
    sharesCountry: 10,
    themePopularity: 0.2,
    sharesCountryPopularity: 1
  },
  heldOut: { existing: null, newcomer: null },
  examples: { existing: 0, newcomer: 0 }
};
