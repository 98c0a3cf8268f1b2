import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Paraglide silently falls back to English for a message missing in another language, so a forgotten
 * translation would ship unnoticed. These checks read the source files, not the compiled output.
 */
const here = import.meta.dirname;
const settings = JSON.parse(readFileSync(join(here, 'project.inlang', 'settings.json'), 'utf8')) as {
  baseLocale: string;
  locales: string[];
};

type Catalogue = Record<string, string>;
function catalogue(locale: string): Catalogue {
  const { $schema: _schema, ...messages } = JSON.parse(readFileSync(join(here, 'messages', `${locale}.json`), 'utf8'));
  return messages;
}

const placeholders = (text: string) => [...text.matchAll(/\{\s*(\w+)\s*\}/g)].map((match) => match[1]).sort();

/** Keys in one catalogue that the other lacks: what the test reports, and what the self-check below exercises. */
export function missingKeys(reference: Catalogue, other: Catalogue): string[] {
  return Object.keys(reference).filter((key) => !(key in other));
}

describe('message catalogues', () => {
  const base = catalogue(settings.baseLocale);

  it('covers English and German', () => {
    expect(settings.locales).toEqual(expect.arrayContaining(['en', 'de']));
    expect(Object.keys(base).length).toBeGreaterThan(0);
  });

  it('reports a key that only one language has', () => {
    expect(missingKeys({ a: 'A', b: 'B' }, { a: 'A' })).toEqual(['b']);
    expect(missingKeys({ a: 'A' }, { a: 'A', b: 'B' })).toEqual([]);
  });

  for (const locale of settings.locales.filter((l) => l !== settings.baseLocale)) {
    describe(`${locale} against ${settings.baseLocale}`, () => {
      const other = catalogue(locale);

      it('has every key, and no key of its own', () => {
        const missing = { [locale]: missingKeys(base, other), [settings.baseLocale]: missingKeys(other, base) };
        expect(missing, 'keys missing per language').toEqual({ [locale]: [], [settings.baseLocale]: [] });
      });

      it('uses the same placeholders', () => {
        const differing = Object.keys(base).filter(
          (key) => key in other && placeholders(base[key]).join() !== placeholders(other[key]).join()
        );
        expect(differing).toEqual([]);
      });
    });
  }

  for (const locale of settings.locales) {
    it(`${locale} has no empty messages`, () => {
      const empty = Object.entries(catalogue(locale))
        .filter(([, text]) => typeof text !== 'string' || text.trim() === '')
        .map(([key]) => key);
      expect(empty).toEqual([]);
    });
  }
});
