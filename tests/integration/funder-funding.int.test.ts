/**
 * Funder pages (issue #16 part 6): Organization.funding groups a funder's grants by theme, country and year and
 * measures how many of its grantees partner with each other. Every expectation is recomputed here from the rows
 * read back from PostgreSQL with the visibility rule written out independently (PUBLIC; MEMBERS when signed in;
 * the viewer's own side; everything for admins), so the service's SQL is checked against plain arithmetic.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Prisma, type Visibility } from '../../src/lib/server/db/generated/client';
import { anonymous, type Viewer } from '../../src/lib/server/access/viewer';
import { getDb } from '../../src/lib/server/platform/db';
import { createGrant } from '../factories/grants';
import { createViewer, executeOk, globalId } from '../factories/graphql';
import { createOrganization, createPartnership } from '../factories/organizations';

const db = getDb();

const QUERY = `query ($id: ID!) {
  node(id: $id) {
    ... on Organization {
      funding {
        grantCount
        totals { currency amount count }
        byTheme { theme { slug } grantCount totals { currency amount count } }
        byCountry { country { code } grantCount totals { currency amount count } }
        byYear { year grantCount totals { currency amount count } }
        granteePartnerShare { granteeCount partneringGranteeCount partneredPairCount share }
      }
    }
  }
}`;

interface Totals {
  currency: string;
  amount: string;
  count: number;
}
interface Group {
  key: string;
  grantCount: number;
  totals: Totals[];
}

let funderId: string;
const viewers: Record<string, Viewer> = { anonymous };

beforeAll(async () => {
  const funder = await createOrganization(db, { name: 'Funding Funder', type: 'FUNDER' });
  funderId = funder.id;
  const [g1, g2, g3, g4, other] = await Promise.all(
    ['Grantee One', 'Grantee Two', 'Grantee Three', 'Grantee Four', 'Not A Grantee'].map((name) =>
      createOrganization(db, { name })
    )
  );
  const grant = (
    recipient: { id: string },
    amountAwarded: string,
    currency: string,
    awardDate: string,
    visibility: Visibility,
    themeSlugs: string[],
    countryCodes: string[]
  ) =>
    createGrant(db, funder, recipient, {
      amountAwarded,
      currency,
      awardDate: new Date(`${awardDate}T00:00:00Z`),
      visibility,
      themeSlugs,
      countryCodes
    });
  await grant(g1, '10000.00', 'EUR', '2023-03-01', 'PUBLIC', ['legal-aid'], ['DE']);
  await grant(g2, '5000.50', 'EUR', '2024-05-01', 'PUBLIC', ['legal-aid', 'health'], ['DE', 'GR']);
  await grant(g2, '2000.00', 'GBP', '2024-07-01', 'PUBLIC', ['health'], ['GR']);
  await grant(g3, '7000.00', 'EUR', '2024-02-01', 'MEMBERS', ['gender'], ['PT']);
  await grant(g4, '3000.00', 'EUR', '2025-01-10', 'PRIVATE', ['health'], ['DE']);
  // A grant from another funder to one of these grantees must not count.
  await createGrant(db, other, g1, { amountAwarded: 99, visibility: 'PUBLIC', themeSlugs: ['health'] });

  await createPartnership(db, g1, g2, { status: 'CONFIRMED', visibility: 'PUBLIC' });
  await createPartnership(db, g3, g4, { status: 'CONFIRMED', visibility: 'PRIVATE' });
  // Between two grantees every signed-in viewer sees, but visible only to its sides (and admins).
  await createPartnership(db, g2, g3, { status: 'CONFIRMED', visibility: 'PRIVATE' });
  await createPartnership(db, g1, g3, { status: 'PROPOSED', visibility: 'PUBLIC' });
  await createPartnership(db, g1, g4, { status: 'ENDED', visibility: 'PUBLIC' });
  await createPartnership(db, g1, other, { status: 'CONFIRMED', visibility: 'PUBLIC' });

  viewers.member = await createViewer(db, { organizationIds: [other.id] });
  viewers.memberOfGranteeFour = await createViewer(db, { organizationIds: [g4.id] });
  viewers.admin = await createViewer(db, { role: 'ADMIN' });
});

/** The visibility rule, written out here rather than taken from src/lib/server/access. */
function maySee(viewer: Viewer, row: { visibility: Visibility; sides: string[] }): boolean {
  if (row.visibility === 'PUBLIC') return true;
  if (viewer.kind === 'anonymous') return false;
  if (viewer.role === 'ADMIN' || row.visibility === 'MEMBERS') return true;
  return row.sides.some((id) => viewer.organizationIds.includes(id));
}

