import { z } from 'zod';

/**
 * The whole process configuration, validated once. Local defaults make `npm start` work with no env at all;
 * production sets DATABASE_URL and NEO4J_URI and nothing embedded is started.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  ORIGIN: z.string().url().optional(),
  /** Where local state (embedded PostgreSQL, local Neo4j) lives; git-ignored. */
  DATA_DIR: z.string().default('.data'),
  /** Any PostgreSQL >= 14. Unset: the start command serves an embedded PGlite and sets this for the app. */
  DATABASE_URL: z.string().url().optional(),
  PGLITE_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  /**
   * PostgreSQL cancels any statement running longer than this (0: no limit), so a stuck or frozen database turns
   * into an error within bounded time instead of a request that hangs. Not applied to the embedded PGlite.
   */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  /** bolt://, neo4j://, neo4j+s:// … Unset: the start command runs the local Neo4j from graph/. */
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\//, 'must be a bolt:// or neo4j:// URI')
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().min(8, 'must be at least 8 characters (Neo4j rule)').default('atlas-local-password'),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  NEO4J_BOLT_PORT: z.coerce.number().int().min(1).max(65535).default(7687),
  NEO4J_HEAP: z
    .string()
    .regex(/^\d+[mg]$/)
    .default('1g'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  // ─── Accounts and API protection (src/lib/server/auth, src/lib/server/security; see docs/decisions/0008) ───
  /** /graphql requests per minute for each API token or signed-in user. */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  /** /graphql requests per minute for each IP address without a token or session. */
  API_RATE_LIMIT_ANONYMOUS_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  /** Failed sign-ins per email and IP address before sign-in is paused for LOGIN_LOCKOUT_MINUTES. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(15),
  /**
   * Failed sign-ins for one account (from any address) before each further attempt must wait: 1 s, 2 s, 4 s …
   * up to LOGIN_MAX_DELAY_SECONDS. A delay, not a lockout, so that nobody can lock a user out for long.
   */
  LOGIN_ACCOUNT_FREE_FAILURES: z.coerce.number().int().min(1).default(10),
  LOGIN_MAX_DELAY_SECONDS: z.coerce.number().int().min(1).default(900),
  /** Failed sign-ins from one IP address, whatever the email, within LOGIN_LOCKOUT_MINUTES (password spraying). */
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(30),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).default(10),
  /** GraphQL Armor's estimate (lists × their first/last): a 100-organisation directory page costs ~95 000. */
  GRAPHQL_MAX_COST: z.coerce.number().int().min(100).default(100_000),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).default(15),
  /** Days a partnership proposal waits for an answer before it expires (issue 15). */
  PARTNERSHIP_PROPOSAL_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  // ─── Introductions (issue 15 part 4; docs/decisions/0039) ───
  /** Days an introduction request waits for an answer; unanswered it reads "not now" to the asker, like a decline. */
  INTRODUCTION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Introduction requests one member may send in any 24 hours. */
  INTRODUCTION_LIMIT_PER_MEMBER_PER_DAY: z.coerce.number().int().min(1).max(1000).default(5),
  /** Introduction requests one organisation may receive in any 7 days. */
  INTRODUCTION_LIMIT_PER_RECIPIENT_PER_WEEK: z.coerce.number().int().min(1).max(10000).default(10),
  // ─── Outgoing mail (src/lib/server/mail; see docs/decisions/0028) ───
  /** smtp://user:pass@host:587 or smtps://…:465. Unset: mail goes to the server log and the admins' dev mailbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  /** The From: of every mail. */
  MAIL_FROM: z.string().min(3).default('Coalition Atlas <no-reply@coalition-atlas.invalid>'),
  /** Attempts after the first before a mail job goes to the dead-letter queue ("mail-dead"). */
  MAIL_RETRY_LIMIT: z.coerce.number().int().min(0).max(100).default(10),
  /** Seconds before the first retry; each further retry waits about twice as long (pg-boss backoff). */
  MAIL_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(30),
  /** How often the mail worker looks for new jobs (pg-boss polls; 0.5 is its minimum). */
  MAIL_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  // ─── Public data dump (npm run dump, served under /api/open-data/; see docs/decisions/0041) ───
  /** The licence the dump is published under, as a URL (README.md in the dump and the 360Giving package name it). */
  OPEN_DATA_LICENCE: z.string().url().default('https://creativecommons.org/licenses/by/4.0/'),
  /** Where `npm run dump` writes and /api/open-data/ reads; unset: <DATA_DIR>/open-data. */
  OPEN_DATA_DIR: z.string().min(1).optional()
});

export type Env = z.infer<typeof EnvSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
