import { m } from '../../i18n/generated/messages.js';
import { getDb } from '../platform/db';
import type { Viewer } from '../access/viewer';
import { recommendPartners } from '../matchmaking/recommend';
import type { Reason } from '../matchmaking/ranking/model';
import type { MailLanguage } from '../notifications/kinds';

/**
 * Whose eyes the prefilled reason is computed with: a signed-in member of no organisation. The asker's own view
 * of the recommendation may rest on their organisation's private partnerships (a private partner shared with the
 * candidate); the request is read by the other side, who may not see those. Computed this way, the reason names
 * only what any member of the Atlas may see, so a prefilled reason cannot leak a private partnership.
 */
const ANY_MEMBER: Viewer = { kind: 'user', userId: 'introduction-reason', role: 'MEMBER', organizationIds: [] };

const KIND: Record<Reason, (o: { locale: MailLanguage }) => string> = {
  sharedPartners: (o) => m.org_reason_kind_shared_partners({}, o),
  wellConnected: (o) => m.org_reason_kind_well_connected({}, o),
  wellConnectedInThemes: (o) => m.org_reason_kind_well_connected_in_themes({}, o),
  wellConnectedInCountries: (o) => m.org_reason_kind_well_connected_in_countries({}, o),
  themes: (o) => m.org_reason_kind_themes({}, o),
  countries: (o) => m.org_reason_kind_countries({}, o),
  complement: (o) => m.org_reason_kind_complement({}, o),
  organizationType: (o) => m.org_reason_kind_organization_type({}, o)
};

/** How many candidates are looked through for the one asked (the profile page shows 6). */
const LOOK_AT = 50;

/**
 * The recommendation's top reason for meeting `toOrganizationId`, as one sentence in `locale`, or null when the
 * Atlas does not recommend it to `fromOrganizationId` (as any member sees the network).
 */
export async function recommendedReason(
  fromOrganizationId: string,
  toOrganizationId: string,
  locale: MailLanguage
): Promise<string | null> {
  const recommendations = await recommendPartners(ANY_MEMBER, { organizationId: fromOrganizationId, first: LOOK_AT });
  const found = recommendations.find((r) => r.organization.id === toOrganizationId);
  const top = found?.contributions[0]?.reason;
  if (!found || !top) return null;
  const o = { locale };
  let detail: string[] = [];
  if (top === 'sharedPartners') detail = found.reasons.sharedPartners.map((p) => p.name);
  if (top === 'themes' || top === 'wellConnectedInThemes') {
    const themes = await getDb().theme.findMany({
      where: { slug: { in: found.reasons.sharedThemes } },
      select: { nameEn: true, nameDe: true }
    });
    detail = themes.map((t) => (locale === 'de' ? t.nameDe : t.nameEn));
  }
  if (top === 'complement' || top === 'countries' || top === 'wellConnectedInCountries') {
    detail = top === 'complement' ? found.reasons.countriesAdded : found.reasons.sharedCountries;
  }
  const reason = KIND[top](o) + (detail.length > 0 ? ` (${detail.join(', ')})` : '');
  const names = await getDb().organization.findMany({
    where: { id: { in: [fromOrganizationId, toOrganizationId] } },
    select: { id: true, name: true }
  });
  const name = (id: string) => names.find((n) => n.id === id)?.name ?? '';
  return m.intro_reason_prefill({ to: name(toOrganizationId), from: name(fromOrganizationId), reason }, o);
}
