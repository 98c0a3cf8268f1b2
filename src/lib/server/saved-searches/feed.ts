import { getDb } from '../platform/db';
import type { Viewer } from '../access/viewer';
import { atomXml, type AtomEntry } from './atom';
import { matchingGrantIds, matchingOrganizationIds, matchingPartnershipIds } from './matches';
import type { SearchScope } from './search-scope';

/** How many of the newest organisations, partnerships and grants a feed carries. */
export const FEED_ORGANIZATIONS = 50;
export const FEED_PARTNERSHIPS = 20;
export const FEED_GRANTS = 20;

export interface SearchFeedRequest {
  viewer: Viewer;
  scope: SearchScope;
  title: string;
  /** The feed's own URL and the page it follows (absolute). */
  self: string;
  alternate: string;
  /** A stable id for the feed (a URN, never the private token). */
  id: string;
  origin: string;
}

const org = { select: { name: true, slug: true } } as const;

/**
 * A saved search (or a public directory filter) as an Atom feed: its newest organisations and, where its kind
 * announces them (decision 0043), the newest confirmed partnerships and grants of matching organisations, as
 * `viewer` may see them (the private feed: its owner; the public one: anonymous).
 */
export async function searchFeed(req: SearchFeedRequest): Promise<string> {
  const db = getDb();
  const { scope } = req;
  const [orgIds, partnershipIds, grantIds] = await Promise.all([
    matchingOrganizationIds(scope.organizations, {}, FEED_ORGANIZATIONS),
    scope.partnerships ? matchingPartnershipIds(req.viewer, scope.organizations, {}, FEED_PARTNERSHIPS) : [],
    scope.grants ? matchingGrantIds(req.viewer, scope.organizations, scope.grants, {}, FEED_GRANTS) : []
  ]);
  const [organizations, partnerships, grants] = await Promise.all([
    db.organization.findMany({
      where: { id: { in: orgIds } },
      select: { id: true, name: true, slug: true, description: true, createdAt: true }
    }),
    db.partnership.findMany({
      where: { id: { in: partnershipIds } },
      select: { id: true, title: true, confirmedAt: true, createdAt: true, orgA: org, orgB: org }
    }),
    db.grant.findMany({
      where: { id: { in: grantIds } },
      select: {
        id: true,
        title: true,
        amountAwarded: true,
        currency: true,
        createdAt: true,
        funder: org,
        recipient: org
      }
    })
  ]);
  const profile = (slug: string) => new URL(`/organizations/${encodeURIComponent(slug)}`, req.origin).toString();
  const entries: AtomEntry[] = [
    ...organizations.map((o) => ({
      id: `urn:coalition-atlas:organization:${o.id}`,
      title: o.name,
      // "New" is what the feed follows: an entry's date is when it appeared, not its last edit.
      updated: o.createdAt,
      link: profile(o.slug),
      summary: o.description?.slice(0, 500) ?? null
    })),
    ...partnerships.map((p) => ({
      id: `urn:coalition-atlas:partnership:${p.id}`,
      title: `${p.orgA.name} ↔ ${p.orgB.name}`,
      updated: p.confirmedAt ?? p.createdAt,
      link: profile(p.orgA.slug),
      summary: p.title
    })),
    ...grants.map((g) => ({
      id: `urn:coalition-atlas:grant:${g.id}`,
      title: `${g.funder.name} → ${g.recipient.name}: ${g.amountAwarded.toFixed(2)} ${g.currency}`,
      updated: g.createdAt,
      link: profile(g.recipient.slug),
      summary: g.title
    }))
  ].sort((a, b) => b.updated.getTime() - a.updated.getTime() || a.id.localeCompare(b.id));
  return atomXml({ id: req.id, title: req.title, self: req.self, alternate: req.alternate, entries });
}
