/**
 * Test-data factories for networks and their memberships. Like every factory in this folder, each writes through
 * Prisma and enqueues its outbox rows in the same transaction (see organizations.ts for the conventions).
 *
 *   const net = await createNetwork(db, { name: 'European Network on Statelessness' });
 *   const m = await addNetworkMember(db, net, org, { role: 'COORDINATOR' });
 */
import type {
  Network,
  NetworkMembership,
  Organization,
  Prisma,
  PrismaClient
} from '../../src/lib/server/db/generated/client';
import { enqueueChanges } from '../../src/lib/server/projection/outbox';
import type { Created } from './organizations';
import { uniqueSuffix } from './util';

export type NetworkOverrides = Partial<Omit<Prisma.NetworkUncheckedCreateInput, 'members'>>;

export async function createNetwork(db: PrismaClient, overrides: NetworkOverrides = {}): Promise<Created<Network>> {
  const suffix = uniqueSuffix();
  return db.$transaction(async (tx) => {
    const network = await tx.network.create({
      data: { slug: `network-${suffix}`, name: `Network ${suffix}`, ...overrides }
    });
    const outboxIds = await enqueueChanges(tx, [{ aggregate: 'Network', aggregateId: network.id, op: 'upsert' }]);
    return { ...network, outboxIds };
  });
}

export type NetworkMembershipOverrides = Partial<
  Omit<Prisma.NetworkMembershipUncheckedCreateInput, 'networkId' | 'organizationId'>
>;

/** Adds `org` to `network` (default role MEMBER, visibility PUBLIC). */
export async function addNetworkMember(
  db: PrismaClient,
  network: Pick<Network, 'id'> | string,
  org: Pick<Organization, 'id'> | string,
  overrides: NetworkMembershipOverrides = {}
): Promise<Created<NetworkMembership>> {
  return db.$transaction(async (tx) => {
    const membership = await tx.networkMembership.create({
      data: {
        networkId: typeof network === 'string' ? network : network.id,
        organizationId: typeof org === 'string' ? org : org.id,
        ...overrides
      }
    });
    const outboxIds = await enqueueChanges(tx, [
      { aggregate: 'NetworkMembership', aggregateId: membership.id, op: 'upsert' }
    ]);
    return { ...membership, outboxIds };
  });
}
