/**
 * The dashboard's map (issue 11, part 3): scoped to the countries where the directory has organisations (nothing
 * outside Europe's data is coloured; Russia and Belarus, where nobody works, stay grey or off the map), distinct
 * organisations per country — the directory's count — and a theme picker that works without JavaScript.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR, launchBrowser, type BrowserSession } from './browser';

const NO_DATA = '#e4e4e7';
let browser: BrowserSession;

beforeAll(async () => {
  // Server-rendered HTML alone: the theme picker must work as a plain form.
  browser = await launchBrowser({ javaScriptEnabled: false });
  // The first request computes the coverage matrix (cached afterwards); done here, with time to spare.
  await browser.page.request.get('/dashboard/export/heatmap.csv', { timeout: 180_000 });
}, 200_000);

afterAll(async () => {
  await browser?.close();
});

/** The count in the map's table row for a country (the table sits in a closed <details>: read, not seen). */
async function mapTableCount(page: Page, code: string): Promise<number> {
  const text = await page.locator(`#map table tbody tr[data-code="${code}"] td`).textContent();
  return Number(text!.trim().split(/\s/)[0]!.replaceAll(',', ''));
}

/** The number the directory's results heading states ("12 organisations", "1 organisation"). */
async function directoryCount(page: Page, search: string): Promise<number> {
  await page.goto(`/directory?${search}`);
  const text = (await page.locator('#results-heading').textContent())!.trim();
  const match = /^(\d[\d,]*)\b/.exec(text);
  if (!match) throw new Error(`no count in the directory heading "${text}"`);
  return Number(match[1]!.replaceAll(',', ''));
}

/** From the dashboard to the map's page of its own, by the link its placeholder has; the filters travel along. */
async function openMapPage(page: Page): Promise<void> {
  await Promise.all([
    page.waitForURL(/\/dashboard\/part\/map/),
    page.getByRole('link', { name: /^Show: Organisations per country/ }).click()
  ]);
}

async function mapShot(page: Page, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.locator('#map').screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

describe('dashboard map', () => {
  it('is scoped to the data and counts each organisation once, as the directory does', async () => {
    const { page } = browser;
    expect((await page.goto('/dashboard#map'))?.status()).toBe(200);
    // Without JavaScript the map is a page of its own, one link away (decision 0052).
    await openMapPage(page);
    const map = page.getByRole('img', { name: 'Map of Europe: organisations on any theme per country' });
    expect(await map.isVisible()).toBe(true);
    const fills = await map
      .locator('path[data-code]')
      .evaluateAll((paths) =>
        Object.fromEntries(paths.map((p) => [p.getAttribute('data-code'), p.getAttribute('fill')]))
      );
    // Out of scope: nobody works in Russia or Belarus, so they are neutral (or outside the zoomed frame).
    for (const code of ['RU', 'BY']) expect([undefined, NO_DATA], code).toContain(fills[code]);
    expect(fills['GR']).not.toBe(NO_DATA);

    const greece = await mapTableCount(page, 'GR');
    expect(greece).toBeGreaterThan(0);
    await mapShot(page, 'dashboard-map-all-themes');
    expect(await directoryCount(page, 'country=gr')).toBe(greece);
  });

  it('shows one theme picked in a plain form, with the directory count for that theme', async () => {
    const { page } = browser;
    await page.goto('/dashboard?measure=ties#map');
    await openMapPage(page);
    const all = await mapTableCount(page, 'GR');
    await page.getByLabel('Theme on the map').selectOption('legal-aid');
    const startedAt = performance.now();
    await Promise.all([
      page.waitForURL(/maptheme=legal-aid/, { timeout: 90_000 }),
      page.getByRole('button', { name: 'Show on map' }).click()
    ]);
    console.log(`[dashboard-map] theme picked: page in ${(performance.now() - startedAt).toFixed(0)} ms`);
    // The picker keeps to the map's page.
    expect(new URL(page.url()).pathname).toBe('/dashboard/part/map');
    // The other filters travel along.
    expect(new URL(page.url()).searchParams.get('measure')).toBe('ties');
    const heading = page.getByRole('heading', { level: 2, name: /^Organisations per country: Legal aid/ });
    expect(await heading.isVisible()).toBe(true);
    expect(
      await page.getByRole('img', { name: /^Map of Europe: organisations on Legal aid per country/ }).isVisible()
    ).toBe(true);
    const greece = await mapTableCount(page, 'GR');
    expect(greece).toBeLessThanOrEqual(all);
    // (axe needs JavaScript in the page; tests/e2e/dashboard.e2e.ts runs it over the dashboard, picker included.)
    await mapShot(page, 'dashboard-map-legal-aid');
    expect(await directoryCount(page, 'theme=legal-aid&country=gr')).toBe(greece);
  }, 200_000);
});
