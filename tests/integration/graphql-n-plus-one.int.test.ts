/**
 * N+1 guard: a page of organisations with their themes (and parents), countries, partners (from Neo4j) and the
 * partners' own themes and partners (the profile's network view), memberships, grants and partnerships costs the
 * same number of SQL statements and Neo4j queries at first: 5 as at first: 50. Counted for real: SQL through the pool (withQueryCounter), Cypher through
 * the one function every API graph read uses (withGraphQueryCounter).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, withQueryCounter } from '../../src/lib/server/platform/db';
import { withGraphQueryCounter } from '../../src/lib/server/platform/graph-query-counter';
import { drainOutbox } from '../../src/lib/server/projection/projector';
import { createViewer, executeOk } from '../factories/graphql';
import { createGrant } from '../factories/grants';
import { addNetworkMember, createNetwork } from '../factories/networks';
import { createOrganization, createPartnership } from '../factories/organizations';

const db = getDb();
const THEMES = ['legal-aid', 'statelessness', 'housing', 'health', 'detention-monitoring', 'eu-advocacy'];
const COUNTRIES = ['DE', 'FR', 'IT', 'GR', 'ES', 'NL', 'BE', 'PL'];

const PAGE = `
  query Page($first: Int!) {
    organizations(first: $first, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      edges {
        node {
          id name
          hqCountry { code }
          countries { code name }
          themes { slug parent { slug } }
          partnerCount
          partners(first: 5) { name themes { slug } countries { code } partnerCount partners(first: 5) { id name } }
          networks { role network { name memberCount } }
          grantsReceived { amountAwarded funder { name } themes { slug } countries { code } }
          partnerships(first: 3) { totalCount edges { node { status orgA { name } orgB { name } themes { slug } } } }
        }
      }
    }
  }`;

async function measure(first: number, viewer?: Awaited<ReturnType<typeof createViewer>>) {
  const { result: inner, sqlQueries } = await withQueryCounter(() =>
    withGraphQueryCounter(() => executeOk(PAGE, { first }, viewer))
  );
  return { data: inner.result, sqlQueries, graphQueries: inner.graphQueries };
}

beforeAll(async () => {
  const orgs: string[] = [];
  for (let i = 0; i < 60; i++) {
    const org = await createOrganization(db, {
      name: `Organisation ${String(i).padStart(2, '0')}`,
      hqCountryCode: COUNTRIES[i % COUNTRIES.length],
      countryCodes: [COUNTRIES[i % COUNTRIES.length], COUNTRIES[(i + 3) % COUNTRIES.length]],
      themeSlugs: [THEMES[i % THEMES.length], THEMES[(i + 1) % THEMES.length]]
    });
    orgs.push(org.id);
  }
  for (let i = 0; i < orgs.length; i++) {
    for (const step of [1, 2, 7]) {
      await createPartnership(db, orgs[i], orgs[(i + step) % orgs.length], {
        visibility: step === 7 ? 'MEMBERS' : 'PUBLIC',
        themeSlugs: [THEMES[i % THEMES.length]]
      });
    }
  }
  const network = await createNetwork(db, { name: 'Guard Network' });
  for (let i = 0; i < orgs.length; i += 2) await addNetworkMember(db, network, orgs[i]);
  const funder = await createOrganization(db, { name: 'ZZ Funder', type: 'FUNDER' });
  for (let i = 0; i < orgs.length; i += 3) {
    await createGrant(db, funder, orgs[i], { themeSlugs: ['legal-aid'], countryCodes: ['GR'] });
  }
  await drainOutbox();
});

describe('N+1 guard', () => {
  it('costs the same SQL and Neo4j round trips for 5 and 50 organisations', async () => {
    await measure(1); // warm-up: the first request pays for connections and prepared plans, not for rows
    const small = await measure(5);
    const large = await measure(50);

    expect(small.data.organizations.edges).toHaveLength(5);
    expect(large.data.organizations.edges).toHaveLength(50);
    // The data really was resolved (so the counts cover real work): partners, grants, memberships.
    const first = large.data.organizations.edges[0].node;
    expect(first.partnerCount).toBe(4); // 0→1, 0→2, 58→0, 59→0 public; the MEMBERS ones are hidden
    expect(first.partners).toHaveLength(4);
    expect(first.partners[0].themes.length).toBeGreaterThan(0);
    // Partners of partners (the organisation page's network view) come from the same batched loader.
    expect(first.partners[0].partners.length).toBeGreaterThan(0);
    expect(first.networks[0].network.memberCount).toBe(30);
    expect(first.grantsReceived[0].funder.name).toBe('ZZ Funder');
    expect(first.partnerships.totalCount).toBe(4);

    console.log(
      `[n+1] first: 5 → ${small.sqlQueries} SQL, ${small.graphQueries} Neo4j; ` +
        `first: 50 → ${large.sqlQueries} SQL, ${large.graphQueries} Neo4j`
    );
    expect(large.sqlQueries).toBe(small.sqlQueries);
    expect(large.graphQueries).toBe(small.graphQueries);
    // And the constant is small: one query per loader level, not per row.
    expect(small.sqlQueries).toBeLessThanOrEqual(30);
    expect(small.graphQueries).toBeLessThanOrEqual(4);
  });

  it('stays constant for a signed-in viewer, who sees more partners', async () => {
    const viewer = await createViewer(db);
    await measure(1, viewer);
    console.log('=== small');
    const small = await measure(5, viewer);
    console.log('=== large');
    const large = await measure(50, viewer);
    expect(large.data.organizations.edges[0].node.partnerCount).toBe(6);
    console.log(
      `[n+1 signed-in] first: 5 → ${small.sqlQueries} SQL, ${small.graphQueries} Neo4j; ` +
        `first: 50 → ${large.sqlQueries} SQL, ${large.graphQueries} Neo4j`
    );
    expect(large.sqlQueries).toBe(small.sqlQueries);
    expect(large.graphQueries).toBe(small.graphQueries);
  });
});
