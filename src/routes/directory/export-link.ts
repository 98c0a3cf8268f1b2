import { directorySearchParams, type DirectoryState } from './directory-params';

/** Most rows one CSV download holds (the page says so when the filter matches more). */
export const MAX_EXPORT_ROWS = 5_000;

/** The CSV download of the directory's current filter and order: every page, not only the one shown. */
export function exportHref(state: DirectoryState): string {
  const search = directorySearchParams({ ...state, after: null, before: null }).toString();
  return search ? `/directory/export.csv?${search}` : '/directory/export.csv';
}
