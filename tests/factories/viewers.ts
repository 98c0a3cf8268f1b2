/**
 * The signed-in viewers service-level tests act as (no session, no database row: the services take a Viewer as given).
 * `memberOf` is a member of exactly one organisation, the case the visibility rules distinguish.
 */
import type { Viewer } from '../../src/lib/server/access/viewer';

export const admin: Viewer = { kind: 'user', userId: 'admin', role: 'ADMIN', organizationIds: [] };

export const memberOf = (org: { id: string }): Viewer => ({
  kind: 'user',
  userId: `user-${org.id}`,
  role: 'MEMBER',
  organizationIds: [org.id]
});
