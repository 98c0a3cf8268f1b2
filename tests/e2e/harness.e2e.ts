import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, type BrowserSession } from './browser';

// The accessibility check guards every page test, so it must itself be shown to fail on a bad page.
let browser: BrowserSession;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('expectNoAxeViolations', () => {
  it('fails on a page with violations and names each rule and element', async () => {
    const { page } = browser;
    await page.setContent('<html><body><main><img src="data:,"><button></button></main></body></html>');
    const error = await expectNoAxeViolations(page).then(
      () => undefined,
      (e: Error) => e
    );
    expect(error?.message).toMatch(/html-has-lang/);
    expect(error?.message).toMatch(/image-alt \(critical\)/);
    expect(error?.message).toMatch(/at img/);
    expect(error?.message).toMatch(/button-name/);
  });

  it('passes a page without violations', async () => {
    const { page } = browser;
    await page.setContent(
      '<html lang="en"><head><title>Fine</title></head>' +
        '<body><main><h1>Fine</h1><p>Nothing wrong here.</p></main></body></html>'
    );
    await expectNoAxeViolations(page);
  });
});
