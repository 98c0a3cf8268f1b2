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
