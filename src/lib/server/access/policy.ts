import type { Viewer } from './viewer';
import { forbidden, type Outcome } from '../validation/outcome';

/**
 * Authorisation for writes: a signed-in user (with a write scope when using a token) may edit the organisations
 * they belong to; admins may edit any.
 */
export function requireWriter(viewer: Viewer): Outcome<never> | null {
  if (viewer.kind !== 'user') return forbidden('Sign in to make changes.');
  if (viewer.tokenScopes && !viewer.tokenScopes.includes('write')) {
    return forbidden('This API token has no write scope.');
  }
  return null;
}

export function canEditOrganization(viewer: Viewer, organizationId: string): boolean {
  if (viewer.kind !== 'user') return false;
  return viewer.role === 'ADMIN' || viewer.organizationIds.includes(organizationId);
}

export function actorId(viewer: Viewer): string | null {
  return viewer.kind === 'user' ? viewer.userId : null;
}
