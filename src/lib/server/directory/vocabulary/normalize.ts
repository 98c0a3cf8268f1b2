/**
 * How the vocabulary compares words: case, accents and "ß" do not matter ("Österreich" = "osterreich",
 * "Straße" = "strasse"), and words are runs of letters and digits, so hyphens, apostrophes and brackets in names
 * ("free-movement", "Citizens' rights", "Congo (Democratic Republic)") separate words instead of joining them.
 */
export function normalizeWord(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss');
}

export interface Token {
  /** Normalised word. */
  word: string;
  /** Offsets in the original text: `text.slice(start, end)` is the word as typed. */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

export function tokenize(text: string): Token[] {
  return [...text.matchAll(WORD)].map((m) => ({
    word: normalizeWord(m[0]),
    start: m.index,
    end: m.index + m[0].length
  }));
}

/** A phrase as the lexicon keys it: its normalised words joined by one space. */
export function phraseKey(phrase: string): string {
  return tokenize(phrase)
    .map((t) => t.word)
    .join(' ');
}
