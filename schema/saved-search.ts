import type { SavedSearch } from '../src/lib/server/db/generated/client';
import { AlertFrequency, SavedSearchKind } from '../src/lib/server/db/generated/enums';
import {
  createSavedSearch,
  deleteSavedSearch,
  listSavedSearches,
  renewFeedToken,
  revokeFeed,
  updateSavedSearch
} from '../src/lib/server/saved-searches/service';
import { savedSearchHref } from '../src/lib/server/saved-searches/search-scope';
import type { Outcome } from '../src/lib/server/validation/outcome';
import { atlasOrigin } from '../src/lib/server/notifications/render';
import { MeRef } from './account';
import { builder } from './builder';
import { mutationResult, validationError } from './errors';
import { decodeId } from './ids';

/** Saved searches with alerts and private Atom feeds (issue 15 part 5, decision 0040): on `me`, owner only. */
const SavedSearchKindEnum = builder.enumType(SavedSearchKind, {
  name: 'SavedSearchKind',
  description: 'The page a saved search belongs to: the directory, the coalition builder or the dashboard.'
});
const AlertFrequencyEnum = builder.enumType(AlertFrequency, {
  name: 'AlertFrequency',
  description: 'How often new matches are announced (inbox, and mail per the SAVED_SEARCH_ALERT preference).'
});

const SavedSearchRef = builder.objectRef<SavedSearch>('SavedSearch').implement({
  description: 'A search the viewer saved: the page’s URL parameters, a name, an alert and a private feed.',
  fields: (t) => ({
    id: t.globalID({ resolve: (s) => ({ type: 'SavedSearch', id: s.id }) }),
    kind: t.field({ type: SavedSearchKindEnum, resolve: (s) => s.kind }),
    name: t.exposeString('name'),
    params: t.exposeString('params', { description: 'The page’s URL query string, e.g. "theme=housing&country=gr".' }),
    url: t.string({
      description: 'The page with these parameters (absolute).',
      resolve: (s) => savedSearchHref(s, atlasOrigin())
    }),
    alert: t.field({ type: AlertFrequencyEnum, resolve: (s) => s.alert }),
    hasFeed: t.boolean({
      description: 'Whether a private feed address exists (the address itself is shown once, when it is made).',
      resolve: (s) => s.feedTokenHash !== null
    }),
    createdAt: t.field({ type: 'DateTime', resolve: (s) => s.createdAt })
  })
});

builder.objectFields(MeRef, (t) => ({
  savedSearches: t.field({
    type: [SavedSearchRef],
    description: 'The viewer’s saved searches, newest first.',
    resolve: (me) => listSavedSearches(me.viewer.userId)
  })
}));

interface WithFeed {
  savedSearch: SavedSearch | null;
  feedUrl: string;
}
const WithFeedRef = builder.objectRef<WithFeed>('SavedSearchFeed').implement({
  fields: (t) => ({
    savedSearch: t.field({ type: SavedSearchRef, nullable: true, resolve: (p) => p.savedSearch }),
    feedUrl: t.exposeString('feedUrl', {
      description: 'The private Atom feed’s address. Shown only now: keep it; a new one replaces it.'
    })
  })
});
const DeletedRef = builder.objectRef<{ id: string }>('DeletedSavedSearch').implement({
  fields: (t) => ({ id: t.globalID({ resolve: (d) => ({ type: 'SavedSearch', id: d.id }) }) })
});

const createResult = mutationResult('CreateSavedSearch', 'result', WithFeedRef, 'The search is saved.');
const updateResult = mutationResult('UpdateSavedSearch', 'savedSearch', SavedSearchRef, 'The search is changed.');
const deleteResult = mutationResult('DeleteSavedSearch', 'deleted', DeletedRef, 'The search is deleted.');
const renewResult = mutationResult('RenewSavedSearchFeed', 'result', WithFeedRef, 'A new feed address.');
const revokeResult = mutationResult('RevokeSavedSearchFeed', 'savedSearch', SavedSearchRef, 'The feed is revoked.');

