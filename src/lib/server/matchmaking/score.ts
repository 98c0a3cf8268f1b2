/**
 * The recommendation's fixed constants. The weights of the score are not here: they are learned from the
 * deployment's own history (ranking/fit.ts, docs/decisions/0012-learned-ranking.md) with a documented prior
 * (ranking/model.ts) as the fallback. The features the weights multiply are defined in recommend-query.ts and
 * described in ranking/model.ts.
 */

/** A candidate sharing only the top-level theme of a focus theme (a sibling, the parent) counts this much. */
export const PARTIAL_THEME_MATCH = 0.5;

/**
 * Candidate bounds: the query scores at most this many structural (2-hop), profile-matched and best-connected
 * candidates, each branch ranked before it is cut, which keeps its cost flat whatever the graph's size.
 */
export const CANDIDATE_LIMITS = {
  /**
   * Partners of partners, by shared partners then Adamic-Adar: room for every candidate "common neighbours" would
   * rank first on the real networks (issue 10: with 200 ranked by Adamic-Adar alone, FP7 lost to that baseline).
   */
  twoHop: 400,
  /** Profile matches ranked by match, then public partner count, then id; the first `profile` are scored. */
  profilePool: 200,
  profile: 150,
  /**
   * The best connected in each focus country (`countryHubPool` per country), of which `countryHubs` overall are
   * scored: a newcomer always sees what "same-country popularity" would rank first (0021).
   */
  countryHubPool: 50,
  countryHubs: 60,
  /** The best connected organisations overall (by public partner count), of which `hubs` are scored. */
  hubPool: 150,
  hubs: 100
} as const;

export type CandidateLimits = { readonly [K in keyof typeof CANDIDATE_LIMITS]: number };

/** "Recent" partnerships (the recentDegree feature) started within this many years before the ranking date. */
export const RECENT_YEARS = 2;

/** Longest chain searched for the `distance` reason of candidates that share no partner. */
export const DISTANCE_SEARCH_DEPTH = 3;
