/** Translated names of partnership kinds and statuses. */
import { m } from '$lib/i18n/generated/messages.js';

const KIND: Record<string, () => string> = {
  PROJECT: m.edit_pship_kind_project,
  COALITION: m.edit_pship_kind_coalition,
  NETWORK_MEMBERSHIP: m.edit_pship_kind_network_membership,
  INFORMAL: m.edit_pship_kind_informal
};
export const kindLabel = (kind: string): string => KIND[kind]?.() ?? kind;
export const PARTNERSHIP_KINDS = Object.keys(KIND);

const STATUS: Record<string, () => string> = {
  PROPOSED: m.edit_pship_status_proposed,
  CONFIRMED: m.edit_pship_status_confirmed,
  DECLINED: m.edit_pship_status_declined,
  ENDED: m.edit_pship_status_ended,
  WITHDRAWN: m.connect_pship_status_withdrawn,
  EXPIRED: m.connect_pship_status_expired
};
export const statusLabel = (status: string): string => STATUS[status]?.() ?? status;
