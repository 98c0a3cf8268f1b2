import { m } from '$lib/i18n/generated/messages.js';

/** The heading of a directory map (page and embed): what the search names — words, themes, countries — if anything. */
export function resultsMapTitle(filterTerms: readonly string[]): string {
  return filterTerms.length > 0 ? m.s23o_map_title_filtered({ filter: filterTerms.join(', ') }) : m.s23o_map_title();
}
