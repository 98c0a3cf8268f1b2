/**
 * A directory search (filters, a page of organisations with their themes and headquarters, the total) is ONE SQL
 * statement once the reference vocabulary is in memory (issue 13 item 1), for a page of 5 as for 50, in every
 * order. The vocabulary is shared across requests (src/lib/server/directory/reference-data.ts); these tests also
 * hold it to the truth: a theme or country added to the database is known at once, a rename shows after the
 * refresh interval.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb, withQueryCounter } from '../../src/lib/server/platform/db';
import { REFRESH_AFTER_MS } from '../../src/lib/server/directory/reference-data';
import { DIRECTORY_QUERY } from '../../tools/bench/questions/directory';
import { execute, executeOk } from '../factories/graphql';
import { createOrganization } from '../factories/organizations';
import { uniqueWord } from '../factories/util';

const db = getDb();

const PAGE = `
query Page($filter: OrganizationFilter!, $first: Int!, $orderBy: OrganizationOrder) {
  organizations(filter: $filter, first: $first, orderBy: $orderBy) {
    totalCount
    nodes { slug name hqCountry { code nameEn } themes { slug } countries { code } }
  }
}`;

interface Page {
  organizations: {
    totalCount: number;
    nodes: { slug: string; name: string; hqCountry: { code: string } | null; themes: { slug: string }[] }[];
  };
}

const word = uniqueWord('Roundtrip');

beforeAll(async () => {
  for (let i = 0; i < 60; i++) {
    await createOrganization(db, {
      name: `${word} ${String(i).padStart(2, '0')}`,
      hqCountryCode: i % 2 ? 'GR' : 'IT',
      countryCodes: ['GR'],
      themeSlugs: ['legal-aid']
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function counted(query: string, variables: Record<string, unknown>) {
  const { result, sqlQueries } = await withQueryCounter(() => executeOk<Page>(query, variables));
  return { data: result, sqlQueries };
}

describe('directory round trips', () => {
  it("answers the bench's two-filter search in one SQL statement", async () => {
    const variables = { filter: { themes: ['legal-aid'], countries: ['GR'] } };
    await counted(DIRECTORY_QUERY, variables); // warm-up: the vocabulary, connections
    const { data, sqlQueries } = await counted(DIRECTORY_QUERY, variables);
    expect(data.organizations.totalCount).toBeGreaterThanOrEqual(60);
    expect(data.organizations.nodes).toHaveLength(20);
    expect(sqlQueries).toBe(1);
  });

  it('costs one statement for 5 and for 50 rows, in every order, with the same rows as before', async () => {
    const filter = { query: word, interpretQuery: false };
    await counted(PAGE, { filter, first: 5 });
    for (const orderBy of [
      { field: 'NAME', direction: 'ASC' },
      { field: 'NAME', direction: 'DESC' },
      { field: 'CREATED_AT', direction: 'DESC' },
      { field: 'RELEVANCE', direction: 'DESC' },
      { field: 'PARTNER_COUNT', direction: 'DESC' }
    ]) {
      const small = await counted(PAGE, { filter, first: 5, orderBy });
      const large = await counted(PAGE, { filter, first: 50, orderBy });
      expect({ orderBy, small: small.sqlQueries, large: large.sqlQueries }).toEqual({ orderBy, small: 1, large: 1 });
      expect(large.data.organizations.nodes).toHaveLength(50);
      // The small page is the start of the large one: both ordered by the same keys.
      expect(large.data.organizations.nodes.slice(0, 5)).toEqual(small.data.organizations.nodes);
    }
    const byName = await counted(PAGE, { filter, first: 50, orderBy: { field: 'NAME', direction: 'ASC' } });
    const names = byName.data.organizations.nodes.map((n) => n.name);
    expect(names).toEqual([...names].sort());
    const first = byName.data.organizations.nodes[0];
    expect(first.hqCountry).toEqual({ code: 'IT', nameEn: 'Italy' });
    expect(first.themes).toEqual([{ slug: 'legal-aid' }]);
  });
});

describe('the shared vocabulary', () => {
  it('knows a theme added after it was read, at once', async () => {
    await executeOk('{ themes { slug } }');
    const slug = uniqueWord('theme-').toLowerCase();
    await db.theme.create({ data: { slug, nameEn: `Theme ${slug}`, nameDe: `Thema ${slug}`, sortOrder: 999 } });
    try {
      const found = await executeOk<{ theme: { slug: string } | null }>(`{ theme(slug: "${slug}") { slug } }`);
      expect(found.theme).toEqual({ slug });
      const filtered = await execute(PAGE, { filter: { themes: [slug] }, first: 5 });
      expect(filtered.errors).toBeUndefined();
    } finally {
      await db.theme.delete({ where: { slug } });
    }
  });

  it('still says a slug no one has is unknown', async () => {
    const res = await execute(PAGE, { filter: { themes: ['no-such-theme-at-all'] }, first: 5 });
    expect(res.errors?.[0]?.message).toMatch(/no-such-theme-at-all/);
    // A stream of unknown slugs does not read the vocabulary again for each request.
    const again = await withQueryCounter(() => execute(PAGE, { filter: { themes: ['no-such-theme-2'] }, first: 5 }));
    expect(again.result.errors?.[0]?.message).toMatch(/no-such-theme-2/);
    expect(again.sqlQueries).toBe(0);
  });

  it('shows a renamed theme once the refresh interval has passed', async () => {
    const read = async () =>
      (await executeOk<{ theme: { nameEn: string } }>('{ theme(slug: "legal-aid") { nameEn } }')).theme.nameEn;
    const original = await read();
    await db.theme.update({ where: { slug: 'legal-aid' }, data: { nameEn: 'Legal aid (renamed)' } });
    try {
      expect(await read()).toBe(original); // still the vocabulary read before
      const now = Date.now();
      vi.spyOn(Date, 'now').mockReturnValue(now + REFRESH_AFTER_MS + 1);
      expect(await read()).toBe('Legal aid (renamed)');
    } finally {
      await db.theme.update({ where: { slug: 'legal-aid' }, data: { nameEn: original } });
    }
  });
});
