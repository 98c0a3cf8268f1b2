import { error } from '@sveltejs/kit';
import { parseDashboardFilters } from '$lib/components/dashboard/parse-filters';
import { isDashboardSection } from '../section-names';
import { loadSection } from '../sections.server';

/** One section of the dashboard for the URL's filters, as its page and its data.json both answer. */
export async function loadPart(event: {
  params: { section: string };
  url: URL;
  fetch: typeof fetch;
  locals: { lang: string };
}) {
  const { section } = event.params;
  if (!isDashboardSection(section)) error(404, `no dashboard section "${section}"`);
  const { filters, errors } = parseDashboardFilters(event.url.searchParams);
  const data = await loadSection(section, event.fetch, event.locals.lang, filters, errors);
  return { filters, errors, data };
}