const CreateSavedSearchInput = builder.inputType('CreateSavedSearchInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    kind: t.field({ type: SavedSearchKindEnum, required: false, description: 'Default DIRECTORY.' }),
    params: t.string({
      required: true,
      description:
        'The page’s URL parameters, e.g. "theme=housing&country=gr" (directory), "theme=legal-aid&country=GR&country=IT" (coalition) or "funder=x&from=2022" (dashboard); paging is dropped.'
    }),
    alert: t.field({ type: AlertFrequencyEnum, required: false, description: 'Default NONE.' })
  })
});
const UpdateSavedSearchInput = builder.inputType('UpdateSavedSearchInput', {
  fields: (t) => ({
    name: t.string({ required: false }),
    alert: t.field({ type: AlertFrequencyEnum, required: false })
  })
});

const signInFirst = () => ({ __typename: 'ForbiddenError' as const, message: 'Sign in to save searches.' });
const feedUrlOf = (token: string) => new URL(`/feeds/saved/${token}.atom`, atlasOrigin()).toString();
const badId = () => validationError([{ field: 'id', message: 'is not a valid SavedSearch id' }]);
const withFeed = (outcome: Outcome<{ feedToken: string; savedSearch?: SavedSearch }>): Outcome<WithFeed> =>
  outcome.ok
    ? {
        ok: true,
        value: { savedSearch: outcome.value.savedSearch ?? null, feedUrl: feedUrlOf(outcome.value.feedToken) }
      }
    : outcome;

builder.mutationFields((t) => ({
  createSavedSearch: t.field({
    type: createResult.union,
    description:
      'Saves a directory filter, coalition request or dashboard view with a name and an alert; answers with its private feed address (once).',
    args: { input: t.arg({ type: CreateSavedSearchInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      if (ctx.viewer.kind !== 'user') return signInFirst();
      return createResult.toResult(
        withFeed(
          await createSavedSearch(ctx.viewer.userId, {
            name: input.name,
            kind: input.kind ?? undefined,
            params: input.params,
            alert: input.alert ?? undefined
          })
        )
      );
    }
  }),
  updateSavedSearch: t.field({
    type: updateResult.union,
    description: 'Renames a saved search or changes its alert.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateSavedSearchInput, required: true }) },
    resolve: async (_root, { id, input }, ctx) => {
      if (ctx.viewer.kind !== 'user') return signInFirst();
      const raw = decodeId(String(id), 'SavedSearch');
      if (!raw) return badId();
      return updateResult.toResult(
        await updateSavedSearch(ctx.viewer.userId, raw, { name: input.name ?? null, alert: input.alert ?? null })
      );
    }
  }),
  deleteSavedSearch: t.field({
    type: deleteResult.union,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      if (ctx.viewer.kind !== 'user') return signInFirst();
      const raw = decodeId(String(id), 'SavedSearch');
      if (!raw) return badId();
      return deleteResult.toResult(await deleteSavedSearch(ctx.viewer.userId, raw));
    }
  }),
  renewSavedSearchFeed: t.field({
    type: renewResult.union,
    description: 'A new private feed address; the old one stops working.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      if (ctx.viewer.kind !== 'user') return signInFirst();
      const raw = decodeId(String(id), 'SavedSearch');
      if (!raw) return badId();
      return renewResult.toResult(withFeed(await renewFeedToken(ctx.viewer.userId, raw)));
    }
  }),
  revokeSavedSearchFeed: t.field({
    type: revokeResult.union,
    description: 'Revokes the private feed: its address answers 404 from now on.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      if (ctx.viewer.kind !== 'user') return signInFirst();
      const raw = decodeId(String(id), 'SavedSearch');
      if (!raw) return badId();
      return revokeResult.toResult(await revokeFeed(ctx.viewer.userId, raw));
    }
  })
}));
