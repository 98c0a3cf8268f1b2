/**
 * Input rules shared by the matchmaking services. Reads validate like writes: a bad input stops with a failure
 * naming the field (thrown as FailureSignal, which the GraphQL layer maps onto its typed errors).
 */
import { z } from 'zod';
import { fieldErrorsOf, type FieldError } from '../validation/field-errors';
import { FailureSignal, invalid, notFound, type Outcome } from '../validation/outcome';

export const organizationId = z.string().trim().min(1, 'is required').max(64, 'is not a valid id');

export const themeSlugs = z
  .array(z.string().trim().toLowerCase().min(1, 'must not be empty').max(80, 'is not a theme slug'))
  .max(30, 'must have at most 30 entries')
  .transform((values) => [...new Set(values)]);

export const countryCodes = z
  .array(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code, e.g. "DE"')
  )
  .max(60, 'must have at most 60 entries')
  .transform((values) => [...new Set(values)]);

export const organizationIds = z
  .array(organizationId)
  .max(50, 'must have at most 50 entries')
  .transform((values) => [...new Set(values)]);

/** Parses `input` or throws a validation failure listing every field that failed. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw failure(invalid(fieldErrorsOf(result.error)));
  return result.data;
}

/** Field errors for values the graph does not know (`themes[2]: is not a known theme slug "x"`). */
export function unknownValues(field: string, all: string[], unknown: string[], what: string): FieldError[] {
  const missing = new Set(unknown);
  return all.flatMap((value, index) =>
    missing.has(value) ? [{ field: `${field}[${index}]`, message: `is not a known ${what} ("${value}")` }] : []
  );
}

export function throwIfInvalid(errors: FieldError[]): void {
  if (errors.length > 0) throw failure(invalid(errors));
}

export function throwNotFound(field: string, message: string): never {
  throw failure(notFound(field, message));
}

function failure(outcome: Outcome<never>): FailureSignal {
  // invalid() and notFound() always build the failure branch.
  if (outcome.ok) throw new Error('unreachable: a failure outcome was expected');
  return new FailureSignal(outcome.failure);
}
