/**
 * Journey: an organisation finds and contacts a partner. A visitor narrows the directory to a theme and a country,
 * opens an organisation, reads its recommended partners, opens one, and learns how to reach it: the members-only
 * contact details appear once they sign in as a member. Screenshots at every step, desktop and phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, gotoHydrated, launchBrowser, screenshot, type BrowserSession } from './browser';
import { signIn } from './fixtures';

const THEME = { slug: 'alternatives-to-detention', en: 'Alternatives to immigration detention' };

let browser: BrowserSession;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function graphql<T>(page: Page, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await page.request.post('/graphql', {
    headers: { 'content-type': 'application/json' },
    data: { query, variables }
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data || body.errors) throw new Error(`API: ${JSON.stringify(body.errors)}`);
  return body.data;
}

describe('journey: find and contact a partner', () => {
  it('goes from a directory search to a recommended partner’s contact details', async () => {
    const { page } = browser;

    // 1. Search the directory by theme and country.
    await gotoHydrated(page, '/directory');
    const theme = page
      .getByRole('group', { name: 'Themes' })
      .getByRole('checkbox', { name: new RegExp(`^${THEME.en} \\(`) });
    await Promise.all([page.waitForURL((url) => url.searchParams.get('theme') === THEME.slug), theme.check()]);
    const country = page.getByRole('group', { name: 'Countries' }).getByRole('checkbox').first();
    await Promise.all([page.waitForURL((url) => url.searchParams.has('country')), country.check()]);
    const results = page.locator('.cards article h3 a');
    await results.first().waitFor();
    expect(await results.count()).toBeGreaterThan(0);
    await screenshot(page, 'journey-partner-1-directory');

    // 2. Open an organisation from the results.
    const chosenName = (await results.first().textContent())!.trim();
    await Promise.all([page.waitForURL(/\/organizations\/[\w-]+$/), results.first().click()]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(chosenName);
    // The network view is drawn only for organisations with partners; wait for it so the screenshot shows it.
    if ((await page.locator('figure.network-graph').count()) > 0) {
      await page.locator('figure.network-graph[data-status="ready"]').waitFor();
    }
    await screenshot(page, 'journey-partner-2-organisation');

    // 3. Read the recommended partners and their reasons.
    const recommendations = page.locator('section[aria-labelledby="recommendations-heading"]');
    await recommendations.scrollIntoViewIfNeeded();
    const links = recommendations.getByRole('heading', { level: 3 }).getByRole('link');
    expect(await links.count()).toBeGreaterThan(0);
    expect(await recommendations.locator('dt').allTextContents()).toContain('Distance');
    await expectNoAxeViolations(page);

    // Prefer a recommendation whose email only members may see: that is where signing in makes a difference.
    const slugs = await Promise.all(
      (await links.all()).map(async (link) => (await link.getAttribute('href'))!.split('/').pop()!)
    );
    const visibilities = await graphql<Record<string, { contactEmailVisibility: string } | null>>(
      page,
      `query(${slugs.map((_, i) => `$s${i}: String!`).join(', ')}) { ${slugs
        .map((_, i) => `o${i}: organization(slug: $s${i}) { contactEmailVisibility }`)
        .join(' ')} }`,
      Object.fromEntries(slugs.map((slug, i) => [`s${i}`, slug]))
    );
    const pick = Math.max(
      0,
      slugs.findIndex((_, i) => visibilities[`o${i}`]?.contactEmailVisibility === 'MEMBERS')
    );
    const partnerSlug = slugs[pick]!;
    const partnerName = (await links.nth(pick).textContent())!.trim();
    const emailVisibility = visibilities[`o${pick}`]!.contactEmailVisibility;

    // 4. Open the recommended partner.
    await Promise.all([page.waitForURL(`**/organizations/${partnerSlug}`), links.nth(pick).click()]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(partnerName);
    const contact = page.locator('section[aria-labelledby="contact-heading"]');
    if (emailVisibility === 'MEMBERS') {
      expect(await contact.getByText('Visible to members').first().isVisible()).toBe(true);
      expect(await contact.locator('a[href^="mailto:"]').count()).toBe(0);
      expect(await contact.getByRole('link', { name: 'sign in to see it' }).first().getAttribute('href')).toBe(
        `/login?next=${encodeURIComponent(`/organizations/${partnerSlug}`)}`
      );
    }
    await screenshot(page, 'journey-partner-3-recommended-anonymous');

    // 5. Sign in as a member: the contact details are there.
    await signIn(page, 'editor');
    await page.goto(`/organizations/${partnerSlug}`);
    const signedInContact = page.locator('section[aria-labelledby="contact-heading"]');
    const website = signedInContact.locator('a[href^="http"]');
    expect(await website.count()).toBe(1);
    if (emailVisibility !== 'PRIVATE') {
      const email = signedInContact.locator('a[href^="mailto:"]');
      expect(await email.count()).toBe(1);
      expect(await email.textContent()).toMatch(/^[^@\s]+@[^@\s]+$/);
    }
    const me = await graphql<{ me: { memberships: { organization: { slug: string } }[] } }>(
      page,
      '{ me { memberships { organization { slug } } } }',
      {}
    );
    const ownOrganization = me.me.memberships.some((membership) => membership.organization.slug === partnerSlug);
    const propose = page.getByRole('link', { name: 'Propose a partnership' });
    expect(await propose.count()).toBe(ownOrganization ? 0 : 1);
    if (!ownOrganization) {
      expect(await propose.getAttribute('href')).toBe(`/organizations/${partnerSlug}/partnerships/new`);
    }
    await expectNoAxeViolations(page);
    await screenshot(page, 'journey-partner-4-contact-signed-in');
    expect(browser.errors).toEqual([]);
  });
});
