/**
 * The gap list a funder acts on (issue 11, part 3): empty cells first with their severity in words, paging kept in
 * the URL, and one click from a gap row to the directory filtered to that theme and country, with as many
 * organisations there as the row counts. The export carries every gap, not only the page's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { SCREENSHOT_DIR, expectNoAxeViolations, launchBrowser, screenshot, useBrowserSession } from './browser';
import { loadDashboardSections } from './dashboard-sections';

const browser = useBrowserSession();

beforeAll(async () => {
  // The first request computes the coverage matrix (cached afterwards); on a busy machine that alone can take
  // longer than a page load may, so it is done here, with time to spare, and not inside the first test.
  await browser.page.request.get('/dashboard/export/heatmap.csv', { timeout: 180_000 });
}, 200_000);

const gapTable = (page: Page) => page.getByRole('table', { name: /Gaps, most severe first/ });

/** The number the directory's results heading states ("12 organisations", "1 organisation"). */
async function directoryCount(page: Page): Promise<number> {
  const text = (await page.locator('#results-heading').textContent())!.trim();
  const match = /^(\d[\d,]*)\b/.exec(text);
  if (match) return Number(match[1]!.replaceAll(',', ''));
  throw new Error(`no count in the directory heading "${text}"`);
}

/** Follows a gap row's link and checks the directory's filters and count against the row. */
async function followToDirectory(page: Page, link: Locator, theme: string, countries: string[]): Promise<number> {
  await Promise.all([page.waitForURL(/\/directory\?/), link.click()]);
  const url = new URL(page.url());
  expect(url.searchParams.getAll('theme')).toEqual([theme]);
  expect(url.searchParams.getAll('country').map((c) => c.toUpperCase())).toEqual(countries);
  await page.locator('#results-heading').waitFor();
  return directoryCount(page);
}