function group(entries: { key: string; currency: string; amount: Prisma.Decimal }[]): Group[] {
  const byKey = new Map<string, Map<string, { amount: Prisma.Decimal; count: number }>>();
  for (const e of entries) {
    const currencies = byKey.get(e.key) ?? new Map();
    const t = currencies.get(e.currency) ?? { amount: new Prisma.Decimal(0), count: 0 };
    currencies.set(e.currency, { amount: t.amount.add(e.amount), count: t.count + 1 });
    byKey.set(e.key, currencies);
  }
  return [...byKey]
    .map(([key, currencies]) => ({
      key,
      grantCount: [...currencies.values()].reduce((n, t) => n + t.count, 0),
      totals: [...currencies]
        .map(([currency, t]) => ({ currency, amount: t.amount.toFixed(2), count: t.count }))
        .sort((a, b) => a.currency.localeCompare(b.currency))
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

async function expectedFor(viewer: Viewer) {
  const rows = await db.grant.findMany({
    where: { funderId },
    include: { themes: { include: { theme: true } }, countries: true }
  });
  const grants = rows.filter((g) => maySee(viewer, { visibility: g.visibility, sides: [g.funderId, g.recipientId] }));
  const entry = (g: (typeof grants)[number], key: string) => ({ key, currency: g.currency, amount: g.amountAwarded });

  const grantees = [...new Set(grants.map((g) => g.recipientId))];
  const ties = (await db.partnership.findMany({ where: { status: 'CONFIRMED' } })).filter(
    (p) =>
      grantees.includes(p.orgAId) &&
      grantees.includes(p.orgBId) &&
      maySee(viewer, { visibility: p.visibility, sides: [p.orgAId, p.orgBId] })
  );
  const partnering = new Set(ties.flatMap((p) => [p.orgAId, p.orgBId]));
  return {
    grantCount: grants.length,
    totals: group(grants.map((g) => entry(g, 'all'))).flatMap((g) => g.totals),
    byTheme: group(grants.flatMap((g) => g.themes.map((t) => entry(g, t.theme.slug)))),
    byCountry: group(grants.flatMap((g) => g.countries.map((c) => entry(g, c.countryCode)))),
    byYear: group(grants.map((g) => entry(g, String(g.awardDate.getUTCFullYear())))),
    granteePartnerShare: {
      granteeCount: grantees.length,
      partneringGranteeCount: partnering.size,
      partneredPairCount: ties.length,
      share: grantees.length < 2 ? null : partnering.size / grantees.length
    }
  };
}

async function actualFor(viewer: Viewer) {
  const data = await executeOk(QUERY, { id: globalId('Organization', funderId) }, viewer);
  const f = data.node.funding;
  const sortTotals = (totals: Totals[]) => [...totals].sort((a, b) => a.currency.localeCompare(b.currency));
  const normalise = (groups: { grantCount: number; totals: Totals[] }[], key: (g: any) => string): Group[] =>
    groups
      .map((g) => ({ key: key(g), grantCount: g.grantCount, totals: sortTotals(g.totals) }))
      .sort((a, b) => a.key.localeCompare(b.key));
  return {
    raw: f,
    normalised: {
      grantCount: f.grantCount,
      totals: sortTotals(f.totals),
      byTheme: normalise(f.byTheme, (g) => g.theme.slug),
      byCountry: normalise(f.byCountry, (g) => g.country.code),
      byYear: normalise(f.byYear, (g) => String(g.year)),
      granteePartnerShare: f.granteePartnerShare
    }
  };
}

describe('Organization.funding', () => {
  it.each(['anonymous', 'member', 'memberOfGranteeFour', 'admin'])(
    'equals the figures recomputed from the rows, as %s',
    async (name) => {
      const viewer = viewers[name];
      const expected = await expectedFor(viewer);
      const { normalised } = await actualFor(viewer);
      expect(normalised).toEqual(expected);
    }
  );

  it('gives concrete answers for the fixture (so the recomputation cannot agree with an empty result)', async () => {
    const anon = (await actualFor(anonymous)).raw;
    expect(anon.grantCount).toBe(3);
    expect(anon.totals).toEqual([
      { currency: 'EUR', amount: '15000.50', count: 2 },
      { currency: 'GBP', amount: '2000.00', count: 1 }
    ]);
    // Most grants first (as admin: health 3, legal aid 2, gender 1); years oldest first.
    const admin = (await actualFor(viewers.admin)).raw;
    expect(admin.byTheme.map((t: { theme: { slug: string } }) => t.theme.slug)).toEqual([
      'health',
      'legal-aid',
      'gender'
    ]);
    expect(admin.byYear.map((y: { year: number }) => y.year)).toEqual([2023, 2024, 2025]);
    expect(anon.byYear.map((y: { year: number }) => y.year)).toEqual([2023, 2024]);
    // Grantee One – Grantee Two is the only public confirmed tie between grantees.
    expect(anon.granteePartnerShare).toEqual({
      granteeCount: 2,
      partneringGranteeCount: 2,
      partneredPairCount: 1,
      share: 1
    });

    // A member sees the MEMBERS grant to Grantee Three, whose only confirmed tie to a grantee it may see is none:
    // Two–Three is private.
    const member = (await actualFor(viewers.member)).raw.granteePartnerShare;
    expect(member).toEqual({ granteeCount: 3, partneringGranteeCount: 2, partneredPairCount: 1, share: 2 / 3 });

    // Grantee Four's member sees its private grant and its private tie with Grantee Three, not Two–Three.
    const side = (await actualFor(viewers.memberOfGranteeFour)).raw.granteePartnerShare;
    expect(side).toEqual({ granteeCount: 4, partneringGranteeCount: 4, partneredPairCount: 2, share: 1 });
    expect((await actualFor(viewers.admin)).raw.granteePartnerShare.partneredPairCount).toBe(3);
  });

  it('is empty, with no share, for an organisation that awarded nothing', async () => {
    const org = await createOrganization(db, { name: 'Gives Nothing' });
    const data = await executeOk(QUERY, { id: globalId('Organization', org.id) });
    expect(data.node.funding).toEqual({
      grantCount: 0,
      totals: [],
      byTheme: [],
      byCountry: [],
      byYear: [],
      granteePartnerShare: { granteeCount: 0, partneringGranteeCount: 0, partneredPairCount: 0, share: null }
    });
  });
});
