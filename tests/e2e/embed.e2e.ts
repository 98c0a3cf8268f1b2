/**
 * Embeddable views (issue #16): a page served from another origin (a small HTTP server on its own port) frames the
 * network, map and coalition embeds, which render there without the site's chrome and in the host's colour scheme;
 * normal pages in the same host page are refused (X-Frame-Options / frame-ancestors), and the browser does not show
 * them. The directory's results as a map, the Embed buttons and the oEmbed answers for each view.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, gotoHydrated, launchBrowser, screenshot, type BrowserSession } from './browser';
import { loadDashboardSections } from './dashboard-sections';
import { signIn } from './fixtures';

interface OrgRef {
  slug: string;
  name: string;
}

async function api<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(new URL('/graphql', inject('baseUrl')), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables })
  });
  const body = (await response.json()) as { data: T };
  return body.data;
}

async function bestConnected(): Promise<OrgRef> {
  const data = await api<{ organizations: { nodes: OrgRef[] } }>(
    '{ organizations(first: 1, orderBy: { field: PARTNER_COUNT, direction: DESC }) { nodes { slug name } } }'
  );
  return data.organizations.nodes[0]!;
}

/** The directory's count per country for a theme, as an anonymous visitor gets it from the API. */
async function anonymousCountryCounts(theme: string): Promise<Map<string, number>> {
  const data = await api<{ organizations: { facets: { countries: { count: number; country: { code: string } }[] } } }>(
    'query($t: [String!]) { organizations(first: 1, filter: { themes: $t }) { facets { countries { count country { code } } } } }',
    { t: [theme] }
  );
  return new Map(data.organizations.facets.countries.map((f) => [f.country.code, f.count]));
}

const MAP_QUERY = 'theme=legal-aid';
// Liechtenstein has no organisation in the demo data: always a gap.
const COALITION_QUERY = 'theme=legal-aid&theme=housing&country=DE&country=GR&country=LI';
const COALITION_HEADING = 'Coalition for Legal aid, Housing in Germany, Greece, Liechtenstein';

let host: Server;
let hostOrigin: string;
let browser: BrowserSession;
let org: OrgRef;
const base = () => inject('baseUrl').replace(/\/$/, '');

const FRAMES = {
  network: () => `/embed/organizations/${org.slug}/network`,
  map: () => `/embed/map?${MAP_QUERY}`,
  coalition: () => `/embed/coalition?${COALITION_QUERY}`,
  // Pages that must refuse to be framed: a profile, the directory's map, the coalition builder.
  profile: () => `/organizations/${org.slug}`,
  directoryMap: () => `/directory/map?${MAP_QUERY}`,
  builder: () => `/coalitions?${COALITION_QUERY}`
};

