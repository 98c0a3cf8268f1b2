import type { Organization } from '../src/lib/server/db/generated/client';
import type { GraphQLContext } from '../src/lib/server/graphql/context';

/** Organisations named by a graph answer, through the request's batched loader; ids no longer found are left out. */
export async function loadOrganizations(ctx: GraphQLContext, ids: string[]): Promise<Organization[]> {
  const rows = await ctx.loaders.organizationById.loadMany(ids);
  return rows.filter((row): row is Organization => row !== null && !(row instanceof Error));
}

export async function loadOrganization(ctx: GraphQLContext, id: string): Promise<Organization> {
  const org = await ctx.loaders.organizationById.load(id);
  // The graph and PostgreSQL agree up to projection lag; an organisation deleted meanwhile is an internal error.
  if (!org) throw new Error(`organisation ${id} is in the graph but not in PostgreSQL`);
  return org;
}
