// ESLint flat config: typescript-eslint and eslint-plugin-svelte recommended rules; formatting is Prettier's job
// (eslint-config-prettier turns the stylistic rules off). Generated code is not linted.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
  {
    ignores: [
      'build/',
      '.svelte-kit/',
      '.data/',
      'graph/target/',
      // Test runs leave private app builds and screenshots here (git-ignored too).
      'test-results/',
      'src/lib/server/db/generated/',
      'src/lib/i18n/generated/',
      'src/lib/graphql/generated/'
    ]
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  prettier,
  ...svelte.configs.prettier,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // `_name` marks a parameter or binding that is deliberately unused.
      // Links are written as plain paths: the app is always served at the root (no `paths.base`), and typed route
      // resolution would touch every link without changing one URL. Revisit if a base path is ever configured.
      'svelte/no-navigation-without-resolve': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }
      ]
    }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig }
    }
  },
  {
    // Tests read GraphQL responses as untyped JSON; `any` there is the honest type of a response body.
    files: ['tests/**/*.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' }
  },
  {
    // The app must not reach into tooling (tools/architecture/boundaries.test.ts checks the same on every import).
    files: ['src/**/*.{ts,svelte}', 'schema/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/tools/**'], message: 'tools/ is not part of the built app' }] }
      ]
    }
  }
);
