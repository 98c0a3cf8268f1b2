import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, screenshot, useBrowserSession } from './browser';

// Each test starts as a first-time English visitor, whatever the test before it did.
const browser = useBrowserSession();

const ENTRY_POINTS = [
  { title: 'Find partners', link: 'Browse the directory', href: '/directory' },
  { title: 'Map the ecosystem', link: 'Open the funder dashboard', href: '/dashboard' },
  { title: 'Use the API', link: 'Read the API guide', href: '/api' }
];

describe('home page', () => {
  it('says what the Atlas is for and offers three ways in', async () => {
    const { page } = browser;
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    const heading = page.getByRole('heading', { level: 1 });
    expect(await heading.textContent()).toBe('Find the partners your coalition is missing');
    expect(await heading.isVisible()).toBe(true);

    for (const entry of ENTRY_POINTS) {
      expect(await page.getByRole('heading', { level: 3, name: entry.title }).isVisible()).toBe(true);
      const link = page.getByRole('link', { name: entry.link });
      expect(await link.isVisible()).toBe(true);
      expect(await link.getAttribute('href')).toBe(entry.href);
    }

    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of ['Directory', 'Coalition builder', 'Funder dashboard', 'API']) {
      expect(await nav.getByRole('link', { name, exact: true }).isVisible()).toBe(true);
    }
    expect(browser.errors).toEqual([]);
  });

  it('searches the directory with a plain GET form', async () => {
    const { page } = browser;
    await page.goto('/');
    const search = page.getByRole('search');
    await search.getByRole('searchbox', { name: 'Search the directory' }).fill('alternatives to detention');
    await Promise.all([page.waitForURL(/\/directory\?/), search.getByRole('button', { name: 'Search' }).click()]);
    const url = new URL(page.url());
    expect(url.pathname).toBe('/directory');
    expect(url.searchParams.get('q')).toBe('alternatives to detention');
  });

  it('has a skip link that moves focus to the main content', async () => {
    const { page } = browser;
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('has no accessibility violations and looks right on desktop and phone', async () => {
    const { page } = browser;
    await page.goto('/');
    await expectNoAxeViolations(page);
    await screenshot(page, 'home-en');
  });

  it('switches to German, keeps it for the next page, and marks the document as German', async () => {
    const { page, context } = browser;
    await page.goto('/?utm=keep');
    const switcher = page.getByRole('navigation', { name: 'Language' });
    await Promise.all([page.waitForURL(/lang=de/), switcher.getByRole('link', { name: 'Deutsch' }).click()]);

    const url = new URL(page.url());
    expect(url.pathname).toBe('/');
    expect(url.searchParams.get('utm')).toBe('keep');
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Finden Sie die Partner, die Ihrem Bündnis noch fehlen'
    );
    expect(await page.getByRole('heading', { level: 3, name: 'Partner finden' }).isVisible()).toBe(true);
    expect(await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByText('Verzeichnis').isVisible()).toBe(
      true
    );
    const switcherDe = page.getByRole('navigation', { name: 'Sprache' });
    expect(await switcherDe.getByRole('link', { name: 'Deutsch' }).getAttribute('aria-current')).toBe('true');

    expect((await context.cookies()).find((c) => c.name === 'lang')?.value).toBe('de');
    await page.goto('/');
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await page.title()).toContain('Partner');

    await expectNoAxeViolations(page);
    await screenshot(page, 'home-de');
    expect(browser.errors).toEqual([]);

    await Promise.all([page.waitForURL(/lang=en/), switcherDe.getByRole('link', { name: 'English' }).click()]);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect((await context.cookies()).find((c) => c.name === 'lang')?.value).toBe('en');
  });
});

describe('without JavaScript', () => {
  it('renders the page and switches language as plain HTML', async () => {
    const noJs = await launchBrowser({ javaScriptEnabled: false });
    try {
      const { page } = noJs;
      await page.goto('/');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
        'Find the partners your coalition is missing'
      );
      await Promise.all([page.waitForURL(/lang=de/), page.getByRole('link', { name: 'Deutsch' }).click()]);
      expect(await page.locator('html').getAttribute('lang')).toBe('de');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Bündnis');
    } finally {
      await noJs.close();
    }
  });
});

describe('error page', () => {
  it('explains a missing page kindly, in both languages', async () => {
    const { page } = browser;
    const response = await page.goto('/no-such-page-here');
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('We couldn’t find this page');
    expect(await page.getByRole('link', { name: 'Go to the home page' }).getAttribute('href')).toBe('/');
    await expectNoAxeViolations(page);
    await screenshot(page, 'error-404-en');

    await page.goto('/no-such-page-here?lang=de');
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Diese Seite gibt es nicht');
    await expectNoAxeViolations(page);
    await screenshot(page, 'error-404-de');
  });
});
