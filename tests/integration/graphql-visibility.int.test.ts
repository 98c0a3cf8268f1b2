/**
 * Who sees what through the API: partners (from Neo4j), partnerships, contact fields, network memberships and
 * grants for an anonymous visitor, a signed-in member of an unrelated organisation, a member of one side, and
 * an admin. Private data must never leak — not in lists, counts, or single lookups.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/lib/server/access/viewer';
import { anonymous } from '../../src/lib/server/access/viewer';
import { getDb } from '../../src/lib/server/platform/db';
import { drainOutbox } from '../../src/lib/server/projection/projector';
import { createGrant } from '../factories/grants';
import { createViewer, executeOk, globalId } from '../factories/graphql';
import { addNetworkMember, createNetwork } from '../factories/networks';
import { createOrganization, createPartnership } from '../factories/organizations';

const db = getDb();
let hub: string, pub: string, mem: string, priv: string, proposed: string, archivedPartner: string, outsider: string;
let privatePartnershipId: string, proposedPartnershipId: string;
let member: Viewer, side: Viewer, admin: Viewer;

beforeAll(async () => {
  hub = (
    await createOrganization(db, {
      name: 'Hub',
      contactEmail: 'hub@example.org',
      contactEmailVisibility: 'MEMBERS',
      contactPhone: '+30 210 000 0000',
      contactPhoneVisibility: 'PRIVATE'
    })
  ).id;
  pub = (
    await createOrganization(db, {
      name: 'Public Partner',
      contactEmail: 'pub@example.org',
      contactEmailVisibility: 'PUBLIC'
    })
  ).id;
  mem = (await createOrganization(db, { name: 'Members Partner' })).id;
  priv = (await createOrganization(db, { name: 'Private Partner' })).id;
  proposed = (await createOrganization(db, { name: 'Proposed Partner' })).id;
  archivedPartner = (await createOrganization(db, { name: 'Archived Partner', archivedAt: new Date() })).id;
  outsider = (await createOrganization(db, { name: 'Outsider' })).id;

  await createPartnership(db, hub, pub, { visibility: 'PUBLIC' });
  await createPartnership(db, mem, hub, { visibility: 'MEMBERS' });
  privatePartnershipId = (await createPartnership(db, hub, priv, { visibility: 'PRIVATE' })).id;
  proposedPartnershipId = (await createPartnership(db, hub, proposed, { visibility: 'PUBLIC', status: 'PROPOSED' })).id;
  await createPartnership(db, hub, archivedPartner, { visibility: 'PUBLIC' });
  await createPartnership(db, hub, outsider, { visibility: 'PUBLIC', status: 'ENDED', kind: 'COALITION' });

  const network = await createNetwork(db, { name: 'Visibility Network', slug: 'visibility-network' });
  await addNetworkMember(db, network, hub, { visibility: 'PUBLIC' });
  await addNetworkMember(db, network, pub, { visibility: 'PRIVATE' });

  await createGrant(db, outsider, hub, { title: 'Public grant', visibility: 'PUBLIC' });
  await createGrant(db, outsider, hub, { title: 'Members grant', visibility: 'MEMBERS' });
  await createGrant(db, outsider, hub, { title: 'Private grant', visibility: 'PRIVATE' });
  await drainOutbox();

  member = await createViewer(db, { organizationIds: [outsider] });
  side = await createViewer(db, { organizationIds: [priv] });
  admin = await createViewer(db, { role: 'ADMIN' });
});

const HUB = `
  query($id: ID!) {
    organization(id: $id) {
      contactEmail contactPhone
      partnerCount
      partners(first: 50) { name }
      partnerships(first: 50) { totalCount edges { node { status visibility orgB { name } } } }
      networks { network { name } }
      grantsReceived { title }
    }
  }`;

async function hubAs(viewer: Viewer) {
  return (await executeOk(HUB, { id: globalId('Organization', hub) }, viewer)).organization;
}
const partnerNames = (org: { partners: { name: string }[] }) => org.partners.map((p) => p.name);

describe('partners and partner counts (Neo4j)', () => {
  it('anonymous: only public confirmed partners, archived left out', async () => {
    const org = await hubAs(anonymous);
    expect(partnerNames(org)).toEqual(['Public Partner']);
    expect(org.partnerCount).toBe(1);
  });

  it('a signed-in member of another organisation also sees MEMBERS partnerships', async () => {
    const org = await hubAs(member);
    expect(partnerNames(org)).toEqual(['Members Partner', 'Public Partner']);
    expect(org.partnerCount).toBe(2);
  });

  it('a member of one side sees its private partnership', async () => {
    const org = await hubAs(side);
    expect(partnerNames(org)).toEqual(['Members Partner', 'Private Partner', 'Public Partner']);
    expect(org.partnerCount).toBe(3);
  });

  it('an admin sees everything confirmed', async () => {
    expect(partnerNames(await hubAs(admin))).toEqual(['Members Partner', 'Private Partner', 'Public Partner']);
  });

  it("the private partner's own partner list hides the hub from others", async () => {
    const query = `query($id: ID!) { organization(id: $id) { partnerCount partners { name } } }`;
    const anon = (await executeOk(query, { id: globalId('Organization', priv) })).organization;
    expect(anon).toEqual({ partnerCount: 0, partners: [] });
    const own = (await executeOk(query, { id: globalId('Organization', priv) }, side)).organization;
    expect(own.partners.map((p: { name: string }) => p.name)).toEqual(['Hub']);
  });
});

describe('partnerships (PostgreSQL)', () => {
  const statuses = (org: { partnerships: { edges: { node: { orgB: { name: string }; status: string } }[] } }) =>
    org.partnerships.edges.map((e) => `${e.node.orgB.name}:${e.node.status}`).sort();

  it('anonymous: public confirmed and ended ones, no proposals, no private ones', async () => {
    const org = await hubAs(anonymous);
    expect(statuses(org)).toEqual(['Archived Partner:CONFIRMED', 'Outsider:ENDED', 'Public Partner:CONFIRMED']);
    expect(org.partnerships.totalCount).toBe(3);
  });

  it('a side sees its private partnership but not the proposal to someone else', async () => {
    const org = await hubAs(side);
    expect(statuses(org)).toContain('Private Partner:CONFIRMED');
    expect(statuses(org)).not.toContain('Proposed Partner:PROPOSED');
  });

  it('an admin sees proposals too', async () => {
    const org = await hubAs(admin);
    expect(statuses(org)).toContain('Proposed Partner:PROPOSED');
    expect(org.partnerships.totalCount).toBe(6);
  });

  it('filters by status', async () => {
    const data = await executeOk(
      `query($id: ID!) { organization(id: $id) { partnerships(status: [ENDED]) { totalCount edges { node { kind } } } } }`,
      { id: globalId('Organization', hub) }
    );
    expect(data.organization.partnerships.totalCount).toBe(1);
    expect(data.organization.partnerships.edges[0].node.kind).toBe('COALITION');
  });

  it('partnership(id) and node(id) return null for a private partnership the viewer may not see', async () => {
    const query = `query($id: ID!) { partnership(id: $id) { visibility } node(id: $id) { id } }`;
    const id = globalId('Partnership', privatePartnershipId);
    expect(await executeOk(query, { id }, anonymous)).toEqual({ partnership: null, node: null });
    expect(await executeOk(query, { id }, member)).toEqual({ partnership: null, node: null });
    expect((await executeOk(query, { id }, side)).partnership).toEqual({ visibility: 'PRIVATE' });
  });

  it('a proposal is visible to the invited side only (and the proposer)', async () => {
    const query = `query($id: ID!) { partnership(id: $id) { status } }`;
    const id = globalId('Partnership', proposedPartnershipId);
    expect((await executeOk(query, { id }, member)).partnership).toBeNull();
    const invited = await createViewer(db, { organizationIds: [proposed] });
    expect((await executeOk(query, { id }, invited)).partnership).toEqual({ status: 'PROPOSED' });
  });
});

describe('contact fields', () => {
  it('follow their per-field visibility', async () => {
    const anon = await hubAs(anonymous);
    expect([anon.contactEmail, anon.contactPhone]).toEqual([null, null]);
    const signedIn = await hubAs(member);
    expect([signedIn.contactEmail, signedIn.contactPhone]).toEqual(['hub@example.org', null]);
    const own = await hubAs(await createViewer(db, { organizationIds: [hub] }));
    expect([own.contactEmail, own.contactPhone]).toEqual(['hub@example.org', '+30 210 000 0000']);
    const pubOrg = await executeOk(`query($id: ID!) { organization(id: $id) { contactEmail } }`, {
      id: globalId('Organization', pub)
    });
    expect(pubOrg.organization.contactEmail).toBe('pub@example.org');
  });
});

describe('network memberships and grants', () => {
  it('hide private memberships from members and counts', async () => {
    const query = `{ network(slug: "visibility-network") { memberCount members { totalCount edges { node { organization { name } } } } } }`;
    const anon = (await executeOk(query)).network;
    expect(anon.memberCount).toBe(1);
    expect(anon.members.edges.map((e: any) => e.node.organization.name)).toEqual(['Hub']);
    const pubSide = await createViewer(db, { organizationIds: [pub] });
    expect((await executeOk(query, {}, pubSide)).network.members.totalCount).toBe(2);
  });

  it('show grants by their visibility', async () => {
    const titles = (org: { grantsReceived: { title: string }[] }) => org.grantsReceived.map((g) => g.title).sort();
    expect(titles(await hubAs(anonymous))).toEqual(['Public grant']);
    expect(titles(await hubAs(member))).toEqual(['Members grant', 'Private grant', 'Public grant']); // member of the funder
    expect(titles(await hubAs(side))).toEqual(['Members grant', 'Public grant']);
    const totals = await executeOk(`{ grants { totalCount totals { currency amount count } } }`);
    expect(totals.grants).toEqual({ totalCount: 1, totals: [{ currency: 'EUR', amount: '10000.00', count: 1 }] });
  });
});
