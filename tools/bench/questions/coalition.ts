/**
 * A coalition for 3 themes across 8 countries (proposeCoalition): the best membership with the countries each
 * member covers, the ties among them and the gaps, plus the alternatives.
 */
import neo4j from 'neo4j-driver';
import { visibilityParams } from '../../../src/lib/server/graph/visibility';
import { CANDIDATES_PER_COUNTRY } from '../../../src/lib/server/matchmaking/coalition';
import { COALITION_CANDIDATES, TIES } from '../../../src/lib/server/matchmaking/coalition-query';
import { greedyCover } from '../../../src/lib/server/matchmaking/set-cover';
import { pickDistinct, type Question } from '../question';
import { ANONYMOUS } from '../visibility';

interface Input {
  themes: string[];
  countries: string[];
}

const MEMBER = `organization { id slug name } coversCountries { code }`;
const QUERY = `
query BenchCoalition($themes: [String!]!, $countries: [String!]!) {
  proposeCoalition(themes: $themes, countries: $countries) {
    best { score members { ${MEMBER} } ties { a { slug } b { slug } } uncoveredCountries { code } }
    alternatives { score members { ${MEMBER} } uncoveredCountries { code } }
  }
}`;

export const coalitionQuestion: Question<Input> = {
  key: 'coalition',
  title: 'Coalition, 3 themes × 8 countries',
  targetP95Ms: 150,
  inputs: '3 distinct random themes in use × 8 distinct random European countries in use',
  raw:
    'the candidate and tie Cypher statements of src/lib/server/matchmaking/coalition-query.ts in one read transaction ' +
    'through the driver, then the same greedy cover for the best coalition (the alternatives are not recomputed)',
  pick: (rng, pools) => ({
    themes: pickDistinct(rng, pools.themes, 3),
    countries: pickDistinct(rng, pools.countries, 8)
  }),
  request: (input) => ({ query: QUERY, variables: { themes: input.themes, countries: input.countries } }),
  apiAnswer(data) {
    const best = (data as { proposeCoalition: { best: { members: { organization: { slug: string } }[] } } })
      .proposeCoalition.best;
    return best.members.map((m) => m.organization.slug).join(',');
  },
  async runRaw(input, { neo4j: driver, database }) {
    const lists = { themes: input.themes, countries: input.countries, include: [], exclude: [] };
    const visibility = visibilityParams(ANONYMOUS);
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      const { candidates, ties, slugs } = await session.executeRead(async (tx) => {
        const rows = (
          await tx.run(COALITION_CANDIDATES, { ...lists, perCountry: neo4j.int(CANDIDATES_PER_COUNTRY), ...visibility })
        ).records;
        const candidates = rows.map((r) => ({
          id: r.get('id') as string,
          covers: r.get('covers') as string[],
          degree: Number(r.get('degree')),
          themeFit: Number(r.get('themeFit'))
        }));
        const slugs = new Map(rows.map((r) => [r.get('id') as string, r.get('slug') as string]));
        const tieRows = (await tx.run(TIES, { ids: candidates.map((c) => c.id), ...visibility })).records;
        const ties = tieRows.map((r) => [r.get('a'), r.get('b')] as [string, string]);
        return { candidates, ties, slugs };
      });
      const best = greedyCover({ candidates, ties, countries: input.countries, include: [] });
      return best.members.map((id) => slugs.get(id)).join(',');
    } finally {
      await session.close();
    }
  }
};
