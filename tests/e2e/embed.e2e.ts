/**
 * Embeddable views (issue #16): a page served from another origin (a small HTTP server on its own port) frames the
 * network embed, which renders there without the site's chrome and in the host's colour scheme; a normal page in
 * the same host page is refused (X-Frame-Options / frame-ancestors), and the browser does not show it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, type BrowserSession } from './browser';

interface OrgRef {
  slug: string;
  name: string;
}

async function bestConnected(): Promise<OrgRef> {
  const response = await fetch(new URL('/graphql', inject('baseUrl')), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: '{ organizations(first: 1, orderBy: { field: PARTNER_COUNT, direction: DESC }) { nodes { slug name } } }'
    })
  });
  const body = (await response.json()) as { data: { organizations: { nodes: OrgRef[] } } };
  return body.data.organizations.nodes[0]!;
}

let host: Server;
let hostOrigin: string;
let browser: BrowserSession;
let org: OrgRef;
const base = () => inject('baseUrl').replace(/\/$/, '');

beforeAll(async () => {
  org = await bestConnected();
  host = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html><head><title>Partner site</title></head><body>
      <h1>A partner's own website</h1>
      <iframe id="embed" src="${base()}/embed/organizations/${org.slug}/network" width="600" height="480"></iframe>
      <iframe id="profile" src="${base()}/organizations/${org.slug}" width="600" height="480"></iframe>
    </body></html>`);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  expect(new URL(hostOrigin).origin).not.toBe(new URL(base()).origin);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => host?.close(resolve));
});

describe('embeddable network view', () => {
  it('is framed by another origin and renders there, while a normal page is refused', async () => {
    const { page } = browser;
    // Not waiting for `load`: that waits for both frames, and the refused one is rendered in full before refusal.
    await page.goto(`${hostOrigin}/`, { waitUntil: 'domcontentloaded' });

    const embed = page.frameLocator('#embed');
    await expect
      .poll(
        async () =>
          embed
            .getByRole('heading', { level: 1 })
            .textContent({ timeout: 1_000 })
            .catch(() => null),
        {
          timeout: 60_000
        }
      )
      .toContain(org.name);
    // No site chrome, a link back to the full profile that opens outside the frame.
    expect(await embed.locator('header.site-header').count()).toBe(0);
    const back = embed.getByRole('link', { name: /full profile/i });
    expect(await back.getAttribute('href')).toBe(`/organizations/${org.slug}`);
    expect(await back.getAttribute('target')).toBe('_blank');
    expect(await embed.locator('.partners li').count()).toBeGreaterThan(0);

    // The refused frame ends on Chromium's error page, never on the profile.
    const profileFrame = await (await page.$('#profile'))!.contentFrame();
    await expect.poll(() => profileFrame?.url(), { timeout: 60_000 }).toMatch(/^chrome-error:/);
    expect(page.frames().some((f) => f.url() === `${base()}/organizations/${org.slug}`)).toBe(false);
    expect(browser.errors.filter((e) => !/frame|refused/i.test(e))).toEqual([]);
  });

  it('sends frame-ancestors * for /embed/ and refuses framing for other pages', async () => {
    const embed = await fetch(`${base()}/embed/organizations/${org.slug}/network`);
    expect(embed.status).toBe(200);
    expect(embed.headers.get('x-frame-options')).toBeNull();
    expect(embed.headers.get('content-security-policy')).toMatch(/frame-ancestors \*(;|$)/);

    const profile = await fetch(`${base()}/organizations/${org.slug}`);
    expect(profile.headers.get('x-frame-options')).toBe('DENY');
    expect(profile.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('follows the host page to dark colours', async () => {
    const { page } = browser;
    const background = async () => {
      await page.goto(`/embed/organizations/${org.slug}/network`);
      return page.locator('main.embed').evaluate((el) => getComputedStyle(el).backgroundColor);
    };
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await background();
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await background();
    expect(light).toBe('rgb(247, 246, 242)');
    expect(dark).toBe('rgb(17, 24, 39)');
  });

  it('is offered on the profile as a snippet, with oEmbed discovery', async () => {
    const { page } = browser;
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`/organizations/${org.slug}`);
    await page.getByText('Embed', { exact: true }).click();
    const snippet = await page.locator('#embed-snippet').inputValue();
    expect(snippet).toContain(`src="${base()}/embed/organizations/${org.slug}/network"`);
    const discovery = await page.locator('link[type="application/json+oembed"]').getAttribute('href');
    const answer = await fetch(new URL(discovery!, base()));
    expect(((await answer.json()) as { html: string }).html).toBe(snippet);
  });
});
