import { error } from '@sveltejs/kit';
import { loadQuery } from '$lib/graphql/client';
import { EmbedNetworkQuery } from '$lib/graphql/documents/open-data';
import { anonymousFetch } from '$lib/embed/anonymous-fetch';
import type { PageLoad } from './$types';

/** Asked anonymously (anonymous-fetch.ts): the embed shows public ties only, whoever is signed in. */
export const load: PageLoad = async ({ fetch, params }) => {
  const { organization } = await loadQuery(anonymousFetch(fetch), EmbedNetworkQuery, { slug: params.slug });
  if (!organization) error(404, `No organisation with the slug "${params.slug}"`);
  return { organization };
};
