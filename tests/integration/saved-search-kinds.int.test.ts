/**
 * Decision 0043: coalition requests and dashboard views saved like directory searches — validated by their own
 * page's parser with errors naming `params.<parameter>`, reopened at their own page — and their alerts: a coalition
 * announces new organisations covering a requested cell, a dashboard view new organisations and grants in its
 * filter, judged as the owner may see them at send time (mail received by a real SMTP server).
 */
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/lib/server/access/viewer';
import { settleBackgroundWork } from '../../src/lib/server/background-work';
import { getDb } from '../../src/lib/server/platform/db';
import { runSavedSearchAlerts } from '../../src/lib/server/saved-searches/alerts';
import { createSavedSearch } from '../../src/lib/server/saved-searches/service';
import { GET as privateFeed } from '../../src/routes/feeds/saved/[token].atom/+server';
import { readAtom } from '../factories/atom';
import { uniqueWord } from '../factories/util';
import { createGrant } from '../factories/grants';
import { createViewer, executeOk } from '../factories/graphql';
import { createOrganization } from '../factories/organizations';
import { mailOverTestSmtp } from '../setup/mail-over-smtp';

type Member = Extract<Viewer, { kind: 'user' }>;
const db = getDb();
const smtp = mailOverTestSmtp();
const ARRIVAL = { timeout: 60_000, interval: 100 };

const CREATE = `mutation($input: CreateSavedSearchInput!) { createSavedSearch(input: $input) {
  __typename ... on CreateSavedSearchSuccess { result { feedUrl savedSearch { id kind params url } } }
  ... on ValidationError { fieldErrors { field message } } } }`;
const LIST = `{ me { savedSearches { kind name url } } }`;

const save = async (viewer: Member, input: Record<string, unknown>) =>
  (await executeOk(CREATE, { input }, viewer)).createSavedSearch;
const fieldsOf = (result: { fieldErrors?: { field: string }[] }) =>
  (result.fieldErrors ?? []).map((e) => e.field).sort();
const alertsOf = (viewer: Member) =>
  db.notification.findMany({ where: { userId: viewer.userId, kind: 'SAVED_SEARCH_ALERT' } });
