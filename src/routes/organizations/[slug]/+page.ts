import { error } from '@sveltejs/kit';
import { loadQuery } from '$lib/graphql/client';
import { loadQueryTolerantOfGraph } from '$lib/graphql/graph-unavailable';
import {
  ConnectionPathsQuery,
  ConnectionTargetQuery,
  OrganizationFundingQuery,
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
  // While Neo4j is down, partners and partnerCount come back null (GRAPH_UNAVAILABLE) and the rest still shows.
  const profile = await loadQueryTolerantOfGraph(fetch, OrganizationPageQuery, { slug: params.slug, lang });
  const page = profile.data;
  const organization = page?.organization;
  if (!page || !organization) error(404, `No organisation with the slug "${params.slug}"`);

  const to = (url.searchParams.get('to') ?? '').trim().slice(0, MAX_TARGET_LENGTH);
  const [recommendations, connection, funding] = await Promise.all([
    loadQueryTolerantOfGraph(fetch, OrganizationRecommendationsQuery, { id: organization.id, lang }),
    to ? findConnection(fetch, organization.id, to) : null,
    // Only an organisation that awarded grants the viewer may see has a funder section.
    organization.grantsGiven.length > 0
      ? loadQuery(fetch, OrganizationFundingQuery, { slug: params.slug, lang }).then((d) => d.organization?.funding)
      : null
  ]);

  return {
    ...data,
    organization,
    /** Null while the partnership graph is unavailable (graphUnavailable says so). */
    recommendations: recommendations.data?.recommendedPartners ?? null,
    /** The funder section's figures; null for an organisation that awarded no visible grant. */
    funding: funding ?? null,
    connection: connection?.graphUnavailable ? null : connection,
    graphUnavailable:
      profile.graphUnavailable || recommendations.graphUnavailable || Boolean(connection?.graphUnavailable),
    canProposePartnership: organization.viewerCan.propose,
    canRequestIntroduction: organization.viewerCan.requestIntroduction
  };
};

async function findConnection(
  fetchFn: typeof fetch,
  fromId: string,
  text: string
): Promise<{
  text: string;
  target: ConnectionTarget;
  paths: ConnectionPathsData['connectionPaths'] | null;
  graphUnavailable?: boolean;
}> {
  const lookup = await loadQuery(fetchFn, ConnectionTargetQuery, { text });
  const target = pickConnectionTarget(text, lookup.bySlug, lookup.matches.nodes, fromId);
  if (target.kind !== 'found') return { text, target, paths: null };
  const result = await loadQueryTolerantOfGraph(fetchFn, ConnectionPathsQuery, {
    from: fromId,
    to: target.organization.id
  });
  return { text, target, paths: result.data?.connectionPaths ?? null, graphUnavailable: result.graphUnavailable };
}
