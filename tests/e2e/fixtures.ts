/**
 * What the browser tests can count on in the app they talk to: the demo dataset (seeded and projected into the
 * e2e run's own Neo4j before the app starts) and three accounts, all with DEFAULT_PASSWORD.
 *   editor   — a member who edits EDITOR_ORGANIZATION_SLUG (the first demo organisation by name with partners)
 *   analyst  — a funder analyst (grant details, members-only data)
 *   admin    — moderation
 *   partner  — a member of another organisation, the editor's counterpart in the inbox journey
 */
import type { Page } from 'playwright-core';
import { DEFAULT_PASSWORD } from '../factories/users';

export const E2E_USERS = {
  editor: { email: 'editor@atlas.test', name: 'Edith Editor', role: 'MEMBER' },
  analyst: { email: 'analyst@atlas.test', name: 'Ana Analyst', role: 'FUNDER_ANALYST' },
  admin: { email: 'admin@atlas.test', name: 'Adam Admin', role: 'ADMIN' },
  /** A member of PARTNER_ORGANIZATION: the last demo organisation by name with no partnership with the editor's. */
  partner: { email: 'partner@atlas.test', name: 'Pat Partner', role: 'MEMBER' }
} as const;
export type E2EUser = keyof typeof E2E_USERS;
export const E2E_PASSWORD = DEFAULT_PASSWORD;

/** Signs in through the login form (the real flow, cookies and all) and waits for the redirect away from it. */
export async function signIn(page: Page, who: E2EUser): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email address').fill(E2E_USERS[who].email);
  await page.getByLabel('Password', { exact: true }).fill(E2E_PASSWORD);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/login'),
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
