import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkArguments, checkRawRequest, MAX_SAFE_OFFSET } from './graphql-input-limits';

const fieldErrors = (error: unknown) => (error as { extensions: { fieldErrors: unknown } }).extensions.fieldErrors;

describe('checkRawRequest', () => {
  it('refuses a document nested deeper than the limit before parsing', () => {
    const error = checkRawRequest(`{ a(x: ${'['.repeat(50_000)}1${']'.repeat(50_000)}) }`, undefined);
    expect(error?.extensions.code).toBe('QUERY_TOO_DEEP');
  });
  it('names the variable path of a lone surrogate', () => {
    const error = checkRawRequest('mutation($input: I!) { a(input: $input) }', { input: { name: 'Bad \uD800' } });
    expect(fieldErrors(error)).toEqual([
      { field: 'input.name', message: 'contains a lone UTF-16 surrogate (not valid Unicode text)' }
    ]);
  });
  it('passes ordinary requests', () => {
    expect(checkRawRequest('{ a(first: 3) { b } }', { q: 'Flüchtlingshilfe 😀' })).toBeNull();
  });
});

describe('checkArguments', () => {
  it('refuses offsets beyond the safe range, literal or variable, naming the argument', () => {
    const literal = checkArguments(parse('{ isolatedOrganizations(offset: 2147483647) { totalCount } }'), {});
    expect(fieldErrors(literal)).toEqual([
      { field: 'offset', message: `must be a whole number from 0 to ${MAX_SAFE_OFFSET} (got 2147483647)` }
    ]);
    const variable = checkArguments(parse('query($o: Int) { a(offset: $o) }'), { o: MAX_SAFE_OFFSET + 1 });
    expect(variable?.extensions.code).toBe('BAD_USER_INPUT');
    expect(checkArguments(parse('query($o: Int) { a(offset: $o, first: 50) }'), { o: 200 })).toBeNull();
  });
});