beforeAll(async () => {
  org = await bestConnected();
  host = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    const frames = Object.entries(FRAMES)
      .map(
        ([id, path]) =>
          `<iframe id="${id}" src="${base()}${path().replaceAll('&', '&amp;')}" width="420" height="360"></iframe>`
      )
      .join('\n');
    response.end(`<!doctype html><html><head><title>Partner site</title></head><body>
      <h1>A partner's own website</h1>
      ${frames}
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

/** The frame's h1 once it has rendered (the frames load in parallel on a busy machine). */
async function frameHeading(frame: FrameLocator): Promise<string | null> {
  let text: string | null = null;
  await expect
    .poll(
      async () =>
        (text = await frame
          .getByRole('heading', { level: 1 })
          .textContent({ timeout: 1_000 })
          .catch(() => null)),
      { timeout: 60_000 }
    )
    .toBeTruthy();
  return text;
}

async function snippetSrc(page: Page): Promise<string> {
  await page.getByText('Embed', { exact: true }).click();
  const snippet = await page.locator('#embed-snippet').inputValue();
  return /src="([^"]+)"/.exec(snippet)![1]!.replaceAll('&amp;', '&');
}

/** What the page's oEmbed discovery link answers: the iframe's src. */
async function discoveredSrc(page: Page): Promise<string> {
  const discovery = await page.locator('link[type="application/json+oembed"]').getAttribute('href');
  const answer = await fetch(new URL(discovery!, base()));
  expect(answer.status).toBe(200);
  const { html } = (await answer.json()) as { html: string };
  return /src="([^"]+)"/.exec(html)![1]!.replaceAll('&amp;', '&');
}

describe('embeddable views', () => {
  it('are framed by another origin and render there, while normal pages are refused', async () => {
    const { page } = browser;
    // Not waiting for `load`: that waits for every frame, and the refused ones are rendered in full before refusal.
    await page.goto(`${hostOrigin}/`, { waitUntil: 'domcontentloaded' });

    const network = page.frameLocator('#network');
    expect(await frameHeading(network)).toContain(org.name);
    // No site chrome, a link back to the full profile that opens outside the frame.
    expect(await network.locator('header.site-header').count()).toBe(0);
    const back = network.getByRole('link', { name: /full profile/i });
    expect(await back.getAttribute('href')).toBe(`/organizations/${org.slug}`);
    expect(await back.getAttribute('target')).toBe('_blank');
    expect(await network.locator('.partners li').count()).toBeGreaterThan(0);

    const map = page.frameLocator('#map');
    expect(await frameHeading(map)).toBe('Organisations per country: Legal aid');
    expect(await map.locator('header.site-header').count()).toBe(0);
    expect(await map.locator('svg path[data-code]').count()).toBeGreaterThan(10);
    expect(await map.locator('tr[data-code]').count()).toBeGreaterThan(0);

    const coalition = page.frameLocator('#coalition');
    expect(await frameHeading(coalition)).toBe(COALITION_HEADING);
    expect(await coalition.locator('header.site-header').count()).toBe(0);
    expect(await coalition.locator('ul.country-gaps > li').allTextContents()).toEqual(['Liechtenstein']);
    expect(await coalition.locator('ol.members > li').count()).toBeGreaterThan(0);
    expect(await coalition.locator('table.grid').count()).toBe(1);

    // The refused frames end on Chromium's error page, never on the page itself.
    for (const id of ['profile', 'directoryMap', 'builder'] as const) {
      const frame = await (await page.$(`#${id}`))!.contentFrame();
      await expect.poll(() => frame?.url(), { timeout: 60_000 }).toMatch(/^chrome-error:/);
      expect(page.frames().some((f) => f.url() === `${base()}${FRAMES[id]()}`)).toBe(false);
    }
    expect(browser.errors.filter((e) => !/frame|refused/i.test(e))).toEqual([]);
    await screenshot(page, 'embed-host-page');
  });

  it('open their links outside the frame, never rendering a refused page inside it', async () => {
    const { page, context } = browser;
    await page.goto(`${hostOrigin}/`, { waitUntil: 'domcontentloaded' });
    const coalition = page.frameLocator('#coalition');
    await frameHeading(coalition);
    const member = coalition.locator('ol.members > li .name a').first();
    const href = await member.getAttribute('href');
    const frame = await (await page.$('#coalition'))!.contentFrame();
    // Hydrated, so the router would have taken the click if the embed let it.
    await expect.poll(() => frame?.evaluate(() => document.documentElement.dataset.hydrated)).toBe('true');
    const [opened] = await Promise.all([context.waitForEvent('page'), member.click()]);
    await opened.waitForLoadState('domcontentloaded');
    expect(new URL(opened.url()).pathname).toBe(href);
    expect(frame?.url()).toBe(`${base()}${FRAMES.coalition()}`);
    await opened.close();
  });

  it('send frame-ancestors * for /embed/ and refuse framing for other pages', async () => {
    for (const path of [FRAMES.network(), FRAMES.map(), FRAMES.coalition()]) {
      const embed = await fetch(`${base()}${path}`);
      expect(embed.status, path).toBe(200);
      expect(embed.headers.get('x-frame-options'), path).toBeNull();
      expect(embed.headers.get('content-security-policy'), path).toMatch(/frame-ancestors \*(;|$)/);
    }
    for (const path of [FRAMES.profile(), FRAMES.directoryMap(), FRAMES.builder()]) {
      const refused = await fetch(`${base()}${path}`);
      expect(refused.headers.get('x-frame-options'), path).toBe('DENY');
      expect(refused.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
    }
  });

  it('name the field of a request they cannot show', async () => {
    const { page } = browser;
    const coalition = await page.goto(`/embed/coalition?theme=legal-aid`);
    expect(coalition?.status()).toBe(400);
    expect(await page.locator('.bad-request').textContent()).toMatch(/^country: /);
    const map = await page.goto(`/embed/map?theme=no-such-theme`);
    expect(map?.status()).toBe(400);
    expect(await page.locator('.bad-request').textContent()).toContain('no-such-theme');
  });

  it('follow the host page to dark colours, or the scheme parameter', async () => {
    const { page } = browser;
    const background = async (path: string) => {
      await page.goto(path);
      return page.locator('main.embed').evaluate((el) => getComputedStyle(el).backgroundColor);
    };
    const LIGHT = 'rgb(247, 246, 242)';
    const DARK = 'rgb(17, 24, 39)';
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await background(FRAMES.network())).toBe(LIGHT);
    expect(await background(`${FRAMES.coalition()}&scheme=dark`)).toBe(DARK);
    await expectNoAxeViolations(page);
    await screenshot(page, 'embed-coalition-dark');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background(FRAMES.network())).toBe(DARK);
    expect(await background(FRAMES.map())).toBe(DARK);
    await expectNoAxeViolations(page);
    await screenshot(page, 'embed-map-dark');
    expect(await background(`${FRAMES.map()}&scheme=light`)).toBe(LIGHT);
    await screenshot(page, 'embed-map-light');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('show public data only, whoever is signed in', async () => {
    const { page, context } = browser;
    // Larger coalitions too, so that some request's members have ties only a signed-in analyst may see.
    const requests = [
      COALITION_QUERY,
      'theme=legal-aid&country=DE&country=FR&country=IT&country=ES&country=GR&country=PL&country=NL&country=BE&size=12',
      'theme=fair-asylum-systems&theme=legal-aid&theme=housing&country=DE&country=FR&country=IT&country=ES&country=GR&country=SE&country=AT&country=BE&size=16'
    ];
    const facts = async (path: string) => {
      await page.goto(path);
      return {
        members: await page.locator('ol.members > li .name a').allTextContents(),
        stats: await page.locator('dl.stats dd').allTextContents()
      };
    };
    const anonymous: Awaited<ReturnType<typeof facts>>[] = [];
    for (const query of requests) anonymous.push(await facts(`/embed/coalition?${query}`));
    await signIn(page, 'analyst');
    const builder: Awaited<ReturnType<typeof facts>>[] = [];
    for (const [i, query] of requests.entries()) {
      expect(await facts(`/embed/coalition?${query}`), query).toEqual(anonymous[i]);
      builder.push(await facts(`/coalitions?${query}`));
    }
    // The builder, asked as the analyst, does see more for at least one of them: so the embed's equality above
    // means it ignored the session, not that there was nothing more to see.
    expect(builder.some((answer, i) => JSON.stringify(answer) !== JSON.stringify(anonymous[i]))).toBe(true);
    await context.clearCookies();
  });
});

