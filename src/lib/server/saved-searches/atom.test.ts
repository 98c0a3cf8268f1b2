import { describe, expect, it } from 'vitest';
import { readAtom } from '../../../../tests/factories/atom';
import { atomXml } from './atom';

const base = { id: 'urn:test:feed', title: 'T', self: 'http://x/feed.atom', alternate: 'http://x/' };

describe('atomXml', () => {
  it('writes the required feed and entry elements, escaped, newest entry date as the feed’s', () => {
    const xml = atomXml({
      ...base,
      title: 'Aid & <Shelter> "Ö"',
      entries: [
        { id: 'urn:e:1', title: 'A & B', updated: new Date('2026-01-02T03:04:05Z'), link: 'http://x/a?b=1&c=2' },
        { id: 'urn:e:2', title: 'C\u0001D', updated: new Date('2026-02-01T00:00:00Z'), link: 'http://x/c' }
      ]
    });
    const feed = readAtom(xml);
    expect(feed.title).toBe('Aid & <Shelter> "Ö"');
    expect(feed.updated).toBe('2026-02-01T00:00:00.000Z');
    expect(feed.entries.map((e) => [e.title, e.link])).toEqual([
      ['A & B', 'http://x/a?b=1&c=2'],
      ['CD', 'http://x/c']
    ]);
    expect(xml).not.toContain('<Shelter>');
  });

  it('still has an updated date when there are no entries', () => {
    expect(readAtom(atomXml({ ...base, entries: [] })).updated).toBe('1970-01-01T00:00:00.000Z');
  });
});
