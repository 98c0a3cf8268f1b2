/**
 * Issue 15, part 6: admins invite into an organisation by its name, not only its slug — and a name two
 * organisations share is refused (with their slugs) rather than guessed.
 */
import { describe, expect, it } from 'vitest';
import { getDb } from '../../src/lib/server/platform/db';
import {
  findOrganizationByNameOrSlug,
  organizationNameSuggestions
} from '../../src/lib/server/auth/organization-lookup';
import { createOrganization } from '../factories/organizations';

const db = getDb();

describe('findOrganizationByNameOrSlug', () => {
  it('finds by slug, by name ignoring case and spaces, refuses namesakes and unknown names', async () => {
    const clinic = await createOrganization(db, { name: 'Refugee Law Clinic Berlin', slug: 'rlc-berlin' });
    await createOrganization(db, { name: 'Caritas', slug: 'caritas-koeln' });
    await createOrganization(db, { name: 'caritas', slug: 'caritas-wien' });
    await createOrganization(db, { name: 'Gone Org', slug: 'gone-org', archivedAt: new Date() });

    expect(await findOrganizationByNameOrSlug('RLC-Berlin')).toEqual({
      found: { id: clinic.id, name: clinic.name, slug: 'rlc-berlin' }
    });
    expect(await findOrganizationByNameOrSlug('  refugee law clinic BERLIN ')).toMatchObject({
      found: { id: clinic.id }
    });
    expect(await findOrganizationByNameOrSlug('Caritas')).toEqual({
      missing: 'ambiguous',
      slugs: ['caritas-koeln', 'caritas-wien']
    });
    expect(await findOrganizationByNameOrSlug('Gone Org')).toEqual({ missing: 'not-found' });
    expect(await findOrganizationByNameOrSlug('Nobody by this name')).toEqual({ missing: 'not-found' });

    const names = await organizationNameSuggestions();
    expect(names).toContain('Refugee Law Clinic Berlin');
    expect(names).not.toContain('Gone Org');
  });
});
