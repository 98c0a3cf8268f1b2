/**
 * The organisation page (/organizations/<slug>): server-rendered profile, partners and recommendations; the
 * network view drawn by sigma (WebGL); "How are we connected?" as a plain GET form; German; phone width; axe.
 * The organisations come from the demo dataset through the public API, so the test follows the data, not names.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser, MOBILE, screenshot, useBrowserSession } from './browser';
import { api } from './fixtures';

interface OrgRef {
  id: string;
  slug: string;
  name: string;
}

/** The best-connected organisation, one of its partners, and an organisation two partnerships away. */
type Visibility = 'PUBLIC' | 'MEMBERS' | 'PRIVATE';

async function pickOrganizations(): Promise<{
  focus: OrgRef & { contactEmailVisibility: Visibility };
  partner: OrgRef;
  twoAway: OrgRef;
}> {
  const data = await api<{
    organizations: {
      nodes: (OrgRef & { contactEmailVisibility: Visibility; partners: (OrgRef & { partners: OrgRef[] })[] })[];
    };
  }>(`{
    organizations(first: 1, orderBy: { field: PARTNER_COUNT, direction: DESC }) {
      nodes { id slug name contactEmailVisibility partners(first: 30) { id slug name partners(first: 30) { id slug name } } }
    }
  }`);
  const focus = data.organizations.nodes[0]!;
  const direct = new Set([focus.id, ...focus.partners.map((p) => p.id)]);
  for (const partner of focus.partners) {
    const twoAway = partner.partners.find((p) => !direct.has(p.id));
    if (twoAway) return { focus, partner, twoAway };
  }
  throw new Error(`The demo data has no organisation two partnerships away from ${focus.slug}`);
}

/**
 * Whether the drawing shows the network: a screenshot of the stage (what the user sees, WebGL included) decoded in
 * the page, counting pixels close to the focus colour and to the partner colour (layout.ts NODE_COLOUR).
 */
async function drawnColours(page: Page): Promise<{ focus: number; partner: number; total: number }> {
  const png = await page.locator('.network-graph .stage').screenshot();
  return page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    const near = (i: number, [r, g, b]: number[]) =>
      Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!) < 40;
    let focus = 0;
    let partner = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (near(i, [0xb4, 0x53, 0x09])) focus++;
      if (near(i, [0x0f, 0x76, 0x6e])) partner++;
    }
    return { focus, partner, total: bitmap.width * bitmap.height };
  }, png.toString('base64'));
}

const browser = useBrowserSession();
let orgs: Awaited<ReturnType<typeof pickOrganizations>>;
const pathOf = (org: OrgRef) => `/organizations/${org.slug}`;

beforeAll(async () => {
  orgs = await pickOrganizations();
});

beforeEach(async () => {
  await browser.page.setViewportSize({ width: 1280, height: 800 });
});

describe('organisation page without JavaScript', () => {
  it('renders the profile, partners, recommendations and a working connection form on the server', async () => {
    const noJs = await launchBrowser({ javaScriptEnabled: false });
    try {
      const { page } = noJs;
      const response = await page.goto(pathOf(orgs.focus));
      expect(response?.status()).toBe(200);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(orgs.focus.name);

      const partners = page.locator('section[aria-labelledby="partners-heading"]');
      const partnerLink = partners.getByRole('link', { name: orgs.partner.name, exact: true });
      expect(await partnerLink.getAttribute('href')).toBe(pathOf(orgs.partner));

      const recommendations = page.locator('section[aria-labelledby="recommendations-heading"]');
      const recommended = recommendations.getByRole('heading', { level: 3 });
      expect(await recommended.count()).toBeGreaterThan(0);
      expect(await recommended.first().getByRole('link').getAttribute('href')).toMatch(/^\/organizations\/[\w-]+$/);
      expect(await recommendations.getByText('Distance').count()).toBeGreaterThan(0);

      // The network view says what it would show and why it is not drawn; the lists above stay the content.
      const figure = page.locator('figure.network-graph');
      expect(await figure.textContent()).toMatch(/Organisations shown: \d+ · ties: \d+/);
      expect(await figure.getByText('The interactive network needs JavaScript').isVisible()).toBe(true);

      // Anonymous visitors get the email only when it is public; otherwise they learn why it is not shown.
      const contact = page.locator('section[aria-labelledby="contact-heading"]');
      const expected = { PUBLIC: null, MEMBERS: 'Visible to members', PRIVATE: 'Not shared publicly' }[
        orgs.focus.contactEmailVisibility
      ];
      expect(await contact.locator('a[href^="mailto:"]').count()).toBe(expected ? 0 : 1);
      if (expected) expect(await contact.getByText(expected).first().isVisible()).toBe(true);

      await page.getByLabel('Other organisation').fill(orgs.twoAway.name);
      await Promise.all([page.waitForURL(/[?&]to=/), page.getByRole('button', { name: 'Show connection' }).click()]);
      expect(new URL(page.url()).searchParams.get('to')).toBe(orgs.twoAway.name);
      const connection = page.locator('#connection');
      expect(await connection.getByRole('heading', { level: 3 }).textContent()).toBe(
        `Shortest chains from ${orgs.focus.name} to ${orgs.twoAway.name}`
      );
      const firstChain = connection.locator('ol.chain').first().locator('li');
      expect(await firstChain.count()).toBe(3);
      expect((await firstChain.first().textContent())?.trim()).toBe(orgs.focus.name);
      expect(await firstChain.last().getByRole('link').getAttribute('href')).toBe(pathOf(orgs.twoAway));
      expect(await connection.getByText('Chain 1: 2 partnerships').isVisible()).toBe(true);
    } finally {
      await noJs.close();
    }
  });
});

