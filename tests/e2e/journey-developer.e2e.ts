/**
 * Journey: a developer reads the API guide, opens an example in GraphiQL, runs it and sees JSON with data.
 * GraphiQL is third-party UI (served by /graphql from @graphql-yoga/render-graphiql's bundle); axe checks the
 * guide, which is ours, and GraphiQL is checked for working, not for its own markup.
 */
import { describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, screenshot, useBrowserSession } from './browser';

const browser = useBrowserSession();

describe('journey: a developer runs a query in GraphiQL', () => {
  it('reads the guide, opens an example in GraphiQL, runs it and gets data', async () => {
    const { page } = browser;
    const response = await page.goto('/api');
    expect(response?.status()).toBe(200);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('The Coalition Atlas API');
    for (const heading of ['Endpoint', 'Authentication', 'Limits', 'A short tour of the schema', 'Examples']) {
      expect(await page.getByRole('heading', { level: 2, name: heading }).isVisible()).toBe(true);
    }
    // Examples use a real organisation of this installation, so they answer with data.
    expect(await page.getByText('your-organisation').count()).toBe(0);
    await expectNoAxeViolations(page);
    await screenshot(page, 'journey-developer-api-guide');

    // The hidden part is a positioned span: browsers put a space before it ("GraphiQL : Search …").
    const open = page.getByRole('link', { name: /^Open in GraphiQL\s*: Search the directory$/ });
    const href = (await open.getAttribute('href'))!;
    expect(href.startsWith('/graphql?query=')).toBe(true);
    await Promise.all([page.waitForURL((url) => url.pathname === '/graphql'), open.click()]);

    const run = page.getByRole('button', { name: /execute query|run/i }).first();
    await run.waitFor({ timeout: 30_000 });
    // The example arrived in the editor.
    await page.getByText('totalCount').first().waitFor({ timeout: 15_000 });
    await run.click();

    const result = page.locator('.graphiql-response, .result-window').first();
    await result.getByText('"data"').first().waitFor({ timeout: 30_000 });
    const shown = (await result.textContent()) ?? '';
    expect(shown).toContain('"organizations"');
    expect(shown).toContain('"totalCount"');
    expect(shown).not.toContain('"errors"');
    await screenshot(page, 'journey-developer-graphiql');
  });

  it('runs the same request with the curl command the guide prints', async () => {
    const { page } = browser;
    await page.goto('/api');
    const curl = page
      .locator('article', { has: page.getByRole('heading', { name: 'Find the gaps' }) })
      .locator('details');
    await curl.locator('summary').click();
    const command = (await curl.locator('pre').textContent())!;
    expect(command).toContain(`curl -s ${inject('baseUrl')}/graphql`);
    const body = /-d '(.*)'\s*$/s.exec(command)![1].replaceAll(`'\\''`, "'");
    const answer = await fetch(`${inject('baseUrl')}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body
    });
    expect(answer.status).toBe(200);
    const json = (await answer.json()) as { data?: { coverageMatrix: { cells: unknown[] } }; errors?: unknown };
    expect(json.errors).toBeUndefined();
    expect(Array.isArray(json.data?.coverageMatrix.cells)).toBe(true);
  });

  it('serves the schema as SDL and the guide in German', async () => {
    const { page } = browser;
    const sdl = await page.request.get('/api/schema.graphql');
    expect(sdl.status()).toBe(200);
    const text = await sdl.text();
    expect(text).toContain('type Organization implements Node');
    expect(text).toContain('type Query');

    await page.goto('/api?lang=de');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Die API des Coalition Atlas');
    expect(await page.getByRole('link', { name: /^In GraphiQL öffnen\s*: Im Verzeichnis suchen$/ }).isVisible()).toBe(
      true
    );
    await expectNoAxeViolations(page);
    await screenshot(page, 'journey-developer-api-guide-de');
  });
});
