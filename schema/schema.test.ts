import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printSchemaFile, SCHEMA_FILE } from './print';

describe('schema/schema.graphql', () => {
  it('matches the code-first schema', () => {
    const committed = readFileSync(resolve(import.meta.dirname, '..', SCHEMA_FILE), 'utf8');
    const printed = printSchemaFile();
    if (committed !== printed) {
      expect.fail(`${SCHEMA_FILE} disagrees with the Pothos code: run \`npm run schema:print\` and commit the result.`);
    }
    expect(printed).toContain('type Organization implements Node');
  });
});
