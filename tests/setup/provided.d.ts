// Values the global setups hand to test files through `inject()` (vitest's provide/inject).
declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the built app under test listens (tests/setup/app-server.ts). */
    baseUrl: string;
    /** The port the app under test sends mail to (SMTP_URL); a test may listen there (tests/setup/smtp-server.ts). */
    smtpPort: number;
    /** The database of the app under test (tests/setup/app-server.ts), for queueing a job as its cron would. */
    appDatabaseUrl: string;
    neo4jUri: string;
    neo4jPassword: string;
    /** A migrated PostgreSQL database to clone per test file or per app server. */
    pgTemplate: string;
    pgAdminUrl: string;
  }
}

export {};
