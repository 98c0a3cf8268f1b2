import { error } from '@sveltejs/kit';
import { loadQuery } from '$lib/graphql/client';
import {
  ConnectionPathsQuery,
  ConnectionTargetQuery,
  OrganizationPageQuery,
  OrganizationRecommendationsQuery
} from '$lib/graphql/documents/organization';
import { pickConnectionTarget, type ConnectionTarget } from '$lib/components/organization/connection-target';
import type { ConnectionPathsQuery as ConnectionPathsData } from '$lib/graphql/generated/graphql';
import type { PageLoad } from './$types';

/** Longest "to" text we look up: names are shorter, and it keeps a crafted URL from becoming a heavy search. */
const MAX_TARGET_LENGTH = 200;

export const load: PageLoad = async ({ fetch, params, url, parent, data }) => {
  const { lang: locale } = await parent();
  const lang = locale === 'de' ? 'DE' : 'EN';
  const page = await loadQuery(fetch, OrganizationPageQuery, { slug: params.slug, lang });
  const organization = page.organization;
  if (!organization) error(404, `No organisation with the slug "${params.slug}"`);

  const to = (url.searchParams.get('to') ?? '').trim().slice(0, MAX_TARGET_LENGTH);
  const [recommendations, connection] = await Promise.all([
    loadQuery(fetch, OrganizationRecommendationsQuery, { id: organization.id, lang }),
    to ? findConnection(fetch, organization.id, to) : null
  ]);

  const viewerOrganizationIds = (page.me?.memberships ?? [])
    .filter((membership) => membership.status === 'APPROVED')
    .map((membership) => membership.organization.id);

  return {
    ...data,
    organization,
    recommendations: recommendations.recommendedPartners,
    connection,
    // Only people who act for another organisation can propose a partnership with this one.
    canProposePartnership: viewerOrganizationIds.some((id) => id !== organization.id)
  };
};

async function findConnection(
  fetchFn: typeof fetch,
  fromId: string,
  text: string
): Promise<{ text: string; target: ConnectionTarget; paths: ConnectionPathsData['connectionPaths'] | null }> {
  const lookup = await loadQuery(fetchFn, ConnectionTargetQuery, { text });
  const target = pickConnectionTarget(text, lookup.bySlug, lookup.matches.nodes, fromId);
  if (target.kind !== 'found') return { text, target, paths: null };
  const result = await loadQuery(fetchFn, ConnectionPathsQuery, { from: fromId, to: target.organization.id });
  return { text, target, paths: result.connectionPaths };
}
