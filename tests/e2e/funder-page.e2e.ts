/**
 * A funder's page (issue #16 part 6): the "Grants awarded" section renders on the server with the year chart and
 * the tables, its numbers are the API's (Organization.funding), and it passes axe. The server render is checked on
 * the HTML itself; the browser then runs with JavaScript, because axe cannot run in a page without it (it hung). The funder is the one behind
 * the newest public grant of the demo data, so the test follows the data, not names.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, gotoHydrated, launchBrowser, screenshot, type BrowserSession } from './browser';
import { api } from './fixtures';

interface Funding {
  grantCount: number;
  byYear: { year: number; grantCount: number }[];
  byTheme: { theme: { slug: string } }[];
  granteePartnerShare: { granteeCount: number; partneringGranteeCount: number; share: number | null };
}

let browser: BrowserSession;
let funder: { slug: string; name: string; funding: Funding };

beforeAll(async () => {
  const newest = await api<{ grants: { nodes: { funder: { slug: string } }[] } }>(
    `{ grants(first: 1) { nodes { funder { slug } } } }`
  );
  const slug = newest.grants.nodes[0]!.funder.slug;
  const data = await api<{ organization: typeof funder }>(
    `query ($slug: String!) { organization(slug: $slug) { slug name funding {
        grantCount byYear { year grantCount } byTheme { theme { slug } }
        granteePartnerShare { granteeCount partneringGranteeCount share } } } }`,
    { slug }
  );
  funder = data.organization;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('funder page', () => {
  it('shows grants by year, theme and country and the grantees partnering, as the API counts them', async () => {
    const { page } = browser;
    expect(funder.funding.grantCount).toBeGreaterThan(0);
    const html = await (await fetch(new URL(`/organizations/${funder.slug}`, inject('baseUrl')))).text();
    expect(html, 'the funder section is rendered on the server').toContain('id="funding-heading"');
    await gotoHydrated(page, `/organizations/${funder.slug}`);
    const section = page.locator('section[aria-labelledby="funding-heading"]');
    await expect.poll(() => section.locator('h2').textContent()).toBe('Grants awarded');
    await expect.poll(() => section.locator('.summary').textContent()).toContain(`${funder.funding.grantCount} grants`);

    // One bar per year in the chart, and the year table's rows in the same order with the same counts.
    expect(await section.locator('svg.year-chart rect').count()).toBe(funder.funding.byYear.length);
    const yearTable = section.locator('table').first();
    const yearRows = await yearTable
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [r.querySelector('th')!.textContent!.trim(), Number(r.querySelector('td')!.textContent)])
      );
    expect(yearRows).toEqual(funder.funding.byYear.map((y) => [String(y.year), y.grantCount]));
    expect(await section.locator('table').nth(1).locator('tbody tr').count()).toBe(funder.funding.byTheme.length);

    const share = funder.funding.granteePartnerShare;
    const text = (await section.locator('.share').textContent())!;
    if (share.share === null) expect(text).toContain('Fewer than two grantees');
    else expect(text).toContain(`${share.partneringGranteeCount} of ${share.granteeCount} grantees`);

    await expectNoAxeViolations(page);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'funder-page');
  });
});