describe('gap list', () => {
  it('puts an empty cell first and leads from it, and from a thin cell, to the directory', async () => {
    const { page } = browser;
    const response = await page.goto('/dashboard');
    // Page weight, reported for the record (every heatmap cell and gap row is a link).
    const html = (await response!.body()).toString('utf8');
    // The heatmap's cell links alone (what part 2 added): the page's weight without them is the "before".
    const cellLinks = html.match(/<a href="\/directory\?theme=[^"]*"[^>]*>|<\/a>(?=\s*<\/td>)/g) ?? [];
    const linkBytes = cellLinks.reduce((sum, tag) => sum + Buffer.byteLength(tag), 0);
    console.log(
      `[dashboard-gaps] /dashboard HTML: ${Buffer.byteLength(html)} bytes, ${await page.locator('a').count()} links; ` +
        `directory links and their closing tags in table cells: ${cellLinks.length} tags, ${linkBytes} bytes`
    );
    // The gap list loads when scrolled to (decision 0052).
    await loadDashboardSections(page, ['gaps']);
    const table = gapTable(page);
    expect(await table.isVisible()).toBe(true);
    // The first page is short: 25 rows, and the caption says which of how many.
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(25);
    expect(await table.locator('caption').textContent()).toMatch(/1–25 of \d+/);

    const first = rows.first();
    expect(await first.getAttribute('data-gaps')).toContain('NONE');
    expect(await first.locator('td.severity').textContent()).toMatch(/Empty.*theme worked on in \d+ of \d+ other/s);
    const theme = (await first.getAttribute('data-theme'))!;
    const country = (await first.getAttribute('data-country'))!;
    const link = first.getByRole('link', { name: /^0 organisations on .*: show them in the directory$/ });
    await screenshot(page, 'dashboard-gaps-1-list');
    await page.locator('#gaps').screenshot({ path: `${SCREENSHOT_DIR}/dashboard-gaps-1-section.png` });
    await page.locator('#heatmap').screenshot({ path: `${SCREENSHOT_DIR}/dashboard-gaps-1-heatmap.png` });
    expect(await followToDirectory(page, link, theme, [country])).toBe(0);
    expect(await page.getByRole('heading', { level: 2, name: /^0 organisations$/ }).isVisible()).toBe(true);
    await screenshot(page, 'dashboard-gaps-2-empty-cell-directory');

    // The first thin cell (after every empty one, so on a later page: the export says which).
    const csv = await (await page.request.get('/dashboard/export/gaps.csv')).text();
    const thinRank = Number(
      csv
        .split('\n')
        .find((line) => /,THIN/.test(line))!
        .split(',')[0]
    );
    await page.goto(`/dashboard?gappage=${Math.ceil(thinRank / 25)}`);
    await loadDashboardSections(page, ['gaps']);
    const thin = gapTable(page).locator('tbody tr[data-gaps~="THIN"]').first();
    const thinTheme = (await thin.getAttribute('data-theme'))!;
    const thinCountry = (await thin.getAttribute('data-country'))!;
    const count = Number(await thin.locator('a.cell-link').textContent());
    expect(count).toBeGreaterThan(0);
    expect(await followToDirectory(page, thin.locator('a.cell-link'), thinTheme, [thinCountry])).toBe(count);
    expect(browser.errors).toEqual([]);
  });

  it('links a thin or empty cell to the organisations of bordering countries on the theme', async () => {
    const { page } = browser;
    await page.goto('/dashboard');
    await loadDashboardSections(page, ['gaps']);
    const withNeighbours = gapTable(page)
      .locator('tbody tr')
      .filter({ has: page.getByRole('link', { name: /^Organisations on .* in .*: show them in the directory$/ }) })
      .first();
    expect(await withNeighbours.count(), 'a gap on the first page names neighbours').toBe(1);
    const theme = (await withNeighbours.getAttribute('data-theme'))!;
    const link = withNeighbours.getByRole('link', { name: /^Organisations on / });
    const href = new URL((await link.getAttribute('href'))!, page.url());
    const neighbours = href.searchParams.getAll('country').map((c) => c.toUpperCase());
    expect(neighbours.length).toBeGreaterThan(0);
    expect(await followToDirectory(page, link, theme, neighbours)).toBeGreaterThan(0);
    expect(browser.errors).toEqual([]);
  });

  it('pages through the gaps in the URL and exports all of them, empty cells included', async () => {
    const { page } = browser;
    await page.goto('/dashboard');
    await loadDashboardSections(page, ['gaps']);
    const table = gapTable(page);
    const total = Number(/of ([\d,]+)/.exec((await table.locator('caption').textContent())!)![1]!.replaceAll(',', ''));
    await Promise.all([
      page.waitForURL(/gappage=2/),
      page
        .getByRole('navigation', { name: 'Pages of the gap list', exact: true })
        .getByRole('link', { name: 'Next ›' })
        .click()
    ]);
    await loadDashboardSections(page, ['gaps']);
    expect(await table.locator('caption').textContent()).toMatch(/26–50 of/);
    expect(await table.locator('tbody tr td').first().textContent()).toBe('26');
    const ranks = await table.locator('tbody tr td:first-child').allTextContents();
    expect(ranks.map(Number)).toEqual(ranks.map((_, i) => 26 + i));
    expect(await table.locator('tbody tr').first().getAttribute('data-theme')).toBeTruthy();
    await expectNoAxeViolations(page);
    await screenshot(page, 'dashboard-gaps-3-page-2');

    const csv = await (await page.request.get('/dashboard/export/gaps.csv?gappage=2')).text();
    const [header, ...lines] = csv.trimEnd().split('\n');
    expect(header!.split(',').slice(0, 3)).toEqual(['rank', 'severity', 'theme_slug']);
    expect(lines.length).toBe(total);
    expect(lines[0]!.startsWith('1,')).toBe(true);
    expect(lines.filter((l) => l.includes(',NONE')).length).toBeGreaterThan(25);
    expect(browser.errors).toEqual([]);
  });

  it('shows one region of the heatmap at a laptop width, each non-empty cell a link to the directory', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 1366, height: 900 });
    try {
      await page.goto('/dashboard?region=south');
      const heatmap = page.getByRole('table', { name: /Organisations per theme/ });
      const region = page.getByRole('region', { name: /Organisations per theme/ });
      expect(await region.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      expect(await heatmap.locator('thead abbr[title="Greece"]').count()).toBe(1);
      expect(await heatmap.locator('thead abbr[title="Germany"]').count()).toBe(0);
      // Empty cells are not links; every other cell is, to its theme and country.
      expect(await heatmap.locator('td.empty a').count()).toBe(0);
      const cell = heatmap.locator('tbody td:not(.empty) a').first();
      const count = Number((await cell.locator('[aria-hidden="true"]').textContent())!.replace(/[^\d]/g, ''));
      const href = new URL((await cell.getAttribute('href'))!, page.url());
      const theme = href.searchParams.get('theme')!;
      const country = href.searchParams.get('country')!.toUpperCase();
      await page.locator('#heatmap').screenshot({ path: `${SCREENSHOT_DIR}/dashboard-gaps-4-heatmap-south.png` });
      await expectNoAxeViolations(page);
      expect(await followToDirectory(page, cell, theme, [country])).toBe(count);
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
    expect(browser.errors).toEqual([]);
  });

  it('fits the gap list into a 1280 px window without sideways scrolling', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/dashboard#gaps');
    await loadDashboardSections(page, ['gaps']);
    const region = page.getByRole('region', { name: /Gaps, most severe first/ });
    const widths = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    await page.locator('#gaps').screenshot({ path: `${SCREENSHOT_DIR}/dashboard-gaps-5-list-1280.png` });
    expect(widths.scroll, `gap table ${widths.scroll} px in a ${widths.client} px region`).toBeLessThanOrEqual(
      widths.client
    );
    expect(browser.errors).toEqual([]);
  });

  it('pages without JavaScript', async () => {
    const noJs = await launchBrowser({ javaScriptEnabled: false });
    try {
      const { page } = noJs;
      // Without JavaScript the gap list is a page of its own (decision 0052), paged like the dashboard was.
      await page.goto('/dashboard?gappage=3');
      await Promise.all([
        page.waitForURL(/\/dashboard\/part\/gaps\?.*gappage=3/),
        page.getByRole('link', { name: 'Show: Gap list' }).click()
      ]);
      expect(await gapTable(page).locator('caption').textContent()).toMatch(/51–75 of/);
      await Promise.all([
        page.waitForURL((url) => !url.searchParams.has('gappage')),
        page
          .getByRole('navigation', { name: 'Pages of the gap list', exact: true })
          .getByRole('link', { name: '« First' })
          .click()
      ]);
      expect(await gapTable(page).locator('caption').textContent()).toMatch(/1–25 of/);
    } finally {
      await noJs.close();
    }
  });
});
