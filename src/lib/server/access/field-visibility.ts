import type { VisibilityParams } from './viewer';

/**
 * The rule of visibility-cypher.ts for one value in memory: may the viewer see a contact field stored with this
 * visibility on this organisation (the field's one side)?
 */
export function canSeeField(v: VisibilityParams, visibility: string, organizationId: string): boolean {
  return (
    visibility === 'PUBLIC' ||
    (visibility === 'MEMBERS' && v.seeMembers) ||
    v.seeAll ||
    v.orgIds.includes(organizationId)
  );
}
