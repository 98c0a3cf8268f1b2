import { describe, expect, it } from 'vitest';
import { exceedsNesting, findMalformedString, hasLoneSurrogate } from './well-formed';

describe('hasLoneSurrogate', () => {
  it('finds unpaired high and low surrogates and accepts pairs', () => {
    expect(hasLoneSurrogate('Bad \uD800 name')).toBe(true);
    expect(hasLoneSurrogate('end \uDC00')).toBe(true);
    expect(hasLoneSurrogate('emoji 😀 and ü')).toBe(false);
  });
});

describe('findMalformedString', () => {
  it('names the path of the bad string', () => {
    expect(findMalformedString({ input: { themes: ['ok', 'x\uD83D'] } }, 'variables', 10)).toEqual({
      loneSurrogate: 'variables.input.themes[1]'
    });
    expect(findMalformedString({ input: { name: 'fine' } }, 'variables', 10)).toBeNull();
  });
  it('stops at the depth limit without recursing', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findMalformedString(deep, 'v', 64)).toMatchObject({ tooDeep: expect.any(String) });
  });
});

describe('exceedsNesting', () => {
  it('counts brackets outside strings and comments', () => {
    expect(exceedsNesting('{ a(x: [[[1]]]) { b } }', 5)).toBe(false);
    expect(exceedsNesting('{ a(x: [[[[1]]]]) { b } }', 5)).toBe(true);
    expect(exceedsNesting('{ a(x: "[[[[[[[[[[") }', 3)).toBe(false);
    expect(exceedsNesting('# [[[[[[[[\n{ a }', 3)).toBe(false);
    expect(exceedsNesting('{ a(x: """ [[[[[[ """) }', 3)).toBe(false);
  });
  it('handles a 50,000-deep list literal in linear time', () => {
    expect(exceedsNesting(`{ a(x: ${'['.repeat(50_000)}${']'.repeat(50_000)}) }`, 64)).toBe(true);
  });
});
