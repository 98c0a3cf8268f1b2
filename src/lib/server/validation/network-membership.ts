import { z } from 'zod';
import { NetworkRole, Visibility } from '../db/generated/enums';
import { always, datesOrdered, id, isoDate } from './rules';

export const networkMembershipSchema = z
  .object({
    networkId: id,
    organizationId: id,
    role: z.enum(NetworkRole).default('MEMBER'),
    since: isoDate.nullish(),
    until: isoDate.nullish(),
    visibility: z.enum(Visibility).default('PUBLIC')
  })
  .superRefine((value, ctx) => datesOrdered(value, ctx, 'since', 'until'), always);

export const leaveNetworkSchema = z.object({ networkId: id, organizationId: id });

export type NetworkMembershipInput = z.input<typeof networkMembershipSchema>;
export type NetworkMembershipValues = z.output<typeof networkMembershipSchema>;
