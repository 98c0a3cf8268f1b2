/**
 * Who may see a row is decided in one place: src/lib/server/access/ writes the visibility rule once per store
 * language (visibility-cypher.ts, visibility-prisma.ts, visibility-sql.ts) and the truth-table test holds them to
 * the same answers. A predicate spelled out elsewhere (`r.visibility = 'PUBLIC'`, `visibility IN ['PUBLIC', …]`,
 * `{ visibility: 'MEMBERS' }`, `r.orgA IN $viewerOrgIds`) escapes that test, so this one fails on it.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linesMatching, sourceFiles } from './source-files';

const root = resolve(__dirname, '../..');
/** The app and the tooling that queries the stores with a viewer's eyes (evaluation, benchmarks). */
const SCANNED_FOLDERS = ['src', 'schema', 'tools'];
const ACCESS = 'src/lib/server/access/';

/** Files allowed to spell a predicate out for now, each with the reason. Remove an entry once it is moved. */
const ALLOWED: Record<string, string> = {
  'src/lib/server/matchmaking/ranking/fit.ts':
    'PUBLIC-only training data (viewer-independent by design); to use an access helper after the issue 10 work',
  'src/lib/server/matchmaking/ranking/public-degree.ts':
    'PUBLIC-only degree feature (viewer-independent by design); to use an access helper after the issue 10 work'
};

const LEVEL = `'(?:PUBLIC|MEMBERS|PRIVATE)'`;
/** Cypher/SQL comparisons, Prisma `where` values, and the side rule on the viewer's organisations. */
const PREDICATE = new RegExp(
  [
    `visibility"?\\s*(?:=|<>|!=|IN)\\s*\\[?\\s*${LEVEL}`,
    `\\bvisibility:\\s*(?:\\{\\s*in:\\s*\\[\\s*)?${LEVEL}`,
    `\\bIN \\$viewerOrgIds\\b`
  ].join('|')
);

/** `file:line` of each line (outside comments) that spells a visibility predicate out. */
export function predicateLiterals(file: string, text: string): string[] {
  return linesMatching(file, text, PREDICATE);
}

describe('visibility predicates', () => {
  it('recognises a predicate in Cypher, SQL and Prisma, and not a value being written or a comment', () => {
    expect(predicateLiterals('a.ts', "WHERE r.visibility = 'PUBLIC'")).toEqual(['a.ts:1']);
    expect(predicateLiterals('b.ts', `WHERE x."visibility" IN ['PUBLIC', 'MEMBERS']`)).toEqual(['b.ts:1']);
    expect(predicateLiterals('c.ts', "where: { OR: [{ visibility: 'MEMBERS' }] }")).toEqual(['c.ts:1']);
    expect(predicateLiterals('d.ts', "where: { visibility: { in: ['PUBLIC'] } }")).toEqual(['d.ts:1']);
    expect(predicateLiterals('e.ts', 'OR r.orgB IN $viewerOrgIds)')).toEqual(['e.ts:1']);
    expect(predicateLiterals('f.ts', "z.enum(Visibility).default('PUBLIC')\n// r.visibility = 'PUBLIC'")).toEqual([]);
  });

  it('are spelled out only in the access layer (and the listed files, each with its reason)', () => {
    const offenders = SCANNED_FOLDERS.flatMap((folder) => sourceFiles(join(root, folder), { tests: false }))
      .map((file) => relative(root, file))
      .filter((file) => !file.startsWith(ACCESS) && !(file in ALLOWED))
      .flatMap((file) => predicateLiterals(file, readFileSync(join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('keeps the allow-list honest: every listed file still spells one out', () => {
    const stale = Object.keys(ALLOWED).filter(
      (file) => predicateLiterals(file, readFileSync(join(root, file), 'utf8')).length === 0
    );
    expect(stale).toEqual([]);
  });
});
