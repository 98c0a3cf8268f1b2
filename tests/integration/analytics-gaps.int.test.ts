/**
 * The gap list and the heatmap against the directory, on real PostgreSQL and Neo4j, over generated organisations
 * (fast-check): for every theme × country cell, the heatmap's count equals the directory's count for the same
 * theme and country as the same viewer, and every empty cell of a country in scope is in the gap list (with the
 * list paged through to its total).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/lib/server/access/viewer';
import { getDb } from '../../src/lib/server/platform/db';
import { invalidateLevels } from '../../src/lib/server/analytics/cache';
import { MatrixComputation } from '../../src/lib/server/analytics/service';
import { drainOutbox } from '../../src/lib/server/projection/projector';
import { COVERAGE_THEMES, createCoverageOrganization, coverageOrgArbitrary } from '../factories/coverage-orgs';
import { executeOk } from '../factories/graphql';
import { admin } from '../factories/viewers';
import { anonymous } from '../../src/lib/server/access/viewer';

const db = getDb();

const THEMES = COVERAGE_THEMES;
const COUNTRIES = ['GR', 'BG', 'IT', 'CY'];
const orgArb = coverageOrgArbitrary(COUNTRIES, 2);

interface Cell {
  themeSlug: string;
  countryCode: string;
  organizations: number;
  rank: number | null;
}

async function readMatrix(viewer: Viewer) {
  const data = await executeOk<{ coverageMatrix: { cells: Cell[]; gapScope: string[] } }>(
    `query ($themes: [String!], $countries: [String!]) {
      coverageMatrix(themes: $themes, countries: $countries) {
        gapScope
        cells { themeSlug countryCode organizations rank }
      }
    }`,
    { themes: THEMES, countries: COUNTRIES },
    viewer
  );
  return data.coverageMatrix;
}

/** Every page of the gap list for these themes and countries, 7 at a time (so several pages are read). */
async function readGaps(viewer: Viewer) {
  const gaps: Cell[] = [];
  let total = Infinity;
  while (gaps.length < total) {
    const { coverageGaps } = await executeOk<{ coverageGaps: { totalCount: number; nodes: Cell[] } }>(
      `query ($themes: [String!], $countries: [String!], $offset: Int) {
        coverageGaps(themes: $themes, countries: $countries, first: 7, offset: $offset) {
          totalCount
          nodes { themeSlug countryCode organizations rank }
        }
      }`,
      { themes: THEMES, countries: COUNTRIES, offset: gaps.length },
      viewer
    );
    total = coverageGaps.totalCount;
    if (coverageGaps.nodes.length === 0) break;
    gaps.push(...coverageGaps.nodes);
  }
  return { gaps, total };
}

/** The directory's totals for every cell: one request per theme (one alias per country; the API caps aliases). */
async function directoryCounts(viewer: Viewer): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const theme of THEMES) {
    const query = `{ ${COUNTRIES.map(
      (country) =>
        `${country}: organizations(filter: { themes: ["${theme}"], countries: ["${country}"] }, first: 1) { totalCount }`
    ).join('\n')} }`;
    const data = await executeOk<Record<string, { totalCount: number }>>(query, {}, viewer);
    for (const country of COUNTRIES) counts.set(`${theme} ${country}`, data[country]!.totalCount);
  }
  return counts;
}

describe('gap list and heatmap against the directory (generated organisations)', () => {
  it('agree cell by cell for every viewer, and every empty cell in scope is a gap', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(orgArb, { minLength: 1, maxLength: 6 }), async (orgs) => {
        for (const org of orgs) {
          await createCoverageOrganization(db, org);
        }
        await drainOutbox();
        // Creating organisations does not invalidate the precomputed matrix; a refresh would. Here: drop it.
        await invalidateLevels(db, ['public', 'members', 'admin'], [MatrixComputation]);

        for (const viewer of [anonymous, admin]) {
          const [matrix, counts, { gaps, total }] = await Promise.all([
            readMatrix(viewer),
            directoryCounts(viewer),
            readGaps(viewer)
          ]);
          expect(matrix.cells).toHaveLength(THEMES.length * COUNTRIES.length);
          for (const cell of matrix.cells) {
            expect(cell.organizations, `${cell.themeSlug} × ${cell.countryCode}`).toBe(
              counts.get(`${cell.themeSlug} ${cell.countryCode}`)
            );
          }
          expect(gaps).toHaveLength(total);
          const listed = new Set(gaps.map((g) => `${g.themeSlug} ${g.countryCode}`));
          const scope = new Set(matrix.gapScope);
          for (const cell of matrix.cells) {
            if (cell.organizations === 0 && scope.has(cell.countryCode)) {
              expect(
                listed.has(`${cell.themeSlug} ${cell.countryCode}`),
                `${cell.themeSlug} × ${cell.countryCode}`
              ).toBe(true);
            }
          }
          // Most severe first: ranks rise along the pages.
          const ranks = gaps.map((g) => g.rank!);
          expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
        }
      }),
      { numRuns: 6 }
    );
  }, 240_000);

  it('refuses a page size beyond 500, naming the field', async () => {
    const { execute } = await import('../factories/graphql');
    const result = await execute(`{ coverageGaps(first: 501) { totalCount } }`);
    expect(JSON.stringify(result.errors)).toContain('first');
    expect(JSON.stringify(result.errors)).toContain('at most 500');
  });
});
