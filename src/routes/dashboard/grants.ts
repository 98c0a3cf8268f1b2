/**
 * The grants behind the dashboard's money figures, as the API lists them for the viewer (it decides which grants
 * a viewer may see; nothing here filters). Page by page, 100 at a time (the API's largest page), up to a limit so
 * that one page view cannot turn into hundreds of API requests; `complete` says whether every grant was read.
 */
import { loadQuery } from '$lib/graphql/client';
import { DashboardGrantsPageQuery } from '$lib/graphql/documents/dashboard';
import type {
  DashboardGrantFragment,
  DashboardGrantsPageQuery as Page,
  GrantFilter,
  Language
} from '$lib/graphql/generated/graphql';

export const MAX_GRANT_PAGES = 20;

export interface GrantList {
  grants: DashboardGrantFragment[];
  totalCount: number;
  totals: { currency: string; amount: string; count: number }[];
  /** False when more grants match than the pages read (MAX_GRANT_PAGES × 100). */
  complete: boolean;
}

export async function loadGrants(
  fetchFn: typeof fetch,
  lang: Language,
  filter: GrantFilter,
  pages: number = MAX_GRANT_PAGES
): Promise<GrantList> {
  const grants: DashboardGrantFragment[] = [];
  let after: string | null = null;
  let totalCount = 0;
  let totals: GrantList['totals'] = [];
  for (let page = 0; page < pages; page += 1) {
    const data: Page = await loadQuery(fetchFn, DashboardGrantsPageQuery, { lang, grantFilter: filter, after });
    if (page === 0) {
      totalCount = data.grants.totalCount;
      totals = data.grants.totals;
    }
    grants.push(...data.grants.nodes);
    if (!data.grants.pageInfo.hasNextPage || !data.grants.pageInfo.endCursor)
      return { grants, totalCount, totals, complete: true };
    after = data.grants.pageInfo.endCursor;
  }
  return { grants, totalCount, totals, complete: grants.length >= totalCount };
}
