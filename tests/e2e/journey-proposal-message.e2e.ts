/**
 * Journey (issue 15, part 3): a member proposes a partnership with a message; the other side (an admin acts for
 * any organisation) reads the message on the proposal; the proposer withdraws it, and it moves to the past.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, screenshot, useBrowserSession } from './browser';
import { chooseProposalPartner, organizationWithoutPartnership, signIn } from './fixtures';

const browser = useBrowserSession();

interface Org {
  id: string;
  slug: string;
  name: string;
}

/** The editor's organisation and one it has no partnership with (taken from the end, away from other journeys). */
async function sides(page: Page): Promise<{ mine: Org; partner: Org }> {
  const me = await page.request.post('/graphql', {
    data: { query: `{ me { memberships { status organization { id slug name } } } }` }
  });
  const mine = ((await me.json()) as { data: { me: { memberships: { status: string; organization: Org }[] } } }).data.me
    .memberships[0]!.organization;
  return { mine, partner: await organizationWithoutPartnership(page, mine, 'end') };
}

describe('a proposal with a message', () => {
  it('is read by the other side and withdrawn by the proposer', async () => {
    const { page } = browser;
    await signIn(page, 'editor');
    const { mine, partner } = await sides(page);

    await chooseProposalPartner(page, mine, partner);
    await page.getByLabel('Kind of partnership').selectOption('INFORMAL');
    const title = `E2E message ${Date.now()}`;
    const message = `Hello from ${mine.name}: shall we share our legal helpdesk schedules?`;
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Message to the other organisation').fill(message);
    await Promise.all([
      page.waitForURL((url) => url.pathname.includes('/partnerships/') && url.searchParams.has('proposed')),
      page.getByRole('button', { name: 'Send proposal' }).click()
    ]);
    const partnershipPath = new URL(page.url()).pathname;
    expect(await page.getByTestId('proposal-message').textContent()).toBe(message);
    await expectNoAxeViolations(page);

    // The invited side sees the proposal among those waiting for its answer, with the message.
    await browser.context.clearCookies();
    await signIn(page, 'admin');
    await page.goto(`/organizations/${partner.slug}/partnerships`);
    const waiting = page.locator('section', {
      has: page.getByRole('heading', { name: /Proposals waiting for your answer/ })
    });
    await Promise.all([
      page.waitForURL((url) => url.pathname.includes('/partnerships/')),
      waiting.getByRole('link', { name: title }).click()
    ]);
    expect(await page.getByRole('heading', { name: `Message from ${mine.name}` }).isVisible()).toBe(true);
    expect(await page.getByTestId('proposal-message').textContent()).toBe(message);
    expect(await page.getByRole('button', { name: 'Confirm partnership' }).isVisible()).toBe(true);

    // Back as the proposer: withdraw it. It is no longer waiting for anyone.
    await browser.context.clearCookies();
    await signIn(page, 'editor');
    await page.goto(partnershipPath);
    await Promise.all([
      page.getByText('You withdrew the proposal.').waitFor(),
      page.getByRole('button', { name: 'Withdraw the proposal' }).click()
    ]);
    expect(await page.locator('.status').textContent()).toBe('Withdrawn');
    expect(await page.getByRole('button', { name: 'Withdraw the proposal' }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await screenshot(page, 'journey-proposal-withdrawn');

    await page.goto(`/organizations/${mine.slug}/partnerships`);
    const outgoing = page.locator('section', { has: page.getByRole('heading', { name: /Your proposals/ }) });
    expect(await outgoing.getByRole('link', { name: title }).count()).toBe(0);
    expect(browser.errors).toEqual([]);
  });
});
