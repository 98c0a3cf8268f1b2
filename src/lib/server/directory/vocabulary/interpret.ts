import type { Lexicon, TermKind, TermSource } from './lexicon';
import { tokenize, type Token } from './normalize';
import { STOPWORDS } from './stopwords';

export interface InterpretedTerm {
  /** The words as typed ("Griechenland", "ATD", "Lesbos"). */
  text: string;
  kind: TermKind;
  /** Theme slug or country code. */
  value: string;
  source: TermSource;
}

export interface QueryInterpretation {
  /** In the order they were typed. */
  terms: InterpretedTerm[];
  /** Distinct theme slugs / country codes the terms stand for: exactly what the facet filters take. */
  themes: string[];
  countries: string[];
  /** What is left to search over names and descriptions ('' when the terms said everything). */
  remainingText: string;
}

/** Character ranges inside "double quotes" (an unclosed quote runs to the end): quoted text is meant literally. */
function quotedRanges(text: string): [number, number][] {
  return [...text.matchAll(/"[^"]*"?/g)].map((m) => [m.index, m.index + m[0].length]);
}

/**
 * A token the matcher must leave alone: inside quotes (a phrase searched as typed) or negated with a leading
 * minus ("-Greece" excludes the word, it does not ask for the country).
 */
function isLiteral(text: string, token: Token, quoted: [number, number][]): boolean {
  const negated = text[token.start - 1] === '-' && (token.start === 1 || /\s/.test(text[token.start - 2] ?? ''));
  return negated || quoted.some(([from, to]) => token.start >= from && token.end <= to);
}

/** A comma, semicolon or quote between two words ends a phrase: "Health, Greece" is two terms, not one. */
function separated(text: string, left: Token, right: Token): boolean {
  return /[,;"]/.test(text.slice(left.end, right.start));
}

/**
 * Reads theme names, country names, places and synonyms out of free text, longest phrase first from the left
 * ("Congo (Democratic Republic)" before "Congo", "Alternativen zur Abschiebungshaft" before nothing). The rest,
 * without the joining words, is the text still searched. Text with no recognised term is returned unchanged.
 */
export function interpretQuery(text: string, lexicon: Lexicon): QueryInterpretation {
  const tokens = tokenize(text);
  const quoted = quotedRanges(text);
  const literal = tokens.map((t) => isLiteral(text, t, quoted));
  const terms: InterpretedTerm[] = [];
  const removed: [number, number][] = [];

  let i = 0;
  while (i < tokens.length) {
    let matched = 0;
    for (let length = Math.min(lexicon.longestPhrase, tokens.length - i); length >= 1 && !matched; length--) {
      const span = tokens.slice(i, i + length);
      if (span.some((_, k) => literal[i + k])) continue;
      if (span.some((t, k) => k > 0 && separated(text, span[k - 1]!, t))) continue;
      const entry = lexicon.entries.get(span.map((t) => t.word).join(' '));
      if (!entry) continue;
      const from = span[0]!.start;
      const to = span[span.length - 1]!.end;
      terms.push({ text: text.slice(from, to), ...entry });
      removed.push([from, to]);
      matched = length;
    }
    i += matched || 1;
  }

  if (terms.length === 0) return { terms, themes: [], countries: [], remainingText: text.trim() };

  tokens.forEach((t, k) => {
    const inTerm = removed.some(([from, to]) => t.start >= from && t.end <= to);
    if (!inTerm && !literal[k] && STOPWORDS.has(t.word)) removed.push([t.start, t.end]);
  });
  return {
    terms,
    themes: distinct(terms.filter((t) => t.kind === 'theme').map((t) => t.value)),
    countries: distinct(terms.filter((t) => t.kind === 'country').map((t) => t.value)),
    remainingText: withoutRanges(text, removed)
  };
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}

/** The text with the ranges cut out, and the punctuation that only separated them ("…, …") dropped. */
function withoutRanges(text: string, ranges: [number, number][]): string {
  let kept = '';
  let at = 0;
  for (const [from, to] of [...ranges].sort((a, b) => a[0] - b[0])) {
    kept += text.slice(at, from) + ' ';
    at = Math.max(at, to);
  }
  kept += text.slice(at);
  return kept
    .split(/\s+/)
    .map((chunk) => chunk.replace(/^[,;.:!?&/+()]+|[,;.:!?&/+()]+$/g, ''))
    .filter((chunk) => /[\p{L}\p{N}"]/u.test(chunk))
    .join(' ');
}
