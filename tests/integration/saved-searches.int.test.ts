/**
 * Issue 15 part 5 (decision 0040): saved searches through the GraphQL API (validation naming fields, owner only),
 * the alert job run directly (no cron wait) with mail received by a real SMTP server, and the private Atom feed
 * with its revocable token. Visibility of alerts and feeds per viewer is in the leak suite
 * (tests/factories/leak-saved-searches.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/lib/server/access/viewer';
import { settleBackgroundWork } from '../../src/lib/server/background-work';
import { getDb } from '../../src/lib/server/platform/db';
import { setMailer, type Mailer } from '../../src/lib/server/mail/mailer';
import { SmtpMailer } from '../../src/lib/server/mail/smtp-mailer';
import { runSavedSearchAlerts } from '../../src/lib/server/saved-searches/alerts';
import { GET as publicFeed } from '../../src/routes/directory/feed.atom/+server';
import { GET as privateFeed } from '../../src/routes/feeds/saved/[token].atom/+server';
import { readAtom } from '../factories/atom';
import { uniqueWord } from '../factories/util';
import { createViewer, execute, executeOk } from '../factories/graphql';
import { createOrganization } from '../factories/organizations';
import { startTestSmtpServer, type TestSmtpServer } from '../setup/smtp-server';

type Member = Extract<Viewer, { kind: 'user' }>;
const db = getDb();
let smtp: TestSmtpServer;
let transport: SmtpMailer;
let previousMailer: Mailer;
let owner: Member;
let stranger: Member;
const ARRIVAL = { timeout: 60_000, interval: 100 };

const CREATE = `mutation($input: CreateSavedSearchInput!) { createSavedSearch(input: $input) {
  __typename ... on CreateSavedSearchSuccess { result { feedUrl savedSearch { id name params alert hasFeed } } }
  ... on ValidationError { fieldErrors { field message } } ... on MutationError { message } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateSavedSearchInput!) { updateSavedSearch(id: $id, input: $input) {
  __typename ... on UpdateSavedSearchSuccess { savedSearch { name alert } }
  ... on ValidationError { fieldErrors { field message } } ... on NotFoundError { field } } }`;
const REVOKE = `mutation($id: ID!) { revokeSavedSearchFeed(id: $id) {
  __typename ... on RevokeSavedSearchFeedSuccess { savedSearch { hasFeed } } ... on NotFoundError { field } } }`;
const RENEW = `mutation($id: ID!) { renewSavedSearchFeed(id: $id) {
  __typename ... on RenewSavedSearchFeedSuccess { result { feedUrl } } } }`;

const emailOf = async (viewer: Member) => (await db.user.findUniqueOrThrow({ where: { id: viewer.userId } })).email;
const feedAt = (feedUrl: string) => {
  const url = new URL(feedUrl);
  const token = url.pathname.replace(/^\/feeds\/saved\//, '').replace(/\.atom$/, '');
  return privateFeed({ url, params: { token } } as never);
};
const save = async (viewer: Member, input: Record<string, unknown>) =>
  (await executeOk(CREATE, { input }, viewer)).createSavedSearch;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  transport = new SmtpMailer(smtp.url, 'Coalition Atlas <atlas@test.invalid>');
  previousMailer = setMailer(transport);
  owner = await createViewer(db, {});
  stranger = await createViewer(db, {});
});

afterAll(async () => {
  setMailer(previousMailer);
  transport.close();
  await smtp.stop();
});

describe('saving a search', () => {
  it('refuses bad input naming each field, and writes nothing', async () => {
    const result = await save(owner, { name: '  ', params: 'level=nowhere&country=Germany', alert: 'DAILY' });
    expect(result.__typename).toBe('ValidationError');
    expect(result.fieldErrors.map((e: { field: string }) => e.field).sort()).toEqual([
      'name',
      'params.country',
      'params.level'
    ]);
    const unknownTheme = await save(owner, { name: 'Themes', params: 'theme=no-such-theme' });
    expect(unknownTheme.fieldErrors).toEqual([
      { field: 'params.theme', message: '"no-such-theme" is not a known theme' }
    ]);
    expect(await db.savedSearch.count({ where: { userId: owner.userId } })).toBe(0);
  });

  it('refuses anonymous visitors', async () => {
    const result = await execute(CREATE, { input: { name: 'x', params: '' } }, { kind: 'anonymous' });
    expect(result.data?.createSavedSearch.__typename).toBe('ForbiddenError');
  });

  it('stores the directory’s canonical parameters (no paging cursor) and lets only the owner change it', async () => {
    const result = await save(owner, { name: 'Legal aid', params: '?country=de&theme=legal-aid&after=abc' });
    expect(result.__typename).toBe('CreateSavedSearchSuccess');
    const { savedSearch, feedUrl } = result.result;
    expect(savedSearch).toMatchObject({ name: 'Legal aid', params: 'theme=legal-aid&country=de', hasFeed: true });
    expect(feedUrl).toMatch(/\/feeds\/saved\/feed_[A-Za-z0-9_-]{43}\.atom$/);
    // Only the hash is stored.
    const row = await db.savedSearch.findFirstOrThrow({ where: { userId: owner.userId } });
    expect(feedUrl).not.toContain(row.feedTokenHash);

    const theirs = await executeOk(UPDATE, { id: savedSearch.id, input: { name: 'Mine now' } }, stranger);
    expect(theirs.updateSavedSearch).toEqual({ __typename: 'NotFoundError', field: 'id' });
    const bad = await executeOk(UPDATE, { id: savedSearch.id, input: { name: '' } }, owner);
    expect(bad.updateSavedSearch.fieldErrors[0].field).toBe('name');
    const ok = await executeOk(UPDATE, { id: savedSearch.id, input: { name: 'Legal aid DE', alert: 'WEEKLY' } }, owner);
    expect(ok.updateSavedSearch.savedSearch).toEqual({ name: 'Legal aid DE', alert: 'WEEKLY' });
    await db.savedSearch.deleteMany({ where: { userId: owner.userId } });
  });
});

describe('the alert job', () => {
  it('sends one alert (inbox + mail over SMTP) for a new matching organisation, and nothing when nothing is new', async () => {
    const word = `Zephyrquill${Date.now()}`;
    const created = await save(owner, { name: 'Zephyr watch', params: `q=${word}&country=pt`, alert: 'DAILY' });
    expect(created.__typename).toBe('CreateSavedSearchSuccess');
    const email = await emailOf(owner);

    expect(await runSavedSearchAlerts('DAILY')).toMatchObject({ alerts: 0 });
    await createOrganization(db, { name: `${word} Lisbon`, countryCodes: ['PT'] });
    await createOrganization(db, { name: `${word} Berlin`, countryCodes: ['DE'] }); // not in the filter
    await createOrganization(db, { name: 'Unrelated Lisbon', countryCodes: ['PT'] });
    // A weekly run does not touch a daily search.
    expect(await runSavedSearchAlerts('WEEKLY')).toMatchObject({ alerts: 0 });
    expect(await runSavedSearchAlerts('DAILY')).toMatchObject({ alerts: 1 });
    await settleBackgroundWork();

    const notes = await db.notification.findMany({ where: { userId: owner.userId } });
    expect(notes.map((n) => n.kind)).toEqual(['SAVED_SEARCH_ALERT']);
    await expect.poll(() => smtp.to(email).length, ARRIVAL).toBe(1);
    const [mail] = smtp.to(email);
    expect(mail!.subject).toBe('New matches for “Zephyr watch”: 1');
    expect(mail!.text).toContain(`${word} Lisbon`);
    expect(mail!.text).not.toContain(`${word} Berlin`);
    expect(mail!.text).not.toContain('Unrelated Lisbon');
    expect(mail!.text).toContain('/unsubscribe/');

    const inbox = await executeOk(
      `{ me { unreadCount notifications(first: 5) { edges { node { kind title link } } } } }`,
      {},
      owner
    );
    expect(inbox.me.unreadCount).toBe(1);
    expect(inbox.me.notifications.edges[0].node.link).toContain(`/directory?q=${word}&country=pt`);

    // Nothing new since: no second alert, no second mail.
    expect(await runSavedSearchAlerts('DAILY')).toMatchObject({ alerts: 0 });
    await settleBackgroundWork();
    expect(await db.notification.count({ where: { userId: owner.userId } })).toBe(1);
    expect(smtp.to(email)).toHaveLength(1);
  });
});

describe('Atom feeds', () => {
  it('a private feed validates, lists the filter’s organisations, and stops at revocation; renewal replaces it', async () => {
    const word = uniqueWord('Feedwort');
    await createOrganization(db, { name: `${word} Porto`, countryCodes: ['PT'] });
    const created = await save(owner, { name: 'Feed test', params: `q=${word}` });
    const { feedUrl, savedSearch } = created.result;

    const response = await feedAt(feedUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/atom+xml');
    const feed = readAtom(await response.text());
    expect(feed.title).toBe('Coalition Atlas — Feed test');
    const row = await db.savedSearch.findFirstOrThrow({ where: { userId: owner.userId, name: 'Feed test' } });
    expect(feed.id).toBe(`urn:coalition-atlas:saved-search:${row.id}`);
    expect(feed.id).not.toContain('feed_');
    expect(feed.entries.map((e) => e.title)).toEqual([`${word} Porto`]);
    expect(feed.entries[0]!.link).toMatch(/\/organizations\/org-/);

    const revoked = await executeOk(REVOKE, { id: savedSearch.id }, owner);
    expect(revoked.revokeSavedSearchFeed.savedSearch.hasFeed).toBe(false);
    await expect(feedAt(feedUrl)).rejects.toMatchObject({ status: 404 });

    const renewed = (await executeOk(RENEW, { id: savedSearch.id }, owner)).renewSavedSearchFeed.result.feedUrl;
    expect(renewed).not.toBe(feedUrl);
    expect((await feedAt(renewed)).status).toBe(200);
    await expect(feedAt(feedUrl)).rejects.toMatchObject({ status: 404 });
    // A token that was never issued, and another user's attempt to revoke.
    await expect(feedAt(feedUrl.replace(/feed_.{4}/, 'feed_AAAA'))).rejects.toMatchObject({ status: 404 });
    expect((await executeOk(REVOKE, { id: savedSearch.id }, stranger)).revokeSavedSearchFeed.__typename).toBe(
      'NotFoundError'
    );
  });

  it('the public directory feed validates and answers 400 naming a bad parameter', async () => {
    const word = uniqueWord('Pubwort');
    await createOrganization(db, { name: `${word} Faro`, countryCodes: ['PT'] });
    const ok = await publicFeed({ url: new URL(`http://atlas.test/directory/feed.atom?q=${word}`) } as never);
    expect(ok.status).toBe(200);
    const feed = readAtom(await ok.text());
    expect(feed.entries.map((e) => e.title)).toEqual([`${word} Faro`]);
    expect(feed.selfLink).toBe(`http://atlas.test/directory/feed.atom?q=${word}`);
    const bad = await publicFeed({ url: new URL('http://atlas.test/directory/feed.atom?level=sideways') } as never);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('level');
  });
});
