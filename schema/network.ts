import { getDb } from '../src/lib/server/platform/db';
import type { Network } from '../src/lib/server/db/generated/client';
import { joinNetwork, leaveNetwork } from '../src/lib/server/networks/networks';
import { countNetworks, networkBySlug, networksPage } from '../src/lib/server/networks/queries';
import { builder } from './builder';
import { NetworkRoleEnum, VisibilityEnum } from './enums';
import { mutationResult } from './errors';
import { withoutNulls } from './ids';
import { arrayConnection, keysetConnection } from './pagination';
import { NetworkMembershipRef, NetworkRef, OrganizationRef } from './refs';

NetworkMembershipRef.implement({
  description: "An organisation's membership of a network.",
  fields: (t) => ({
    role: t.expose('role', { type: NetworkRoleEnum }),
    since: t.expose('since', { type: 'Date', nullable: true }),
    until: t.expose('until', { type: 'Date', nullable: true }),
    visibility: t.expose('visibility', { type: VisibilityEnum }),
    network: t.field({
      type: NetworkRef,
      resolve: async (m, _args, ctx) => (await ctx.loaders.networkById.load(m.networkId))!
    }),
    organization: t.field({
      type: OrganizationRef,
      resolve: async (m, _args, ctx) => (await ctx.loaders.organizationById.load(m.organizationId))!
    })
  })
});

builder.node(NetworkRef, {
  description: 'A named network or coalition with member organisations (e.g. a pan-European network).',
  id: { resolve: (n) => n.id },
  loadMany: (ids, ctx) => ctx.loaders.networkById.loadMany(ids) as Promise<(Network | null)[]>,
  fields: (t) => ({
    slug: t.exposeString('slug'),
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
    website: t.exposeString('website', { nullable: true }),
    archived: t.boolean({ resolve: (n) => n.archivedAt !== null }),
    secretariat: t.field({
      type: OrganizationRef,
      nullable: true,
      description: "The organisation record of the network's secretariat, when it has one.",
      resolve: (n, _args, ctx) => (n.organizationId ? ctx.loaders.organizationById.load(n.organizationId) : null)
    }),
    memberCount: t.int({
      description: 'Memberships the viewer may see.',
      resolve: async (n, _args, ctx) => (await ctx.loaders.membershipsByNetwork.load(n.id)).length
    }),
    members: t.connection(
      {
        type: NetworkMembershipRef,
        description: 'Memberships the viewer may see, by organisation name.',
        resolve: async (n, args, ctx) => arrayConnection(args, await ctx.loaders.membershipsByNetwork.load(n.id))
      },
      {
        name: 'NetworkMembersConnection',
        fields: (c) => ({
          totalCount: c.int({ resolve: (conn) => conn.totalCount })
        })
      }
    ),
    createdAt: t.expose('createdAt', { type: 'DateTime' })
  })
});

builder.queryFields((t) => ({
  networks: t.connection(
    {
      type: NetworkRef,
      description: 'Networks that are not archived, by name.',
      resolve: async (_root, args, ctx) => {
        return keysetConnection(args, {
          connection: 'networks',
          arity: 2,
          fetch: async (page) => {
            const rows = await networksPage(getDb(), page);
            for (const row of rows) ctx.loaders.networkById.prime(row.id, row);
            return rows.map((node) => ({ node, key: [node.name, node.id] }));
          }
        });
      }
    },
    {
      name: 'NetworkConnection',
      fields: (c) => ({ totalCount: c.int({ resolve: () => countNetworks(getDb()) }) })
    }
  ),
  network: t.field({
    type: NetworkRef,
    nullable: true,
    args: { slug: t.arg.string({ required: true }) },
    resolve: (_root, { slug }) => networkBySlug(getDb(), slug.trim())
  })
}));

const JoinNetworkInput = builder.inputType('JoinNetworkInput', {
  fields: (t) => ({
    networkId: t.id({ required: true }),
    organizationId: t.id({ required: true, description: 'The joining organisation (you must belong to it).' }),
    role: t.field({ type: NetworkRoleEnum, required: false, description: 'Default MEMBER.' }),
    since: t.field({ type: 'Date', required: false }),
    until: t.field({ type: 'Date', required: false }),
    visibility: t.field({ type: VisibilityEnum, required: false, description: 'Default PUBLIC.' })
  })
});

const LeaveNetworkInput = builder.inputType('LeaveNetworkInput', {
  fields: (t) => ({ networkId: t.id({ required: true }), organizationId: t.id({ required: true }) })
});

const join = mutationResult('JoinNetwork', 'membership', NetworkMembershipRef, 'The organisation joined the network.');
const leave = mutationResult('LeaveNetwork', 'membership', NetworkMembershipRef, 'The membership that was removed.');

const networkIds = { networkId: 'Network', organizationId: 'Organization' } as const;

builder.mutationFields((t) => ({
  joinNetwork: t.field({
    type: join.union,
    args: { input: t.arg({ type: JoinNetworkInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      return join.withIds({ networkId: input.networkId, organizationId: input.organizationId }, networkIds, (ids) =>
        joinNetwork(ctx.viewer, { ...withoutNulls(input), ...ids })
      );
    }
  }),
  leaveNetwork: t.field({
    type: leave.union,
    args: { input: t.arg({ type: LeaveNetworkInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      return leave.withIds({ networkId: input.networkId, organizationId: input.organizationId }, networkIds, (ids) =>
        leaveNetwork(ctx.viewer, ids)
      );
    }
  })
}));
