import { z } from 'zod';
import { always, id, text } from './rules';

/** A member asks, for one of their organisations, to be introduced to another (issue 15 part 4). */
export const introductionRequestSchema = z
  .object({
    fromOrganizationId: id,
    toOrganizationId: id,
    /** What the asker wants to say to the other side's members (mailed to them). */
    message: text(1000, 10),
    /** Why the two should meet; prefilled from a recommendation's top reason, editable. */
    reason: text(500).nullish()
  })
  .superRefine((value, ctx) => {
    if (value?.fromOrganizationId && value.fromOrganizationId === value.toOrganizationId) {
      ctx.addIssue({
        code: 'custom',
        path: ['toOrganizationId'],
        message: 'must differ from fromOrganizationId: an organisation cannot be introduced to itself'
      });
    }
  }, always);

export type IntroductionRequestInput = z.input<typeof introductionRequestSchema>;

/** Answering a request: accept (contact details are exchanged) or decline (the asker reads "not now"). */
export const introductionAnswerSchema = z.object({
  id,
  accept: z.boolean({ error: 'must be true (accept) or false (decline)' })
});

/** Reporting a received request as abuse, with an optional note for the admins. */
export const introductionReportSchema = z.object({ id, note: text(1000).nullish() });
