/**
 * The CSV importer rejects bad files as a whole — with a report naming line, column and reason — and changes
 * nothing: every case counts the rows of every table the importer writes before and after.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../src/lib/server/platform/db';
import { importCsv } from '../../src/lib/server/imports/import-csv';
import type { ImportKind } from '../../src/lib/server/imports/columns';
import { rowCounts } from '../factories/row-counts';

const db = getDb();

const ORG_HEADER = 'external_id,name,type,countries,themes,hq_country';
const PARTNERSHIP_HEADER = 'external_id,org_a,org_b,kind,status,start_date,end_date';
const GRANT_HEADER =
  'Identifier,Title,Currency,Amount Awarded,Award Date,Recipient Org:Identifier,Funding Org:Identifier,Planned Dates:Start Date,Planned Dates:End Date';

const tableCounts = () =>
  rowCounts(db, [
    'organization',
    'organizationTheme',
    'organizationCountry',
    'partnership',
    'partnershipTheme',
    'network',
    'networkMembership',
    'grant',
    'outbox'
  ]);

/** Imports `text` (or raw bytes) and asserts it was rejected without any table changing; returns the report. */
async function rejected(kind: ImportKind, text: string | Uint8Array, options: { maxBytes?: number } = {}) {
  const before = await tableCounts();
  const input = typeof text === 'string' ? { text } : { bytes: text };
  const report = await importCsv(kind, input, { db, ...options });
  expect(report.ok).toBe(false);
  expect(report.errorCount).toBeGreaterThan(0);
  expect(await tableCounts()).toEqual(before);
  return report;
}

beforeAll(async () => {
  // Two organisations and a funder for the files that reference organisations.
  const report = await importCsv(
    'organizations',
    {
      text: [
        ORG_HEADER,
        'rej-a,Alpha Refugee Support,NGO,DE,legal-aid,DE',
        'rej-b,Beta Migrant Rights,NGO,FR,housing,FR',
        'rej-f,Gamma Foundation,FUNDER,CH,,CH'
      ].join('\n')
    },
    { db }
  );
  expect(report.ok).toBe(true);
});

describe('file-level rejections', () => {
  it('rejects unknown and missing columns and names the expected ones', async () => {
    const report = await rejected('organizations', 'external_id,nmae,type\nx1,Name,NGO\n');
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]!.line).toBe(1);
    expect(report.issues[0]!.reason).toContain('unknown column "nmae"');
    expect(report.issues[0]!.reason).toContain('missing required column "name"');
    expect(report.issues[0]!.reason).toContain('expected columns: required external_id, name, type');
  });

  it('rejects a file over the size limit with a clear message', async () => {
    const text = `${ORG_HEADER}\n${'big-1,Big Org,NGO,DE,,DE\n'.repeat(200)}`;
    const report = await rejected('organizations', text, { maxBytes: 1024 });
    expect(report.issues[0]!.reason).toMatch(/over the import limit of 0\.0 MB.*split it/);
  });

  it('rejects broken CSV syntax', async () => {
    const report = await rejected('organizations', `${ORG_HEADER}\nq1,"Unclosed quote,NGO,DE,,DE\n`);
    expect(report.issues[0]!.reason).toMatch(/not valid CSV/);
  });

  it('rejects invalid UTF-8 naming line and byte, instead of storing "Bad �� name" (issue 14)', async () => {
    const good = `${ORG_HEADER}\nutf-1,Good Name,NGO,DE,,DE\nutf-2,Bad `;
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]), // a UTF-8 byte order mark, as Excel writes: not the problem
      Buffer.from(good, 'utf8'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(' name,NGO,DE,,DE\n', 'utf8')
    ]);
    const report = await rejected('organizations', bytes);
    expect(report.issues).toEqual([
      { line: 3, reason: expect.stringMatching(new RegExp(`not valid UTF-8: line 3 .* at byte ${3 + good.length} `)) }
    ]);
    expect(await db.organization.count({ where: { name: { startsWith: 'Bad' } } })).toBe(0);
  });

  it('imports a UTF-8 file with a byte order mark and non-ASCII names unchanged', async () => {
    const text = `${ORG_HEADER}\nutf-3,Ærø Flüchtlingshilfe 😀,NGO,DE,,DE\n`;
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    const report = await importCsv('organizations', { bytes }, { db, dryRun: true });
    expect(report).toMatchObject({ ok: true, counts: { rows: 1 } });
  });

  it('rejects an empty file', async () => {
    const report = await rejected('organizations', '');
    expect(report.issues[0]!.reason).toMatch(/empty.*expected columns/);
  });
});

