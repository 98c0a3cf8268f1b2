import { parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { inlinePageSizes } from './graphql-limits';

describe('inlinePageSizes', () => {
  it('fills first/last variables with the numbers sent, leaving other arguments alone', () => {
    const doc = parse('query($n: Int, $m: Int, $q: String) { a(first: $n, q: $q) { b(last: $m) { c } } }');
    expect(print(inlinePageSizes(doc, { n: 100, m: 7, q: 'x' }))).toBe(
      print(parse('query($n: Int, $m: Int, $q: String) { a(first: 100, q: $q) { b(last: 7) { c } } }'))
    );
  });
  it('returns the same document when there is nothing to fill in', () => {
    const doc = parse('{ a(first: 3) { b } }');
    expect(inlinePageSizes(doc, {})).toBe(doc);
    expect(inlinePageSizes(doc, undefined)).toBe(doc);
  });
});
