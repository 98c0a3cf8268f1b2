import { describe, expect, it } from 'vitest';
import { visibilityParams, visiblePartnership, visibleRel } from './visibility-cypher';

describe('graph visibility predicate', () => {
  it('only references parameters, never values', () => {
    const cypher = visiblePartnership('r');
    expect(cypher).toContain('$seeMembers');
    expect(cypher).toContain('$viewerOrgIds');
    expect(cypher).toContain("r.status = 'CONFIRMED'");
  });
  it('lets either side of a relationship see it', () => {
    expect(visibleRel('p')).toContain('p.orgA IN $viewerOrgIds OR p.orgB IN $viewerOrgIds');
  });
  it('maps viewer visibility to query parameters', () => {
    expect(visibilityParams({ seeMembers: true, seeAll: false, orgIds: ['a'] })).toEqual({
      seeMembers: true,
      seeAll: false,
      viewerOrgIds: ['a']
    });
  });
});
