import type { RequestHandler } from './$types';
import { coalitionCsv, coalitionFilename } from '../coalition-csv';
import { loadCoalitionState } from '../load-coalition';
import { problemMessage } from '../problem-messages';

/**
 * GET /coalitions/export.csv?<the builder's parameters>: the same proposal the page shows, asked of /graphql with
 * the visitor's own cookies (event.fetch), so the file holds exactly what they may see. Bad input is a 400 whose
 * text names each field, like the form.
 */
export const GET: RequestHandler = async ({ fetch, url, locals }) => {
  const state = await loadCoalitionState(fetch, url.searchParams, locals.lang);
  if (state.graphUnavailable) {
    return new Response('The partnership graph is temporarily unavailable. Please try again in a moment.\n', {
      status: 503,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '10' }
    });
  }
  // Without parameters the problems say "choose a theme" and "choose a country": a download needs both.
  if (state.problems.length > 0 || !state.proposal) {
    const lines = state.problems.map((p) => `${p.field}: ${problemMessage(p)}`);
    return new Response(`${lines.join('\n')}\n`, {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8' }
    });
  }
  const { best, alternatives } = state.proposal;
  const coalitions = [
    { label: 'proposal', coalition: best },
    ...alternatives.map((coalition, i) => ({ label: `alternative ${i + 1}`, coalition }))
  ];
  const body = coalitionCsv(coalitions, state.request.countries, url.origin);
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${coalitionFilename(state.request.themes, state.request.countries)}"`,
      // Depends on who asks (visibility) and on live data.
      'cache-control': 'private, no-store'
    }
  });
};
