/**
 * The leak suite's graph: a small directory whose PRIVATE and MEMBERS partnerships (and a PROPOSED one) each
 * change some answer if they leak, plus the six viewers the suite asks as. Built through the shared factories
 * (PostgreSQL rows + outbox) and projected into Neo4j before it returns.
 *
 *   Paths, partners, recommendations (legal-aid, DE; Hub has no profile so it only gets structural candidates):
 *     Alder ┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄ Birch      PRIVATE  — the only 1-hop path; a shared partner only for its sides
 *     Alder ── Mid ── Birch                 MEMBERS  — a 2-hop path for signed-in viewers; Mid isolated otherwise
 *     Alder ── Hub ── Far ── Birch          PUBLIC   — the 3-hop path everybody may see
 *     Hub ⇢ Birch                           PROPOSED (PUBLIC flag) — seen by Hub, Birch and admins only
 *   Coalition (legal-aid in PT, IE, FI):
 *     Coimbra Aid ── Cork Aid               MEMBERS  — a tie inside the coalition for signed-in viewers
 *     Cork Aid ┄┄ Espoo Aid                 PRIVATE  — a tie only admins see
 *   Coverage matrix and isolation (access-to-housing, LU):
 *     Lux Housing One ┄┄ Lux Housing Two    PRIVATE  — the cell's only partnership; both isolated without it
 *   Broker only through private edges (health):
 *     North One, Two, Three (SE)  triangle  PUBLIC
 *     South One, Two, Three (GR)  triangle  PUBLIC
 *     Bridge Org ┄┄ North One, North Two, South One   PRIVATE
 *   Far ┄┄ Mid                            PRIVATE, ENDED mid-2024 — history (density, exports) for admins only
 *   Grants from Funder Foundation (10,000 EUR each, legal aid in DE): PUBLIC → Far, MEMBERS → Alder, PRIVATE → Birch.
 *   Alder's contact email is PRIVATE. Outsider Org has no ties (the unrelated member's organisation).
 *
 * Viewers: anonymous; unrelatedMember (of Outsider Org); sideA (of Alder) and sideB (of Birch), the two sides of
 * the private Alder–Birch partnership; analyst (FUNDER_ANALYST of Funder Foundation); admin.
 * Every partnership starts on 2024-01-01 (density over time).
 */
import type { Viewer } from '../../src/lib/server/access/viewer';
import { anonymous } from '../../src/lib/server/access/viewer';
import type { PrismaClient, Visibility, PartnershipStatus } from '../../src/lib/server/db/generated/client';
import { drainOutbox } from '../../src/lib/server/projection/projector';
import { createGrant } from './grants';
import { createViewer } from './graphql';
import { createOrganization, createPartnership, type OrganizationOverrides } from './organizations';

export const VIEWER_NAMES = ['anonymous', 'unrelatedMember', 'analyst', 'sideA', 'sideB', 'admin'] as const;
export type ViewerName = (typeof VIEWER_NAMES)[number];

const ORGANIZATIONS: Record<string, OrganizationOverrides> = {
  Alder: {
    themeSlugs: ['legal-aid'],
    countryCodes: ['DE'],
    contactEmail: 'alder@leak.test',
    contactEmailVisibility: 'PRIVATE'
  },
  Birch: { themeSlugs: ['legal-aid'], countryCodes: ['DE'] },
  Mid: { themeSlugs: ['legal-aid'], countryCodes: ['DE'] },
  Far: { themeSlugs: ['legal-aid'], countryCodes: ['DE'] },
  Hub: {},
  'Coimbra Aid': { themeSlugs: ['legal-aid'], countryCodes: ['PT'] },
  'Cork Aid': { themeSlugs: ['legal-aid'], countryCodes: ['IE'] },
  'Espoo Aid': { themeSlugs: ['legal-aid'], countryCodes: ['FI'] },
  'Lux Housing One': { themeSlugs: ['access-to-housing'], countryCodes: ['LU'] },
  'Lux Housing Two': { themeSlugs: ['access-to-housing'], countryCodes: ['LU'] },
  'North One': { themeSlugs: ['health'], countryCodes: ['SE'] },
  'North Two': { themeSlugs: ['health'], countryCodes: ['SE'] },
  'North Three': { themeSlugs: ['health'], countryCodes: ['SE'] },
  'South One': { themeSlugs: ['health'], countryCodes: ['GR'] },
  'South Two': { themeSlugs: ['health'], countryCodes: ['GR'] },
  'South Three': { themeSlugs: ['health'], countryCodes: ['GR'] },
  'Bridge Org': { themeSlugs: ['policy-advocacy'], countryCodes: ['BE'] },
  'Funder Foundation': { type: 'FUNDER', countryCodes: ['CH'] },
  'Outsider Org': { themeSlugs: ['gender'], countryCodes: ['NL'] }
};
export type OrgName = keyof typeof ORGANIZATIONS & string;

