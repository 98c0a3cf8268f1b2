import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getDriver, graphDatabase } from './neo4j';

/**
 * Cypher migrations live in graph/migrations, named NNNN_title.cypher, applied in name order; each applied file is
 * recorded as (:GraphMigration {name, appliedAt}) in the app's database. Files are never edited once shipped:
 * a change is a new file.
 */
function migrationsDir(): string {
  return join(resolve(process.env.ATLAS_ROOT ?? process.cwd()), 'graph', 'migrations');
}

function migrationFiles(): string[] {
  return readdirSync(migrationsDir())
    .filter((f) => f.endsWith('.cypher'))
    .sort();
}

/** Statements end with `;` at the end of a line; `//` comment lines are dropped. */
export function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

async function appliedMigrations(): Promise<Set<string>> {
  const session = getDriver().session({ database: graphDatabase() });
  try {
    const result = await session.run('MATCH (m:GraphMigration) RETURN m.name AS name');
    return new Set(result.records.map((r) => r.get('name') as string));
  } finally {
    await session.close();
  }
}

/** Names (file names without .cypher) not yet applied; /readyz reports them. */
export async function pendingGraphMigrations(): Promise<string[]> {
  const applied = await appliedMigrations();
  return migrationFiles()
    .map((f) => f.replace(/\.cypher$/, ''))
    .filter((name) => !applied.has(name));
}

/**
 * Applies each pending file and records it; returns the names applied now ([] when up to date).
 * Schema statements (constraints, indexes) cannot share a transaction with data writes, so each statement runs
 * as its own auto-commit query; all use IF NOT EXISTS, so a file that failed halfway can simply run again.
 */
export async function applyGraphMigrations(): Promise<string[]> {
  const pending = new Set(await pendingGraphMigrations());
  const appliedNow: string[] = [];
  const session = getDriver().session({ database: graphDatabase() });
  try {
    for (const file of migrationFiles()) {
      const name = file.replace(/\.cypher$/, '');
      if (!pending.has(name)) continue;
      for (const statement of splitStatements(readFileSync(join(migrationsDir(), file), 'utf8'))) {
        try {
          await session.run(statement);
        } catch (error) {
          throw new Error(`graph migration ${file} failed at:\n${statement}\n${(error as Error).message}`, {
            cause: error
          });
        }
      }
      await session.run('MERGE (m:GraphMigration {name: $name}) ON CREATE SET m.appliedAt = datetime()', { name });
      appliedNow.push(name);
    }
  } finally {
    await session.close();
  }
  return appliedNow;
}