describe('organisation page in the browser', () => {
  it('draws the network of partners and partners of partners, and opens a partner from the keyboard', async () => {
    const { page } = browser;
    await page.goto(pathOf(orgs.focus));
    await page.locator('figure.network-graph[data-status="ready"]').waitFor();
    const graph = page.locator('figure.network-graph');
    expect(await graph.locator('canvas').count()).toBeGreaterThan(0);
    const legend = graph.getByRole('list', { name: 'Legend' });
    expect(await legend.textContent()).toContain('Partner of a partner');

    const colours = await drawnColours(page);
    expect(colours.focus, 'pixels in the focus colour').toBeGreaterThan(20);
    expect(colours.partner, 'pixels in the partner colour').toBeGreaterThan(50);

    const stage = page.getByRole('application', { name: `Partners of ${orgs.focus.name} and their partners` });
    await stage.focus();
    await page.keyboard.press('ArrowRight'); // the focus organisation comes first …
    await page.keyboard.press('ArrowRight'); // … then its partners, alphabetically
    const announced = await graph.locator('[aria-live="polite"]').textContent();
    expect(announced).toMatch(/\(Partner\), 2 of \d+\. Press Enter to open its page\./);
    const partnerName = announced!.slice(0, announced!.indexOf(' (Partner)'));
    await Promise.all([page.waitForURL((url) => url.pathname !== pathOf(orgs.focus)), page.keyboard.press('Enter')]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(partnerName);
    expect(browser.errors).toEqual([]);
  });

  it('suggests organisation names while typing and shows the connection', async () => {
    const { page } = browser;
    await page.goto(pathOf(orgs.focus));
    const field = page.getByLabel('Other organisation');
    await field.pressSequentially(orgs.twoAway.name.slice(0, 12), { delay: 20 });
    const options = page.locator('datalist option');
    await expect.poll(() => options.count(), { timeout: 5000 }).toBeGreaterThan(0);
    await field.fill(orgs.twoAway.slug);
    await Promise.all([page.waitForURL(/[?&]to=/), field.press('Enter')]);
    const chain = page.locator('#connection ol.chain').first();
    await chain.waitFor();
    expect((await chain.locator('li').last().textContent())?.trim()).toBe(orgs.twoAway.name);
    expect(browser.errors).toEqual([]);
  });

  it('has no accessibility violations and looks right on desktop and phone', async () => {
    const { page } = browser;
    await page.goto(`${pathOf(orgs.focus)}?to=${orgs.twoAway.slug}`);
    await page.locator('figure.network-graph[data-status="ready"]').waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'organization-en');

    await page.setViewportSize(MOBILE);
    await expectNoAxeViolations(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'horizontal scrolling at 360 px').toBeLessThanOrEqual(0);
    expect(browser.errors).toEqual([]);
  });

  it('speaks German', async () => {
    const { page } = browser;
    await page.goto(`${pathOf(orgs.focus)}?lang=de`);
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    for (const heading of [
      'Partner',
      'Netzwerkansicht',
      'Empfohlene Partner',
      'Wie sind wir verbunden?',
      'Wo sie arbeitet'
    ]) {
      expect(await page.getByRole('heading', { level: 2, name: heading, exact: true }).isVisible()).toBe(true);
    }
    await page.locator('figure.network-graph[data-status="ready"]').waitFor();
    expect(await page.locator('figure.network-graph').textContent()).toContain('Partner eines Partners');
    await expectNoAxeViolations(page);
    await screenshot(page, 'organization-de');
    expect(browser.errors).toEqual([]);
  });

  it('says so when the browser has no WebGL, and the partner list stays usable', async () => {
    const noWebgl = await launchBrowser();
    try {
      const { page, context } = noWebgl;
      // As on a machine whose graphics driver is blocklisted: every WebGL context request fails.
      await context.addInitScript(() => {
        const original = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
          return /webgl/i.test(type) ? null : original.call(this, type as '2d', ...(rest as []));
        } as typeof original;
      });
      await page.goto(pathOf(orgs.focus));
      await page.locator('figure.network-graph[data-status="unsupported"]').waitFor();
      expect(await page.getByText('This browser cannot draw the interactive network').isVisible()).toBe(true);
      expect(await page.locator('figure.network-graph canvas').count()).toBe(0);
      const partnerLink = page
        .locator('section[aria-labelledby="partners-heading"]')
        .getByRole('link', { name: orgs.partner.name, exact: true });
      await Promise.all([page.waitForURL(`**${pathOf(orgs.partner)}`), partnerLink.click()]);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(orgs.partner.name);
      expect(noWebgl.errors).toEqual([]);
    } finally {
      await noWebgl.close();
    }
  });

  it('answers an unknown slug with the 404 page', async () => {
    const { page } = browser;
    const response = await page.goto('/organizations/no-such-organisation-here');
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('We couldn’t find this page');
  });
});
