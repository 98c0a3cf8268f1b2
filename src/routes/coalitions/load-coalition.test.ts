import { describe, expect, it } from 'vitest';
import { loadCoalitionState } from './load-coalition';

/**
 * The page's control flow against a scripted /graphql: which operations run for which URL. (What the API answers
 * is covered by the integration tests of proposeCoalition and by tests/e2e/coalition.e2e.ts against the real app.)
 */
const CHOICES = {
  themes: [{ slug: 'housing', name: 'Housing', children: [{ slug: 'homelessness', name: 'Homelessness' }] }],
  countries: [
    { code: 'DE', name: 'Germany', region: 'EU27' },
    { code: 'GR', name: 'Greece', region: 'EU27' }
  ]
};
const ORG = { id: 'T3JnYW5pemF0aW9uOm9yZy0x', slug: 'org-one', name: 'Org One' };
const COALITION = {
  requestedCellCount: 0,
  coveredCellCount: 0,
  provenOptimal: true,
  cells: [],
  uncoveredThemes: [],
  members: [{ organization: ORG, coversCountries: [{ code: 'DE' }] }],
  ties: [],
  uncoveredCountries: [{ code: 'GR' }]
};

function scriptedApi(answers: Record<string, (variables: Record<string, unknown>) => unknown>) {
  const calls: { operation: string; variables: Record<string, unknown> }[] = [];
  const fetchFn = (async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { operationName: string; variables: Record<string, unknown> };
    calls.push({ operation: body.operationName, variables: body.variables });
    const answer = answers[body.operationName];
    if (!answer) throw new Error(`unexpected operation ${body.operationName}`);
    return new Response(JSON.stringify(answer(body.variables)), { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { fetchFn, calls };
}

const choices = () => ({ data: CHOICES });

describe('loadCoalitionState', () => {
  it('asks only for the form’s choices on a first visit and when the request is invalid', async () => {
    for (const query of ['', 'size=', 'theme=housing&country=FR', 'theme=housing&country=DE&size=1']) {
      const api = scriptedApi({ CoalitionChoices: choices });
      const state = await loadCoalitionState(api.fetchFn, new URLSearchParams(query), 'en');
      expect(api.calls.map((c) => c.operation)).toEqual(['CoalitionChoices']);
      expect(state.proposal).toBeNull();
      expect(state.problems.length).toBeGreaterThan(0);
    }
  });

  it('resolves a must-include slug, then proposes with its id', async () => {
    const api = scriptedApi({
      CoalitionChoices: choices,
      CoalitionIncludeBySlug: ({ slug }) => ({ data: { organization: slug === 'org-one' ? ORG : null } }),
      ProposeCoalition: () => ({ data: { proposeCoalition: { best: COALITION, alternatives: [] } } })
    });
    const state = await loadCoalitionState(
      api.fetchFn,
      new URLSearchParams('theme=homelessness&country=de&include=org-one'),
      'de'
    );
    expect(api.calls[0]).toEqual({ operation: 'CoalitionChoices', variables: { lang: 'DE' } });
    expect(api.calls.at(-1)).toEqual({
      operation: 'ProposeCoalition',
      variables: { themes: ['homelessness'], countries: ['DE'], size: null, include: [ORG.id] }
    });
    expect(state.problems).toEqual([]);
    expect(state.included).toEqual([ORG]);
    expect(state.proposal?.best).toEqual(COALITION);
  });

  it('finds a must-include organisation by name, and reports a name that matches several without proposing', async () => {
    const search = (query: unknown) =>
      query === 'Org One'
        ? [ORG, { ...ORG, id: 'other', slug: 'org-one-athens', name: 'Org One Athens' }]
        : [ORG, { ...ORG, id: 'x', slug: 'org-two', name: 'Org Two' }];
    const api = scriptedApi({
      CoalitionChoices: choices,
      CoalitionIncludeById: () => ({ data: null, errors: [{ message: 'id: is not a valid Organization id' }] }),
      CoalitionOrganizationSearch: ({ query }) => ({
        data: { organizations: { nodes: search(query).map((o) => ({ ...o, hqCountry: null })) } }
      }),
      ProposeCoalition: () => ({ data: { proposeCoalition: { best: COALITION, alternatives: [] } } })
    });
    const found = await loadCoalitionState(
      api.fetchFn,
      new URLSearchParams('theme=housing&country=DE&include=Org One'),
      'en'
    );
    expect(found.included.map((o) => o.slug)).toEqual(['org-one']);
    expect(found.request.include).toEqual(['org-one']);
    expect(found.proposal).not.toBeNull();

    api.calls.length = 0;
    const ambiguous = await loadCoalitionState(
      api.fetchFn,
      new URLSearchParams('theme=housing&country=DE&include=Org T'),
      'en'
    );
    expect(ambiguous.problems).toEqual([
      {
        field: 'include',
        code: 'ambiguous',
        value: 'Org T',
        candidates: [
          { slug: 'org-one', name: 'Org One' },
          { slug: 'org-two', name: 'Org Two' }
        ]
      }
    ]);
    expect(ambiguous.unresolved).toEqual(['Org T']);
    expect(api.calls.map((c) => c.operation)).not.toContain('ProposeCoalition');
  });

  it('puts the API’s field errors beside the form field they concern', async () => {
    const api = scriptedApi({
      CoalitionChoices: choices,
      ProposeCoalition: () => ({
        data: null,
        errors: [
          {
            message: 'countries[0]: is not a known country code ("DE")',
            extensions: {
              code: 'BAD_USER_INPUT',
              fieldErrors: [{ field: 'countries[0]', message: 'is not a known country code ("DE")' }]
            }
          }
        ]
      })
    });
    const state = await loadCoalitionState(api.fetchFn, new URLSearchParams('theme=housing&country=DE'), 'en');
    expect(state.problems).toEqual([
      { field: 'country', code: 'api', message: 'countries[0]: is not a known country code ("DE")' }
    ]);
    expect(state.proposal).toBeNull();
  });
});
