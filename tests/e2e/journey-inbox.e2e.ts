/**
 * Journey (issue 15, part 2): a member proposes a partnership with a message → the other side's member sees it in
 * the inbox (header badge) and gets the mail, received by a real SMTP server listening on the app's SMTP_URL → the
 * other side confirms → the proposer is notified in their inbox.
 */
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, screenshot, useBrowserSession } from './browser';
import { E2E_USERS } from './accounts';
import { useAppMailbox, chooseProposalPartner, editorAndPartner, signIn } from './fixtures';

const browser = useBrowserSession();
const smtp = useAppMailbox();

describe('the inbox', () => {
  it('carries a proposal to the other side (and its mail), then the confirmation back to the proposer', async () => {
    const { page } = browser;
    const { mine, partner } = await editorAndPartner(page);
    await chooseProposalPartner(page, mine, partner);
    await page.getByLabel('Kind of partnership').selectOption('INFORMAL');
    const message = `Inbox journey ${Date.now()}: shall we run a joint helpdesk?`;
    await page.getByLabel('Message to the other organisation').fill(message);
    await Promise.all([
      page.waitForURL((url) => url.pathname.includes('/partnerships/') && url.searchParams.has('proposed')),
      page.getByRole('button', { name: 'Send proposal' }).click()
    ]);

    // The other side: a badge in the header, the proposal in the inbox.
    await browser.context.clearCookies();
    await signIn(page, 'partner');
    await page.goto('/');
    // (At least this one: another journey may have proposed to the same organisation before.)
    expect(await page.getByTestId('unread-badge').isVisible()).toBe(true);
    await page.getByRole('link', { name: /^Inbox/ }).click();
    await page.waitForURL((url) => url.pathname === '/inbox');
    // Newest first: this journey's proposal is the first entry with its title.
    const proposed = page.getByRole('link', { name: `${mine.name} proposes a partnership to ${partner.name}` }).first();
    expect(await proposed.isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    await screenshot(page, 'journey-inbox-proposal');

    // …and the mail, as the test's SMTP server received it: plain text with the message and the link.
    await expect.poll(() => smtp.to(E2E_USERS.partner.email).length, { timeout: 60_000 }).toBeGreaterThan(0);
    const mail = smtp.to(E2E_USERS.partner.email).at(-1)!;
    expect(mail.subject).toBe(`${mine.name} proposes a partnership to ${partner.name}`);
    expect(mail.text).toContain(`> ${message}`);
    expect(mail.html).toBe(false);

    // Confirm from the inbox entry.
    await Promise.all([page.waitForURL((url) => url.pathname.includes('/partnerships/')), proposed.click()]);
    await Promise.all([
      page.getByText('The partnership is confirmed.').waitFor(),
      page.getByRole('button', { name: 'Confirm partnership' }).click()
    ]);

    // The proposer hears of it.
    await browser.context.clearCookies();
    await signIn(page, 'editor');
    await page.goto('/inbox');
    const confirmed = page.getByRole('link', {
      name: `${partner.name} confirmed the partnership proposed by ${mine.name}`
    });
    expect(await confirmed.isVisible()).toBe(true);
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('markAllRead')),
      page.getByRole('button', { name: 'Mark all as read' }).click()
    ]);
    await page.getByRole('button', { name: 'Mark all as read' }).waitFor({ state: 'detached' });
    expect(await page.getByTestId('unread-badge').count()).toBe(0);
    expect(browser.errors).toEqual([]);
  });
});
