/**
 * Paraglide compiler options, used by vite.config.ts (build, dev, vitest) so every run compiles the same runtime.
 * `npm run prepare` runs the same compile through the CLI (see package.json) so `npm run check` has the types
 * before anything was built; keep its flags in step with these.
 *
 * @type {import('@inlang/paraglide-js').ParaglideVitePluginOptions}
 */
export const paraglideOptions = {
  project: './src/lib/i18n/project.inlang',
  // A folder named "generated" is skipped by the build-freshness check and ignores itself in git.
  outdir: './src/lib/i18n/generated',
  // The server decides the language (hooks.server.ts); the browser reads it back from <html lang>.
  strategy: ['custom-html', 'baseLocale'],
  emitTsDeclarations: false
};
