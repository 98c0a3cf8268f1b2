/**
 * The organisation types and levels of work the API knows, in the order pages list them: the profile form offers
 * them and the directory's URL parser accepts exactly these.
 */
import type { OrganizationType, WorkLevel } from '$lib/graphql/generated/graphql';

export const ORGANIZATION_TYPES = [
  'NGO',
  'GRASSROOTS',
  'NETWORK',
  'RESEARCH',
  'FUNDER',
  'PUBLIC_BODY',
  'OTHER'
] as const satisfies readonly OrganizationType[];

export const WORK_LEVELS = [
  'LOCAL',
  'REGIONAL',
  'NATIONAL',
  'EUROPEAN',
  'INTERNATIONAL'
] as const satisfies readonly WorkLevel[];
