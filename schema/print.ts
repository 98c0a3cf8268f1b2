import { createRequire } from 'node:module';
import { schema } from './index';

/**
 * graphql is loaded the way Pothos loads it (require → index.js): under Vite/Vitest a plain `import 'graphql'`
 * resolves to index.mjs, a second copy whose printSchema refuses the schema's types ("from another realm").
 */
const { lexicographicSortSchema, printSchema } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

export const SCHEMA_FILE = 'schema/schema.graphql';

/** The committed SDL: sorted so that moving code around never reorders the file. */
export function printSchemaFile(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
