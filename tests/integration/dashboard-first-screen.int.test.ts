/**
 * The dashboard's first response carries the first screen only (decision 0052): the page's load asks the API for
 * the funders and choices and for the heatmap's drawn cells — not the whole matrix, the map's facet counts, the
 * grants or the network figures, which load when scrolled to — and the narrowed heatmap is the same as the one
 * the whole matrix gives. Real PostgreSQL and Neo4j, through the real /graphql route.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../src/lib/server/platform/db';
import { drainOutbox } from '../../src/lib/server/projection/projector';
import { loadQuery } from '../../src/lib/graphql/client';
import { DashboardMatrixQuery } from '../../src/lib/graphql/documents/dashboard';
import { Coverage, unpackRows, type PackedRow } from '../../src/lib/components/dashboard/coverage';
import { load as dashboardLoad } from '../../src/routes/dashboard/+page.server';
import { createOrganization, createPartnership } from '../factories/organizations';
import { pageFetch } from '../factories/page-fetch';

const db = getDb();

interface FirstScreen {
  graph: {
    columns: { code: string; name: string }[];
    rows: PackedRow[];
  } & Record<string, unknown>;
}

/** The page's load, and the operations (with variables) it sent to the API. */
async function firstScreen(search = '') {
  const asked: { operation: string; variables: Record<string, unknown> }[] = [];
  const inner = pageFetch();
  const recording: typeof fetch = async (input, init) => {
    const body = JSON.parse(String(init?.body ?? '{}')) as { query?: string; variables?: Record<string, unknown> };
    asked.push({ operation: /query (\w+)/.exec(body.query ?? '')?.[1] ?? '?', variables: body.variables ?? {} });
    return inner(input, init);
  };
  const page = (await dashboardLoad({
    url: new URL(`http://atlas.test/dashboard${search}`),
    fetch: recording,
    locals: { lang: 'en' },
    setHeaders: () => {}
  } as never)) as unknown as FirstScreen & Record<string, unknown>;
  return { page, asked };
}

/** The heatmap as the whole matrix draws it (what the page drew before it asked for the drawn cells only). */
async function fromWholeMatrix(expand: string[]) {
  const data = await loadQuery(pageFetch(), DashboardMatrixQuery, { lang: 'EN' });
  const coverage = new Coverage({
    themes: data.themes,
    countries: data.countries,
    cells: data.coverageMatrix.cells,
    funderMoney: null
  });
  return { columns: coverage.columns, rows: coverage.rows(expand), themes: data.themes };
}

beforeAll(async () => {
  const a = await createOrganization(db, { themeSlugs: ['age-assessment'], countryCodes: ['GR'] });
  const b = await createOrganization(db, { themeSlugs: ['legal-aid', 'housing'], countryCodes: ['GR', 'IT'] });
  const c = await createOrganization(db, { themeSlugs: ['housing'], countryCodes: ['PT'] });
  await createPartnership(db, a, b);
  await createPartnership(db, b, c);
  await drainOutbox();
});

describe('the dashboard’s first response', () => {
  it('asks for the choices and the drawn heatmap cells only, and carries no section below the fold', async () => {
    const { page, asked } = await firstScreen();
    expect(asked.map((a) => a.operation)).toEqual(['DashboardChoices', 'DashboardHeatmap']);
    const whole = await fromWholeMatrix([]);
    // Top-level themes only: no sub-theme is asked while none is opened.
    expect(asked[1]!.variables.themes).toEqual(whole.themes.map((t) => t.slug));
    for (const below of ['map', 'shapes', 'grants']) expect(page).not.toHaveProperty(below);
    expect(Object.keys(page.graph).sort()).toEqual(['columns', 'emptyCountries', 'matrix', 'rows']);
  });

  it('draws the same heatmap as the whole matrix, closed and with a theme opened', async () => {
    const closed = await firstScreen();
    const whole = await fromWholeMatrix([]);
    expect(closed.page.graph.columns).toEqual(whole.columns);
    expect(closed.page.graph.columns.map((c) => c.code)).toEqual(expect.arrayContaining(['GR', 'IT', 'PT']));
    expect(unpackRows(closed.page.graph.rows, closed.page.graph.columns)).toEqual(whole.rows);

    const parent = whole.themes.find((t) => t.children.some((c) => c.slug === 'age-assessment'))!;
    const open = await firstScreen(`?expand=${parent.slug}`);
    const wholeOpen = await fromWholeMatrix([parent.slug]);
    expect(open.asked[1]!.variables.themes).toEqual(
      expect.arrayContaining([parent.slug, ...parent.children.map((c) => c.slug)])
    );
    expect(open.asked[1]!.variables.themes).toHaveLength(whole.themes.length + parent.children.length);
    const rows = unpackRows(open.page.graph.rows, open.page.graph.columns);
    expect(rows).toEqual(wholeOpen.rows);
    const sub = rows.find((r) => r.slug === 'age-assessment')!;
    expect(sub.cells.find((c) => c.country.code === 'GR')?.organizations).toBe(1);
  });
});
