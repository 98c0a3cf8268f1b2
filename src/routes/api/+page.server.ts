import type { PageServerLoad } from './$types';
import { loadQuery } from '$lib/graphql/client';
import { ApiGuideExampleOrganizationQuery } from '$lib/graphql/documents/editing';
import { env } from '$lib/server/env';
import { readDumpManifest } from '$lib/server/open-data/dump-files';
import { MAX_PAGE_SIZE } from '../../../schema/pagination';
import { apiExamples, curlCommand, graphiqlHref, PLACEHOLDER_ORGANIZATION } from './examples';

export const load: PageServerLoad = async ({ fetch, url }) => {
  const [data, dump] = await Promise.all([loadQuery(fetch, ApiGuideExampleOrganizationQuery, {}), readDumpManifest()]);
  const organization = data.organizations.nodes[0] ?? PLACEHOLDER_ORGANIZATION;
  const config = env();
  return {
    endpoint: `${url.origin}/graphql`,
    /** The public data dump's files, when one has been generated (npm run dump). */
    dump: dump && { generatedAt: dump.generatedAt, licence: dump.licence, files: dump.files.map((f) => f.name) },
    organization: { name: organization.name, slug: organization.slug },
    examples: apiExamples(organization).map((example) => ({
      ...example,
      graphiql: graphiqlHref(example.query),
      curl: curlCommand(url.origin, example.query)
    })),
    // The limits this server enforces (configurable, see the README), not the documented defaults.
    limits: {
      perMinute: config.API_RATE_LIMIT_PER_MINUTE,
      anonymousPerMinute: config.API_RATE_LIMIT_ANONYMOUS_PER_MINUTE,
      depth: config.GRAPHQL_MAX_DEPTH,
      aliases: config.GRAPHQL_MAX_ALIASES,
      cost: config.GRAPHQL_MAX_COST,
      pageSize: MAX_PAGE_SIZE
    }
  };
};
