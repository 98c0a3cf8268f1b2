import { defineConfig } from 'prisma/config';
import { CliPgAdapterFactory, unrefLongTimers } from './prisma/cli-adapter';

// Offline Prisma: the Wasm schema engine talks to the database through a driver adapter (the native engines
// cannot be downloaded here). Commands that touch no database (generate, validate, format) never call adapter().
unrefLongTimers();

export default defineConfig({
  experimental: { adapter: true },
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  engine: 'js',
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) {
      throw new Error(
        'DATABASE_URL is not set. Set it to a PostgreSQL URL, or use the npm scripts ' +
          '(npm run db:migrate | db:deploy | db:reset), which set it up (embedded PGlite when unset).'
      );
    }
    return new CliPgAdapterFactory(url, process.env.SHADOW_DATABASE_URL || undefined);
  }
});