describe('row-level rejections report line, column and reason', () => {
  it('rejects bad country codes and unknown themes, even when every other row is fine', async () => {
    const report = await rejected(
      'organizations',
      [
        ORG_HEADER,
        'ok-1,Fine Organisation,NGO,DE,legal-aid,DE',
        'bad-1,Bad Codes,NGO,DE;XX,legal-aid;no-such-theme,ZZ'
      ].join('\n')
    );
    // Within a line, issues follow the column order of the format.
    expect(report.issues).toEqual([
      { line: 3, column: 'hq_country', reason: '"ZZ" is not a known country code' },
      { line: 3, column: 'countries', reason: '"XX" is not a known country code' },
      { line: 3, column: 'themes', reason: '"no-such-theme" is not a known theme slug' }
    ]);
  });

  it('rejects duplicate external ids within the file, pointing at the first occurrence', async () => {
    const report = await rejected(
      'organizations',
      [ORG_HEADER, 'dup-1,First,NGO,,,', 'dup-2,Second,NGO,,,', 'dup-1,Third,NGO,,,'].join('\n')
    );
    expect(report.issues).toEqual([
      { line: 4, column: 'external_id', reason: '"dup-1" appears twice in the file (first on line 2)' }
    ]);
  });

  it('counts lines in the file, not records, when a quoted cell spans lines', async () => {
    const report = await rejected(
      'organizations',
      `external_id,name,type,description\nml-1,Multi Line,NGO,"first line\nsecond line"\nml-2,Wrong Type,CHARITY,\n`
    );
    expect(report.issues).toEqual([
      { line: 4, column: 'type', reason: expect.stringContaining('must be one of NGO, GRASSROOTS') }
    ]);
  });

  it.each([
    ['=', '=HYPERLINK("http://evil.example","click")'],
    ['+', '+1+cmd|calc'],
    ['-', '-2+3'],
    ['@', '@SUM(A1:A2)'],
    ['tab', '\tleading tab'],
    ['carriage return', '\rleading CR']
  ])('rejects a cell starting with %s (spreadsheet formula)', async (_, payload) => {
    const report = await rejected('organizations', `${ORG_HEADER}\nf-1,"${payload.replace(/"/g, '""')}",NGO,,,\n`);
    expect(report.issues).toEqual([
      { line: 2, column: 'name', reason: expect.stringContaining('formula (CSV injection)') }
    ]);
  });

  it('rejects a row with the wrong number of cells', async () => {
    const report = await rejected('organizations', `${ORG_HEADER}\nshort-1,Short Row,NGO\n`);
    expect(report.issues).toEqual([{ line: 2, reason: 'the row has 3 cells but the header has 6 columns' }]);
  });

  it('rejects partnerships naming unknown organisations and an organisation partnering with itself', async () => {
    const report = await rejected(
      'partnerships',
      [
        PARTNERSHIP_HEADER,
        'p-1,rej-a,no-such-org,PROJECT,CONFIRMED,2020-01-01,',
        'p-2,rej-a,rej-a,PROJECT,CONFIRMED,2020-01-01,'
      ].join('\n')
    );
    expect(report.issues).toEqual([
      {
        line: 2,
        column: 'org_b',
        reason: 'no organisation with external id or slug "no-such-org" — import organizations first'
      },
      { line: 3, column: 'org_b', reason: expect.stringContaining('cannot partner with itself') }
    ]);
  });

  it('rejects invalid and unordered dates', async () => {
    const report = await rejected(
      'partnerships',
      [
        PARTNERSHIP_HEADER,
        'd-1,rej-a,rej-b,PROJECT,CONFIRMED,2024-02-30,',
        'd-2,rej-a,rej-b,COALITION,ENDED,2024-05-01,2023-01-01',
        'd-3,rej-a,rej-b,INFORMAL,CONFIRMED,01/02/2024,'
      ].join('\n')
    );
    expect(report.issues.map((i) => [i.line, i.column])).toEqual([
      [2, 'start_date'],
      [3, 'end_date'],
      [4, 'start_date']
    ]);
    expect(report.issues[1]!.reason).toContain('must be on or after startDate');
  });

  it('rejects two open partnerships of one pair and kind, in the file', async () => {
    const report = await rejected(
      'partnerships',
      [
        PARTNERSHIP_HEADER,
        'o-1,rej-a,rej-b,PROJECT,CONFIRMED,2020-01-01,',
        'o-2,rej-b,rej-a,PROJECT,PROPOSED,2021-01-01,'
      ].join('\n')
    );
    expect(report.issues).toEqual([
      { line: 3, column: 'org_b', reason: expect.stringContaining('line 2 already has an open') }
    ]);
  });

  it('rejects bad amounts, currencies and award dates in grants', async () => {
    const report = await rejected(
      'grants',
      [
        GRANT_HEADER,
        'g-1,Core grant,EUR,"12,500",2024-01-15,rej-a,rej-f,,',
        'g-2,Core grant,EUR,0,2024-01-15,rej-a,rej-f,,',
        'g-3,Core grant,XYZ,1000,2024-01-15,rej-a,rej-f,,',
        'g-4,Core grant,EUR,1000.123,2024-13-01,rej-a,rej-f,,',
        'g-5,Core grant,EUR,-500,2024-01-15,rej-a,rej-f,,',
        'g-6,Core grant,EUR,1000,2024-01-15,rej-a,rej-f,2025-01-01,2024-01-01',
        'g-7,Self grant,EUR,1000,2024-01-15,rej-f,rej-f,,'
      ].join('\n')
    );
    expect(report.issues.map((i) => [i.line, i.column])).toEqual([
      [2, 'Amount Awarded'],
      [3, 'Amount Awarded'],
      [4, 'Currency'],
      [5, 'Amount Awarded'],
      [5, 'Award Date'],
      [6, 'Amount Awarded'],
      [7, 'Planned Dates:End Date'],
      [8, 'Recipient Org:Identifier']
    ]);
    expect(report.issues[1]!.reason).toContain('greater than 0');
    expect(report.issues[2]!.reason).toContain('"XYZ"');
    expect(report.issues[5]!.reason).toContain('formula');
  });

  it('rejects a whole file of valid rows when one row is bad (all or nothing)', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `bulk-${i},Valid Org ${i},NGO,DE,,DE`);
    rows.splice(30, 0, 'bulk-bad,Bad Org,NGO,DE,,D');
    const report = await rejected('organizations', [ORG_HEADER, ...rows].join('\n'));
    expect(report.counts.rows).toBe(51);
    expect(report.issues).toEqual([{ line: 32, column: 'hq_country', reason: expect.stringContaining('"D"') }]);
  });

  it('rejects memberships of unknown networks', async () => {
    const report = await rejected('network-memberships', 'network,organization\nno-such-network,rej-a\n');
    expect(report.issues).toEqual([
      {
        line: 2,
        column: 'network',
        reason: 'no network with external id or slug "no-such-network" — import networks first'
      }
    ]);
  });
});

describe('dry run', () => {
  it('validates a good file and writes nothing', async () => {
    const before = await tableCounts();
    const report = await importCsv(
      'organizations',
      { text: `${ORG_HEADER}\ndry-1,Dry Run Org,NGO,DE,,DE\n` },
      { db, dryRun: true }
    );
    expect(report).toMatchObject({ ok: true, dryRun: true, counts: { rows: 1, created: 0, updated: 0 } });
    expect(await tableCounts()).toEqual(before);
  });
});
