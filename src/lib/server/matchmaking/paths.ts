/**
 * "How are we connected to them?" — the shortest chains of confirmed partnerships between two organisations,
 * using only partnerships the viewer may see (every relationship of every path passes the visibility predicate,
 * inside the path search, so a private partnership can neither appear in a path nor shorten one).
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { z } from 'zod';
import { visibilityOf, type Viewer, type VisibilityParams } from '../access/viewer';
import { readTx } from '../platform/neo4j';
import { visibilityParams } from '../access/visibility-cypher';
import { organizationId, parseInput, throwIfInvalid, throwNotFound } from './input';
import type { OrganizationRef } from './recommend';
import { ENDPOINTS, PATHS } from './paths-query';
import { int } from './values';

export const ConnectionPathsInput = z.object({
  from: organizationId,
  to: organizationId,
  max: z.number().int('must be a whole number').min(1, 'must be at least 1').max(10, 'must be at most 10').default(3)
});
export type ConnectionPathsInput = z.input<typeof ConnectionPathsInput>;

export async function connectionPaths(viewer: Viewer, input: ConnectionPathsInput): Promise<OrganizationRef[][]> {
  const parsed = parseInput(ConnectionPathsInput, input);
  throwIfInvalid(parsed.from === parsed.to ? [{ field: 'to', message: 'must differ from "from"' }] : []);
  return readTx((tx) => pathsInTx(tx, visibilityOf(viewer), parsed));
}

export async function pathsInTx(
  tx: ManagedTransaction,
  visibility: VisibilityParams,
  input: z.output<typeof ConnectionPathsInput>
): Promise<OrganizationRef[][]> {
  const found = (await tx.run(ENDPOINTS, input)).records[0];
  if (!found.get('fromFound')) throwNotFound('from', `no organisation with id "${input.from}"`);
  if (!found.get('toFound')) throwNotFound('to', `no organisation with id "${input.to}"`);
  const result = await tx.run(PATHS, {
    from: input.from,
    to: input.to,
    max: int(input.max),
    ...visibilityParams(visibility)
  });
  return result.records.map((r) => r.get('path') as OrganizationRef[]);
}
