/**
 * Turns the answer of a GraphQL mutation (through urql) into what a form shows: success, or the API's own error
 * messages grouped by the form field they belong to. The API is the only validator (its typed ValidationError
 * names each field by its input path, e.g. "countries[2]"); a value GraphQL itself refuses before any resolver
 * runs — "abc" for an Int — comes back as a top-level error whose message names the path, and is mapped the same
 * way, so a malformed year shows beside the year field too.
 */
import type { CombinedError } from '@urql/core';

/** The API writes its validation messages in English; pages mark them so screen readers pronounce them right. */
export const API_MESSAGE_LANG = 'en';

export interface ApiFieldError {
  field: string;
  message: string;
}

/** The members every *Result union shares (MutationError and ValidationError); the success type has none. */
export interface MutationPayload {
  __typename?: string;
  message?: string;
  fieldErrors?: ApiFieldError[];
  field?: string;
}

export type MutationFailure =
  | { kind: 'invalid'; message: string; fieldErrors: ApiFieldError[] }
  | { kind: 'forbidden'; message: string }
  | { kind: 'not-found'; message: string; field: string }
  | { kind: 'unavailable'; status: number; message: string };

/** `Variable "$input" got invalid value "abc" at "input.foundedYear"; Int cannot …` → field + reason. */
const COERCION = /^Variable "\$(\w+)" got invalid value .*? at "([^"]+)"; (.+)$/s;
const COERCION_NO_PATH = /^Variable "\$(\w+)" got invalid value .*?; (.+)$/s;

function coercionFieldError(message: string): ApiFieldError | null {
  const withPath = COERCION.exec(message);
  if (withPath) {
    const [, variable, path, reason] = withPath;
    const relative = path.startsWith(`${variable}.`) ? path.slice(variable.length + 1) : path;
    return { field: relative, message: reason };
  }
  const whole = COERCION_NO_PATH.exec(message);
  return whole ? { field: whole[1], message: whole[2] } : null;
}

/**
 * null when the mutation succeeded (the payload is the success type), otherwise why it did not. `successType` is
 * the union member that means success, e.g. "UpdateOrganizationSuccess".
 */
export function mutationFailure(
  result: { error?: CombinedError },
  payload: MutationPayload | null | undefined,
  successType: string
): MutationFailure | null {
  if (payload?.__typename === successType) return null;
  if (payload?.__typename === 'ValidationError') {
    return { kind: 'invalid', message: payload.message ?? '', fieldErrors: payload.fieldErrors ?? [] };
  }
  if (payload?.__typename === 'ForbiddenError') return { kind: 'forbidden', message: payload.message ?? '' };
  if (payload?.__typename === 'NotFoundError') {
    return { kind: 'not-found', message: payload.message ?? '', field: payload.field ?? '' };
  }
  const graphQLErrors = result.error?.graphQLErrors ?? [];
  const coerced = graphQLErrors.map((e) => coercionFieldError(e.message));
  if (coerced.length > 0 && coerced.every((e) => e !== null)) {
    const fieldErrors = coerced as ApiFieldError[];
    return { kind: 'invalid', message: graphQLErrors.map((e) => e.message).join('\n'), fieldErrors };
  }
  const response = result.error?.response as Response | undefined;
  const status = response?.status && response.status >= 400 ? response.status : 503;
  const message = graphQLErrors[0]?.message ?? result.error?.networkError?.message ?? 'The API returned no answer';
  return { kind: 'unavailable', status, message };
}

/** "countries[2]" → "countries", "contact.email" → "contact": the form control a path belongs to. */
export function formFieldOf(path: string): string {
  return /^[^.[]+/.exec(path)?.[0] ?? path;
}

/**
 * The API's field errors per form field, messages joined; a list item's error names the item
 * ("XX: is not a known country code") using the values the form sent. Paths no form field knows are returned
 * apart, so the page can still show them (in the summary) instead of losing them.
 */
export function errorsByField(
  fieldErrors: readonly ApiFieldError[],
  knownFields: readonly string[],
  sentLists: Record<string, readonly string[]> = {}
): { byField: Record<string, string>; unplaced: ApiFieldError[] } {
  const byField: Record<string, string> = {};
  const unplaced: ApiFieldError[] = [];
  for (const error of fieldErrors) {
    const field = formFieldOf(error.field);
    if (!knownFields.includes(field)) {
      unplaced.push(error);
      continue;
    }
    const index = /^[^[]+\[(\d+)\]/.exec(error.field)?.[1];
    const item = index !== undefined ? sentLists[field]?.[Number(index)] : undefined;
    const message = item !== undefined ? `${item}: ${error.message}` : error.message;
    byField[field] = byField[field] ? `${byField[field]}; ${message}` : message;
  }
  return { byField, unplaced };
}

/** What a form page needs to show a failed mutation: HTTP status, messages by field, and a form-level message. */
export interface FormFailure {
  status: number;
  errors: Record<string, string>;
  unplaced: ApiFieldError[];
  /** Set for failures that are not about a field (not allowed, API unavailable). */
  message: string | null;
}

export function formFailure(
  failure: MutationFailure,
  knownFields: readonly string[],
  sentLists: Record<string, readonly string[]>,
  describe: { forbidden: (message: string) => string; unavailable: (message: string) => string }
): FormFailure {
  switch (failure.kind) {
    case 'invalid': {
      const { byField, unplaced } = errorsByField(failure.fieldErrors, knownFields, sentLists);
      return { status: 400, errors: byField, unplaced, message: null };
    }
    case 'not-found': {
      const { byField, unplaced } = errorsByField(
        [{ field: failure.field, message: failure.message }],
        knownFields,
        sentLists
      );
      return { status: 404, errors: byField, unplaced, message: null };
    }
    case 'forbidden':
      return { status: 403, errors: {}, unplaced: [], message: describe.forbidden(failure.message) };
    case 'unavailable':
      return { status: failure.status, errors: {}, unplaced: [], message: describe.unavailable(failure.message) };
  }
}
