import { z } from 'zod';
import { PartnershipKind, Visibility } from '../db/generated/enums';
import type { ReferenceData } from './reference';
import { always, datesOrdered, id, isoDate, text, themeSlug, uniqueList } from './rules';

/** A partnership proposed by orgA (the proposer) to orgB, who confirms or declines it. */
export function partnershipProposalSchema(ref: ReferenceData) {
  return z
    .object({
      orgAId: id,
      orgBId: id,
      kind: z.enum(PartnershipKind),
      title: text(300).nullish(),
      description: text(5000).nullish(),
      /** The proposer's note to the other side's members (mailed to them, shown to the two sides only). */
      message: text(2000).nullish(),
      themes: uniqueList(themeSlug(ref), 20).default([]),
      startDate: isoDate.nullish(),
      endDate: isoDate.nullish(),
      visibility: z.enum(Visibility).default('MEMBERS')
    })
    .superRefine((value, ctx) => {
      if (value?.orgAId && value.orgAId === value.orgBId) {
        ctx.addIssue({
          code: 'custom',
          path: ['orgBId'],
          message: 'must differ from orgAId: an organisation cannot partner with itself'
        });
      }
      datesOrdered(value, ctx, 'startDate', 'endDate');
    }, always);
}

/** Ending a confirmed partnership; the end date defaults to today. */
export const partnershipEndSchema = z.object({ id, endDate: isoDate.nullish() });

/** Confirming or declining: only the id. */
export const partnershipDecisionSchema = z.object({ id });

export type PartnershipProposalInput = z.input<ReturnType<typeof partnershipProposalSchema>>;
export type PartnershipProposal = z.output<ReturnType<typeof partnershipProposalSchema>>;
