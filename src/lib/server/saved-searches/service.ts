import { z } from 'zod';
import { getDb } from '../platform/db';
import type { AlertFrequency, SavedSearch, SavedSearchKind } from '../db/generated/client';
import { randomSecret, sha256Hex } from '../auth/secrets';
import type { FieldError } from '../validation/field-errors';
import { fieldErrorsOf } from '../validation/field-errors';
import { invalid, notFound, success, type Outcome } from '../validation/outcome';
import { canonicalParams } from './search-scope';

/** A user's saved searches (decision 0040): only their owner reads or changes them. */
export const MAX_SAVED_SEARCHES = 50;
export const ALERT_FREQUENCIES = ['NONE', 'DAILY', 'WEEKLY'] as const satisfies readonly AlertFrequency[];

const nameSchema = z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters');
const alertSchema = z.enum(ALERT_FREQUENCIES, { error: 'must be NONE, DAILY or WEEKLY' });
export const SAVED_SEARCH_KINDS = ['DIRECTORY', 'COALITION', 'DASHBOARD'] as const satisfies readonly SavedSearchKind[];
const kindSchema = z.enum(SAVED_SEARCH_KINDS);

export interface SaveSearchInput {
  name: string;
  kind?: string;
  params: string;
  alert?: string;
}

/** A new saved search and the private feed's token: shown once, stored only as its hash. */
export interface CreatedSavedSearch {
  savedSearch: SavedSearch;
  feedToken: string;
}

const FEED_TOKEN_PREFIX = 'feed_';

export async function createSavedSearch(userId: string, input: SaveSearchInput): Promise<Outcome<CreatedSavedSearch>> {
  const errors: FieldError[] = [];
  const name = nameSchema.safeParse(input.name);
  if (!name.success) errors.push(...fieldErrorsOf(name.error).map((e) => ({ ...e, field: 'name' })));
  const alert = alertSchema.safeParse(input.alert ?? 'NONE');
  if (!alert.success) errors.push({ field: 'alert', message: 'must be NONE, DAILY or WEEKLY' });
  const kind = kindSchema.safeParse(input.kind ?? 'DIRECTORY');
  if (!kind.success) errors.push({ field: 'kind', message: 'must be DIRECTORY, COALITION or DASHBOARD' });
  // Parameters are checked by the page they belong to, so only once the kind is known.
  const params = kind.success ? await canonicalParams(kind.data, input.params ?? '') : null;
  if (params && !params.ok) errors.push(...params.fieldErrors);
  if (errors.length > 0 || !name.success || !alert.success || !kind.success || !params?.ok) return invalid(errors);

  const db = getDb();
  if ((await db.savedSearch.count({ where: { userId } })) >= MAX_SAVED_SEARCHES) {
    return invalid([{ field: 'name', message: `you already have ${MAX_SAVED_SEARCHES} saved searches` }]);
  }
  const feedToken = randomSecret(FEED_TOKEN_PREFIX);
  const savedSearch = await db.savedSearch.create({
    data: {
      userId,
      kind: kind.data,
      name: name.data,
      params: params.params,
      alert: alert.data,
      feedTokenHash: sha256Hex(feedToken)
    }
  });
  return success({ savedSearch, feedToken });
}

export async function listSavedSearches(userId: string): Promise<SavedSearch[]> {
  return getDb().savedSearch.findMany({ where: { userId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
}

/** The viewer's own saved search, or a not-found naming the id field (another user's search is "not found"). */
async function ownSavedSearch(userId: string, id: string): Promise<SavedSearch | null> {
  return getDb().savedSearch.findFirst({ where: { id, userId } });
}

const notYours = () => notFound<never>('id', 'is not one of your saved searches');

export async function updateSavedSearch(
  userId: string,
  id: string,
  input: { name?: string | null; alert?: string | null }
): Promise<Outcome<SavedSearch>> {
  const errors: FieldError[] = [];
  const name = input.name == null ? null : nameSchema.safeParse(input.name);
  if (name && !name.success) errors.push(...fieldErrorsOf(name.error).map((e) => ({ ...e, field: 'name' })));
  const alert = input.alert == null ? null : alertSchema.safeParse(input.alert);
  if (alert && !alert.success) errors.push({ field: 'alert', message: 'must be NONE, DAILY or WEEKLY' });
  if (errors.length > 0) return invalid(errors);
  const existing = await ownSavedSearch(userId, id);
  if (!existing) return notYours();
  const newAlert = alert?.success ? alert.data : undefined;
  const updated = await getDb().savedSearch.update({
    where: { id },
    data: {
      ...(name?.success && { name: name.data }),
      ...(newAlert && { alert: newAlert }),
      // Switching an alert on starts its window now: it never announces what was added while it was off.
      ...(newAlert && newAlert !== 'NONE' && existing.alert === 'NONE' && { alertedUntil: new Date() })
    }
  });
  return success(updated);
}

export async function deleteSavedSearch(userId: string, id: string): Promise<Outcome<{ id: string }>> {
  const deleted = await getDb().savedSearch.deleteMany({ where: { id, userId } });
  return deleted.count === 1 ? success({ id }) : notYours();
}

/** A new private feed address; the old one stops working at once. */
export async function renewFeedToken(userId: string, id: string): Promise<Outcome<{ feedToken: string }>> {
  const feedToken = randomSecret(FEED_TOKEN_PREFIX);
  const updated = await getDb().savedSearch.updateMany({
    where: { id, userId },
    data: { feedTokenHash: sha256Hex(feedToken) }
  });
  return updated.count === 1 ? success({ feedToken }) : notYours();
}

/** Revokes the private feed: its address answers 404 from now on. */
export async function revokeFeed(userId: string, id: string): Promise<Outcome<SavedSearch>> {
  if (!(await ownSavedSearch(userId, id))) return notYours();
  return success(await getDb().savedSearch.update({ where: { id }, data: { feedTokenHash: null } }));
}

/** The saved search behind a private feed token (with its owner), or null for an unknown or revoked token. */
export async function savedSearchByFeedToken(token: string) {
  if (!token.startsWith(FEED_TOKEN_PREFIX)) return null;
  return getDb().savedSearch.findUnique({ where: { feedTokenHash: sha256Hex(token) } });
}
