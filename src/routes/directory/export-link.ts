import { directorySearchParams, type DirectoryState } from '$lib/directory/directory-params';

/** Most rows one CSV download holds (the page says so when the filter matches more). */
export const MAX_EXPORT_ROWS = 5_000;

/** The current filter without paging: the form exports, feeds and saved searches share. */
export function filterSearch(state: DirectoryState): string {
  return directorySearchParams({ ...state, after: null, before: null }).toString();
}

/** The public Atom feed of the current filter (as an anonymous visitor sees it). */
export function feedHref(state: DirectoryState): string {
  const search = filterSearch(state);
  return search ? `/directory/feed.atom?${search}` : '/directory/feed.atom';
}

/** The CSV download of the directory's current filter and order: every page, not only the one shown. */
export function exportHref(state: DirectoryState): string {
  const search = filterSearch(state);
  return search ? `/directory/export.csv?${search}` : '/directory/export.csv';
}

/** The current filter as a map of results (counts per country). */
export function mapHref(state: DirectoryState): string {
  const search = filterSearch(state);
  return search ? `/directory/map?${search}` : '/directory/map';
}
