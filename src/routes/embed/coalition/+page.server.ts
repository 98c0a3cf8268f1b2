import { error } from '@sveltejs/kit';
import { anonymousFetch } from '$lib/embed/anonymous-fetch';
import { europeMapShapes } from '$lib/server/maps/europe';
import { parseView } from '$lib/coalitions/coalition-params';
import { loadCoalitionState } from '../../coalitions/load-coalition';
import { problemMessage } from '../../coalitions/problem-messages';
import type { PageServerLoad } from './$types';

/**
 * The coalition builder's answer for the same URL (/coalitions?theme=…&country=…&include=…&size=…&view=…), asked
 * anonymously: the proposal counts public partnerships only, whoever is signed in. A request the builder would
 * refuse is a 400 naming each field, since an embed has no form to correct it in.
 */
export const load: PageServerLoad = async ({ fetch, url, locals }) => {
  const state = await loadCoalitionState(anonymousFetch(fetch), url.searchParams, locals.lang);
  if (!state.submitted) error(400, 'theme: at least one theme is required; country: at least one country is required');
  if (state.problems.length > 0) {
    error(400, state.problems.map((p) => `${p.field}: ${problemMessage(p)}`).join('; '));
  }
  const proposal = state.proposal;
  const view = proposal ? parseView(url.searchParams, proposal.alternatives.length) : 0;
  const coalition = proposal ? ([proposal.best, ...proposal.alternatives][view] ?? proposal.best) : null;
  const { themes, countries } = state.choices;
  return {
    request: state.request,
    view,
    coalition,
    includedIds: state.included.map((o) => o.id),
    themeNames: themes.flatMap((t) => [t, ...t.children]).map((t) => [t.slug, t.name] as const),
    countryNames: countries.map((c) => [c.code, c.name] as const),
    // Zoomed to the requested countries.
    shapes: europeMapShapes(state.request.countries),
    lang: locals.lang
  };
};
