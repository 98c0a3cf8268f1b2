import { AMBIGUOUS_COUNTRY_NAMES, COUNTRY_ALIASES } from './country-aliases';
import { phraseKey } from './normalize';
import { PLACES } from './places';
import { THEME_SYNONYMS } from './theme-synonyms';

export type TermKind = 'theme' | 'country';
/** Why a phrase means what it means: the official name, a practitioner's synonym/alias, or a place in a country. */
export type TermSource = 'name' | 'synonym' | 'place';

export interface LexiconEntry {
  kind: TermKind;
  /** Theme slug or country code: exactly what the facet filter takes. */
  value: string;
  source: TermSource;
}

export interface Lexicon {
  /** Normalised phrase (words joined by one space) → meaning. */
  entries: ReadonlyMap<string, LexiconEntry>;
  /** Words in the longest phrase: the matcher never looks further ahead. */
  longestPhrase: number;
}

export interface VocabularyTheme {
  slug: string;
  nameEn: string;
  nameDe: string;
}
export interface VocabularyCountry {
  code: string;
  nameEn: string;
  nameDe: string;
}

/**
 * The phrases free text is matched against, built from the live Theme and Country tables plus the static
 * synonyms, aliases and places. When two meanings claim one phrase the first added wins, in this order: theme
 * names, country names, theme synonyms, country aliases, places — an official name is never shadowed.
 */
export function buildLexicon(themes: readonly VocabularyTheme[], countries: readonly VocabularyCountry[]): Lexicon {
  const entries = new Map<string, LexiconEntry>();
  let longestPhrase = 1;
  const add = (phrase: string, entry: LexiconEntry) => {
    const key = phraseKey(phrase);
    if (key === '' || entries.has(key)) return;
    if (entry.kind === 'country' && AMBIGUOUS_COUNTRY_NAMES.has(key)) return;
    entries.set(key, entry);
    longestPhrase = Math.max(longestPhrase, key.split(' ').length);
  };
  const themeSlugs = new Set(themes.map((t) => t.slug));
  const countryCodes = new Set(countries.map((c) => c.code));

  for (const t of themes) {
    add(t.nameEn, { kind: 'theme', value: t.slug, source: 'name' });
    add(t.nameDe, { kind: 'theme', value: t.slug, source: 'name' });
  }
  for (const c of countries) {
    add(c.nameEn, { kind: 'country', value: c.code, source: 'name' });
    add(c.nameDe, { kind: 'country', value: c.code, source: 'name' });
  }
  for (const [slug, synonyms] of Object.entries(THEME_SYNONYMS)) {
    if (!themeSlugs.has(slug)) continue;
    for (const s of synonyms) add(s, { kind: 'theme', value: slug, source: 'synonym' });
  }
  for (const [code, aliases] of Object.entries(COUNTRY_ALIASES)) {
    if (!countryCodes.has(code)) continue;
    for (const a of aliases) add(a, { kind: 'country', value: code, source: 'synonym' });
  }
  for (const [code, places] of Object.entries(PLACES)) {
    if (!countryCodes.has(code)) continue;
    for (const p of places) add(p, { kind: 'country', value: code, source: 'place' });
  }
  return { entries, longestPhrase };
}
