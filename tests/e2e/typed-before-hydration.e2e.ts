/**
 * What a visitor types while the page's JavaScript is still loading stays typed. Svelte sets a one-way `value=`
 * of an input while hydrating, so a field filled before hydration was emptied, and the form then sent nothing: on
 * a busy machine the sign-in of a browser test stayed on /login until it timed out (the login form answered
 * "email: is not a valid email address"), and a slow phone does the same to a person. Here hydration is held
 * back on purpose — the app's JavaScript entry modules are answered only once the fields are filled — so the
 * order is certain, not left to timing.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { E2E_PASSWORD, E2E_USERS } from './accounts';
import { useBrowserSession } from './browser';

const browser = useBrowserSession();

/** Holds every request for SvelteKit's entry modules until `release` is called. */
async function holdHydration(page: Page): Promise<{ release: () => Promise<void> }> {
  let open!: () => void;
  const released = new Promise<void>((resolve) => (open = resolve));
  const pattern = /\/_app\/immutable\/entry\//;
  await page.route(pattern, async (route) => {
    await released;
    await route.continue();
  });
  return {
    release: async () => {
      open();
      await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
      await page.unroute(pattern);
    }
  };
}

describe('a form filled before the page is hydrated', () => {
  it('keeps the e-mail and password typed into the sign-in form, and signs in with them', async () => {
    const { page } = browser;
    const hydration = await holdHydration(page);
    await page.goto('/login', { waitUntil: 'domcontentloaded' });
    expect(await page.evaluate(() => document.documentElement.dataset.hydrated)).toBeUndefined();
    await page.getByLabel('Email address').fill(E2E_USERS.analyst.email);
    await page.getByLabel('Password', { exact: true }).fill(E2E_PASSWORD);

    await hydration.release();
    expect(await page.getByLabel('Email address').inputValue()).toBe(E2E_USERS.analyst.email);
    expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe(E2E_PASSWORD);

    await Promise.all([
      page.waitForURL((url) => url.pathname !== '/login', { waitUntil: 'commit' }),
      page.getByRole('button', { name: 'Sign in' }).click()
    ]);
    expect(new URL(page.url()).pathname).toBe('/account');
  });

  it('keeps the words typed into the home page search and the directory search', async () => {
    const { page } = browser;
    for (const [path, label] of [
      ['/', 'Search the directory'],
      ['/directory', 'Search by name or description']
    ] as const) {
      const hydration = await holdHydration(page);
      await page.goto(path, { waitUntil: 'domcontentloaded' });
      const field = page.getByRole('searchbox', { name: label });
      await field.fill('detention Greece');
      await hydration.release();
      expect(await field.inputValue(), path).toBe('detention Greece');
    }
  });
});
