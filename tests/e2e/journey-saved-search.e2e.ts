/**
 * Journey (issue 15 part 5, decision 0040): a member saves a directory search with a daily alert → a matching
 * organisation is added → the alert job runs (queued on the app's own pg-boss queue, as its cron would) → the
 * inbox shows the alert; the saved search's private Atom feed parses as XML in the browser and has the required
 * Atom elements. The glossary is reachable from the dashboard.
 */
import PgBoss from 'pg-boss';
import { describe, expect, inject, it } from 'vitest';
import { DAILY_ALERT_QUEUE } from '../../src/lib/server/mail/queue';
import { readAtom } from '../factories/atom';
import { uniqueWord } from '../factories/util';
import { expectNoAxeViolations, screenshot, useBrowserSession } from './browser';
import { signIn } from './fixtures';

const browser = useBrowserSession();
const WAIT = { timeout: 90_000, interval: 1_000 };

/** One run of the daily alert job, queued exactly where the app's cron schedule puts it. */
async function queueDailyAlerts(): Promise<void> {
  const boss = new PgBoss({
    connectionString: inject('appDatabaseUrl'),
    schema: 'pgboss',
    supervise: false,
    schedule: false,
    migrate: false
  });
  await boss.start();
  try {
    await boss.send(DAILY_ALERT_QUEUE, {});
  } finally {
    await boss.stop({ graceful: false });
  }
}

describe('a saved search with a daily alert', () => {
  it('is saved from the directory, alerts in the inbox after a matching organisation appears, and has a valid feed', async () => {
    const { page } = browser;
    const word = uniqueWord('Quillwort');
    await signIn(page, 'analyst');

    await page.goto(`/directory?q=${word}`);
    const feedLink = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
    expect(await feedLink.getAttribute('href')).toBe(`/directory/feed.atom?q=${word}`);
    await page.getByTestId('save-search-name').fill(`Watch ${word}`);
    await page.getByTestId('save-search-alert').selectOption('DAILY');
    await screenshot(page, 'journey-saved-search-directory');
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/account/saved-searches'),
      page.getByRole('button', { name: 'Save this search' }).click()
    ]);
    const feedUrl = (await page.getByTestId('feed-url').textContent())!.trim();
    expect(feedUrl).toMatch(/\/feeds\/saved\/feed_[A-Za-z0-9_-]+\.atom$/);
    expect(await page.getByRole('link', { name: `Watch ${word}` }).getAttribute('href')).toBe(`/directory?q=${word}`);
    await expectNoAxeViolations(page);
    await screenshot(page, 'journey-saved-search-list');

    // A matching organisation is added (through the API, as its creator would).
    const created = await page.request.post('/graphql', {
      data: {
        query: `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) {
          __typename ... on CreateOrganizationSuccess { organization { slug } } } }`,
        variables: { input: { name: `${word} Refugee Desk`, type: 'NGO', hqCountry: 'AT' } }
      }
    });
    const body = (await created.json()) as { data: { createOrganization: { __typename: string } } };
    expect(body.data.createOrganization.__typename).toBe('CreateOrganizationSuccess');

    await queueDailyAlerts();
    const title = `New matches for “Watch ${word}”: 1`;
    await expect
      .poll(async () => {
        await page.goto('/inbox');
        return page.getByRole('link', { name: title }).count();
      }, WAIT)
      .toBe(1);
    await expectNoAxeViolations(page);
    await screenshot(page, 'journey-saved-search-inbox');
    await page.getByRole('link', { name: title }).click();
    await page.waitForURL((url) => url.pathname === '/directory' && url.searchParams.get('q') === word);
    expect(await page.getByRole('link', { name: `${word} Refugee Desk` }).count()).toBeGreaterThan(0);

    // The private feed: well-formed XML for the browser's own parser, with every required Atom element.
    const feed = await page.request.get(feedUrl);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toContain('application/atom+xml');
    const xml = await feed.text();
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return {
        error: doc.getElementsByTagName('parsererror').length,
        root: doc.documentElement.namespaceURI + ' ' + doc.documentElement.localName
      };
    }, xml);
    expect(parsed).toEqual({ error: 0, root: 'http://www.w3.org/2005/Atom feed' });
    const atom = readAtom(xml);
    expect(atom.title).toBe(`Coalition Atlas — Watch ${word}`);
    expect(atom.entries.map((e) => e.title)).toEqual([`${word} Refugee Desk`]);
  });

  it('a dashboard view is saved from the dashboard and reopens it with the same filter (decision 0043)', async () => {
    const { page } = browser;
    const name = `South view ${Date.now()}`;
    await signIn(page, 'analyst');
    await page.goto('/dashboard?region=south&gappage=2');
    await page.getByRole('heading', { name: 'Save this dashboard view' }).scrollIntoViewIfNeeded();
    await page.getByTestId('save-search-name').fill(name);
    await page.getByTestId('save-search-alert').selectOption('WEEKLY');
    await screenshot(page, 'journey-saved-search-dashboard');
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/account/saved-searches'),
      page.getByRole('button', { name: 'Save this search' }).click()
    ]);
    const link = page.getByRole('link', { name });
    // The gap list's page is not part of the view.
    expect(await link.getAttribute('href')).toBe('/dashboard?region=south');
    const item = page.locator('li', { has: link });
    expect(await item.getByText('Dashboard view', { exact: true }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await screenshot(page, 'journey-saved-search-dashboard-list');
    await link.click();
    await page.waitForURL((url) => url.pathname === '/dashboard' && url.searchParams.get('region') === 'south');
  });

  it('a coalition request is saved from the coalition builder and reopens it with the same request', async () => {
    const { page } = browser;
    const name = `Legal aid DE ${Date.now()}`;
    await signIn(page, 'analyst');
    await page.goto('/coalitions?theme=legal-aid&country=DE&view=1');
    await page.getByRole('heading', { name: 'Save this coalition request' }).scrollIntoViewIfNeeded();
    await page.getByTestId('save-search-name').fill(name);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/account/saved-searches'),
      page.getByRole('button', { name: 'Save this search' }).click()
    ]);
    const link = page.getByRole('link', { name });
    // The alternative being viewed is not part of the request: reopening asks the solver again.
    expect(await link.getAttribute('href')).toBe('/coalitions?theme=legal-aid&country=DE');
    expect(await page.locator('li', { has: link }).getByText('Coalition request', { exact: true }).count()).toBe(1);
    await screenshot(page, 'journey-saved-search-coalition-list');
  });

  it('the glossary explains the words and is linked from the dashboard', async () => {
    const { page } = browser;
    await page.goto('/dashboard');
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/glossary'),
      page.getByRole('link', { name: 'What do these words mean?' }).click()
    ]);
    for (const term of ['Thin', 'Isolated', 'Broker', 'Match', 'Cell', 'Coalition coverage']) {
      expect(await page.locator('dt', { hasText: term }).count()).toBeGreaterThan(0);
    }
    await page.goto('/glossary?lang=de');
    expect(await page.getByRole('heading', { name: 'Glossar' }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await screenshot(page, 'glossary-de');
  });
});
