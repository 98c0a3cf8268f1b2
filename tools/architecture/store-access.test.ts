/**
 * Every Cypher statement of the app goes through the session helpers in src/lib/server/platform/ (readTx, writeTx,
 * readRows, readTxOn, writeTxOn): they name the database, apply the read breaker and count each statement for the
 * N+1 tests. Code elsewhere receives a transaction from them and calls `tx.run`; it never opens a session or
 * runs Cypher on a driver itself. The tooling in tools/ (benchmarks measuring the raw driver) is not the app.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linesMatching, sourceFiles } from './source-files';

const root = resolve(__dirname, '../..');
const APP_FOLDERS = ['src', 'schema'];
const PLATFORM = 'src/lib/server/platform/';

/** Opening a session, running on one, or running Cypher straight on a driver. */
const SESSION_USE =
  /\.session\(\s*\{|\bsession\.run\(|\.executeQuery\(|\.executeRead\(|\.executeWrite\(|\.beginTransaction\(/;

/** `file:line` for each line that talks to a Neo4j session itself (comments do not count). */
export function sessionUses(file: string, text: string): string[] {
  return linesMatching(file, text, SESSION_USE);
}

describe('talking to Neo4j', () => {
  it('recognises session use and ignores a transaction handed in', () => {
    expect(sessionUses('a.ts', 'const s = driver.session({ database });\nawait s.executeRead(f);')).toEqual([
      'a.ts:1',
      'a.ts:2'
    ]);
    expect(sessionUses('b.ts', "await session.run('RETURN 1');\nawait getDriver().executeQuery(q);")).toEqual([
      'b.ts:1',
      'b.ts:2'
    ]);
    expect(
      sessionUses('c.ts', 'await tx.run(QUERY, params);\n// session.run( in a comment\nneo4j.session.READ;')
    ).toEqual([]);
  });

  it('happens only in the platform folder', () => {
    const offenders = APP_FOLDERS.flatMap((folder) => sourceFiles(join(root, folder), { tests: true }))
      .map((file) => relative(root, file))
      .filter((file) => !file.startsWith(PLATFORM))
      .flatMap((file) => sessionUses(file, readFileSync(join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
