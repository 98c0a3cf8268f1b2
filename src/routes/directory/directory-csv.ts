import type { CombinedError } from '@urql/core';
import { createGraphqlClient } from '$lib/graphql/client';
import { DirectoryExportDocument, type DirectoryExportQuery } from '$lib/graphql/generated/graphql';
import { csvLine, joinList } from '$lib/server/exports/csv-writer';
import { queryVariables, type DirectoryState } from '$lib/directory/directory-params';
import { MAX_EXPORT_ROWS } from './export-link';

/**
 * The directory's current filter as CSV. Rows come from the same `organizations` query the page runs (same filter
 * builder, same visibility, asked with the visitor's own cookies), paged at the API's maximum, so the file never
 * holds more than the page would show that visitor. Capped: a download is a working list, not a data dump.
 */
const API_PAGE = 100;

export const DIRECTORY_CSV_COLUMNS = [
  'name',
  'profile_url',
  'type',
  'hq_country',
  'hq_city',
  'countries',
  'themes',
  'levels',
  'languages',
  'website',
  'contact_email',
  'contact_phone'
] as const;

type Connection = DirectoryExportQuery['organizations'];
type Node = Connection['nodes'][number];

export type DirectoryCsvStart =
  | { ok: true; totalCount: number; rows: number; chunks: AsyncGenerator<string> }
  | { ok: false; error: CombinedError | undefined };

function row(node: Node, origin: string): string {
  const cells = [
    node.name,
    new URL(`/organizations/${encodeURIComponent(node.slug)}`, origin).href,
    node.type,
    node.hqCountry?.code,
    node.hqCity,
    joinList(node.countries.map((c) => c.code)),
    joinList(node.themes.map((t) => t.slug)),
    joinList(node.levels),
    joinList(node.languages),
    node.website,
    node.contactEmail,
    node.contactPhone
  ];
  return csvLine(cells, DIRECTORY_CSV_COLUMNS);
}

/**
 * Asks for the first page before anything is written, so a refused filter is an error response rather than a
 * broken file; the remaining pages are fetched as the caller reads the chunks.
 */
export async function startDirectoryCsv(
  fetchFn: typeof fetch,
  state: DirectoryState,
  origin: string
): Promise<DirectoryCsvStart> {
  const client = createGraphqlClient(fetchFn);
  const { filter, orderBy } = queryVariables({ ...state, after: null, before: null }, 'en');
  const page = (after: string | null) =>
    client.query(DirectoryExportDocument, { filter, orderBy, first: API_PAGE, after }).toPromise();

  const first = await page(null);
  if (first.error || !first.data) return { ok: false, error: first.error };
  const totalCount = first.data.organizations.totalCount;

  async function* chunks(): AsyncGenerator<string> {
    yield csvLine(DIRECTORY_CSV_COLUMNS);
    let connection: Connection = first.data!.organizations;
    let written = 0;
    for (;;) {
      const nodes = connection.nodes.slice(0, MAX_EXPORT_ROWS - written);
      yield nodes.map((node) => row(node, origin)).join('');
      written += nodes.length;
      if (written >= MAX_EXPORT_ROWS || !connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) return;
      const next = await page(connection.pageInfo.endCursor);
      if (next.error || !next.data) throw new Error(next.error?.message ?? 'The API returned no data');
      connection = next.data.organizations;
    }
  }
  return { ok: true, totalCount, rows: Math.min(totalCount, MAX_EXPORT_ROWS), chunks: chunks() };
}
