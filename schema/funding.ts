import { fundingSummary, type FundingGroup } from '../src/lib/server/funding/funding-summary';
import type { Country, Organization, Theme } from '../src/lib/server/db/generated/client';
import { getDb } from '../src/lib/server/platform/db';
import { builder } from './builder';
import { CurrencyTotal } from './grant';
import { CountryRef, OrganizationRef, ThemeRef } from './refs';

/** A funder's grants grouped by theme, country and year (issue #16 part 6), on Organization.funding. */

const FundingByTheme = builder.objectRef<FundingGroup<Theme>>('FundingByTheme').implement({
  description: 'Grants with one theme (a grant with several themes counts under each).',
  fields: (t) => ({
    theme: t.field({ type: ThemeRef, resolve: (g) => g.key }),
    grantCount: t.exposeInt('grantCount'),
    totals: t.field({ type: [CurrencyTotal], resolve: (g) => g.totals })
  })
});

const FundingByCountry = builder.objectRef<FundingGroup<Country>>('FundingByCountry').implement({
  description: 'Grants spent in one country (360Giving beneficiaryLocation; a grant may name several).',
  fields: (t) => ({
    country: t.field({ type: CountryRef, resolve: (g) => g.key }),
    grantCount: t.exposeInt('grantCount'),
    totals: t.field({ type: [CurrencyTotal], resolve: (g) => g.totals })
  })
});

const FundingByYear = builder.objectRef<FundingGroup<number>>('FundingByYear').implement({
  description: 'Grants awarded in one calendar year.',
  fields: (t) => ({
    year: t.int({ resolve: (g) => g.key }),
    grantCount: t.exposeInt('grantCount'),
    totals: t.field({ type: [CurrencyTotal], resolve: (g) => g.totals })
  })
});

const GranteePartnerShare = builder
  .objectRef<{
    granteeCount: number;
    partneringGranteeCount: number;
    partneredPairCount: number;
    share: number | null;
  }>('GranteePartnerShare')
  .implement({
    description:
      "How many of a funder's grantees partner with each other, counting only confirmed partnerships the viewer may see.",
    fields: (t) => ({
      granteeCount: t.exposeInt('granteeCount', { description: 'Distinct recipients of the visible grants.' }),
      partneringGranteeCount: t.exposeInt('partneringGranteeCount', {
        description: 'Grantees with a confirmed, visible partnership with another grantee of this funder.'
      }),
      partneredPairCount: t.exposeInt('partneredPairCount', {
        description: 'Distinct grantee pairs joined by such a partnership.'
      }),
      share: t.exposeFloat('share', {
        nullable: true,
        description: 'partneringGranteeCount / granteeCount, 0–1; null with fewer than two grantees.'
      })
    })
  });

const FundingSummary = builder.objectRef<Awaited<ReturnType<typeof fundingSummary>>>('FundingSummary').implement({
  description:
    'The grants an organisation awarded that the viewer may see, grouped. Amounts are summed per currency, never converted.',
  fields: (t) => ({
    grantCount: t.exposeInt('grantCount'),
    totals: t.field({ type: [CurrencyTotal], resolve: (s) => s.totals }),
    byTheme: t.field({ type: [FundingByTheme], description: 'Most grants first.', resolve: (s) => s.byTheme }),
    byCountry: t.field({ type: [FundingByCountry], description: 'Most grants first.', resolve: (s) => s.byCountry }),
    byYear: t.field({ type: [FundingByYear], description: 'Oldest year first.', resolve: (s) => s.byYear }),
    granteePartnerShare: t.field({ type: GranteePartnerShare, resolve: (s) => s.granteePartnerShare })
  })
});

builder.objectField(OrganizationRef, 'funding', (t) =>
  t.field({
    type: FundingSummary,
    description:
      'What the organisation awarded as a funder (grant count 0 if nothing visible). Several queries: ask it for one organisation at a time.',
    resolve: (org: Organization, _args, ctx) => fundingSummary(getDb(), ctx.visibility, org.id)
  })
);
