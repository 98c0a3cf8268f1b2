/**
 * A coalition for 3 themes across 8 countries (proposeCoalition): the best membership with the countries each
 * member covers, the ties among them and the missing (theme, country) cells, plus the alternatives.
 */
import neo4j from 'neo4j-driver';
import { fetchCandidates } from '../../../src/lib/server/matchmaking/coalition';
import { selectCoalitions } from '../../../src/lib/server/matchmaking/select-coalition';
import { pickDistinct, type Question } from '../question';
import { ANONYMOUS } from '../visibility';

interface Input {
  themes: string[];
  countries: string[];
}

const MEMBER = `organization { id slug name } coversThemes { slug } coversCountries { code }`;
const COVERAGE = `coveredCellCount requestedCellCount missingCells { theme { slug } country { code } } provenOptimal`;
const QUERY = `
query BenchCoalition($themes: [String!]!, $countries: [String!]!) {
  proposeCoalition(themes: $themes, countries: $countries) {
    best { ${COVERAGE} members { ${MEMBER} } ties { a { slug } b { slug } } uncoveredCountries { code } }
    alternatives { ${COVERAGE} members { ${MEMBER} } uncoveredCountries { code } }
  }
}`;

export const coalitionQuestion: Question<Input> = {
  key: 'coalition',
  title: 'Coalition, 3 themes × 8 countries',
  targetP95Ms: 100,
  inputs: '3 distinct random themes in use × 8 distinct random European countries in use',
  raw:
    'the candidate Cypher statement of src/lib/server/matchmaking/coalition-query.ts (candidates with their visible ' +
    'partners; the ties among them picked in TypeScript) in one read transaction through the driver, then the same ' +
    'selection (HiGHS, greedy fallback) for the best coalition (no alternatives)',
  pick: (rng, pools) => ({
    themes: pickDistinct(rng, pools.themes, 3),
    countries: pickDistinct(rng, pools.countries, 8)
  }),
  request: (input) => ({ query: QUERY, variables: { themes: input.themes, countries: input.countries } }),
  // Whether the solver proved the coalition optimal is part of the answer: its budget is a node count, so both
  // sides must agree on that too, whatever the load.
  apiAnswer(data) {
    const best = (
      data as {
        proposeCoalition: { best: { provenOptimal: boolean; members: { organization: { slug: string } }[] } };
      }
    ).proposeCoalition.best;
    return answer(
      best.members.map((m) => m.organization.slug),
      best.provenOptimal
    );
  },
  async runRaw(input, { neo4j: driver, database }) {
    const lists = { themes: input.themes, countries: input.countries, include: [], exclude: [] };
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      const { candidates, ties, refs } = await session.executeRead((tx) => fetchCandidates(tx, ANONYMOUS, lists));
      const [best] = await selectCoalitions({ candidates, ties, ...lists }, 0);
      // No coalition at all: the API reports an empty one as proven optimal (coalition.ts).
      return answer(
        (best?.members ?? []).map((id) => refs.get(id)?.slug ?? id),
        best?.provenOptimal ?? true
      );
    } finally {
      await session.close();
    }
  }
};

function answer(slugs: string[], provenOptimal: boolean): string {
  return `${provenOptimal ? 'optimal' : 'NOT proven optimal'}: ${slugs.join(',')}`;
}
