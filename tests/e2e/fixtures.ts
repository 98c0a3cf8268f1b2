/**
 * Steps the browser tests share: signing in, finding organisations through the API, the first steps of a proposal,
 * the app's mailbox. The accounts they sign in with are in ./accounts.ts.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { startTestSmtpServer, type TestSmtpServer } from '../setup/smtp-server';
import { E2E_PASSWORD, E2E_USERS, type E2EUser } from './accounts';

/** Signs in through the login form (the real flow, cookies and all) and waits for the redirect away from it. */
export async function signIn(page: Page, who: E2EUser): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email address').fill(E2E_USERS[who].email);
  await page.getByLabel('Password', { exact: true }).fill(E2E_PASSWORD);
  await Promise.all([
    // Only leaving /login is waited for (the redirect's response, not the next page's full load): the first page
    // after a cold start can take longer than the navigation timeout to load, and every next step waits for itself.
    page.waitForURL((url) => url.pathname !== '/login', { waitUntil: 'commit' }),
    page.getByRole('button', { name: 'Sign in' }).click()
  ]);
}

export interface Org {
  slug: string;
  name: string;
}

/** The signed-in user's first organisation (slug and name), asked through the API as the page would. */
export async function myOrganization(page: Page): Promise<Org> {
  const answer = await page.request.post('/graphql', {
    data: { query: `{ me { memberships { organization { slug name } } } }` }
  });
  const data = (await answer.json()) as { data: { me: { memberships: { organization: Org }[] } } };
  return data.data.me.memberships[0]!.organization;
}

/** `text` as a literal inside a RegExp (organisation names hold dots and brackets). */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Signs in as the partner, then as the editor (who stays signed in), and returns both organisations: where the
 * journeys between two organisations (inbox, introductions) begin.
 */
export async function editorAndPartner(page: Page): Promise<{ mine: Org; partner: Org }> {
  await signIn(page, 'partner');
  const partner = await myOrganization(page);
  await page.context().clearCookies();
  await signIn(page, 'editor');
  const mine = await myOrganization(page);
  return { mine, partner };
}

/** On `from`'s proposal page: finds `to` by name and chooses it, the first steps of every proposal. */
export async function chooseProposalPartner(page: Page, from: Org, to: Org): Promise<void> {
  await page.goto(`/organizations/${from.slug}/partnerships/new`);
  await page.getByRole('searchbox', { name: 'Find the other organisation' }).fill(to.name);
  await Promise.all([page.waitForURL(/\?q=/), page.getByRole('button', { name: 'Search' }).click()]);
  await page.getByRole('radio', { name: new RegExp(`^${escapeRegExp(to.name)}`) }).check();
}

/**
 * An organisation among the first 60 that `mine` has no partnership with, asked through the API with the page's
 * cookies: the first such one, or the last (`from: 'end'`, away from the organisations other journeys pick).
 */
export async function organizationWithoutPartnership(
  page: Page,
  mine: { id: string; slug: string },
  from: 'start' | 'end'
): Promise<Org & { id: string }> {
  const known = await page.request.post('/graphql', {
    data: {
      query: `query($slug: String!) {
        organization(slug: $slug) { partnerships(first: 100) { nodes { orgA { id } orgB { id } } } }
        organizations(first: 60) { nodes { id slug name } }
      }`,
      variables: { slug: mine.slug }
    }
  });
  const answer = (await known.json()) as {
    data: {
      organization: { partnerships: { nodes: { orgA: { id: string }; orgB: { id: string } }[] } };
      organizations: { nodes: (Org & { id: string })[] };
    };
  };
  const related = new Set(answer.data.organization.partnerships.nodes.flatMap((p) => [p.orgA.id, p.orgB.id]));
  const candidates = answer.data.organizations.nodes;
  const ordered = from === 'end' ? [...candidates].reverse() : candidates;
  const partner = ordered.find((o) => o.id !== mine.id && !related.has(o.id));
  expect(partner, 'an organisation the editor has no partnership with').toBeDefined();
  return partner!;
}

/** Asks the app's GraphQL API anonymously (no browser, no cookies); fails on any error. */
export async function api<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(new URL('/graphql', inject('baseUrl')), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables })
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!body.data || body.errors) throw new Error(`API: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/**
 * The SMTP server the app sends to in the e2e run (its port is the app's SMTP_URL), listening while one test file
 * runs; `to(address)` lists the mail received for an address.
 */
export function useAppMailbox(): Pick<TestSmtpServer, 'to'> {
  let smtp: TestSmtpServer | undefined;
  beforeAll(async () => {
    smtp = await startTestSmtpServer(inject('smtpPort'));
  });
  afterAll(async () => {
    await smtp?.stop();
  });
  return {
    to(address) {
      if (!smtp) throw new Error('The mailbox listens from beforeAll on: read it inside tests');
      return smtp.to(address);
    }
  };
}
