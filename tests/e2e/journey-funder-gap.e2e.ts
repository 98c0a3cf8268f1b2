/**
 * Journey 2 — a funder finds a gap and exports it. The analyst (FUNDER_ANALYST) opens the dashboard, filters by a
 * funder and a year range, finds an empty cell first in the gap list and thin or isolated cells in the heatmap, sorts the list, and
 * downloads the gap list as CSV, which must contain that gap. Then: an anonymous visitor sees the dashboard too,
 * without the members-only grants the analyst sees; the journey also runs in German. Screenshots at every step.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, screenshot, useBrowserSession } from './browser';
import { loadDashboardSections } from './dashboard-sections';
import { escapeRegExp, signIn } from './fixtures';

const browser = useBrowserSession();

beforeAll(async () => {
  // The analyst's first dashboard request computes the members-level coverage matrix (cached afterwards); on a
  // busy machine that can take longer than a page load may, so it is done here with time to spare.
  await signIn(browser.page, 'analyst');
  await browser.page.request.get('/dashboard/export/heatmap.csv', { timeout: 180_000 });
}, 200_000);

const THIS_YEAR = new Date().getUTCFullYear();
const FROM = THIS_YEAR - 6;

/** Clicks a download link and returns the file's name and text. */
async function download(page: Page, name: string | RegExp): Promise<{ filename: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  const path = await file.path();
  return { filename: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** CSV text → rows of cells (the exports quote cells with commas, quotes or line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

describe('journey: a funder finds a gap and exports it', () => {
  it('filters by funder and years, finds the most severe gap, and exports the gap list', async () => {
    const { page } = browser;
    await signIn(page, 'analyst');
    await page.goto('/dashboard');
    expect(await page.locator('[data-visibility]').getAttribute('data-visibility')).toBe('MEMBERS');
    await screenshot(page, 'journey-funder-gap-1-dashboard');

    // Filter: the first funder in the list, grants of the last seven years, grant money in the heatmap.
    const funderSelect = page.getByLabel('Funder', { exact: true });
    const funderOption = funderSelect.locator('option').nth(1);
    const funderName = (await funderOption.textContent())!.trim();
    const funderSlug = (await funderOption.getAttribute('value'))!;
    await funderSelect.selectOption(funderSlug);
    await page.getByLabel('From year').fill(String(FROM));
    await page.getByLabel('To year').fill(String(THIS_YEAR));
    await page.getByRole('radio', { name: 'Grant money' }).check();
    await Promise.all([page.waitForURL(/funder=/), page.getByRole('button', { name: 'Apply filters' }).click()]);
    const url = new URL(page.url());
    expect(url.pathname).toBe('/dashboard');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      funder: funderSlug,
      from: String(FROM),
      to: String(THIS_YEAR),
      measure: 'money'
    });
    expect(await page.getByRole('heading', { level: 2, name: `Grants by ${funderName}` }).isVisible()).toBe(true);
    const heatmap = page.getByRole('table', {
      name: new RegExp(`Grant money per theme .* — ${escapeRegExp(funderName)}`)
    });
    expect(await heatmap.isVisible()).toBe(true);
    await screenshot(page, 'journey-funder-gap-2-filtered');

    // A gap: the gap list's first row (an empty cell, the most severe kind), and thin or isolated cells marked in
    // the heatmap (not by colour alone: symbol + hidden text).
    // (The gap list loads when scrolled to: decision 0052.)
    await loadDashboardSections(page, ['gaps']);
    const gapTable = page.getByRole('table', { name: /Gaps, most severe first/ });
    const firstGap = gapTable.locator('tbody tr').first();
    const theme = (await firstGap.getAttribute('data-theme'))!;
    const country = (await firstGap.getAttribute('data-country'))!;
    const severity = (await firstGap.locator('td.severity').textContent())!;
    expect(severity).toMatch(/Empty/);
    const flaggedCells = heatmap.locator('td[data-gaps*="THIN"], td[data-gaps*="ISOLATED"]');
    expect(await flaggedCells.count()).toBeGreaterThan(0);
    expect(await flaggedCells.first().locator('.visually-hidden').textContent()).toMatch(/, (thin|isolated)/);

    // Sort the gap list by country, descending on the second click; the header says so.
    const countryHeader = () => gapTable.locator('thead th').nth(3);
    await Promise.all([page.waitForURL(/gapsort=country/), countryHeader().getByRole('link').click()]);
    await loadDashboardSections(page, ['gaps']);
    expect(await countryHeader().getAttribute('aria-sort')).toBe('ascending');
    await Promise.all([page.waitForURL(/gapdir=desc/), countryHeader().getByRole('link').click()]);
    await loadDashboardSections(page, ['gaps']);
    expect(await countryHeader().getAttribute('aria-sort')).toBe('descending');
    const countries = await gapTable.locator('tbody tr td:nth-of-type(3)').allTextContents();
    expect(countries.length).toBeGreaterThan(1);
    expect([...countries].sort((a, b) => b.localeCompare(a, 'en', { sensitivity: 'base' }))).toEqual(countries);
    await expectNoAxeViolations(page);
    await screenshot(page, 'journey-funder-gap-3-sorted');

    // Export: the whole gap list (not only the rows on the page) for the same filters, with that gap in it.
    const csv = await download(page, 'Download the gap list (CSV)');
    expect(csv.filename).toBe(`atlas-gaps-${funderSlug}-${FROM}-${THIS_YEAR}.csv`);
    const [header, ...rows] = parseCsv(csv.text);
    expect(header).toEqual(
      expect.arrayContaining([
        'theme_slug',
        'country_code',
        'organizations',
        'gaps',
        'grants_eur',
        'funder',
        'computed_at'
      ])
    );
    const col = (name: string) => header!.indexOf(name);
    const gapRow = rows.find((r) => r[col('theme_slug')] === theme && r[col('country_code')] === country);
    expect(gapRow, `${theme} × ${country} in the CSV`).toBeDefined();
    expect(gapRow![col('gaps')]).toMatch(/NONE/);
    expect(gapRow![col('funder')]).toBe(funderSlug);
    expect(rows.every((r) => /NONE|THIN|ISOLATED/.test(r[col('gaps')]!))).toBe(true);
    expect(rows.length).toBeGreaterThanOrEqual(await gapTable.locator('tbody tr').count());
    expect(browser.errors).toEqual([]);
  });

  it('shows an anonymous visitor the dashboard without the members-only grants', async () => {
    const { page } = browser;
    // The grants only signed-in users may see, as the analyst finds them through the API.
    await signIn(page, 'analyst');
    const answer = await page.request.post('/graphql', {
      data: {
        query: `{ grants(first: 100, filter: { yearFrom: ${FROM}, yearTo: ${THIS_YEAR} }) { nodes { id visibility } } }`
      }
    });
    const nodes = ((await answer.json()) as { data: { grants: { nodes: { id: string; visibility: string }[] } } }).data
      .grants.nodes;
    const membersOnly = nodes.filter((g) => g.visibility === 'MEMBERS').map((g) => g.id);
    expect(membersOnly.length, 'the demo data has members-only grants').toBeGreaterThan(0);
    const exportUrl = `/dashboard/export/grants.csv?from=${FROM}&to=${THIS_YEAR}`;
    const analystCsv = await (await page.request.get(exportUrl)).text();
    for (const id of membersOnly) expect(analystCsv).toContain(id);

    await browser.context.clearCookies();
    await page.goto(`/dashboard?measure=money&from=${FROM}&to=${THIS_YEAR}`);
    expect(await page.locator('[data-visibility]').getAttribute('data-visibility')).toBe('PUBLIC');
    expect(await page.getByRole('link', { name: 'Sign in to see members-only data.' }).isVisible()).toBe(true);
    const grantsCsv = await download(page, 'Download the grants (CSV)');
    expect(grantsCsv.text.startsWith('id,title,')).toBe(true);
    for (const id of membersOnly) expect(grantsCsv.text).not.toContain(id);
    expect(parseCsv(grantsCsv.text).length).toBeLessThan(parseCsv(analystCsv).length);
    await expectNoAxeViolations(page);
    await screenshot(page, 'journey-funder-gap-4-anonymous');
    expect(browser.errors).toEqual([]);
  });

  it('works in German for the analyst', async () => {
    const { page } = browser;
    await signIn(page, 'analyst');
    await page.goto(`/dashboard?lang=de&from=${FROM}&to=${THIS_YEAR}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await page.getByRole('table', { name: /Organisationen nach Thema/ }).isVisible()).toBe(true);
    await loadDashboardSections(page, ['gaps']);
    expect(await page.getByRole('table', { name: /Lücken, die schwersten zuerst/ }).isVisible()).toBe(true);
    const csv = await download(page, 'Lückenliste herunterladen (CSV)');
    expect(csv.text.split('\n')[0]).toContain('theme_slug');
    await expectNoAxeViolations(page);
    await screenshot(page, 'journey-funder-gap-5-de');
    expect(browser.errors).toEqual([]);
  });
});
