import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The TypeScript, JavaScript and Svelte files under `dir`, for the architecture tests that read the source.
 * Generated code and dot-folders are skipped (they are not written by hand); tests only when asked for.
 */
export function sourceFiles(dir: string, options: { tests: boolean }): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'generated' || entry.name.startsWith('.') ? [] : sourceFiles(path, options);
    }
    if (!/\.(ts|js|svelte)$/.test(entry.name)) return [];
    return options.tests || !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** `file:line` of each line of `text` where `pattern` matches outside comments (block comments keep their lines). */
export function linesMatching(file: string, text: string, pattern: RegExp): string[] {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '))
    .split('\n')
    .flatMap((line, index) => (pattern.test(line.replace(/\/\/.*$/, '')) ? [`${file}:${index + 1}`] : []));
}
