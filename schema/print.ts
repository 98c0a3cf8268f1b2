import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from './index';

export const SCHEMA_FILE = 'schema/schema.graphql';

/** The committed SDL: sorted so that moving code around never reorders the file. */
export function printSchemaFile(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
