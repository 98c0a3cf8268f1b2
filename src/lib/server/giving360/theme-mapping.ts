import table from './classification-themes.json';

/**
 * 360Giving classifications → Atlas theme slugs, from the editable table in classification-themes.json.
 * The Atlas's own exports classify grants in ATLAS_THEME_VOCABULARY with the slug as code, so a round trip needs
 * no table entry.
 */
export const ATLAS_THEME_VOCABULARY = 'https://coalition-atlas.org/themes';

export interface Classification {
  vocabulary?: string;
  code?: string;
  title?: string;
}

interface Entry {
  vocabulary: string;
  code?: string;
  title?: string;
  theme: string;
}

const entries = (table as { entries: Entry[] }).entries;
const key = (vocabulary: string, kind: 'code' | 'title', value: string) =>
  `${vocabulary}\u0000${kind}\u0000${kind === 'title' ? value.trim().toLowerCase() : value.trim()}`;
const byKey = new Map(
  entries.map((e) => [
    e.code !== undefined ? key(e.vocabulary, 'code', e.code) : key(e.vocabulary, 'title', e.title ?? ''),
    e.theme
  ])
);

/** The theme slug a classification maps to, or undefined when the table has no entry for it. */
export function themeOfClassification(c: Classification): string | undefined {
  const vocabulary = c.vocabulary?.trim() ?? '';
  if (vocabulary === ATLAS_THEME_VOCABULARY && c.code) return c.code.trim();
  if (c.code && byKey.has(key(vocabulary, 'code', c.code))) return byKey.get(key(vocabulary, 'code', c.code));
  if (c.title) return byKey.get(key(vocabulary, 'title', c.title));
  return undefined;
}

/** The table's theme slugs, so a test can check every one exists in the reference vocabulary. */
export function mappedThemes(): string[] {
  return entries.map((e) => e.theme);
}
