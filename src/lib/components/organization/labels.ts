/**
 * The API's enum values and codes as words in the visitor's language. Enum maps are exhaustive Records, so a new
 * value in the schema fails the type check here instead of showing a raw "PUBLIC_BODY" on the page.
 */
import { displayNamesOf, numberFormat } from '$lib/i18n/intl-formats';
import { m } from '$lib/i18n/generated/messages.js';
import type { NetworkRole, OrganizationType, WorkLevel } from '$lib/graphql/generated/graphql';

const TYPE: Record<OrganizationType, () => string> = {
  NGO: m.org_type_ngo,
  GRASSROOTS: m.org_type_grassroots,
  NETWORK: m.org_type_network,
  RESEARCH: m.org_type_research,
  FUNDER: m.org_type_funder,
  PUBLIC_BODY: m.org_type_public_body,
  OTHER: m.org_type_other
};

const LEVEL: Record<WorkLevel, () => string> = {
  LOCAL: m.org_level_local,
  REGIONAL: m.org_level_regional,
  NATIONAL: m.org_level_national,
  EUROPEAN: m.org_level_european,
  INTERNATIONAL: m.org_level_international
};

const ROLE: Record<NetworkRole, () => string> = {
  COORDINATOR: m.org_role_coordinator,
  MEMBER: m.org_role_member,
  OBSERVER: m.org_role_observer,
  STEERING_GROUP: m.org_role_steering_group
};

export const organizationTypeLabel = (type: OrganizationType): string => TYPE[type]();
export const workLevelLabel = (level: WorkLevel): string => LEVEL[level]();
export const networkRoleLabel = (role: NetworkRole): string => ROLE[role]();

/** "de" → "German" / "Deutsch"; an unknown code stays as it is rather than disappearing. */
export function languageName(code: string, locale: string): string {
  try {
    return displayNamesOf(locale, { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A decimal string from the API ("25000.00") as money in the visitor's locale, without cents for round sums. */
export function formatMoney(amount: string, currency: string, locale: string): string {
  const value = Number(amount);
  if (!Number.isFinite(value)) return `${amount} ${currency}`;
  try {
    return numberFormat(locale, {
      style: 'currency',
      currency,
      maximumFractionDigits: Number.isInteger(value) ? 0 : 2
    }).format(value);
  } catch {
    return `${amount} ${currency}`;
  }
}

export function formatPercent(share: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}
