/**
 * The dashboard's sections below the fold load when scrolled to (decision 0052): tests scroll to them and wait
 * until they have loaded — by condition, never by a fixed sleep.
 */
import type { Page } from 'playwright-core';

export const DASHBOARD_SECTIONS = ['map', 'gaps', 'grants', 'network'] as const;

/** Scrolls to each named section and waits until it has loaded (90 s: a cold section on a busy machine). */
export async function loadDashboardSections(
  page: Page,
  sections: readonly (typeof DASHBOARD_SECTIONS)[number][] = DASHBOARD_SECTIONS
): Promise<void> {
  for (const section of sections) {
    const element = page.locator(`[data-lazy-section="${section}"]`);
    await element.scrollIntoViewIfNeeded();
    // Loaded for the page's current filters: after paging, the previous page stays shown until the next arrives.
    await element.evaluate(
      (el: HTMLElement) =>
        new Promise<void>((resolve) => {
          const done = () => el.dataset.state === 'loaded' && el.dataset.loadedFor === el.dataset.search;
          if (done()) return resolve();
          const observer = new MutationObserver(() => {
            if (!done()) return;
            observer.disconnect();
            resolve();
          });
          observer.observe(el, { attributes: true });
        }),
      undefined,
      { timeout: 90_000 }
    );
  }
}
