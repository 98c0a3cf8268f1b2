/**
 * The directory (/directory): facets with counts whose state lives in the URL, paging, the back button, the page
 * without JavaScript, German, accessibility, and the page's JavaScript budget read from the build this run uses.
 * The app holds the demo dataset (≈300 organisations); the test reads its numbers from the page and checks them
 * against the API rather than hard-coding them.
 */
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BUDGETS, kB, measureBuild } from '../../tools/cli/bundle-size';
import { expectNoAxeViolations, gotoHydrated, launchBrowser, screenshot, useBrowserSession } from './browser';

const THEME = {
  slug: 'alternatives-to-detention',
  en: 'Alternatives to immigration detention',
  de: 'Alternativen zur Abschiebungshaft'
};

const browser = useBrowserSession();

/** The number in the results heading ("123 organisations"). */
async function totalShown(page: Page): Promise<number> {
  const text = (await page.locator('#results-heading').textContent()) ?? '';
  const match = /([\d.,]+)/.exec(text);
  if (!match) throw new Error(`no count in the results heading: "${text}"`);
  return Number(match[1]!.replace(/[.,]/g, ''));
}

/** The count badge beside a facet checkbox. */
async function facetCount(checkbox: Locator): Promise<number> {
  const label = checkbox.locator('xpath=ancestor::label[1]');
  return Number(await label.locator('.count').textContent());
}

async function cardNames(page: Page): Promise<string[]> {
  return page.locator('.cards article h3').allTextContents();
}

/** The API as the oracle: the first page of names and the total for a filter. */
async function apiDirectory(page: Page, filter: Record<string, unknown>): Promise<{ total: number; names: string[] }> {
  const response = await page.request.post('/graphql', {
    headers: { 'content-type': 'application/json' },
    data: {
      query: `query($filter: OrganizationFilter) { organizations(filter: $filter, first: 20) { totalCount nodes { name } } }`,
      variables: { filter }
    }
  });
  const body = (await response.json()) as {
    data: { organizations: { totalCount: number; nodes: { name: string }[] } };
  };
  return { total: body.data.organizations.totalCount, names: body.data.organizations.nodes.map((n) => n.name) };
}

async function tickAndWait(page: Page, checkbox: Locator, url: (url: URL) => boolean): Promise<void> {
  await Promise.all([page.waitForURL(url), checkbox.check()]);
  await page.waitForFunction(() => document.querySelector('.results')?.getAttribute('aria-busy') !== 'true');
}

