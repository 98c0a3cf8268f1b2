import { describe, expect, it } from 'vitest';
import { COLUMNS } from './columns';
import { csvBatches, readCsv } from './csv-source';
import { FileRejected, IssueCollector } from './report';

const columns = COLUMNS['network-memberships'];

async function rejection(text: string, maxBytes?: number) {
  try {
    await readCsv({ text }, columns, new IssueCollector(), { maxBytes });
  } catch (error) {
    if (error instanceof FileRejected) return error.issues;
    throw error;
  }
  throw new Error('expected the file to be rejected');
}

describe('readCsv', () => {
  it('reports the line a row starts on, counting line breaks inside quoted cells', async () => {
    const text = 'network,organization,role\r\nn1,"org\nwith\nbreaks",MEMBER\n\nn2,o2,MEMBER\n';
    const { rows } = await readCsv({ text }, columns, new IssueCollector());
    expect(rows.map((r) => r.line)).toEqual([2, 6]);
    expect(rows[0]!.cells.organization).toBe('org\nwith\nbreaks');
  });
  it('names unknown and missing columns and lists the expected ones', async () => {
    const [issue] = await rejection('network,member,rank\nn1,o1,x\n');
    expect(issue!.reason).toContain('unknown column "member"');
    expect(issue!.reason).toContain('missing required column "organization"');
    expect(issue!.reason).toContain('expected columns: required network, organization; optional role');
  });
  it('refuses a file over the size limit before parsing it, saying what the limit is', async () => {
    const [issue] = await rejection(`network,organization\n${'n,o\n'.repeat(1000)}`, 1024);
    expect(issue!.reason).toMatch(/over the import limit of 0\.0 MB|over the import limit/);
  });
  it('reports broken CSV syntax with its line', async () => {
    const [issue] = await rejection('network,organization\nn1,"o1\n');
    expect(issue!.reason).toMatch(/not valid CSV/);
  });
  it('reports a row with the wrong number of cells and formula cells, and keeps reading', async () => {
    const issues = new IssueCollector();
    const { rows } = await readCsv({ text: 'network,organization\nn1\nn2,=cmd\nn3,o3\n' }, columns, issues);
    expect(issues.sorted()).toEqual([
      { line: 2, reason: 'the row has 1 cells but the header has 2 columns' },
      { line: 3, column: 'organization', reason: expect.stringContaining('formula') }
    ]);
    expect(rows.map((r) => r.cells.network)).toEqual(['n2', 'n3']);
  });
});

describe('csvBatches', () => {
  const text = 'network,organization\n' + Array.from({ length: 7 }, (_, i) => `n${i},o${i}`).join('\n') + '\n';

  it('ends a batch at the row limit, keeps every row once and counts records across batches', async () => {
    const batches = [];
    for await (const b of csvBatches({ text }, columns, new IssueCollector(), { batchRows: 3 })) batches.push(b);
    expect(batches.map((b) => b.rows.map((r) => r.cells.network))).toEqual([
      ['n0', 'n1', 'n2'],
      ['n3', 'n4', 'n5'],
      ['n6']
    ]);
    expect(batches.map((b) => b.recordCount)).toEqual([3, 6, 7]);
  });

  it('ends a batch at the byte limit before the row limit', async () => {
    const sizes = [];
    for await (const b of csvBatches({ text }, columns, new IssueCollector(), { batchBytes: 12 })) {
      sizes.push(b.rows.length);
    }
    expect(sizes).toEqual([2, 2, 2, 1]); // each row is 6 characters and its line break
  });

  it('yields one empty batch with the header for a file without rows', async () => {
    const batches = [];
    for await (const b of csvBatches({ text: 'network,organization\n' }, columns, new IssueCollector()))
      batches.push(b);
    expect(batches).toEqual([{ header: ['network', 'organization'], rows: [], recordCount: 0 }]);
  });
});