describe('directory results as a map', () => {
  it('shows the current filter per country, each country leading to the directory filtered to it', async () => {
    const { page } = browser;
    await gotoHydrated(page, `/directory?${MAP_QUERY}`);
    await Promise.all([
      page.waitForURL(/\/directory\/map\?theme=legal-aid$/),
      page.getByRole('link', { name: 'Show these results on a map' }).click()
    ]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Organisations per country: Legal aid');
    // The figures are the directory's own, as the anonymous visitor sees them.
    const expected = await anonymousCountryCounts('legal-aid');
    await page.getByText('Show the map as a table').click();
    const codes = await page
      .locator('tr[data-code]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
    expect(codes.length).toBeGreaterThan(0);
    // A compact country, so the middle of its shape (where the click lands) is the country itself.
    const code = ['DE', 'IT', 'GR', 'ES', 'PL'].find((c) => codes.includes(c)) ?? codes[0]!;
    const cell = page.locator(`tr[data-code="${code}"] td`);
    const figure = Number((await cell.textContent())!.replace(/\D/g, ''));
    expect(figure).toBe(expected.get(code));
    await expectNoAxeViolations(page);
    await screenshot(page, 'directory-results-map');

    // A click on the country in the map goes to the directory filtered to it, with the same number of results.
    await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/directory' && url.searchParams.get('country') === code.toLowerCase()),
      page.locator(`svg path[data-code="${code}"]`).first().click()
    ]);
    expect(new URL(page.url()).searchParams.get('theme')).toBe('legal-aid');
    expect(await page.locator('#results-heading').textContent()).toMatch(new RegExp(`^${figure} organisations?$`));
  });
});

describe('Embed buttons and oEmbed discovery', () => {
  it('give the snippet of the directory map, the dashboard map and the coalition, as oEmbed does', async () => {
    const { page } = browser;
    await page.goto(`/directory/map?${MAP_QUERY}`);
    expect(await snippetSrc(page)).toBe(`${base()}/embed/map?${MAP_QUERY}`);
    expect(await discoveredSrc(page)).toBe(`${base()}/embed/map?${MAP_QUERY}`);

    await page.goto('/dashboard?maptheme=legal-aid');
    await loadDashboardSections(page, ['map']);
    expect(await snippetSrc(page)).toBe(`${base()}/embed/map?${MAP_QUERY}`);
    expect(await discoveredSrc(page)).toBe(`${base()}/embed/map?${MAP_QUERY}`);

    await page.goto(`/coalitions?${COALITION_QUERY}`);
    expect(await snippetSrc(page)).toBe(`${base()}/embed/coalition?${COALITION_QUERY}`);
    expect(await discoveredSrc(page)).toBe(`${base()}/embed/coalition?${COALITION_QUERY}`);
    await screenshot(page, 'coalition-embed-snippet');
  });

  it('keeps the profile snippet equal to the oEmbed answer', async () => {
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
