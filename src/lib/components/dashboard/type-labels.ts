import { m } from '$lib/i18n/generated/messages.js';
import type { OrganizationType } from '$lib/graphql/generated/graphql';

export function organizationTypeLabel(type: OrganizationType): string {
  const labels: Record<OrganizationType, () => string> = {
    NGO: m.dash_type_ngo,
    GRASSROOTS: m.dash_type_grassroots,
    NETWORK: m.dash_type_network,
    RESEARCH: m.dash_type_research,
    FUNDER: m.dash_type_funder,
    PUBLIC_BODY: m.dash_type_public_body,
    OTHER: m.dash_type_other
  };
  return labels[type]();
}
