/**
 * Issue 14, finding 9: connections paged by offset skipped or repeated rows when rows were inserted between two
 * page requests. `grants` now pages by sort key (award date, id): a grant inserted ahead of the cursor shifts
 * nothing, and a cursor that is not one of this connection's is refused naming the argument.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../src/lib/server/platform/db';
import { createGrant } from '../factories/grants';
import { execute, executeOk, globalId } from '../factories/graphql';
import { createOrganization } from '../factories/organizations';

const db = getDb();
let funderId: string;
let recipientId: string;

const GRANTS = `
  query($funder: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    grants(filter: { funderIds: [$funder] }, first: $first, after: $after, last: $last, before: $before) {
      edges { cursor node { title } }
      pageInfo { hasNextPage hasPreviousPage endCursor startCursor }
    }
  }`;

interface Page {
  edges: { cursor: string; node: { title: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null; startCursor: string | null };
}

async function page(vars: Record<string, unknown>): Promise<Page> {
  const data = await executeOk<{ grants: Page }>(GRANTS, { funder: globalId('Organization', funderId), ...vars });
  return data.grants;
}

const titles = (p: Page) => p.edges.map((e) => e.node.title);

async function grant(title: string, awardDate: string) {
  await createGrant(db, funderId, recipientId, { title, awardDate: new Date(`${awardDate}T00:00:00Z`) });
}

beforeAll(async () => {
  funderId = (await createOrganization(db, { name: 'Keyset Funder' })).id;
  recipientId = (await createOrganization(db, { name: 'Keyset Recipient' })).id;
  // Two grants share an award date: the id breaks the tie, so the order is total.
  await grant('g-2024-05', '2024-05-01');
  await grant('g-2024-04a', '2024-04-01');
  await grant('g-2024-04b', '2024-04-01');
  await grant('g-2024-03', '2024-03-01');
  await grant('g-2024-02', '2024-02-01');
});

describe('grants: keyset cursors', () => {
  it('a grant inserted ahead of the cursor between two pages causes no repeat and no skip', async () => {
    const everything = titles(await page({ first: 100 }));
    expect(everything).toHaveLength(5);

    const first = await page({ first: 2 });
    expect(titles(first)).toEqual(everything.slice(0, 2));
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    // Newest of all: an offset cursor ("after the 2nd row") would now repeat the 2nd grant on the next page.
    await grant('g-2025-inserted', '2025-01-01');
    const second = await page({ first: 2, after: first.pageInfo.endCursor });
    const third = await page({ first: 2, after: second.pageInfo.endCursor });
    expect([...titles(first), ...titles(second), ...titles(third)]).toEqual(everything);
    expect(third.pageInfo.hasNextPage).toBe(false);
  });

  it('pages backwards with last/before in the same order', async () => {
    const all = titles(await page({ first: 100 }));
    const tail = await page({ last: 2 });
    expect(titles(tail)).toEqual(all.slice(-2));
    const before = await page({ last: 2, before: tail.pageInfo.startCursor });
    expect(titles(before)).toEqual(all.slice(-4, -2));
    expect(before.pageInfo.hasPreviousPage).toBe(true);
  });

  it('refuses a cursor that is not one of its own as BAD_USER_INPUT naming the argument', async () => {
    const offsetCursor = Buffer.from('arrayconnection:3').toString('base64');
    const otherConnection = Buffer.from(JSON.stringify(['organizations', 'x', 'y'])).toString('base64url');
    // Forged: the right connection, but no date where a date belongs (must not become a PostgreSQL cast error).
    const forged = Buffer.from(JSON.stringify(['grants', '2024-13-45', 'x'])).toString('base64url');
    for (const [field, value] of [
      ['after', 'garbage!'],
      ['after', offsetCursor],
      ['before', otherConnection],
      ['after', forged]
    ] as const) {
      const result = await execute(GRANTS, {
        funder: globalId('Organization', funderId),
        ...(field === 'before' ? { last: 2 } : { first: 2 }),
        [field]: value
      });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fieldErrors: [{ field, message: 'is not a cursor from this connection' }]
      });
    }
  });

  it('refuses paging forwards and backwards at once, naming the argument', async () => {
    const result = await execute(GRANTS, { funder: globalId('Organization', funderId), first: 2, last: 2 });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'last' }] });
  });
});

describe('organizations (the directory): keyset cursors', () => {
  const TOKEN = 'quokkazebra';
  const SEARCH = `
    query($q: String!, $order: OrganizationOrder, $first: Int, $after: String) {
      organizations(filter: { query: $q }, orderBy: $order, first: $first, after: $after) {
        totalCount
        edges { node { name } }
        pageInfo { hasNextPage endCursor }
      }
    }`;
  interface Directory {
    totalCount: number;
    edges: { node: { name: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  }
  const search = async (vars: Record<string, unknown>) =>
    (await executeOk<{ organizations: Directory }>(SEARCH, { q: TOKEN, ...vars })).organizations;
  const names = (d: Directory) => d.edges.map((e) => e.node.name);

  beforeAll(async () => {
    for (const name of ['Berlin', 'Cologne', 'Dresden', 'Essen', 'Frankfurt']) {
      await createOrganization(db, { name: `${name} ${TOKEN}` });
    }
  });

  // RELEVANCE (the default with a query: a computed real score, then name, id) and NAME (columns) both page by key.
  for (const order of [null, { field: 'NAME', direction: 'ASC' }, { field: 'CREATED_AT', direction: 'DESC' }]) {
    it(`an organisation inserted ahead of the cursor causes no repeat and no skip (order ${order?.field ?? 'RELEVANCE'})`, async () => {
      const everything = names(await search({ order, first: 100 }));
      const first = await search({ order, first: 2 });
      expect(names(first)).toEqual(everything.slice(0, 2));
      expect(first.totalCount).toBe(everything.length);

      // Sorts first by name and, created last, first by CREATED_AT DESC: offsets would repeat a row.
      const inserted = `Aachen ${order?.field ?? 'RELEVANCE'} ${TOKEN}`;
      await createOrganization(db, { name: inserted });
      const rest: string[] = [];
      let after = first.pageInfo.endCursor;
      for (let more = first.pageInfo.hasNextPage; more;) {
        const next = await search({ order, first: 2, after });
        rest.push(...names(next));
        expect(next.totalCount).toBe(everything.length + 1);
        after = next.pageInfo.endCursor;
        more = next.pageInfo.hasNextPage;
      }
      // Every row that was there once, in order (the new one may only appear where its key puts it).
      expect([...names(first), ...rest].filter((name) => name !== inserted)).toEqual(everything);
    });
  }

  it("refuses another ordering's cursor, naming `after`", async () => {
    const byName = await search({ order: { field: 'NAME', direction: 'ASC' }, first: 1 });
    const result = await execute(SEARCH, { q: TOKEN, first: 1, after: byName.pageInfo.endCursor });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'after', message: 'is not a cursor from this connection' }]
    });
  });
});
