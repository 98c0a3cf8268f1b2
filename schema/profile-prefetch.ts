// Types only: the schema is built by the executor's copy of graphql, and graphql's runtime checks (isObjectType,
// getArgumentValues) refuse objects made by another copy of the module (ESM next to CJS).
import type { FieldNode, GraphQLResolveInfo, SelectionSetNode, ValueNode } from 'graphql';
import type { Organization } from '../src/lib/server/db/generated/client';
import type { GraphQLContext } from '../src/lib/server/graphql/context';
import { partnersByOrganization, partnersBySlug } from '../src/lib/server/partnerships/partners-graph';
import { DEFAULT_LIST_SIZE as PARTNERS_DEFAULT_FIRST } from './list-size';

/**
 * `organization(slug:)` — a profile — in two waves of round trips (issue 13 item 2). Wave one: the row with its
 * themes, countries and headquarters (one SQL statement, the organizationBySlug loader) and, at the same time, the
 * partners and their count (one Cypher statement, by slug) when the query asks for them. Wave two: the partners'
 * rows. Without this the partners could only be asked once the row's id was known: a third wave.
 *
 * The graph is read by slug, so while a rename is still being projected its answer may belong to another node (or
 * none): only an answer for the row's id is used; otherwise the partners are read by id as before.
 */
export async function loadProfileBySlug(
  ctx: GraphQLContext,
  slug: string,
  info: GraphQLResolveInfo
): Promise<Organization | null> {
  const limits = partnerLimitsAsked(info);
  if (limits.length === 0) return ctx.loaders.organizationBySlug.load(slug);

  const limit = Math.max(...limits);
  const graph = partnersBySlug(slug, limit, ctx.visibility);
  // Failures reach the partner fields through the primed keys below; the row itself does not wait for the graph.
  graph.catch(() => {});
  const row = await ctx.loaders.organizationBySlug.load(slug);
  if (!row) return null;
  const slice = graph.then(
    async (bySlug) =>
      bySlug.get(row.id) ??
      (await partnersByOrganization([row.id], limit, ctx.visibility)).get(row.id) ?? {
        count: 0,
        ids: []
      }
  );
  ctx.loaders.primePartnerGraph(row.id, limits, slice);
  return row;
}

/**
 * The partner limits the selection asks on this organisation: `partners(first:)` of each occurrence, and 0 for
 * `partnerCount`. Empty when it asks neither, or a `first` the field will refuse (its resolver says why).
 */
function partnerLimitsAsked(info: GraphQLResolveInfo): number[] {
  const limits: number[] = [];
  for (const node of fieldsOf(info, info.fieldNodes)) {
    if (node.name.value === 'partnerCount') limits.push(0);
    if (node.name.value !== 'partners') continue;
    const first = firstOf(info, node);
    if (first === undefined) return [];
    limits.push(first);
  }
  return [...new Set(limits)];
}

/** `partners(first:)` as the resolver will see it (its default when absent or null); undefined when unusable. */
function firstOf(info: GraphQLResolveInfo, node: FieldNode): number | undefined {
  const argument = node.arguments?.find((a) => a.name.value === 'first');
  const value = argument ? literal(info, argument.value) : null;
  const first = value ?? PARTNERS_DEFAULT_FIRST;
  return typeof first === 'number' && Number.isInteger(first) && first >= 0 ? first : undefined;
}

function literal(info: GraphQLResolveInfo, value: ValueNode): unknown {
  if (value.kind === 'Variable') return info.variableValues[value.name.value] ?? null;
  if (value.kind === 'IntValue') return Number(value.value);
  if (value.kind === 'NullValue') return null;
  return undefined;
}

/** The fields selected directly on the result, through fragments and inline fragments. */
function fieldsOf(info: GraphQLResolveInfo, nodes: readonly FieldNode[]): FieldNode[] {
  const out: FieldNode[] = [];
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'Field') out.push(selection);
      else if (selection.kind === 'InlineFragment') visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of nodes) visit(node.selectionSet);
  return out;
}