const feedAt = (feedUrl: string) => {
  const url = new URL(feedUrl);
  const token = url.pathname.replace(/^\/feeds\/saved\//, '').replace(/\.atom$/, '');
  return privateFeed({ url, params: { token } } as never);
};

describe('a saved coalition request', () => {
  it('is checked by the coalition page’s parser, each error naming its parameter, and nothing is written', async () => {
    const owner = await createViewer(db);
    const bad = await save(owner, { name: 'Bad', kind: 'COALITION', params: 'country=XX&size=1' });
    expect(bad.__typename).toBe('ValidationError');
    expect(fieldsOf(bad)).toEqual(['params.country', 'params.size', 'params.theme']);
    expect(bad.fieldErrors).toContainEqual({ field: 'params.country', message: '"XX" is not a known country' });
    const unknownTheme = await save(owner, { name: 'Bad', kind: 'COALITION', params: 'theme=nope&country=MT' });
    expect(unknownTheme.fieldErrors).toEqual([{ field: 'params.theme', message: '"nope" is not a known theme' }]);
    expect(await db.savedSearch.count({ where: { userId: owner.userId } })).toBe(0);
  });

  it('reopens the coalition page with the same request, and alerts on new organisations covering a requested cell', async () => {
    const owner = await createViewer(db);
    const created = await save(owner, {
      name: 'Detention MT',
      kind: 'COALITION',
      params: '?theme=alternatives-to-detention&country=mt&view=2',
      alert: 'WEEKLY'
    });
    expect(created.__typename).toBe('CreateSavedSearchSuccess');
    // Canonical: the page's own builder, countries upper-cased, the alternative's `view` dropped.
    expect(created.result.savedSearch).toMatchObject({
      kind: 'COALITION',
      params: 'theme=alternatives-to-detention&country=MT'
    });
    expect(created.result.savedSearch.url).toMatch(/\/coalitions\?theme=alternatives-to-detention&country=MT$/);
    const listed = await executeOk(LIST, {}, owner);
    expect(listed.me.savedSearches).toEqual([
      { kind: 'COALITION', name: 'Detention MT', url: created.result.savedSearch.url }
    ]);

    const word = uniqueWord('Coalwort');
    // A sub-theme of the requested theme in a requested country covers a cell; elsewhere, or off-theme, does not.
    const covers = await createOrganization(db, {
      name: `${word} Valletta`,
      themeSlugs: ['detention-monitoring'],
      countryCodes: ['MT']
    });
    await createOrganization(db, {
      name: `${word} Nicosia`,
      themeSlugs: ['detention-monitoring'],
      countryCodes: ['CY']
    });
    await createOrganization(db, { name: `${word} Mdina`, themeSlugs: ['narrative-change'], countryCodes: ['MT'] });
    const funder = await createOrganization(db, { type: 'FUNDER', countryCodes: ['CH'] });
    await createGrant(db, funder, covers, { title: `${word} grant` });

    await runSavedSearchAlerts('WEEKLY');
    await settleBackgroundWork();
    const [alert, ...more] = await alertsOf(owner);
    expect(more).toEqual([]);
    expect(alert!.alertOrganizationIds).toEqual([covers.id]);
    // A coalition request announces organisations only: no partnerships, no grants.
    expect(alert!.alertGrantIds).toEqual([]);
    expect(alert!.alertPartnershipIds).toEqual([]);
    const email = (await db.user.findUniqueOrThrow({ where: { id: owner.userId } })).email;
    await expect.poll(() => smtp().to(email).length, ARRIVAL).toBe(1);
    const text = smtp().to(email)[0]!.text;
    expect(text).toContain(`${word} Valletta`);
    expect(text).not.toContain(`${word} Nicosia`);
    expect(text).not.toContain(`${word} grant`);
    expect(text).toContain('/coalitions?theme=alternatives-to-detention&country=MT');
  });
});

describe('a saved dashboard view', () => {
  it('is checked by the dashboard’s parser and against the directory, each error naming its parameter', async () => {
    const owner = await createViewer(db);
    const badYear = await save(owner, { name: 'Bad', kind: 'DASHBOARD', params: 'from=abc&region=mars' });
    expect(fieldsOf(badYear)).toEqual(['params.from', 'params.region']);
    const unknown = await save(owner, {
      name: 'Bad',
      kind: 'DASHBOARD',
      params: 'funder=no-such-funder&maptheme=nope'
    });
    expect(unknown.fieldErrors).toEqual([
      { field: 'params.maptheme', message: '"nope" is not a known theme' },
      { field: 'params.funder', message: '"no-such-funder" is not a funder in the directory' }
    ]);
    // The form posts the kind as text: a value no page has is refused naming the field.
    const badKind = await createSavedSearch(owner.userId, { name: 'x', kind: 'MAP', params: '' });
    expect(!badKind.ok && badKind.failure.kind === 'validation' ? badKind.failure.fieldErrors : []).toEqual([
      { field: 'kind', message: 'must be DIRECTORY, COALITION or DASHBOARD' }
    ]);
    expect(await db.savedSearch.count({ where: { userId: owner.userId } })).toBe(0);
  });

  it('alerts on new grants from its funder in its years to organisations in its filter, only those the owner may see', async () => {
    const word = uniqueWord('Dashwort');
    const funder = await createOrganization(db, { name: `${word} Fund`, type: 'FUNDER', countryCodes: ['CH'] });
    const otherFunder = await createOrganization(db, { name: `${word} Other Fund`, type: 'FUNDER' });
    const housingPt = await createOrganization(db, {
      name: `${word} Porto`,
      themeSlugs: ['narrative-change'],
      countryCodes: ['PT']
    });
    const housingDe = await createOrganization(db, {
      name: `${word} Köln`,
      themeSlugs: ['narrative-change'],
      countryCodes: ['DE']
    });
    const owner = await createViewer(db);
    const created = await save(owner, {
      name: 'Fund south',
      kind: 'DASHBOARD',
      params: `funder=${funder.slug}&from=2025&to=2026&region=south&maptheme=narrative-change&gappage=3`,
      alert: 'WEEKLY'
    });
    expect(created.__typename).toBe('CreateSavedSearchSuccess');
    // The gap list's page is not part of the view.
    expect(created.result.savedSearch.params).toBe(
      `funder=${funder.slug}&from=2025&to=2026&region=south&maptheme=narrative-change`
    );
    expect(created.result.savedSearch.url).toContain(`/dashboard?funder=${funder.slug}&from=2025`);

    const in2025 = new Date('2025-03-01T00:00:00Z');
    const shown = await createGrant(db, funder, housingPt, { title: `${word} shown`, awardDate: in2025 });
    await createGrant(db, funder, housingPt, { title: `${word} private`, awardDate: in2025, visibility: 'PRIVATE' });
    await createGrant(db, otherFunder, housingPt, { title: `${word} other funder`, awardDate: in2025 });
    await createGrant(db, funder, housingPt, { title: `${word} too early`, awardDate: new Date('2020-05-01') });
    await createGrant(db, funder, housingDe, { title: `${word} west`, awardDate: in2025 });

    await runSavedSearchAlerts('WEEKLY');
    await settleBackgroundWork();
    const [alert, ...more] = await alertsOf(owner);
    expect(more).toEqual([]);
    expect(alert!.alertGrantIds).toEqual([shown.id]);
    // Organisations created before the search was saved are not new to it.
    expect(alert!.alertOrganizationIds).toEqual([]);
    const email = (await db.user.findUniqueOrThrow({ where: { id: owner.userId } })).email;
    await expect.poll(() => smtp().to(email).length, ARRIVAL).toBe(1);
    const mail = smtp().to(email)[0]!;
    expect(mail.subject).toBe('New matches for “Fund south”: 1');
    expect(mail.text).toContain(`${word} Fund → ${word} Porto: 10000.00 EUR (${word} shown)`);
    for (const hidden of ['private', 'other funder', 'too early', 'west']) {
      expect(mail.text).not.toContain(`${word} ${hidden}`);
    }
    expect(mail.text).toContain(`/dashboard?funder=${funder.slug}&from=2025`);

    // The private feed carries the same grants, as the owner may see them now.
    const feed = readAtom(await (await feedAt(created.result.feedUrl)).text());
    const grantEntries = feed.entries.filter((e) => e.id.includes(':grant:'));
    expect(grantEntries.map((e) => e.title)).toEqual([`${word} Fund → ${word} Porto: 10000.00 EUR`]);
  });
});
