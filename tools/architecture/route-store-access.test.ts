/**
 * Decision 0011: pages and endpoints under src/routes read through the public API or through the services the
 * resolvers use (which apply the access layer); they never hold a store client. A route that opened the Prisma
 * client or a PostgreSQL pool itself would bypass the visibility rules those services enforce.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linesMatching, sourceFiles } from './source-files';

const root = resolve(__dirname, '../..');

/** Importing the database module, calling getDb, or importing the Prisma client (generated or package) or pg. */
const STORE_USE =
  /from\s+['"](?:\$lib\/server\/platform\/db|\$lib\/server\/db\/generated\/client|@prisma\/client|pg)['"]|\bgetDb\s*\(/;

/** `file:line` for each line of a route that reaches a store client (comments do not count). */
export function storeUses(file: string, text: string): string[] {
  return linesMatching(file, text, STORE_USE);
}

describe('routes and the stores', () => {
  it('recognises store imports and calls and ignores services and comments', () => {
    expect(
      storeUses(
        'a.ts',
        [
          "import { getDb } from '$lib/server/platform/db';",
          "import { PrismaClient } from '@prisma/client';",
          "import pg from 'pg';",
          'const org = await getDb().organization.findUnique(q);',
          "import type { NotificationKind } from '$lib/server/db/generated/client';"
        ].join('\n')
      )
    ).toEqual(['a.ts:1', 'a.ts:2', 'a.ts:3', 'a.ts:4', 'a.ts:5']);
    expect(
      storeUses(
        'b.ts',
        [
          "import { accountOf } from '$lib/server/auth/account';",
          '// getDb() is not called here',
          "import { pgSomething } from '$lib/pg-helpers';"
        ].join('\n')
      )
    ).toEqual([]);
  });

  it('never happens under src/routes', () => {
    const offenders = sourceFiles(join(root, 'src/routes'), { tests: true })
      .map((file) => relative(root, file))
      .flatMap((file) => storeUses(file, readFileSync(join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
