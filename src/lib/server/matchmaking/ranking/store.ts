/**
 * Where the learned ranking lives: one PostgreSQL row per fit (RankingModel), the newest in use. The server keeps
 * it in memory for a minute, and falls back to the documented prior when there is none or the store is down.
 * A missing or stale model (older than STALE_AFTER_DAYS) is refitted in the background the first time the server
 * needs it ("refit when stale at start"); `npm run analytics:refresh` refits on schedule.
 */
import { getDb } from '../../platform/db';
import { fitRankingModel } from './fit';
import { FEATURES, PRIOR_MODEL, type RankingModel, type Weights } from './model';
import { refreshPublicDegrees } from './public-degree';

export const STALE_AFTER_DAYS = 30;
const CACHE_MS = 60_000;

let cache: { model: RankingModel; loadedAt: number } | null = null;
let staleRefit: Promise<unknown> | null = null;

const isWeights = (w: unknown): w is Weights =>
  typeof w === 'object' &&
  w !== null &&
  ['bias', ...FEATURES].every((k) => typeof (w as Record<string, unknown>)[k] === 'number');

/** The newest stored model, or null (none yet, or a row whose shape this version does not know). */
export async function latestRankingModel(): Promise<RankingModel | null> {
  const row = await getDb().rankingModel.findFirst({ orderBy: [{ fittedAt: 'desc' }, { id: 'desc' }] });
  if (!row) return null;
  const model = row.model as unknown as RankingModel;
  return isWeights(model?.existing) && isWeights(model?.newcomer) ? model : null;
}

export async function saveRankingModel(model: RankingModel): Promise<void> {
  await getDb().rankingModel.create({
    data: {
      source: model.source,
      fittedAt: model.fittedAt ? new Date(model.fittedAt) : new Date(),
      model: model as unknown as object
    }
  });
  cache = null;
}

/** Public degrees, then a fit on the current graph, then stored: what analytics:refresh runs. */
export async function refreshRankingModel(opts: { log?: (line: string) => void } = {}): Promise<RankingModel> {
  await refreshPublicDegrees();
  const model = await fitRankingModel({ log: opts.log });
  await saveRankingModel(model.source === 'prior' ? { ...model, fittedAt: new Date().toISOString() } : model);
  return model;
}

/** True when there is no fitted model or it is older than STALE_AFTER_DAYS (the server then refits it). */
export function isStale(model: RankingModel | null): boolean {
  if (!model?.fittedAt) return true;
  return Date.now() - Date.parse(model.fittedAt) > STALE_AFTER_DAYS * 86_400_000;
}

/**
 * The model the recommender ranks with. Never throws: without a usable stored model it is the prior.
 * Test runs (VITEST) and RANKING_REFIT_WHEN_STALE=off skip the background refit: tests refit explicitly.
 */
export async function currentRankingModel(): Promise<RankingModel> {
  if (cache && Date.now() - cache.loadedAt < CACHE_MS) return cache.model;
  let stored: RankingModel | null = null;
  try {
    stored = await latestRankingModel();
  } catch (error) {
    console.warn(`[ranking] stored model unreadable, using the prior: ${(error as Error).message}`);
  }
  const model = stored ?? PRIOR_MODEL;
  cache = { model, loadedAt: Date.now() };
  if (isStale(stored) && !staleRefit && !process.env.VITEST && process.env.RANKING_REFIT_WHEN_STALE !== 'off') {
    staleRefit = refreshRankingModel({ log: (line) => console.warn(`[ranking] ${line}`) }).catch((error: Error) =>
      console.warn(`[ranking] refit failed, keeping the current model: ${error.message}`)
    );
  }
  return model;
}

/** For tests: forget the in-memory copy so the next call reads the store. */
export function forgetCachedRankingModel(): void {
  cache = null;
}
