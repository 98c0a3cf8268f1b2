/**
 * What the browser tests can count on in the app they talk to: the demo dataset (seeded and projected into the
 * e2e run's own Neo4j before the app starts) and three accounts, all with DEFAULT_PASSWORD.
 *   editor   — a member who edits EDITOR_ORGANIZATION_SLUG (the first demo organisation by name with partners)
 *   analyst  — a funder analyst (grant details, members-only data)
 *   admin    — moderation
 *   partner  — a member of another organisation, the editor's counterpart in the inbox journey
 */
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
