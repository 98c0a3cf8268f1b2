/**
 * `npm run schema:print`: writes the SDL of the code-first schema to schema/schema.graphql, the committed
 * contract clients (and reviewers) read. schema/schema.test.ts fails when the file and the code disagree.
 * `--check` only compares, exiting 1 on a difference (for CI).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { printSchemaFile, SCHEMA_FILE } from '../../schema/print';

const root = resolve(process.env.ATLAS_ROOT ?? process.cwd());
const file = resolve(root, SCHEMA_FILE);
const sdl = printSchemaFile();

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // a missing file differs
  }
  if (current !== sdl) {
    console.error(`${SCHEMA_FILE} is out of date: run \`npm run schema:print\` and commit it.`);
    process.exit(1);
  }
  console.log(`${SCHEMA_FILE} is up to date.`);
} else {
  writeFileSync(file, sdl);
  console.log(`wrote ${SCHEMA_FILE} (${sdl.split('\n').length} lines)`);
}
