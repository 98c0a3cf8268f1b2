/**
 * Browser-test helpers: Debian's Chromium driven by playwright-core (test tools cannot download browsers here),
 * screenshots at desktop and phone sizes, and an axe-core accessibility check.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import axe from 'axe-core';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';

export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-results/screenshots');
export const DESKTOP = { width: 1280, height: 800 };
export const MOBILE = { width: 360, height: 740 };

export interface BrowserSession {
  context: BrowserContext;
  /** The tab the browser opened with; `context.newPage()` gives more. */
  page: Page;
  /** Uncaught page errors and console errors (hydration failures land here), in order. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * One browser for a test file: launched before its tests, closed after them, and before each test its error list
 * emptied and its cookies cleared (so a sign-in or a language never carries over). Returns the session itself;
 * its fields can be read from inside tests, once `beforeAll` has launched it.
 */
export function useBrowserSession(): BrowserSession {
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    session = await launchBrowser();
  });
  afterAll(async () => {
    await session?.close();
  });
  beforeEach(async () => {
    launched().errors.length = 0;
    await launched().context.clearCookies();
  });
  function launched(): BrowserSession {
    if (!session) throw new Error('The browser is launched in beforeAll: use it inside tests and hooks');
    return session;
  }
  return {
    get context() {
      return launched().context;
    },
    get page() {
      return launched().page;
    },
    get errors() {
      return launched().errors;
    },
    close: () => launched().close()
  };
}

/**
 * A fresh browser profile per call, so cookies (e.g. the language) never leak between tests.
 * `page.goto('/')` is relative to `baseUrl`, by default the app started by tests/setup/app-server.ts.
 * `javaScriptEnabled: false` checks that a page works as server-rendered HTML alone.
 */
export async function launchBrowser(
  options: { baseUrl?: string; locale?: string; javaScriptEnabled?: boolean } = {}
): Promise<BrowserSession> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `No Chromium at ${executablePath}. ` +
        'Install it (apt-get update && apt-get install -y chromium) or set CHROMIUM_PATH.'
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'atlas-e2e-chromium-'));
  // launchPersistentContext because chromium.launch() refuses a --user-data-dir of our choosing.
  const context = await chromium
    .launchPersistentContext(profile, {
      executablePath,
      headless: true,
      baseURL: options.baseUrl ?? inject('baseUrl'),
      viewport: DESKTOP,
      locale: options.locale ?? 'en-GB',
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync'
      ]
    })
    .catch((error: unknown) => {
      rmSync(profile, { recursive: true, force: true });
      throw error;
    });
  // Playwright's 30 s default for an action or a navigation was too short on a machine under `stress --cpu 2`
  // with the integration project's own app servers running alongside: two journeys of the first stressed run
  // timed out at 30 s (load average ~10) on a sign-in redirect and on a search result, steps that take a second
  // on a quiet machine. Waits stay conditions; the test's own 120 s timeout still bounds every test.
  context.setDefaultTimeout(60_000);
  context.setDefaultNavigationTimeout(60_000);
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());

  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  };
}

/**
 * Navigates and waits until the page is hydrated (the root layout sets `data-hydrated` on <html>): controls that
 * act through JavaScript, such as filters that submit on change, do nothing before that.
 */
export async function gotoHydrated(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
}

/**
 * Full-page PNGs of the current page at desktop (1280×800) and phone (360×740) width, saved as
 * test-results/screenshots/<name>-desktop.png and -mobile.png. Restores the viewport afterwards.
 */
export async function screenshot(page: Page, name: string): Promise<{ desktop: string; mobile: string }> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const safe = name.replace(/[^a-z0-9-]+/gi, '-').toLowerCase();
  const before = page.viewportSize();
  const paths = {
    desktop: join(SCREENSHOT_DIR, `${safe}-desktop.png`),
    mobile: join(SCREENSHOT_DIR, `${safe}-mobile.png`)
  };
  try {
    for (const [size, path] of [
      [DESKTOP, paths.desktop],
      [MOBILE, paths.mobile]
    ] as const) {
      await page.setViewportSize(size);
      await page.screenshot({ path, fullPage: true, animations: 'disabled' });
    }
  } finally {
    if (before) await page.setViewportSize(before);
  }
  return paths;
}

/**
 * Runs axe-core (WCAG 2.0/2.1, levels A and AA) on the current page and throws, listing every violation with the
 * elements it found, if there is any. `exclude` takes CSS selectors for regions a test knowingly leaves out.
 */
export async function expectNoAxeViolations(page: Page, options: { exclude?: string[] } = {}): Promise<void> {
  const alreadyLoaded = await page.evaluate(() => 'axe' in window);
  // The app's Content-Security-Policy blocks inline <script> tags (page.addScriptTag), so axe is evaluated
  // through the DevTools protocol instead, which CSP does not govern; the app's own CSP stays enforced.
  if (!alreadyLoaded) await page.evaluate(`${axe.source}\n;void 0`);
  const violations = await page.evaluate(async (exclude) => {
    const context = exclude.length ? { exclude: exclude.map((selector) => [selector]) } : document;
    const results = await (window as unknown as { axe: typeof axe }).axe.run(context as axe.ElementContext, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations']
    });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}\n      ${n.failureSummary?.replaceAll('\n', '\n      ') ?? ''}`)
    }));
  }, options.exclude ?? []);
  if (violations.length === 0) return;
  const report = violations
    .map((v) => `- ${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    at ${n}`).join('\n')}`)
    .join('\n');
  throw new Error(`axe found ${violations.length} accessibility violation(s) on ${page.url()}:\n${report}`);
}
