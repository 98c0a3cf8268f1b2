import { m } from '$lib/i18n/generated/messages.js';

/**
 * The reader's name for each kind of notification, as mail settings and the unsubscribe page show it. Message keys
 * are static names (paraglide tree-shakes by name), so the labels are looked up from this one table.
 */
export const notificationKindLabel: Record<string, () => string> = {
  PARTNERSHIP_PROPOSED: m.inbox_kind_PARTNERSHIP_PROPOSED,
  PARTNERSHIP_CONFIRMED: m.inbox_kind_PARTNERSHIP_CONFIRMED,
  PARTNERSHIP_DECLINED: m.inbox_kind_PARTNERSHIP_DECLINED,
  PARTNERSHIP_ENDED: m.inbox_kind_PARTNERSHIP_ENDED,
  PARTNERSHIP_NARROWED: m.inbox_kind_PARTNERSHIP_NARROWED,
  CLAIM_DECIDED: m.inbox_kind_CLAIM_DECIDED,
  INTRODUCTION_REQUESTED: m.intro_kind_INTRODUCTION_REQUESTED,
  INTRODUCTION_ANSWERED: m.intro_kind_INTRODUCTION_ANSWERED,
  SAVED_SEARCH_ALERT: m.saved_kind_label,
  ORGANIZATION_VERIFIED: m.s23m_kind_ORGANIZATION_VERIFIED
};
