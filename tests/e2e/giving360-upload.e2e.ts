/**
 * The 360Giving upload in the web app (issue #16, "Done when"): a funder analyst uploads the sample package (every
 * field the import maps) and sees the upload's progress bar, the per-grant report of a dry run and a confirm step;
 * only the confirmed import writes. The malformed package is rejected with a report naming grant and field, and
 * writes nothing (rows counted in the app's own database before and after). The export of what was imported
 * validates against the vendored 360Giving schema and round-trips: uploaded again, it matches every organisation by
 * identifier and changes the grants it names without creating any.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { validatePackage } from '../../src/lib/server/giving360/validate';
import { gotoHydrated, screenshot, useBrowserSession } from './browser';
import { signIn } from './fixtures';

const browser = useBrowserSession();
const FIXTURES = resolve(import.meta.dirname, '../fixtures/360giving');
const SAMPLE = resolve(FIXTURES, 'sample-package.json');
const MALFORMED = resolve(FIXTURES, 'malformed-package.json');
const sample = JSON.parse(readFileSync(SAMPLE, 'utf8')) as { grants: Grant[] };

interface Grant {
  id: string;
  currency: string;
  amountAwarded: number;
  awardDate: string;
  recipientOrganization: { id: string }[];
  fundingOrganization: { id: string }[];
  beneficiaryLocation?: { countryCode: string }[];
  plannedDates?: { startDate?: string }[];
  classifications?: { vocabulary: string; code?: string }[];
}

let db: pg.Client;
beforeAll(async () => {
  db = new pg.Client({ connectionString: inject('appDatabaseUrl') });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
});

/** Rows the import writes, straight from the app's database. */
async function counts() {
  const { rows } = await db.query<{ grants: number; organizations: number; identifiers: number }>(
    `SELECT (SELECT count(*)::int FROM "Grant") AS grants,
            (SELECT count(*)::int FROM "Organization") AS organizations,
            (SELECT count(*)::int FROM "OrganizationIdentifier") AS identifiers`
  );
  return rows[0]!;
}

/**
 * Records every state of the progress bar from now on: a number while the file is sent, "server" while the server
 * works on it (the upload of a small file can finish between two polls, so an observer is used, not a poll).
 */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('.progress progress');
      if (bar) seen.push(bar.getAttribute('value') ?? 'server');
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}
const progressSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);

async function upload(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByLabel('360Giving file (.json or .csv)').setInputFiles(file);
  await watchProgress(page);
  await page.getByRole('button', { name: 'Check file' }).click();
  await page.getByTestId('g360-report').waitFor();
}

describe('360Giving upload', () => {
  it('rejects the malformed package with a per-grant report and writes nothing', async () => {
    const { page } = browser;
    await signIn(page, 'analyst');
    await gotoHydrated(page, '/imports/360giving');
    const before = await counts();
    await upload(page, MALFORMED);
    const report = page.getByTestId('g360-report');
    expect(await report.getByRole('alert').textContent()).toMatch(/^Rejected: \d+ problems in 3 grants\. Nothing/);
    const rows = await report
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())));
    // Each problem names its grant and its field: the missing funder and bad date of grant 1, the amount of grant 2.
    expect(rows.some(([where, field]) => where === 'grant 1' && /awardDate/.test(field ?? ''))).toBe(true);
    expect(rows.some(([where, field]) => where === 'grant 1' && /fundingOrganization/.test(field ?? ''))).toBe(true);
    expect(rows.some(([where, field]) => where === 'grant 2' && /amountAwarded/.test(field ?? ''))).toBe(true);
    // No confirm step for a file that failed.
    expect(await page.getByRole('button', { name: /^Import/ }).count()).toBe(0);
    expect(await progressSeen(page)).toContain('server');
    expect(await counts()).toEqual(before);
    await screenshot(page, 'giving360-malformed-report');
  });

  it('imports the sample package after a dry run and a confirm step; the export validates and round-trips', async () => {
    const { page } = browser;
    await signIn(page, 'analyst');
    await gotoHydrated(page, '/imports/360giving');
    const before = await counts();

    // Slow the upload down (2.4 kB at 1 kB/s) so the bar shows the bytes going out, as on a real connection.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 1024
    });
    await upload(page, SAMPLE);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1
    });
    const seen = await progressSeen(page);
    expect(seen).toContain('server');
    expect(seen.some((value) => value !== 'server' && Number(value) < 1)).toBe(true);

    const report = page.getByTestId('g360-report');
    expect(await report.getByRole('status').textContent()).toContain(
      'The file is valid: 3 grants (3 new, 0 updates), 4 new organisations. Nothing has been written yet.'
    );
    expect(await report.getByText('Funder Internal / X-17').count()).toBe(1);
    // The dry run wrote nothing.
    expect(await counts()).toEqual(before);
    await screenshot(page, 'giving360-dry-run');

    await page.getByRole('button', { name: 'Import 3 grants' }).click();
    await expect
      .poll(() => report.getByRole('status').textContent(), { timeout: 60_000 })
      .toContain('Imported 3 grants (3 new, 0 updated) and 4 new organisations.');
    expect(await counts()).toEqual({
      grants: before.grants + 3,
      organizations: before.organizations + 4,
      identifiers: before.identifiers + 4
    });
    await screenshot(page, 'giving360-imported');

    // The export, as the analyst: valid 360Giving, and the imported grants come back with their fields.
    const answer = await page.request.get('/api/360giving.json');
    expect(answer.status()).toBe(200);
    const exported = (await answer.json()) as { grants: Grant[] };
    expect(validatePackage(exported)).toEqual([]);
    const mine = sample.grants.map((g) => exported.grants.find((e) => e.id === g.id)!);
    for (const [i, grant] of sample.grants.entries()) {
      const back = mine[i]!;
      expect(back, grant.id).toMatchObject({
        currency: grant.currency,
        amountAwarded: grant.amountAwarded,
        awardDate: grant.awardDate,
        recipientOrganization: [expect.objectContaining({ id: grant.recipientOrganization[0]!.id })],
        fundingOrganization: [expect.objectContaining({ id: grant.fundingOrganization[0]!.id })]
      });
      expect((back.beneficiaryLocation ?? []).map((l) => l.countryCode).sort()).toEqual(
        (grant.beneficiaryLocation ?? []).map((l) => l.countryCode).sort()
      );
      expect(back.plannedDates?.[0]?.startDate).toBe(grant.plannedDates?.[0]?.startDate);
    }
    // Classifications with a mapping come back as the Atlas's themes.
    expect(mine[0]!.classifications?.map((c) => c.code).sort()).toEqual(['fair-asylum-systems', 'legal-aid']);

    // Round trip: the exported grants, uploaded again, match every organisation and create nothing.
    const roundTrip = await counts();
    await gotoHydrated(page, '/imports/360giving');
    const file = { ...exported, grants: mine };
    await upload(page, {
      name: 'atlas-export.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file))
    });
    expect(await report.getByRole('status').textContent()).toContain(
      'The file is valid: 3 grants (0 new, 3 updates), 0 new organisations.'
    );
    await page.getByRole('button', { name: 'Import 3 grants' }).click();
    await expect
      .poll(() => report.getByRole('status').textContent(), { timeout: 60_000 })
      .toContain('Imported 3 grants (0 new, 3 updated) and 0 new organisations.');
    expect(await counts()).toEqual(roundTrip);
  });
});
