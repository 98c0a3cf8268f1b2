import { getDb } from '../platform/db';
import type { Viewer } from '../access/viewer';
import type { OrganizationFilter } from '../directory/search-filter';
import { atomXml, type AtomEntry } from './atom';
import { matchingOrganizationIds, matchingPartnershipIds } from './matches';

/** How many of the newest organisations and partnerships a feed carries. */
export const FEED_ORGANIZATIONS = 50;
export const FEED_PARTNERSHIPS = 20;

export interface DirectoryFeedRequest {
  viewer: Viewer;
  filter: OrganizationFilter;
  title: string;
  /** The feed's own URL and the directory page it follows (absolute). */
  self: string;
  alternate: string;
  /** A stable id for the feed (a URN, never the private token). */
  id: string;
  origin: string;
}

/**
 * A directory filter as an Atom feed: its newest organisations and the newest confirmed partnerships of matching
 * organisations, as `viewer` may see them (the private feed: its owner; the public one: anonymous).
 */
export async function directoryFeed(req: DirectoryFeedRequest): Promise<string> {
  const db = getDb();
  const [orgIds, partnershipIds] = await Promise.all([
    matchingOrganizationIds(req.filter, {}, FEED_ORGANIZATIONS),
    matchingPartnershipIds(req.viewer, req.filter, {}, FEED_PARTNERSHIPS)
  ]);
  const org = { select: { name: true, slug: true } } as const;
  const [organizations, partnerships] = await Promise.all([
    db.organization.findMany({
      where: { id: { in: orgIds } },
      select: { id: true, name: true, slug: true, description: true, createdAt: true }
    }),
    db.partnership.findMany({
      where: { id: { in: partnershipIds } },
      select: { id: true, title: true, confirmedAt: true, createdAt: true, orgA: org, orgB: org }
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
    }))
  ].sort((a, b) => b.updated.getTime() - a.updated.getTime() || a.id.localeCompare(b.id));
  return atomXml({ id: req.id, title: req.title, self: req.self, alternate: req.alternate, entries });
}