describe('directory', () => {
  it('filters by a theme and a country, keeps both in the URL, and the back button restores the previous state', async () => {
    const { page } = browser;
    const response = await page.goto('/directory');
    expect(response?.status()).toBe(200);
    await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Find organisations');
    const everything = await totalShown(page);
    expect(everything).toBe((await apiDirectory(page, {})).total);
    expect(everything).toBeGreaterThan(20);

    const themes = page.getByRole('group', { name: 'Themes' });
    const theme = themes.getByRole('checkbox', { name: new RegExp(`^${THEME.en} \\(`) });
    const themeCount = await facetCount(theme);
    expect(themeCount).toBeGreaterThan(0);
    await tickAndWait(page, theme, (url) => url.searchParams.getAll('theme').includes(THEME.slug));
    expect(await theme.isChecked()).toBe(true);
    await expect.poll(() => totalShown(page)).toBe(themeCount);
    // JavaScript updated the page in place: the ticked box still has the keyboard focus.
    expect(await theme.evaluate((el) => el === document.activeElement)).toBe(true);

    // The country with the most organisations on that theme (the list is ordered by count).
    const country = page.getByRole('group', { name: 'Countries' }).getByRole('checkbox').first();
    const countryCode = await country.getAttribute('value');
    const countryCount = await facetCount(country);
    expect(countryCount).toBeGreaterThan(0);
    await tickAndWait(page, country, (url) => url.searchParams.get('country') === countryCode!.toLowerCase());

    const url = new URL(page.url());
    expect(url.searchParams.getAll('theme')).toEqual([THEME.slug]);
    expect(url.searchParams.getAll('country')).toEqual([countryCode!.toLowerCase()]);
    await expect.poll(() => totalShown(page)).toBe(countryCount);
    const expected = await apiDirectory(page, { themes: [THEME.slug], countries: [countryCode] });
    expect(expected.total).toBe(countryCount);
    expect(await cardNames(page)).toEqual(expected.names);
    // On a desktop the filters are always open: no disclosure button.
    expect(await page.locator('details.filters > summary').isVisible()).toBe(false);
    await expectNoAxeViolations(page);
    await screenshot(page, 'directory-filtered-en');

    await page.goBack();
    await page.waitForURL((u) => !u.searchParams.has('country'));
    expect(new URL(page.url()).searchParams.getAll('theme')).toEqual([THEME.slug]);
    await expect.poll(() => totalShown(page)).toBe(themeCount);
    expect(await page.getByRole('group', { name: 'Countries' }).getByRole('checkbox', { checked: true }).count()).toBe(
      0
    );
    expect(await theme.isChecked()).toBe(true);

    await page.goBack();
    await page.waitForURL((u) => u.search === '');
    await expect.poll(() => totalShown(page)).toBe(everything);
    expect(await theme.isChecked()).toBe(false);
    expect(browser.errors).toEqual([]);
  });

  it('opens the sub-themes of a theme and filters by one', async () => {
    const { page } = browser;
    await gotoHydrated(page, '/directory');
    const themes = page.getByRole('group', { name: 'Themes' });
    const branch = themes.locator('li', { has: page.locator(`input[value="${THEME.slug}"]`) }).first();
    const toggle = branch.locator('summary', { hasText: `Sub-themes of ${THEME.en}` });
    const firstChild = branch.locator('details').getByRole('checkbox').first();
    expect(await firstChild.isVisible()).toBe(false);
    await toggle.click();
    expect(await firstChild.isVisible()).toBe(true);
    const slug = await firstChild.getAttribute('value');
    const count = await facetCount(firstChild);
    await tickAndWait(page, firstChild, (url) => url.searchParams.get('theme') === slug);
    await expect.poll(() => totalShown(page)).toBe(count);

    // A shared link to a sub-theme opens its parent's list on the server-rendered page.
    await page.goto(`/directory?theme=${slug}`);
    const shared = themes.locator(`input[value="${slug}"]`);
    expect(await shared.isVisible()).toBe(true);
    expect(await shared.isChecked()).toBe(true);
  });

  it('pages forwards and backwards with cursors in the URL', async () => {
    const { page } = browser;
    await page.goto('/directory?sort=name');
    const first = await cardNames(page);
    expect(first).toHaveLength(20);
    expect(await page.getByRole('link', { name: 'Previous page' }).count()).toBe(0);

    await Promise.all([page.waitForURL(/after=/), page.getByRole('link', { name: 'Next page' }).click()]);
    await expect.poll(() => cardNames(page)).not.toEqual(first);
    const second = await cardNames(page);
    expect(second).toHaveLength(20);
    expect(second.filter((name) => first.includes(name))).toEqual([]);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('name');

    // A reload of the linked page shows the same page.
    await page.reload();
    expect(await cardNames(page)).toEqual(second);

    await Promise.all([page.waitForURL(/before=/), page.getByRole('link', { name: 'Previous page' }).click()]);
    await expect.poll(() => cardNames(page)).toEqual(first);
    await page.goBack();
    await page.waitForURL(/after=/);
    await expect.poll(() => cardNames(page)).toEqual(second);
  });

  it('shows an empty state, and answers a value it cannot use with a 400 naming it', async () => {
    const { page } = browser;
    await page.goto('/directory?q=zzxqjv');
    expect(await totalShown(page)).toBe(0);
    expect(await page.getByRole('heading', { name: 'No organisation matches' }).isVisible()).toBe(true);

    // A value the directory cannot use is a 400 naming the parameter and why, with the search without it.
    let response = await page.goto(`/directory?theme=${THEME.slug}&level=galactic`);
    expect(response?.status()).toBe(400);
    expect(
      await page.getByText('Level of work (parameter “level”): “galactic” is not a valid value.').isVisible()
    ).toBe(true);
    response = await page.goto(`/directory?theme=${THEME.slug}&theme=no-such-theme`);
    expect(response?.status()).toBe(400);
    expect(
      await page.getByText('Themes (parameter “theme”): “no-such-theme” is not known to the directory.').isVisible()
    ).toBe(true);
    await page.getByRole('link', { name: 'Open the directory without them' }).click();
    await page.waitForURL(`**/directory?theme=${THEME.slug}`);
    expect(await totalShown(page)).toBe((await apiDirectory(page, { themes: [THEME.slug] })).total);
  });

  it('folds the filters behind a "Filters" button on a phone', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 360, height: 740 });
    try {
      await page.goto(`/directory?theme=${THEME.slug}`);
      const toggle = page.locator('details.filters > summary');
      await page.waitForFunction(() => !document.querySelector('details.filters')?.hasAttribute('open'));
      expect(await toggle.textContent()).toContain('Filters (1 active)');
      const themes = page.getByRole('group', { name: 'Themes' });
      expect(await themes.isVisible()).toBe(false);
      await toggle.click();
      expect(await themes.isVisible()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await expectNoAxeViolations(page);
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('speaks German', async () => {
    const { page } = browser;
    await page.goto(`/directory?lang=de&theme=${THEME.slug}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Organisationen finden');
    const themes = page.getByRole('group', { name: 'Themen' });
    expect(
      await themes.getByRole('checkbox', { name: new RegExp(`^${THEME.de} \\(\\d+ Organisation`) }).isChecked()
    ).toBe(true);
    expect(await page.getByRole('group', { name: 'Art der Organisation' }).isVisible()).toBe(true);
    expect(await page.locator('#results-heading').textContent()).toMatch(/^\d+ Organisation(en)?$/);
    expect(await page.getByLabel('Sortieren nach').isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    await screenshot(page, 'directory-de');
    expect(browser.errors).toEqual([]);
  });

  it('reads the home page hint as typed: chips for the theme and the country, the same organisations as the facets', async () => {
    const { page } = browser;
    await page.goto('/');
    const hint = (await page.locator('#search-hint').textContent()) ?? '';
    const typed = hint.replace(/^[^:]*:\s*/, '').trim();
    expect(typed).toBe('alternatives to detention, Greece');
    await page.locator('#search-q').fill(typed);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/directory'),
      page.locator('#search-q').press('Enter')
    ]);
    const chips = page.getByTestId('search-interpretation').locator('.chip');
    await expect
      .poll(() => chips.allTextContents(), { timeout: 30_000 })
      .toEqual([expect.stringContaining(`Theme: ${THEME.en}`), expect.stringContaining('Country: Greece')]);
    const facets = await apiDirectory(page, { themes: [THEME.slug], countries: ['GR'] });
    expect(facets.total).toBeGreaterThan(1);
    expect(await totalShown(page)).toBe(facets.total);
    expect(await cardNames(page)).toEqual(facets.names);
    await screenshot(page, 'directory-home-hint-chips');

    // Removing the country chip keeps the theme.
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('q') === 'alternatives to detention'),
      page.getByRole('link', { name: 'Remove “Greece” from the search' }).click()
    ]);
    await expect.poll(() => chips.count(), { timeout: 30_000 }).toBe(1);
    expect(await totalShown(page)).toBe((await apiDirectory(page, { themes: [THEME.slug] })).total);
  });

  it('has no accessibility violations on the first visit, and looks right on desktop and phone', async () => {
    const { page } = browser;
    // The server's answer is inlined into the page: hydrating it must not ask the API again.
    const browserQueries: string[] = [];
    const count = (request: { url(): string }) => {
      if (new URL(request.url()).pathname === '/graphql') browserQueries.push(request.url());
    };
    page.on('request', count);
    await page.goto('/directory', { waitUntil: 'networkidle' });
    page.off('request', count);
    expect(browserQueries).toEqual([]);
    expect(browser.errors).toEqual([]);
    await expectNoAxeViolations(page);
    await screenshot(page, 'directory-en');
  });
});

describe('directory without JavaScript', () => {
  it('filters, sorts and pages as plain HTML forms and links', async () => {
    const noJs = await launchBrowser({ javaScriptEnabled: false });
    try {
      const { page } = noJs;
      await page.goto('/directory'); // no JavaScript: never hydrated
      const theme = page
        .getByRole('group', { name: 'Themes' })
        .getByRole('checkbox', { name: new RegExp(`^${THEME.en} \\(`) });
      const count = await facetCount(theme);
      await theme.check();
      await Promise.all([
        page.waitForURL((url) => url.searchParams.get('theme') === THEME.slug),
        page.getByRole('button', { name: 'Apply filters' }).first().click()
      ]);
      expect(await totalShown(page)).toBe(count);
      expect(await theme.isChecked()).toBe(true);

      await page.getByRole('searchbox', { name: 'Search by name or description' }).fill('migrant');
      await Promise.all([
        page.waitForURL((url) => url.searchParams.get('q') === 'migrant'),
        page.getByRole('button', { name: 'Search', exact: true }).click()
      ]);
      expect(new URL(page.url()).searchParams.get('theme')).toBe(THEME.slug);
      expect(await totalShown(page)).toBe((await apiDirectory(page, { query: 'migrant', themes: [THEME.slug] })).total);

      await page.goto('/directory');
      await Promise.all([page.waitForURL(/after=/), page.getByRole('link', { name: 'Next page' }).click()]);
      expect(await cardNames(page)).toHaveLength(20);
    } finally {
      await noJs.close();
    }
  });
});

describe('directory JavaScript budget', () => {
  it(`downloads at most ${kB(BUDGETS['/directory']!)} of gzipped JavaScript on a first visit`, async () => {
    // The build the app under test was started from (tests/setup/app-server.ts builds it before any test runs).
    const report = await measureBuild(resolve(import.meta.dirname, '../../.svelte-kit/output'));
    const directory = report.routes.find((r) => r.route === '/directory');
    expect(directory, 'the build has a /directory page').toBeDefined();
    expect(directory!.js.length).toBeGreaterThan(2);
    expect(directory!.jsSize.gzip).toBeLessThanOrEqual(BUDGETS['/directory']!);
  });
});
