/**
 * The theme × country gap matrix for funders (coverageMatrix), whole, optionally narrowed to cells with some
 * gap flags. The matrix is precomputed per visibility level (src/lib/server/analytics/cache.ts): both the API and
 * the raw baseline read the cached entry, which the benchmark fills before measuring.
 */
import { cacheKey } from '../../../src/lib/server/analytics/cache';
import type { MatrixCell } from '../../../src/lib/server/analytics/matrix';
import { defaultYears, MatrixComputation } from '../../../src/lib/server/analytics/service';
import type { Question } from '../question';

type GapFlag = 'none' | 'thin' | 'isolated';

interface Input {
  /** Empty: the whole matrix. */
  gaps: GapFlag[];
}

/** The dashboard's views: everything, or the cells with some kind of gap. */
const GAP_FILTERS: GapFlag[][] = [[], [], ['none'], ['thin'], ['isolated'], ['thin', 'isolated']];

const QUERY = `
query BenchGapMatrix($gaps: [CoverageGap!]) {
  coverageMatrix(gaps: $gaps) {
    computedAt fromYear toYear thinBelow
    themes { slug }
    countries { code }
    cells { themeSlug countryCode organizations partnershipsWithin partnershipsAcross grants grantsEur otherCurrencyGrants gaps }
  }
}`;

const RAW = `SELECT value, "computedAt" FROM "AnalyticsCache" WHERE key = $1`;

function fingerprint(cells: { organizations: number }[]): string {
  return `${cells.length}|${cells.reduce((sum, c) => sum + c.organizations, 0)}`;
}

export const gapMatrixQuestion: Question<Input> = {
  key: 'gap-matrix',
  title: 'Gap matrix (coverageMatrix)',
  targetP95Ms: 25,
  inputs:
    'the whole matrix (default grant years, as the dashboard asks) in a third of the runs; otherwise only the cells with a gap: none / thin / isolated / thin or isolated',
  raw: 'one SQL statement reading the precomputed matrix from "AnalyticsCache" through pg, then the same gap filter on its cells',
  pick: (rng) => ({ gaps: rng.pick(GAP_FILTERS) }),
  request: (input) => ({
    query: QUERY,
    variables: { gaps: input.gaps.length ? input.gaps.map((g) => g.toUpperCase()) : null }
  }),
  apiAnswer(data) {
    const matrix = (data as { coverageMatrix: { cells: { organizations: number }[]; themes: unknown[] } })
      .coverageMatrix;
    if (matrix.themes.length === 0) throw new Error('gap matrix: no themes in the answer');
    return fingerprint(matrix.cells);
  },
  async runRaw(input, { sql }) {
    const key = cacheKey(MatrixComputation, 'public', defaultYears().grants);
    const { rows } = await sql.query<{ value: { cells: MatrixCell[] } }>(RAW, [key]);
    if (rows.length === 0) throw new Error(`gap matrix (raw): no cached matrix under ${key}`);
    const wanted = new Set<string>(input.gaps);
    const cells = rows[0]!.value.cells.filter((c) => wanted.size === 0 || c.gaps.some((g) => wanted.has(g)));
    return fingerprint(cells);
  }
};
