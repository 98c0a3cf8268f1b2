/**
 * Partner recommendations for an organisation (no focus themes or countries: the profile page's "who could we
 * partner with?"), ten with their reasons.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import neo4j from 'neo4j-driver';
import { RecommendInput, recommendParams } from '../../../src/lib/server/matchmaking/recommend';
import { RECOMMEND } from '../../../src/lib/server/matchmaking/recommend-query';
import { PRIOR_MODEL, type RankingModel } from '../../../src/lib/server/matchmaking/ranking/model';
import { latestRankingModel } from '../../../src/lib/server/matchmaking/ranking/store';
import type { Question } from '../question';
import { ANONYMOUS } from '../visibility';

interface Input {
  organizationId: string;
}

const FIRST = 10;

// The raw statement ranks with the weights the app ranks with: the stored model (the bench refits a stale one
// before the app starts), else the prior — read once, as the app keeps it in memory.
let model: Promise<RankingModel> | null = null;
const rankingModel = () => (model ??= latestRankingModel().then((stored) => stored ?? PRIOR_MODEL));

const QUERY = `
query BenchRecommendations($id: ID!, $first: Int!) {
  recommendedPartners(organizationId: $id, first: $first) {
    score
    organization { id slug name }
    reasons {
      sharedPartners { slug name }
      sharedThemes { slug }
      sharedCountries { code }
      countriesAdded { code }
      levelsAdded
      distance
    }
  }
}`;

export const recommendationsQuestion: Question<Input> = {
  key: 'recommendations',
  title: 'Recommendations (recommendedPartners, 10 with reasons)',
  targetP95Ms: 60,
  inputs: 'a random organisation (not archived), no focus themes or countries, first 10',
  raw: 'the RECOMMEND Cypher statement of src/lib/server/matchmaking/recommend-query.ts with the same parameters, through the driver',
  pick: (rng, pools) => ({ organizationId: rng.pick(pools.organizations) }),
  request: (input) => ({
    query: QUERY,
    variables: { id: encodeGlobalID('Organization', input.organizationId), first: FIRST }
  }),
  apiAnswer(data) {
    const list = (data as { recommendedPartners: { organization: { slug: string } }[] }).recommendedPartners;
    return list.map((r) => r.organization.slug).join(',');
  },
  async runRaw(input, { neo4j: driver, database }) {
    const parsed = RecommendInput.parse({ organizationId: input.organizationId, first: FIRST });
    const params = recommendParams(ANONYMOUS, parsed, { model: await rankingModel() });
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.executeRead((tx) => tx.run(RECOMMEND, params));
      return result.records.map((r) => r.get('slug') as string).join(',');
    } finally {
      await session.close();
    }
  }
};
