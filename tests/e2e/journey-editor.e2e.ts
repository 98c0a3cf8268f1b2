/**
 * Journey: an editor saves an invalid value and sees the error beside the field, then fixes it and sees the
 * profile with the new value. The editor account manages one demo organisation (tests/setup/app-server.ts); its
 * slug is asked from the API with the editor's own session, as the account page would show it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, screenshot, useBrowserSession } from './browser';
import { escapeRegExp, organizationWithoutPartnership, signIn } from './fixtures';

const browser = useBrowserSession();

interface Profile {
  id: string;
  slug: string;
  name: string;
  website: string | null;
  foundedYear: number | null;
  description: string | null;
}

/** The signed-in viewer's first approved organisation, read through /graphql with the page's cookies. */
async function managedOrganization(page: Page): Promise<Profile> {
  const response = await page.request.post('/graphql', {
    data: {
      query: `{ me { memberships { status organization { id slug name website foundedYear description } } } }`
    }
  });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as {
    data: { me: { memberships: { status: string; organization: Profile }[] } };
  };
  const membership = body.data.me.memberships.find((ms) => ms.status === 'APPROVED');
  expect(membership, 'the editor manages an organisation').toBeDefined();
  return membership!.organization;
}

async function profileBySlug(page: Page, slug: string): Promise<Profile> {
  const response = await page.request.post('/graphql', {
    data: {
      query: `query($slug: String!) { organization(slug: $slug) { id slug name website foundedYear description } }`,
      variables: { slug }
    }
  });
  return ((await response.json()) as { data: { organization: Profile } }).data.organization;
}

async function save(page: Page) {
  await page.getByRole('button', { name: 'Save changes' }).click();
}

