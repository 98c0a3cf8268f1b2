/**
 * The recommendation score's constants (docs/decisions/0006-recommendation-score.md). They are sent to the Cypher
 * query as parameters, so production and the offline evaluation (src/cli/eval-matchmaking.ts) score with the same
 * numbers; change them here and re-run the evaluation.
 *
 *   score = network·N + theme·T + geography·G + complement·C + popularity·P   (weights sum to 1, parts in [0, 1])
 *   N = 1 − exp(−AA)       AA = Σ over shared partners z of 1 / ln(deg z)      (Adamic-Adar, visible confirmed edges)
 *   T = mean over focus themes f of 1 (candidate works on f or a sub-theme of f), ½ (same top-level theme), else 0
 *   G = |shared countries| / min(|focus countries|, 2), capped at 1
 *   C = ½·(1 − ½^|countries added|) + ½·(1 − ½^|levels added|)
 *   P = d / (d + 10)       d = the candidate's visible confirmed partnerships
 */
export const SCORE_WEIGHTS = {
  network: 0.4,
  theme: 0.2,
  geography: 0.15,
  complement: 0.05,
  popularity: 0.2
} as const;

/** A candidate sharing only the top-level theme of a focus theme (a sibling, the parent) counts this much. */
export const PARTIAL_THEME_MATCH = 0.5;

/**
 * Candidate bounds: the query scores at most this many structural (2-hop) and profile-matched candidates, which
 * keeps its cost flat whatever the graph's size (see the ADR for the latency this buys).
 */
export const CANDIDATE_LIMITS = {
  twoHop: 200,
  /** Profile matches ranked by match alone, of which the best connected `profile` are scored. */
  profilePool: 200,
  profile: 150
} as const;

/** Longest chain searched for the `distance` reason of candidates that share no partner. */
export const DISTANCE_SEARCH_DEPTH = 3;

export type ScoreWeights = { readonly [K in keyof typeof SCORE_WEIGHTS]: number };
