/**
 * graphql-codegen: typed documents for the web app (client preset). Runs in `npm run prepare` (so after every
 * install) and by `npm run codegen`. Documents live in src/lib/graphql/documents/*.ts — plain .ts files only, so
 * codegen never has to parse Svelte components. Output (gitignored) goes to src/lib/graphql/generated/.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['src/lib/graphql/documents/**/*.ts'],
  ignoreNoDocuments: true,
  silent: true,
  generates: {
    'src/lib/graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Date: 'string', ID: 'string', JSON: 'unknown' }
      }
    }
  }
};

export default config;
