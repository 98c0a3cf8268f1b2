/**
 * Issue 14, finding 6: `/directory?theme=no-such-theme&after=garbage` answered 500 (nothing logged). A directory
 * URL with a value it cannot use is now a 400 naming every such parameter, its value and the reason, with a link
 * to the same search without them — never a 500, never silently a different result.
 */
import { describe, expect, it } from 'vitest';
import { load } from '../../src/routes/directory/+page';
import { getDb } from '../../src/lib/server/platform/db';
import { loadError, pageFetch } from '../factories/page-fetch';

async function loadDirectory(search: string) {
  const url = new URL(`http://atlas.test/directory?${search}`);
  return load({ url, fetch: pageFetch(), parent: async () => ({ lang: 'en' }) } as never);
}

describe('/directory with parameters it cannot use', () => {
  it('answers 400 naming an unknown theme and a garbage cursor together (was a 500)', async () => {
    const { status, body } = await loadError(() => loadDirectory('theme=no-such-theme&after=garbage'));
    expect(status).toBe(400);
    expect(body.directoryProblems).toEqual(
      expect.arrayContaining([
        { param: 'theme', value: 'no-such-theme', reason: 'unknown' },
        { param: 'after', value: 'garbage', reason: 'invalid' }
      ])
    );
    expect(body.message).toContain('theme: "no-such-theme" is not known to the directory');
    expect(body.cleanHref).toBe('/directory');
  });

  it('answers 400 for a malformed country code and level, keeping the usable filters in the clean link', async () => {
    const theme = await getDb().theme.findFirstOrThrow({ select: { slug: true } });
    const { status, body } = await loadError(() => loadDirectory(`theme=${theme.slug}&country=XYZ&level=galactic`));
    expect(status).toBe(400);
    expect(body.directoryProblems).toEqual([
      { param: 'country', value: 'XYZ', reason: 'invalid' },
      { param: 'level', value: 'galactic', reason: 'invalid' }
    ]);
    expect(body.cleanHref).toBe(`/directory?theme=${theme.slug}`);
  });

  it('answers 400 for an over-long search, repeating only its start', async () => {
    const { status, body } = await loadError(() => loadDirectory(`q=${'x'.repeat(5000)}`));
    expect(status).toBe(400);
    expect(body.directoryProblems).toEqual([{ param: 'q', value: `${'x'.repeat(60)}…`, reason: 'too-long' }]);
  });

  it('still answers a usable URL with the directory', async () => {
    const theme = await getDb().theme.findFirstOrThrow({ select: { slug: true } });
    const data = (await loadDirectory(`theme=${theme.slug}&sort=name`)) as { state: { themes: string[] } };
    expect(data.state.themes).toEqual([theme.slug]);
  });
});