describe('journey: an editor fixes an invalid value', () => {
  it('shows the API’s errors beside the fields, saves nothing, then saves the corrected profile', async () => {
    const { page } = browser;
    await signIn(page, 'editor');
    const before = await managedOrganization(page);

    await page.goto(`/organizations/${before.slug}/edit`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Edit ${before.name}`);
    await expectNoAxeViolations(page);

    const website = page.getByLabel('Website', { exact: true });
    const founded = page.getByLabel('Year founded');
    await website.fill('not a url');
    await founded.fill('3000');
    await save(page);

    const websiteError = page.locator('#org-website-error');
    await websiteError.waitFor();
    expect(await websiteError.textContent()).toContain('must be an absolute http(s) URL');
    expect(await website.getAttribute('aria-invalid')).toBe('true');
    expect(await website.getAttribute('aria-describedby')).toContain('org-website-error');
    expect(await page.locator('#org-foundedYear-error').textContent()).toContain('must not be in the future');
    expect(await founded.getAttribute('aria-invalid')).toBe('true');
    // What the editor typed is still there, and the summary links to both fields.
    expect(await website.inputValue()).toBe('not a url');
    expect(await founded.inputValue()).toBe('3000');
    const summary = page.getByRole('alert').filter({ hasText: 'Nothing was saved' });
    expect(await summary.getByRole('link', { name: /^Website:/ }).getAttribute('href')).toBe('#org-website');
    expect(await summary.getByRole('link', { name: /^Year founded:/ }).getAttribute('href')).toBe('#org-foundedYear');
    expect(new URL(page.url()).pathname).toBe(`/organizations/${before.slug}/edit`);
    // Fields that were fine are not marked.
    expect(await page.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    await expectNoAxeViolations(page);
    await screenshot(page, 'journey-editor-invalid');

    const unchanged = await profileBySlug(page, before.slug);
    expect(unchanged.website).toBe(before.website);
    expect(unchanged.foundedYear).toBe(before.foundedYear);

    const newWebsite = `https://example.org/atlas-${Date.now()}`;
    await website.fill(newWebsite);
    await founded.fill('1999');
    await Promise.all([page.waitForURL((url) => url.pathname === `/organizations/${before.slug}`), save(page)]);
    expect(new URL(page.url()).searchParams.get('saved')).toBe('1');
    expect(
      await page.getByRole('status').filter({ hasText: 'Your changes to the profile were saved.' }).isVisible()
    ).toBe(true);
    const link = page.locator(`a[href="${newWebsite}"]`);
    expect(await link.count()).toBeGreaterThan(0);
    expect(await link.first().isVisible()).toBe(true);
    await screenshot(page, 'journey-editor-saved');

    const after = await profileBySlug(page, before.slug);
    expect(after).toMatchObject({ website: newWebsite, foundedYear: 1999, name: before.name });
    expect(browser.errors).toEqual([]);
  });

  it('works without JavaScript: the error comes back with the page, and the fix is saved', async () => {
    const noJs = await launchBrowser({ javaScriptEnabled: false });
    try {
      const { page } = noJs;
      await signIn(page, 'editor');
      const before = await managedOrganization(page);
      await page.goto(`/organizations/${before.slug}/edit`);

      // A year GraphQL itself refuses (not an Int) is reported beside the year field too.
      const founded = page.getByLabel('Year founded');
      await founded.fill('nineteen');
      await Promise.all([page.waitForLoadState('load'), save(page)]);
      expect(await page.locator('#org-foundedYear-error').textContent()).toContain('Int cannot represent');
      expect(await founded.getAttribute('aria-invalid')).toBe('true');
      await founded.fill(before.foundedYear == null ? '' : String(before.foundedYear));

      const name = page.getByLabel('Name', { exact: true });
      await name.fill('X');
      await Promise.all([page.waitForLoadState('load'), save(page)]);
      const error = page.locator('#org-name-error');
      expect(await error.textContent()).toContain('must be at least 2 characters');
      expect(await name.getAttribute('aria-invalid')).toBe('true');
      expect(await name.inputValue()).toBe('X');
      expect((await profileBySlug(page, before.slug)).name).toBe(before.name);

      const description = `Edited without JavaScript at ${new Date().toISOString()}.`;
      await name.fill(before.name);
      await page.getByLabel('Description').fill(description);
      await Promise.all([page.waitForURL((url) => url.pathname === `/organizations/${before.slug}`), save(page)]);
      await screenshot(page, 'journey-editor-nojs-saved');
      expect(await page.getByText(description).isVisible()).toBe(true);
      expect((await profileBySlug(page, before.slug)).description).toBe(description);
    } finally {
      await noJs.close();
    }
  });

  it('asks visitors to sign in instead of showing the form', async () => {
    const { page } = browser;
    await signIn(page, 'editor');
    const { slug } = await managedOrganization(page);
    await browser.context.clearCookies();

    await page.goto(`/organizations/${slug}/edit`);
    expect(await page.locator('form input[name="website"]').count()).toBe(0);
    expect(await page.getByText('Please sign in to add or edit an organisation.').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Sign in', exact: true }).last().getAttribute('href')).toBe(
      `/login?next=${encodeURIComponent(`/organizations/${slug}/edit`)}`
    );
  });

  it('tells a member who does not manage the organisation how to ask for it', async () => {
    const { page } = browser;
    await signIn(page, 'analyst');
    const response = await page.request.post('/graphql', {
      data: { query: '{ organizations(first: 1) { nodes { slug name } } }' }
    });
    const [other] = (
      (await response.json()) as { data: { organizations: { nodes: { slug: string; name: string }[] } } }
    ).data.organizations.nodes;
    await page.goto(`/organizations/${other.slug}/edit`);
    expect(await page.getByText(`You do not manage the profile of ${other.name}`).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Go to your account' }).getAttribute('href')).toBe('/account');
    expect(await page.locator('form input[name="website"]').count()).toBe(0);
  });

  it('adds a new organisation, with the same errors beside the fields, in German too', async () => {
    const { page } = browser;
    await signIn(page, 'editor');
    await page.goto('/organizations/new?lang=de');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Organisation hinzufügen');
    await expectNoAxeViolations(page);

    const name = `E2E Initiative ${Date.now()}`;
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Webadresse (Kurzname)').fill('Not A Slug!');
    await page.getByLabel('Griechenland').check();
    await page.getByRole('button', { name: 'Organisation hinzufügen' }).click();
    const slugError = page.locator('#org-slug-error');
    await slugError.waitFor();
    expect(await slugError.textContent()).toContain('lower-case letters');
    expect(await page.getByLabel('Griechenland').isChecked()).toBe(true);
    await expectNoAxeViolations(page);
    await screenshot(page, 'journey-editor-new-invalid-de');

    await page.getByLabel('Webadresse (Kurzname)').fill('');
    await Promise.all([
      page.waitForURL((url) => url.pathname.startsWith('/organizations/e2e-initiative-')),
      page.getByRole('button', { name: 'Organisation hinzufügen' }).click()
    ]);
    const created = await profileBySlug(page, new URL(page.url()).pathname.split('/')[2]);
    expect(created.name).toBe(name);
  });

  it('proposes a partnership; the other side confirms it; either side makes it private', async () => {
    const { page } = browser;
    await signIn(page, 'editor');
    const mine = await managedOrganization(page);
    const partner = await organizationWithoutPartnership(page, mine, 'start');

    await page.goto(`/organizations/${mine.slug}/partnerships/new`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Propose a partnership');
    await page.getByRole('searchbox', { name: 'Find the other organisation' }).fill(partner.name);
    await Promise.all([page.waitForURL(/\?q=/), page.getByRole('button', { name: 'Search' }).click()]);
    await page.getByRole('radio', { name: new RegExp(`^${escapeRegExp(partner.name)}`) }).check();
    await page.getByLabel('Kind of partnership').selectOption('COALITION');
    const title = `E2E coalition ${Date.now()}`;
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Who may see the partnership').selectOption('PUBLIC');
    await page.getByLabel('Start date').fill('2026-01-01');
    await page.getByLabel('End date').fill('2025-06-30');
    await page.getByRole('button', { name: 'Send proposal' }).click();

    const endError = page.locator('#pship-endDate-error');
    await endError.waitFor();
    expect(await endError.textContent()).toContain('must be on or after startDate');
    expect(await page.getByLabel('End date').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Title').inputValue()).toBe(title);
    await expectNoAxeViolations(page);
    await screenshot(page, 'journey-editor-partnership-invalid');

    await page.getByLabel('End date').fill('2027-12-31');
    await Promise.all([
      page.waitForURL(
        (url) => /^\/organizations\/[^/]+\/partnerships\/[^/]+$/.test(url.pathname) && url.searchParams.has('proposed')
      ),
      page.getByRole('button', { name: 'Send proposal' }).click()
    ]);
    const partnershipPath = new URL(page.url()).pathname;
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    expect(await page.getByText(`Waiting for ${partner.name} to confirm.`).isVisible()).toBe(true);
    await expectNoAxeViolations(page);

    // The invited side (an admin acts for any organisation) finds it among the proposals waiting for an answer.
    await browser.context.clearCookies();
    await signIn(page, 'admin');
    await page.goto(`/organizations/${partner.slug}/partnerships`);
    await expectNoAxeViolations(page);
    const waiting = page.locator('section', {
      has: page.getByRole('heading', { name: /Proposals waiting for your answer/ })
    });
    await Promise.all([
      page.waitForURL((url) => url.pathname.includes('/partnerships/')),
      waiting.getByRole('link', { name: title }).click()
    ]);
    await Promise.all([
      page.getByText('The partnership is confirmed.').waitFor(),
      page.getByRole('button', { name: 'Confirm partnership' }).click()
    ]);
    expect(await page.locator('.status').textContent()).toBe('Confirmed');
    await expectNoAxeViolations(page);
    await screenshot(page, 'journey-editor-partnership-confirmed');

    // Back as the proposing side: make it private; anonymous visitors no longer see it.
    await browser.context.clearCookies();
    await signIn(page, 'editor');
    await page.goto(partnershipPath);
    await page.getByLabel('Who may see the partnership').selectOption('PRIVATE');
    await Promise.all([
      page.getByText('Who may see the partnership was changed.').waitFor(),
      page.getByRole('button', { name: 'Change visibility' }).click()
    ]);
    const id = partnershipPath.split('/').pop()!;
    const anonymous = await fetch(`${inject('baseUrl')}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query($id: ID!) { partnership(id: $id) { id } }',
        variables: { id: btoa(`Partnership:${id}`) }
      })
    });
    expect(((await anonymous.json()) as { data: { partnership: unknown } }).data.partnership).toBeNull();
    expect(browser.errors).toEqual([]);
  });
});
