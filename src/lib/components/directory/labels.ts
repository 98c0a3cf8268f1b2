/**
 * Translated names for the API's enum values and counts. Explicit maps (not `m[\`dir_type_${type}\`]`) so a new
 * enum value is a type error here instead of a missing label on the page.
 */
import { numberFormat, pluralRulesOf } from '$lib/i18n/intl-formats';
import { m } from '$lib/i18n/generated/messages.js';
import type { OrganizationType, WorkLevel } from '$lib/graphql/generated/graphql';

export const TYPE_LABELS: Record<OrganizationType, () => string> = {
  NGO: m.dir_type_NGO,
  GRASSROOTS: m.dir_type_GRASSROOTS,
  NETWORK: m.dir_type_NETWORK,
  RESEARCH: m.dir_type_RESEARCH,
  FUNDER: m.dir_type_FUNDER,
  PUBLIC_BODY: m.dir_type_PUBLIC_BODY,
  OTHER: m.dir_type_OTHER
};

export const LEVEL_LABELS: Record<WorkLevel, () => string> = {
  LOCAL: m.dir_level_LOCAL,
  REGIONAL: m.dir_level_REGIONAL,
  NATIONAL: m.dir_level_NATIONAL,
  EUROPEAN: m.dir_level_EUROPEAN,
  INTERNATIONAL: m.dir_level_INTERNATIONAL
};

/**
 * English and German both use the singular for exactly one, but Intl.PluralRules keeps that knowledge out of
 * the components (and right for a third language).
 */
function plural(
  lang: string,
  count: number,
  one: (p: { count: string }) => string,
  other: (p: { count: string }) => string
) {
  const formatted = numberFormat(lang).format(count);
  return pluralRulesOf(lang).select(count) === 'one' ? one({ count: formatted }) : other({ count: formatted });
}

export const organizationCount = (lang: string, count: number) =>
  plural(lang, count, m.dir_results_count_one, m.dir_results_count_other);
export const facetCountLabel = (lang: string, count: number) =>
  plural(lang, count, m.dir_facet_count_one, m.dir_facet_count_other);
export const partnerCount = (lang: string, count: number) =>
  plural(lang, count, m.dir_card_partners_one, m.dir_card_partners_other);
