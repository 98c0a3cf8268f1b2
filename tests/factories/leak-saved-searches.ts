/**
 * The leak suite's saved-search paths (issue 15 part 5, decision 0040): the alert mail, the private Atom feed and
 * the public directory feed. The saved filter is "legal aid in Germany" (Alder, Birch, Mid, Far), whose confirmed
 * partnerships are PRIVATE (Alder–Birch), MEMBERS (Alder–Mid, Mid–Birch) and PUBLIC (Alder–Hub, Hub–Far,
 * Far–Birch); the PROPOSED Hub⇢Birch and the ENDED Far–Mid are never "new partnerships". Funder Foundation's grants
 * to them (decision 0043) are PUBLIC → Far, MEMBERS → Alder, PRIVATE → Birch: the private one only for Birch's
 * member, the funder's analyst and admins. Each viewer's alert covers all of time (its window starts at the epoch),
 * so every partnership and grant is a candidate and only visibility decides.
 */
import type { Viewer } from '../../src/lib/server/access/viewer';
import { settleBackgroundWork } from '../../src/lib/server/background-work';
import { getDb } from '../../src/lib/server/platform/db';
import { setMailer } from '../../src/lib/server/mail/mailer';
import { MemoryMailer } from '../../src/lib/server/mail/memory-mailer';
import { runSavedSearchAlerts } from '../../src/lib/server/saved-searches/alerts';
import { createSavedSearch } from '../../src/lib/server/saved-searches/service';
import { GET as publicFeed } from '../../src/routes/directory/feed.atom/+server';
import { GET as privateFeed } from '../../src/routes/feeds/saved/[token].atom/+server';
import { readAtom } from './atom';
import { everyone, perViewer, type LeakPath } from './leak-matrix';

const PARAMS = 'theme=legal-aid&country=de';
const PUBLIC = ['Alder – Hub', 'Far – Birch', 'Hub – Far'];
const MEMBERS = [...PUBLIC, 'Alder – Mid', 'Mid – Birch'].sort();
const SIDES = [...MEMBERS, 'Alder – Birch'].sort();

const GRANTEES_MEMBERS = ['Alder', 'Far'];
const GRANTEES_ALL = ['Alder', 'Birch', 'Far'];
const grantees = perViewer({
  anonymous: null,
  members: GRANTEES_MEMBERS,
  analyst: GRANTEES_ALL,
  sideB: GRANTEES_ALL,
  admin: GRANTEES_ALL
});

const pair = (title: string) => title.replace(' ↔ ', ' – ');
/** "Funder Foundation → Far: 10000.00 EUR …" → "Far": a grant named by its recipient. */
const grantee = (text: string) => text.split(' → ')[1]!.split(':')[0]!;

/** Partnership pairs of a feed (its organisation entries are public profiles and not what this suite guards). */
const feedPairs = (xml: string) =>
  readAtom(xml)
    .entries.filter((e) => e.id.includes(':partnership:'))
    .map((e) => pair(e.title))
    .sort();
const feedGrantees = (xml: string) =>
  readAtom(xml)
    .entries.filter((e) => e.id.includes(':grant:'))
    .map((e) => grantee(e.title))
    .sort();

async function savedSearchOf(viewer: Extract<Viewer, { kind: 'user' }>) {
  const created = await createSavedSearch(viewer.userId, { name: 'Legal aid DE', params: PARAMS, alert: 'DAILY' });
  if (!created.ok) throw new Error(created.failure.message);
  return created.value;
}

const event = (url: string, params: Record<string, string> = {}) => ({ url: new URL(url), params }) as never;

/** The alert mail a viewer's new saved search sends (window from the epoch): its bullet lines, or how many mails came. */
async function alertLines(viewer: Viewer): Promise<string[] | null | { mails: number }> {
  if (viewer.kind !== 'user') return null;
  const { savedSearch } = await savedSearchOf(viewer);
  await getDb().savedSearch.update({ where: { id: savedSearch.id }, data: { alertedUntil: new Date(0) } });
  const mailer = new MemoryMailer();
  const previous = setMailer(mailer);
  try {
    await runSavedSearchAlerts('DAILY');
    await settleBackgroundWork();
  } finally {
    setMailer(previous);
  }
  const { email } = await getDb().user.findUniqueOrThrow({ where: { id: viewer.userId } });
  const mails = mailer.sent.filter((m) => m.to === email);
  if (mails.length !== 1) return { mails: mails.length };
  return mails[0]!.text.split('\n').filter((line) => line.startsWith('• '));
}

/** The alert's bullet lines holding `marker` (partnerships ↔, grants →), named by `name`, sorted. */
async function alertItems(viewer: Viewer, marker: string, name: (line: string) => string) {
  const lines = await alertLines(viewer);
  return Array.isArray(lines)
    ? lines
        .filter((line) => line.includes(marker))
        .map(name)
        .sort()
    : lines;
}

async function privateFeedOf(viewer: Viewer): Promise<string | null> {
  if (viewer.kind !== 'user') return null;
  const { feedToken } = await savedSearchOf(viewer);
  const response = await privateFeed(event(`http://atlas.test/feeds/saved/${feedToken}.atom`, { token: feedToken }));
  return response.text();
}

const publicFeedXml = async () => (await publicFeed(event(`http://atlas.test/directory/feed.atom?${PARAMS}`))).text();

export function savedSearchLeakPaths(): LeakPath[] {
  return [
    {
      name: 'saved-search alert mail (judged as the owner when it is sent)',
      family: 'notifications',
      roleOnly: true,
      run: (viewer) => alertItems(viewer, ' ↔ ', (line) => pair(line.slice(2).split(' — ')[0]!)),
      expected: perViewer({ anonymous: null, members: MEMBERS, sides: SIDES, admin: [...SIDES] })
    },
    {
      name: 'private Atom feed of a saved search (as its owner)',
      family: 'notifications',
      roleOnly: true,
      run: async (viewer) => {
        const xml = await privateFeedOf(viewer);
        return xml === null ? null : feedPairs(xml);
      },
      expected: perViewer({ anonymous: null, members: MEMBERS, sides: SIDES, admin: [...SIDES] })
    },
    {
      name: 'public directory Atom feed (anonymous, whoever asks)',
      family: 'notifications',
      // Not decided by the visibility parameters of the one asking (the feed is always anonymous), so the canary —
      // which compares an anonymous viewer's answer with an admin's — cannot apply; every cell still checks it.
      roleOnly: true,
      run: async () => feedPairs(await publicFeedXml()),
      expected: everyone(PUBLIC)
    },
    {
      name: 'saved-search alert mail: grants to matching organisations (as the owner when it is sent)',
      family: 'notifications',
      roleOnly: true,
      run: (viewer) => alertItems(viewer, ' → ', grantee),
      expected: grantees
    },
    {
      name: 'private Atom feed of a saved search: grants (as its owner)',
      family: 'notifications',
      roleOnly: true,
      run: async (viewer) => {
        const xml = await privateFeedOf(viewer);
        return xml === null ? null : feedGrantees(xml);
      },
      expected: grantees
    },
    {
      name: 'public directory Atom feed: grants (anonymous, whoever asks)',
      family: 'notifications',
      roleOnly: true,
      run: async () => feedGrantees(await publicFeedXml()),
      expected: everyone(['Far'])
    }
  ];
}
