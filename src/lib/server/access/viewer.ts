/**
 * Who is asking. Every resolver and every query receives the viewer and turns it into visibility parameters;
 * nothing is filtered after fetching.
 */
export type Role = 'MEMBER' | 'FUNDER_ANALYST' | 'ADMIN';

export type Viewer =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      role: Role;
      /** Organisations whose profile this user may edit (approved memberships). */
      organizationIds: string[];
      /** Scopes when authenticated by a personal access token; undefined for a browser session. */
      tokenScopes?: ('read' | 'write')[];
      /** The personal access token's id when authenticated by one (rate limits count per token). */
      tokenId?: string;
    };

export const anonymous: Viewer = { kind: 'anonymous' };

/**
 * The visibility parameters every query takes. `members` = may see MEMBERS-level data (any signed-in
 * member of some organisation, funder analysts, admins); `all` = may see everything (admins);
 * `orgIds` = organisations the viewer belongs to, who always see their own private partnerships.
 */
export interface VisibilityParams {
  seeMembers: boolean;
  seeAll: boolean;
  orgIds: string[];
}

export function visibilityOf(viewer: Viewer): VisibilityParams {
  if (viewer.kind === 'anonymous') return { seeMembers: false, seeAll: false, orgIds: [] };
  return {
    seeMembers: true,
    seeAll: viewer.role === 'ADMIN',
    orgIds: viewer.organizationIds
  };
}

export function isAdmin(viewer: Viewer): boolean {
  return viewer.kind === 'user' && viewer.role === 'ADMIN';
}
