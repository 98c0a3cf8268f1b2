import type { z } from 'zod';

/** One problem with one input field, e.g. `{ field: 'countries[2]', message: 'unknown country code "XX"' }`. */
export interface FieldError {
  field: string;
  message: string;
}

/** `['countries', 2]` → `countries[2]`, `['input', 'name']` → `input.name`: the way a client names the field. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || 'input';
}

export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ field: fieldPath(issue.path), message: issue.message }));
}

/** A one-line summary for the `message` of a validation error: names every field that failed. */
export function summarize(errors: FieldError[]): string {
  const fields = [...new Set(errors.map((e) => e.field))];
  return `Invalid input: ${fields.join(', ')}`;
}

/**
 * Field errors the way a failed form action returns them (decision 0045: `errors` maps a field to its message):
 * keyed by the field's path, several messages for one field joined, in the order they came.
 */
export function formErrorsOf(errors: readonly FieldError[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const { field, message } of errors) byField[field] = byField[field] ? `${byField[field]}; ${message}` : message;
  return byField;
}
