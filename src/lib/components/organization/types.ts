/** The shapes the organisation page's components receive, taken from the generated query types. */
import type {
  OrganizationFundingQuery,
  OrganizationPageQuery,
  OrganizationRecommendationsQuery
} from '$lib/graphql/generated/graphql';

export type OrganizationProfile = NonNullable<OrganizationPageQuery['organization']>;
export type Recommendation = OrganizationRecommendationsQuery['recommendedPartners'][number];
export type Grant = OrganizationProfile['grantsReceived'][number] | OrganizationProfile['grantsGiven'][number];
export type Funding = NonNullable<OrganizationFundingQuery['organization']>['funding'];
