/**
 * Where the learned ranking lives: one PostgreSQL row per fit (RankingModel), the newest in use. The server keeps
 * it in memory for a minute, and falls back to the documented prior when there is none or the store is down.
 * A missing or stale model (older than STALE_AFTER_DAYS) is refitted in the background — started when the app
 * starts and whenever a recommendation notices it — while requests keep ranking with the stored model or the
 * prior: no request ever waits for a fit (docs/decisions/0036-ranking-refit-off-the-request-path.md). The fit's
 * queries are asynchronous and its arithmetic runs in slices (steps.ts), so the event loop keeps answering.
 * `npm run analytics:refresh` refits on schedule, in the foreground.
 */
import { getDb } from '../../platform/db';
import { fitRankingModel } from './fit';
import { FEATURES, PRIOR_MODEL, type RankingModel, type Weights } from './model';
import { refreshPublicDegrees } from './public-degree';

export const STALE_AFTER_DAYS = 30;
const CACHE_MS = 60_000;

/** After a failed background refit (Neo4j away), the next attempt waits this long instead of every minute. */
const RETRY_AFTER_FAILURE_MS = 10 * 60_000;

let cache: { model: RankingModel; loadedAt: number } | null = null;
let backgroundRefit: Promise<void> | null = null;
let lastFailureAt = -Infinity;
/** Aborted when the server shuts down: a running refit stops between two of its queries, none starts. */
const shutdown = new AbortController();

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
export async function refreshRankingModel(
  opts: { log?: (line: string) => void; signal?: AbortSignal } = {}
): Promise<RankingModel> {
  await refreshPublicDegrees();
  const model = await fitRankingModel({ log: opts.log, signal: opts.signal });
  await saveRankingModel(model.source === 'prior' ? { ...model, fittedAt: new Date().toISOString() } : model);
  return model;
}

/** True when there is no fitted model or it is older than STALE_AFTER_DAYS (the server then refits it). */
export function isStale(model: RankingModel | null): boolean {
  if (!model?.fittedAt) return true;
  return Date.now() - Date.parse(model.fittedAt) > STALE_AFTER_DAYS * 86_400_000;
}

/**
 * Whether the server refits a stale model by itself: yes unless RANKING_REFIT_WHEN_STALE=off; test runs (VITEST)
 * refit explicitly, unless a test sets RANKING_REFIT_WHEN_STALE=on to exercise the background refit itself.
 */
function refitWhenStale(): boolean {
  const setting = process.env.RANKING_REFIT_WHEN_STALE;
  return setting === 'on' || (setting !== 'off' && !process.env.VITEST);
}

const warn = (line: string) => console.warn(`[ranking] ${line}`);

/**
 * Starts a refit in the background unless one is already running in this process (single-flight), and returns
 * the running one. It never rejects: a failure is logged, the current model stays, and a stale model is retried
 * after RETRY_AFTER_FAILURE_MS.
 */
export function refitInBackground(): Promise<void> {
  if (shutdown.signal.aborted) return Promise.resolve();
  backgroundRefit ??= refreshRankingModel({ log: warn, signal: shutdown.signal })
    .then(
      (model) => warn(`background refit stored a ${model.source} model`),
      (error: Error) => {
        // Shutting down mid-refit is not a failure: the next start refits the still-stale model.
        if (shutdown.signal.aborted) return warn('background refit stopped by shutdown; the next start resumes it');
        lastFailureAt = Date.now();
        warn(`background refit failed, keeping the current model: ${error.message}`);
      }
    )
    .finally(() => {
      backgroundRefit = null;
    });
  return backgroundRefit;
}

/** True while a background refit runs (tests; the admin page could show it). */
export function backgroundRefitRunning(): boolean {
  return backgroundRefit !== null;
}

function refitIfStale(stored: RankingModel | null): void {
  if (!isStale(stored) || !refitWhenStale() || Date.now() - lastFailureAt < RETRY_AFTER_FAILURE_MS) return;
  void refitInBackground();
}

/**
 * At app start: refits in the background when the stored model is missing or stale, so the first
 * recommendations after a long pause are not ranked with an old model for longer than one fit takes.
 */
export async function refitRankingModelIfStale(): Promise<void> {
  refitIfStale(await latestRankingModel());
}

/** Server shutdown: stops a running refit between two of its queries (nothing is stored) and waits for it. */
export async function stopBackgroundRefit(): Promise<void> {
  shutdown.abort();
  await backgroundRefit;
}

/**
 * The model the recommender ranks with, at once: the stored one (even when stale) or, without a usable stored
 * model, the prior. Never throws and never waits for a fit: a stale model only starts a background refit.
 */
export async function currentRankingModel(): Promise<RankingModel> {
  if (cache && Date.now() - cache.loadedAt < CACHE_MS) return cache.model;
  let stored: RankingModel | null = null;
  let readable = true;
  try {
    stored = await latestRankingModel();
  } catch (error) {
    readable = false;
    warn(`stored model unreadable, using the prior: ${(error as Error).message}`);
  }
  const model = stored ?? PRIOR_MODEL;
  cache = { model, loadedAt: Date.now() };
  // An unreadable store is not a stale model: a fit could not be stored either.
  if (readable) refitIfStale(stored);
  return model;
}

/** For tests: forget the in-memory copy so the next call reads the store. */
export function forgetCachedRankingModel(): void {
  cache = null;
}
