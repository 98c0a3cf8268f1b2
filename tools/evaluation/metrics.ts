/**
 * Ranking metrics, per query (one query = one organisation that gained partners after the split):
 * - Hits@k: 1 when at least one of its new partners is in the top k, else 0; averaged over queries.
 * - MRR: 1 / rank of the first new partner in the list (0 when none is in the list); averaged over queries.
 * Lists are cut at 50, so MRR here is MRR@50.
 */
export function firstHitRank(ranked: readonly string[], relevant: ReadonlySet<string>): number | null {
  const index = ranked.findIndex((id) => relevant.has(id));
  return index === -1 ? null : index + 1;
}

export interface Summary {
  queries: number;
  hitsAt10: number;
  hitsAt50: number;
  mrr: number;
}

export function summarize(ranks: readonly (number | null)[]): Summary {
  const n = ranks.length;
  if (n === 0) return { queries: 0, hitsAt10: 0, hitsAt50: 0, mrr: 0 };
  let h10 = 0;
  let h50 = 0;
  let rr = 0;
  for (const rank of ranks) {
    if (rank === null) continue;
    if (rank <= 10) h10++;
    if (rank <= 50) h50++;
    rr += 1 / rank;
  }
  return { queries: n, hitsAt10: h10 / n, hitsAt50: h50 / n, mrr: rr / n };
}
