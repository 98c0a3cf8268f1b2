import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { errorsByField, formFieldOf, mutationFailure } from './mutation-outcome';

describe('mutationFailure', () => {
  it('is null for the success type', () => {
    expect(mutationFailure({}, { __typename: 'UpdateOrganizationSuccess' }, 'UpdateOrganizationSuccess')).toBeNull();
  });

  it('passes a ValidationError through with its field errors', () => {
    const fieldErrors = [{ field: 'website', message: 'must be an absolute http(s) URL, e.g. https://example.org' }];
    expect(
      mutationFailure({}, { __typename: 'ValidationError', message: 'Invalid input: website', fieldErrors }, 'X')
    ).toEqual({ kind: 'invalid', message: 'Invalid input: website', fieldErrors });
  });

  it('reports forbidden and not-found results as such', () => {
    expect(mutationFailure({}, { __typename: 'ForbiddenError', message: 'Sign in first' }, 'X')).toEqual({
      kind: 'forbidden',
      message: 'Sign in first'
    });
    expect(
      mutationFailure({}, { __typename: 'NotFoundError', message: 'No such organisation', field: 'orgBId' }, 'X')
    ).toEqual({ kind: 'not-found', message: 'No such organisation', field: 'orgBId' });
  });

  it('maps a value GraphQL refused before validation to its input field', () => {
    const error = new CombinedError({
      graphQLErrors: [
        new GraphQLError(
          'Variable "$input" got invalid value "abc" at "input.foundedYear"; Int cannot represent non-integer value: "abc"'
        )
      ]
    });
    expect(mutationFailure({ error }, undefined, 'X')).toMatchObject({
      kind: 'invalid',
      fieldErrors: [{ field: 'foundedYear', message: 'Int cannot represent non-integer value: "abc"' }]
    });
  });

  it('treats any other error as the API being unavailable, keeping its message', () => {
    const error = new CombinedError({ graphQLErrors: [new GraphQLError('Unexpected error.')] });
    expect(mutationFailure({ error }, undefined, 'X')).toEqual({
      kind: 'unavailable',
      status: 503,
      message: 'Unexpected error.'
    });
  });
});

describe('errorsByField', () => {
  it('groups list items under their field and names the item the form sent', () => {
    const { byField, unplaced } = errorsByField(
      [
        { field: 'countries[1]', message: 'is not a known country code' },
        { field: 'countries[2]', message: 'is not a known country code' },
        { field: 'name', message: 'must be at least 2 characters' },
        { field: 'externalId', message: 'must not be empty' }
      ],
      ['countries', 'name'],
      { countries: ['DE', 'XX', 'YY'] }
    );
    expect(byField).toEqual({
      countries: 'XX: is not a known country code; YY: is not a known country code',
      name: 'must be at least 2 characters'
    });
    expect(unplaced).toEqual([{ field: 'externalId', message: 'must not be empty' }]);
  });

  it('finds the form field of nested and indexed paths', () => {
    expect(formFieldOf('countries[2]')).toBe('countries');
    expect(formFieldOf('contact.email')).toBe('contact');
    expect(formFieldOf('website')).toBe('website');
  });
});
