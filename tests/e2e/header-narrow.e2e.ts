/**
 * The site header on a narrow phone (360 px): the language switch once grew over the site name (its column was
 * as wide as the account links below it). Every header item — brand, language switch, each navigation and
 * account link — must sit inside the viewport and overlap no other, signed out and signed in as the account with
 * the most links (admin), in English and German.
 */
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MOBILE, SCREENSHOT_DIR, gotoHydrated, useBrowserSession } from './browser';
import { signIn } from './fixtures';

const browser = useBrowserSession();

interface Box {
  name: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The header's items with their boxes, as the browser laid them out. */
async function headerBoxes(): Promise<Box[]> {
  return browser.page.evaluate(() => {
    const header = document.querySelector('header.site-header')!;
    const items = [
      ...header.querySelectorAll('a.brand, nav.language-switch a, .site-nav li a, .user-links li a')
    ].filter((el) => el.getClientRects().length > 0); // the current language's link is hidden on phones
    return items.map((el) => {
      // The element's box and its text's: text that overflows a shrunk box (the site name once ran under the
      // switch while its link's box ended at the column's edge) is only in the second.
      const range = document.createRange();
      range.selectNodeContents(el);
      const [r, t] = [el.getBoundingClientRect(), range.getBoundingClientRect()];
      return {
        name: el.textContent!.trim().replace(/\s+/g, ' '),
        left: Math.min(r.left, t.left),
        top: Math.min(r.top, t.top),
        right: Math.max(r.right, t.right),
        bottom: Math.max(r.bottom, t.bottom)
      };
    });
  });
}

function overlaps(a: Box, b: Box): boolean {
  const slack = 0.5; // sub-pixel rounding of adjacent boxes
  return a.left < b.right - slack && b.left < a.right - slack && a.top < b.bottom - slack && b.top < a.bottom - slack;
}

async function expectHeaderFits(label: string): Promise<void> {
  const boxes = await headerBoxes();
  expect(boxes.length, `${label}: brand, switch and links found`).toBeGreaterThanOrEqual(7);
  for (const box of boxes) {
    expect(box.left, `${label}: ${box.name} starts inside the viewport`).toBeGreaterThanOrEqual(0);
    expect(box.right, `${label}: ${box.name} ends inside the viewport`).toBeLessThanOrEqual(MOBILE.width);
  }
  const clashes = boxes.flatMap((a, i) =>
    boxes
      .slice(i + 1)
      .filter((b) => overlaps(a, b))
      .map((b) => `${a.name} × ${b.name}`)
  );
  expect(clashes, label).toEqual([]);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await browser.page
    .locator('header.site-header')
    .screenshot({ path: join(SCREENSHOT_DIR, `header-360-${label}.png`), animations: 'disabled' });
}

describe('site header at 360 px', () => {
  it('signed out, in English and German: nothing overlaps, nothing leaves the screen', async () => {
    const { page } = browser;
    await page.setViewportSize(MOBILE);
    await gotoHydrated(page, '/');
    await expectHeaderFits('signed-out-en');
    await gotoHydrated(page, '/?lang=de');
    await expectHeaderFits('signed-out-de');
    expect(browser.errors).toEqual([]);
  });

  it('signed in as admin (inbox, admin and account links), in English and German', async () => {
    const { page } = browser;
    await page.setViewportSize(MOBILE);
    await signIn(page, 'admin');
    await gotoHydrated(page, '/directory');
    await expectHeaderFits('admin-en');
    await gotoHydrated(page, '/directory?lang=de');
    await expectHeaderFits('admin-de');
    expect(browser.errors).toEqual([]);
  });
});
