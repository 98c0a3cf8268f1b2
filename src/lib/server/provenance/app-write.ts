import type { Viewer } from '../access/viewer';

/**
 * Provenance of a write made in the app (decision 0029): through an API token, or by a person in the web app.
 * The token's id names it (token names are the owner's private labels); a person's edit needs no name, the audit
 * log has who.
 */
export function appWriteProvenance(viewer: Viewer): { sourceKind: 'API_TOKEN' | 'USER_EDIT'; source: string | null } {
  if (viewer.kind === 'user' && viewer.tokenId)
    return { sourceKind: 'API_TOKEN', source: `API token ${viewer.tokenId}` };
  return { sourceKind: 'USER_EDIT', source: null };
}

/** Whether this viewer edits the organisation as one of its own members (not as an admin from outside). */
export function editsAsOwner(viewer: Viewer, organizationId: string): boolean {
  return viewer.kind === 'user' && viewer.organizationIds.includes(organizationId);
}

/** The profile fields an edit sets, added to the ones the organisation edited before (sorted, no repeats). */
export function withOwnerEdits(before: readonly string[], edited: readonly string[]): string[] {
  return [...new Set([...before, ...edited])].sort();
}
