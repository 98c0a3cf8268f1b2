import { getDb } from '../platform/db';
import type { NetworkMembership } from '../db/generated/client';
import type { Viewer } from '../access/viewer';
import { actorId, canEditOrganization, requireWriter } from '../access/policy';
import { uniqueViolationFields } from '../platform/unique-violation';
import { runWrite } from '../platform/write-with-outbox';
import { fieldErrorsOf } from '../validation/field-errors';
import { FailureSignal, forbidden, invalid, notFound, type Outcome } from '../validation/outcome';
import {
  leaveNetworkSchema,
  networkMembershipSchema,
  type NetworkMembershipInput
} from '../validation/network-membership';

const toDate = (value: string | null | undefined) => (value ? new Date(`${value}T00:00:00Z`) : value);
const ALREADY = { field: 'organizationId', message: 'is already a member of this network' };

export async function joinNetwork(viewer: Viewer, input: NetworkMembershipInput): Promise<Outcome<NetworkMembership>> {
  const denied = requireWriter(viewer);
  if (denied) return denied;
  const parsed = networkMembershipSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const values = parsed.data;
  const db = getDb();

  const [network, org, existing] = await Promise.all([
    db.network.findUnique({ where: { id: values.networkId }, select: { id: true, archivedAt: true } }),
    db.organization.findUnique({ where: { id: values.organizationId }, select: { id: true, archivedAt: true } }),
    db.networkMembership.findUnique({
      where: { networkId_organizationId: { networkId: values.networkId, organizationId: values.organizationId } },
      select: { id: true }
    })
  ]);
  if (!network) return notFound('networkId', `No network with id ${values.networkId}.`);
  if (!org) return notFound('organizationId', `No organisation with id ${values.organizationId}.`);
  if (!canEditOrganization(viewer, org.id)) {
    return forbidden('You may only join networks on behalf of an organisation you belong to.');
  }
  if (network.archivedAt) return invalid([{ field: 'networkId', message: 'is archived' }]);
  if (org.archivedAt) return invalid([{ field: 'organizationId', message: 'is archived' }]);
  if (existing) return invalid([ALREADY]);

  return runWrite(async (tx) => {
    const membership = await tx.networkMembership
      .create({
        data: {
          networkId: values.networkId,
          organizationId: values.organizationId,
          role: values.role,
          since: toDate(values.since),
          until: toDate(values.until),
          visibility: values.visibility
        }
      })
      .catch((error: unknown) => {
        if (uniqueViolationFields(error)) {
          throw new FailureSignal({
            kind: 'validation',
            message: 'Invalid input: organizationId',
            fieldErrors: [ALREADY]
          });
        }
        throw error;
      });
    return {
      value: membership,
      changes: [{ aggregate: 'NetworkMembership', aggregateId: membership.id, op: 'upsert' }],
      audit: [
        {
          actorId: actorId(viewer),
          action: 'network.join',
          entityType: 'NetworkMembership',
          entityId: membership.id,
          before: null,
          after: membership
        }
      ]
    };
  });
}

/** Leaving deletes the membership row (the graph drops the MEMBER_OF edge); the audit log keeps what it was. */
export async function leaveNetwork(
  viewer: Viewer,
  input: { networkId: string; organizationId: string }
): Promise<Outcome<NetworkMembership>> {
  const denied = requireWriter(viewer);
  if (denied) return denied;
  const parsed = leaveNetworkSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const { networkId, organizationId } = parsed.data;
  const existing = await getDb().networkMembership.findUnique({
    where: { networkId_organizationId: { networkId, organizationId } }
  });
  if (!existing) return notFound('organizationId', 'This organisation is not a member of this network.');
  if (!canEditOrganization(viewer, organizationId)) {
    return forbidden('You may only leave networks on behalf of an organisation you belong to.');
  }

  return runWrite(async (tx) => {
    await tx.networkMembership.delete({ where: { id: existing.id } });
    return {
      value: existing,
      changes: [{ aggregate: 'NetworkMembership', aggregateId: existing.id, op: 'delete' }],
      audit: [
        {
          actorId: actorId(viewer),
          action: 'network.leave',
          entityType: 'NetworkMembership',
          entityId: existing.id,
          before: existing,
          after: null
        }
      ]
    };
  });
}
