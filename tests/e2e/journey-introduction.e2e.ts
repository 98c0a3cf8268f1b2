/**
 * Journey (issue 15, part 4): a member asks to be introduced to another organisation → its member sees the request
 * in the inbox and gets the mail (received by the test's SMTP server) → accepts → the asker sees the contact
 * details. Then the other way round: a request declined, and the asker sees only "Not now".
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, screenshot, useBrowserSession } from './browser';
import { E2E_USERS } from './accounts';
import { useAppMailbox, editorAndPartner, signIn, type Org } from './fixtures';

const browser = useBrowserSession();
const smtp = useAppMailbox();

/** Fills and sends the form on the asked organisation's page; lands on the inbox with the request listed. */
async function askForIntroduction(page: Page, to: Org, message: string): Promise<void> {
  // A profile's first render in a run asks for recommendations (the ranking model may still be warming up), which
  // under a loaded machine took longer than the default 30 s: wait for the document, with room for that.
  await page.goto(`/organizations/${to.slug}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
  await Promise.all([
    page.waitForURL((url) => url.pathname.endsWith('/introduction')),
    page.getByRole('link', { name: 'Request an introduction' }).click()
  ]);
  await page.getByLabel('Your message').fill(message);
  await page.getByLabel('Why you should meet').fill('We both run legal clinics for newcomers.');
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/inbox'),
    page.getByRole('button', { name: 'Send the request' }).click()
  ]);
}

describe('introductions', () => {
  it('a request accepted exchanges contact details; a request declined reads only "Not now"', async () => {
    const { page } = browser;
    // The editor asks to meet the partner's organisation.
    const { mine, partner } = await editorAndPartner(page);
    const message = `Introduction journey ${Date.now()}: could we compare our helpdesks?`;
    await askForIntroduction(page, partner, message);
    const asked = page.getByTestId('introductions-asked').getByTestId('introduction').first();
    expect(await asked.getAttribute('data-state')).toBe('PENDING');
    expect(await page.getByText(`Your request was sent to the members of ${partner.name}.`).isVisible()).toBe(true);
    await screenshot(page, 'journey-introduction-sent');

    // The partner: the request in the inbox, and the mail at the SMTP server, without the editor's address.
    await browser.context.clearCookies();
    await signIn(page, 'partner');
    await page.goto('/inbox');
    const title = `${mine.name} asks to be introduced to ${partner.name}`;
    expect(await page.getByRole('link', { name: title }).first().isVisible()).toBe(true);
    const received = page.getByTestId('introductions-received').getByTestId('introduction').first();
    expect(await received.getByText(message).isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    await screenshot(page, 'journey-introduction-received');
    await expect
      .poll(() => smtp.to(E2E_USERS.partner.email).filter((m) => m.subject === title).length, {
        timeout: 60_000
      })
      .toBeGreaterThan(0);
    const mail = smtp
      .to(E2E_USERS.partner.email)
      .filter((m) => m.subject === title)
      .at(-1)!;
    expect(mail.text).toContain(`> ${message}`);
    expect(mail.text).not.toContain(E2E_USERS.editor.email);
    expect(mail.html).toBe(false);

    // A plain form POST (no JavaScript needed): the answer comes back on /inbox?/answerIntroduction.
    await Promise.all([
      page.waitForURL((url) => url.search.includes('answerIntroduction')),
      received.getByRole('button', { name: 'Accept and share contact details' }).click()
    ]);
    const acceptedHere = page.getByTestId('introductions-received').getByTestId('introduction').first();
    expect(await acceptedHere.getAttribute('data-state')).toBe('ACCEPTED');
    expect(await acceptedHere.getByTestId('introduction-contacts').getByText(E2E_USERS.editor.email).isVisible()).toBe(
      true
    );

    // The partner asks the editor's organisation in turn (another pair).
    const second = `Introduction journey ${Date.now()}: a question back.`;
    await askForIntroduction(page, mine, second);

    // The editor sees the partner's contact details, then declines the second request.
    await browser.context.clearCookies();
    await signIn(page, 'editor');
    await page.goto('/inbox');
    const accepted = page.getByTestId('introductions-asked').getByTestId('introduction').first();
    expect(await accepted.getAttribute('data-state')).toBe('ACCEPTED');
    expect(await accepted.getByTestId('introduction-contacts').getByText(E2E_USERS.partner.email).isVisible()).toBe(
      true
    );
    await screenshot(page, 'journey-introduction-accepted');
    await expect
      .poll(() => smtp.to(E2E_USERS.editor.email).some((m) => (m.text ?? '').includes(E2E_USERS.partner.email)), {
        timeout: 60_000
      })
      .toBe(true);
    const toDecline = page.getByTestId('introductions-received').getByTestId('introduction').first();
    expect(await toDecline.getByText(second).isVisible()).toBe(true);
    await Promise.all([
      page.waitForURL((url) => url.search.includes('answerIntroduction')),
      toDecline.getByRole('button', { name: 'Decline' }).click()
    ]);

    // The partner reads "Not now" — no date of the decline, no name, no contact details.
    await browser.context.clearCookies();
    await signIn(page, 'partner');
    await page.goto('/inbox');
    const notNow = page.getByTestId('introductions-asked').getByTestId('introduction').first();
    expect(await notNow.getAttribute('data-state')).toBe('NOT_NOW');
    expect(await notNow.getByText('Not now').isVisible()).toBe(true);
    const text = await notNow.innerText();
    expect(text).not.toContain(E2E_USERS.editor.name);
    expect(text).not.toContain(E2E_USERS.editor.email);
    expect(text).not.toContain('Answered by');
    expect(await notNow.getByTestId('introduction-contacts').count()).toBe(0);
    await screenshot(page, 'journey-introduction-not-now');

    // Admins: the moderation queue and the abuse reports render (issue 15 part 7).
    await browser.context.clearCookies();
    await signIn(page, 'admin');
    await page.goto('/admin/moderation');
    expect(await page.getByRole('heading', { name: 'Moderation', level: 1 }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    await screenshot(page, 'admin-moderation');
    expect(browser.errors).toEqual([]);
  });
});
