import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COLUMNS } from './columns';
import { readCsv } from './csv-source';
import { FileRejected, IssueCollector } from './report';
import { utf8Decode } from './utf8-decode';

const columns = COLUMNS['network-memberships'];

/** Reads `bytes` as an upload would. */
async function read(bytes: Uint8Array) {
  return readCsv({ bytes }, columns, new IssueCollector());
}

async function rejection(bytes: Uint8Array) {
  const error = await read(bytes).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(FileRejected);
  return (error as FileRejected).issues;
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('imports decode strict UTF-8', () => {
  it('rejects an invalid byte naming its line and byte offset, instead of storing U+FFFD', async () => {
    const bytes = Buffer.concat([
      utf8('network,organization\nn1,o1\nn2,Bad '),
      Buffer.from([0xff, 0xfe]),
      utf8(' name\n')
    ]);
    const [issue, ...rest] = await rejection(bytes);
    expect(rest).toEqual([]);
    expect(issue!.line).toBe(3);
    expect(issue!.reason).toContain('not valid UTF-8');
    expect(issue!.reason).toContain(`byte ${'network,organization\nn1,o1\nn2,Bad '.length}`);
    expect(issue!.reason).toContain('0xFF 0xFE');
  });

  it('rejects a file that ends in the middle of a character', async () => {
    const bytes = Buffer.concat([utf8('network,organization\nn1,Caf'), Buffer.from([0xc3])]);
    const [issue] = await rejection(bytes);
    expect(issue!.line).toBe(2);
    expect(issue!.reason).toMatch(/ends in the middle of a character/);
  });

  it('names UTF-16 files as such', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('network,organization\n', 'utf16le')]);
    const [issue] = await rejection(bytes);
    expect(issue).toEqual({ line: 1, reason: expect.stringContaining('UTF-16') });
  });

  it('drops a UTF-8 byte order mark and keeps multi-byte text intact', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('network,organization\nnetzwerk-ü,Ærø 😀\n')]);
    const { header, rows } = await read(bytes);
    expect(header).toEqual(['network', 'organization']);
    expect(rows[0]!.cells).toEqual({ network: 'netzwerk-ü', organization: 'Ærø 😀' });
  });

  it('finds the first bad byte wherever chunk edges fall, and passes valid text split anywhere', async () => {
    // A file on disk arrives in chunks; the decoder must carry partial characters across chunk edges.
    // One to four bytes per character, so chunk edges fall inside characters.
    const char = fc.constantFrom('a', 'z', ' ', 'ä', 'ß', '€', '😀');
    const cell = fc.array(char, { minLength: 1, maxLength: 12 }).map((chars) => chars.join(''));
    await fc.assert(
      fc.asyncProperty(
        fc.array(cell, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 7 }),
        fc.option(fc.nat(), { nil: undefined }),
        async (cells, chunkSize, badAt) => {
          const text = ['network,organization', ...cells.map((c, i) => `n${i},${c}`)].join('\r\n') + '\n';
          let bytes = utf8(text);
          let offset: number | undefined;
          if (badAt !== undefined) {
            // A lone continuation byte, inserted at a character boundary.
            const boundaries = [0];
            for (const ch of text) boundaries.push(boundaries.at(-1)! + utf8(ch).length);
            offset = boundaries[badAt % boundaries.length]!;
            bytes = Buffer.concat([bytes.subarray(0, offset), Buffer.from([0x80]), bytes.subarray(offset)]);
          }
          const chunks: Buffer[] = [];
          for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
          const result = await decodeChunks(chunks);
          if (offset === undefined) {
            expect(result).toBe(text);
          } else {
            expect(result).toBeInstanceOf(FileRejected);
            const [issue] = (result as FileRejected).issues;
            const before = bytes.subarray(0, offset).toString('utf8');
            // Lines as the CSV reader counts them (a \r cut off from its \n by the bad byte ends a line too).
            expect(issue!.line).toBe(before.split(/\r\n|\n|\r/).length);
            expect(issue!.reason).toContain(`at byte ${offset} `);
          }
        }
      ),
      { numRuns: 300 }
    );
  });
});

/** The decoded text of `chunks`, or the error the decoder failed with. */
async function decodeChunks(chunks: Buffer[]): Promise<string | unknown> {
  const decode = utf8Decode();
  const source = Readable.from(chunks, { objectMode: false });
  source.pipe(decode);
  let text = '';
  try {
    for await (const part of decode as AsyncIterable<Buffer | string>) text += part.toString();
    return text;
  } catch (error) {
    return error;
  }
}
