import type { FieldError } from './field-errors';
import { summarize } from './field-errors';

/**
 * What a write service returns: the written value, or why nothing was written. The GraphQL layer maps the failure
 * kinds onto its typed error objects (ValidationError, NotFoundError, ForbiddenError).
 */
export type Failure =
  | { kind: 'validation'; message: string; fieldErrors: FieldError[] }
  | { kind: 'not-found'; message: string; field: string }
  | { kind: 'forbidden'; message: string };

export type Outcome<T> = { ok: true; value: T } | { ok: false; failure: Failure };

export const success = <T>(value: T): Outcome<T> => ({ ok: true, value });

export function invalid<T = never>(fieldErrors: FieldError[]): Outcome<T> {
  return { ok: false, failure: { kind: 'validation', message: summarize(fieldErrors), fieldErrors } };
}

export function notFound<T = never>(field: string, message: string): Outcome<T> {
  return { ok: false, failure: { kind: 'not-found', field, message } };
}

export function forbidden<T = never>(message: string): Outcome<T> {
  return { ok: false, failure: { kind: 'forbidden', message } };
}

/**
 * Thrown inside a transaction to roll it back and return the failure (e.g. a uniqueness clash found by the
 * database). `runWrite` catches it and turns it back into an Outcome.
 */
export class FailureSignal extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}
