import { error } from '@sveltejs/kit';
import { loadQuery } from '$lib/graphql/client';
import { EmbedNetworkQuery } from '$lib/graphql/documents/open-data';
import type { PageLoad } from './$types';

/**
 * Asked without cookies (`credentials: 'omit'`; SvelteKit then forwards neither the session cookie nor an
 * Authorization header to /graphql), so the embed shows what an anonymous visitor sees, whoever is signed in:
 * a page copied into another site must never carry the embedder's members-only or private ties.
 */
export const load: PageLoad = async ({ fetch, params }) => {
  const anonymousFetch: typeof fetch = (input, init) => fetch(input, { ...init, credentials: 'omit' });
  const { organization } = await loadQuery(anonymousFetch, EmbedNetworkQuery, { slug: params.slug });
  if (!organization) error(404, `No organisation with the slug "${params.slug}"`);
  return { organization };
};
