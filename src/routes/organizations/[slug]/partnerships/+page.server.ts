import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { loadQuery } from '$lib/graphql/client';
import { OrganizationPartnershipsQuery } from '$lib/graphql/documents/editing';
import { m } from '$lib/i18n/generated/messages.js';
import { partnershipUrlId } from './partnership-ids';
import { runInBackground } from '$lib/server/background-work';
import { expireProposals } from '$lib/server/partnerships/proposal-expiry';

/** Answered, withdrawn or expired: nothing left to do about these. */
const PAST = new Set(['ENDED', 'DECLINED', 'WITHDRAWN', 'EXPIRED']);

/**
 * An organisation's partnerships, grouped by what they need: proposals waiting for this organisation's answer,
 * its own proposals waiting for the other side, confirmed ones, and the past. Proposed and declined ones come
 * back from the API only for the two sides and admins, so other visitors see confirmed and ended ones only.
 */
export const load: PageServerLoad = async ({ fetch, params, setHeaders }) => {
  setHeaders({ 'cache-control': 'private, no-store' });
  const { organization } = await loadQuery(fetch, OrganizationPartnershipsQuery, { slug: params.slug });
  if (!organization) error(404, m.error_not_found_heading());
  // The API already shows overdue proposals as EXPIRED; this writes that state down, after the answer.
  runInBackground('proposal expiry', () => expireProposals());
  const items = organization.partnerships.nodes.map((p) => {
    const incoming = p.orgB.id === organization.id;
    const other = incoming ? p.orgA : p.orgB;
    return {
      urlId: partnershipUrlId(p.id)!,
      kind: p.kind,
      status: p.status,
      title: p.title,
      startDate: p.startDate,
      endDate: p.endDate,
      incoming,
      other: { slug: other.slug, name: other.name }
    };
  });
  return {
    organization: { slug: organization.slug, name: organization.name, viewerCanEdit: organization.viewerCanEdit },
    incoming: items.filter((p) => p.status === 'PROPOSED' && p.incoming),
    outgoing: items.filter((p) => p.status === 'PROPOSED' && !p.incoming),
    confirmed: items.filter((p) => p.status === 'CONFIRMED'),
    past: items.filter((p) => PAST.has(p.status)),
    total: organization.partnerships.totalCount
  };
};