/** [external id, orgA, orgB, visibility, status]; the external id is the partnership's key in CSV/GraphML exports. */
const PARTNERSHIPS: [string, string, string, Visibility, PartnershipStatus][] = [
  ['p-alder-birch', 'Alder', 'Birch', 'PRIVATE', 'CONFIRMED'],
  ['p-alder-mid', 'Alder', 'Mid', 'MEMBERS', 'CONFIRMED'],
  ['p-mid-birch', 'Mid', 'Birch', 'MEMBERS', 'CONFIRMED'],
  ['p-alder-hub', 'Alder', 'Hub', 'PUBLIC', 'CONFIRMED'],
  ['p-hub-far', 'Hub', 'Far', 'PUBLIC', 'CONFIRMED'],
  ['p-far-birch', 'Far', 'Birch', 'PUBLIC', 'CONFIRMED'],
  ['p-hub-birch-proposed', 'Hub', 'Birch', 'PUBLIC', 'PROPOSED'],
  ['p-coimbra-cork', 'Coimbra Aid', 'Cork Aid', 'MEMBERS', 'CONFIRMED'],
  ['p-cork-espoo', 'Cork Aid', 'Espoo Aid', 'PRIVATE', 'CONFIRMED'],
  ['p-lux', 'Lux Housing One', 'Lux Housing Two', 'PRIVATE', 'CONFIRMED'],
  ['p-north-1-2', 'North One', 'North Two', 'PUBLIC', 'CONFIRMED'],
  ['p-north-2-3', 'North Two', 'North Three', 'PUBLIC', 'CONFIRMED'],
  ['p-north-3-1', 'North Three', 'North One', 'PUBLIC', 'CONFIRMED'],
  ['p-south-1-2', 'South One', 'South Two', 'PUBLIC', 'CONFIRMED'],
  ['p-south-2-3', 'South Two', 'South Three', 'PUBLIC', 'CONFIRMED'],
  ['p-south-3-1', 'South Three', 'South One', 'PUBLIC', 'CONFIRMED'],
  ['p-bridge-north-1', 'Bridge Org', 'North One', 'PRIVATE', 'CONFIRMED'],
  ['p-bridge-north-2', 'Bridge Org', 'North Two', 'PRIVATE', 'CONFIRMED'],
  ['p-bridge-south-1', 'Bridge Org', 'South One', 'PRIVATE', 'CONFIRMED'],
  ['p-far-mid-ended', 'Far', 'Mid', 'PRIVATE', 'ENDED']
];

export interface LeakGraph {
  /** Database id of an organisation by name (throws on a typo, so a test never asks about `undefined`). */
  org(name: string): string;
  /** Database id of a partnership by its external id. */
  partnership(key: string): string;
  viewers: Record<ViewerName, Viewer>;
}

const START = new Date('2024-01-01T00:00:00Z');
const ENDED_ON = new Date('2024-06-30T00:00:00Z');

export async function buildLeakGraph(db: PrismaClient): Promise<LeakGraph> {
  const orgIds = new Map<string, string>();
  for (const [name, overrides] of Object.entries(ORGANIZATIONS)) {
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    orgIds.set(name, (await createOrganization(db, { name, slug, ...overrides })).id);
  }
  const org = (name: string) => {
    const id = orgIds.get(name);
    if (!id) throw new Error(`leak graph: no organisation "${name}"`);
    return id;
  };

  const partnershipIds = new Map<string, string>();
  for (const [externalId, a, b, visibility, status] of PARTNERSHIPS) {
    const endDate = status === 'ENDED' ? ENDED_ON : undefined;
    const row = await createPartnership(db, org(a), org(b), {
      externalId,
      visibility,
      status,
      startDate: START,
      endDate,
      // A proposer's note: only the two sides (and admins) may read it, whatever the partnership's visibility.
      message: `note of ${externalId}`
    });
    partnershipIds.set(externalId, row.id);
  }

  const funder = org('Funder Foundation');
  // Spent on legal aid in Germany: the coverage matrix's grant columns count them per visibility level.
  const awardDate = new Date('2024-06-01T00:00:00Z');
  const spent = { awardDate, themeSlugs: ['legal-aid'], countryCodes: ['DE'] };
  await createGrant(db, funder, org('Far'), { title: 'Public grant', visibility: 'PUBLIC', ...spent });
  await createGrant(db, funder, org('Alder'), { title: 'Members grant', visibility: 'MEMBERS', ...spent });
  await createGrant(db, funder, org('Birch'), { title: 'Private grant', visibility: 'PRIVATE', ...spent });
  await drainOutbox();

  const viewers: Record<ViewerName, Viewer> = {
    anonymous,
    unrelatedMember: await createViewer(db, { organizationIds: [org('Outsider Org')] }),
    analyst: await createViewer(db, { role: 'FUNDER_ANALYST', organizationIds: [funder] }),
    sideA: await createViewer(db, { organizationIds: [org('Alder')] }),
    sideB: await createViewer(db, { organizationIds: [org('Birch')] }),
    admin: await createViewer(db, { role: 'ADMIN' })
  };

  return {
    org,
    partnership: (key) => {
      const id = partnershipIds.get(key);
      if (!id) throw new Error(`leak graph: no partnership "${key}"`);
      return id;
    },
    viewers
  };
}
