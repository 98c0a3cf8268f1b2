import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { m } from '$lib/i18n/generated/messages.js';
import { isAdmin } from '$lib/server/access/viewer';
import { FEATURE_DESCRIPTIONS, FEATURES, PRIOR_MODEL } from '$lib/server/matchmaking/ranking/model';
import { latestRankingModel } from '$lib/server/matchmaking/ranking/store';

/** The recommender's learned ranking as stored by the last refit (docs/decisions/0012-learned-ranking.md). */
export const load: PageServerLoad = async ({ locals, setHeaders }) => {
  if (locals.viewer.kind !== 'user') redirect(303, '/login?next=/admin/ranking');
  if (!isAdmin(locals.viewer)) error(403, m.admin_forbidden());
  setHeaders({ 'cache-control': 'private, no-store' });
  const model = (await latestRankingModel()) ?? PRIOR_MODEL;
  return {
    model,
    features: ['bias' as const, ...FEATURES].map((name) => ({
      name,
      description: name === 'bias' ? '' : FEATURE_DESCRIPTIONS[name],
      existing: model.existing[name],
      newcomer: model.newcomer[name]
    }))
  };
};
