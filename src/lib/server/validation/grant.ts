import { z } from 'zod';
import { Visibility } from '../db/generated/enums';
import type { ReferenceData } from './reference';
import { always, amount, countryCode, currency, datesOrdered, id, isoDate, text, themeSlug, uniqueList } from './rules';

/** Award dates a grant can plausibly carry: 360Giving data starts in the 1990s; a year ahead allows planned awards. */
function awardDate(now = new Date()) {
  const maxYear = now.getUTCFullYear() + 1;
  return isoDate.refine((value) => {
    const year = Number(value.slice(0, 4));
    return year >= 1950 && year <= maxYear;
  }, `must be between 1950 and ${maxYear}`);
}

/** A grant from a funder to a recipient, with 360Giving's core fields. */
export function grantSchema(ref: ReferenceData) {
  return z
    .object({
      funderId: id,
      recipientId: id,
      title: text(300),
      description: text(5000).nullish(),
      amountAwarded: amount,
      currency,
      awardDate: awardDate(),
      plannedStartDate: isoDate.nullish(),
      plannedEndDate: isoDate.nullish(),
      grantProgramme: text(300).nullish(),
      themes: uniqueList(themeSlug(ref), 20).default([]),
      countries: uniqueList(countryCode(ref), 80).default([]),
      visibility: z.enum(Visibility).default('PUBLIC'),
      externalId: text(200).nullish(),
      source: text(200).nullish()
    })
    .superRefine((value, ctx) => {
      if (value?.funderId && value.funderId === value.recipientId) {
        ctx.addIssue({
          code: 'custom',
          path: ['recipientId'],
          message: 'must differ from funderId: an organisation cannot fund itself'
        });
      }
      datesOrdered(value, ctx, 'plannedStartDate', 'plannedEndDate');
    }, always);
}

export type GrantInput = z.input<ReturnType<typeof grantSchema>>;
export type GrantValues = z.output<ReturnType<typeof grantSchema>>;
