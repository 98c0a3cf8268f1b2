import { verifyOrganization } from '../src/lib/server/moderation/verification';
import { builder } from './builder';
import { mutationResult, validationError } from './errors';
import { decodeIds } from './ids';
import { OrganizationRef } from './refs';

/** Moderation (issue 15 part 7): admins verify organisations that members created (`Organization.verified`). */
const verified = mutationResult('VerifyOrganization', 'organization', OrganizationRef, 'The organisation is verified.');

builder.mutationFields((t) => ({
  verifyOrganization: t.field({
    type: verified.union,
    description: 'Admins: mark an organisation a member created as verified (it no longer shows "unverified").',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      const { ids, errors } = decodeIds({ id: String(id) }, { id: 'Organization' });
      if (errors.length > 0) return validationError(errors);
      const outcome = await verifyOrganization(ctx.viewer, ids.id);
      if (!outcome.ok) return verified.toResult(outcome);
      ctx.loaders.organizationById.clear(ids.id);
      return verified.toResult({ ok: true, value: (await ctx.loaders.organizationById.load(ids.id))! });
    }
  })
}));
