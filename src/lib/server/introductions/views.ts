import type { Introduction, Prisma } from '../db/generated/client';
import { canSeeField } from '../access/field-visibility';
import { visibilityOf, type Viewer } from '../access/viewer';

/**
 * An introduction as one person may see it — the single place that decides what each side learns:
 *  - the asker (its requester) sees PENDING, ACCEPTED or NOT_NOW. NOT_NOW stands for a decline and for an expiry
 *    alike: no answer date, no name of who declined, nothing that tells the two apart;
 *  - the asked side (members of toOrganization) sees the request, who asked, and the real state;
 *  - contact details (the people's e-mail addresses, the organisation's contact address as far as the field's
 *    own visibility lets this viewer see it) exist only once it was ACCEPTED.
 * Anyone else gets null.
 */
export type AskerState = 'PENDING' | 'ACCEPTED' | 'NOT_NOW';
export type AskedState = 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'EXPIRED';

export interface IntroductionContacts {
  people: { name: string; email: string }[];
  organizationEmail: string | null;
}

interface OrgSummary {
  id: string;
  name: string;
  slug: string;
}

export interface IntroductionView {
  id: string;
  side: 'asker' | 'asked';
  state: AskerState | AskedState;
  from: OrgSummary;
  to: OrgSummary;
  message: string;
  reason: string | null;
  requestedAt: Date;
  expiresAt: Date;
  /** The asked side only: who asked (name only until accepted). */
  requesterName: string | null;
  /** The asked side only: who answered and when. The asker gets the date only of an acceptance. */
  answeredBy: string | null;
  answeredAt: Date | null;
  contacts: IntroductionContacts | null;
}

const org = {
  select: { id: true, name: true, slug: true, contactEmail: true, contactEmailVisibility: true }
} as const;
const person = { select: { name: true, email: true } } as const;

/** What `introductionView` needs loaded with each row. */
export const introductionViewInclude = {
  fromOrganization: org,
  toOrganization: org,
  requester: person,
  answeredBy: person
} satisfies Prisma.IntroductionInclude;

export type LoadedIntroduction = Prisma.IntroductionGetPayload<{ include: typeof introductionViewInclude }>;

export function isIntroductionExpired(i: Pick<Introduction, 'status' | 'expiresAt'>, now = new Date()): boolean {
  return i.status === 'PENDING' && i.expiresAt.getTime() <= now.getTime();
}

export function sideOf(viewer: Viewer, i: Pick<Introduction, 'requesterId' | 'toOrganizationId'>) {
  if (viewer.kind !== 'user') return null;
  if (viewer.userId === i.requesterId) return 'asker' as const;
  if (viewer.organizationIds.includes(i.toOrganizationId)) return 'asked' as const;
  return null;
}

function orgContact(viewer: Viewer, o: LoadedIntroduction['fromOrganization']): string | null {
  if (!o.contactEmail) return null;
  return canSeeField(visibilityOf(viewer), o.contactEmailVisibility, o.id) ? o.contactEmail : null;
}

const summary = (o: OrgSummary): OrgSummary => ({ id: o.id, name: o.name, slug: o.slug });

export function introductionView(viewer: Viewer, i: LoadedIntroduction, now = new Date()): IntroductionView | null {
  const side = sideOf(viewer, i);
  if (!side) return null;
  const expired = isIntroductionExpired(i, now);
  const accepted = i.status === 'ACCEPTED';
  const base = {
    id: i.id,
    side,
    from: summary(i.fromOrganization),
    to: summary(i.toOrganization),
    message: i.message,
    reason: i.reason,
    requestedAt: i.createdAt,
    expiresAt: i.expiresAt
  };
  if (side === 'asker') {
    return {
      ...base,
      state: accepted ? 'ACCEPTED' : i.status === 'DECLINED' || expired ? 'NOT_NOW' : 'PENDING',
      requesterName: null,
      answeredBy: null,
      answeredAt: accepted ? i.answeredAt : null,
      contacts:
        accepted && i.answeredBy
          ? { people: [i.answeredBy], organizationEmail: orgContact(viewer, i.toOrganization) }
          : null
    };
  }
  return {
    ...base,
    state: accepted ? 'ACCEPTED' : i.status === 'DECLINED' ? 'DECLINED' : expired ? 'EXPIRED' : 'PENDING',
    requesterName: i.requester.name,
    answeredBy: i.answeredBy?.name ?? null,
    answeredAt: i.answeredAt,
    contacts: accepted ? { people: [i.requester], organizationEmail: orgContact(viewer, i.fromOrganization) } : null
  };
}
