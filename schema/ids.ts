import { decodeGlobalID } from '@pothos/plugin-relay';
import type { FieldError } from '../src/lib/server/validation/field-errors';
import { badArgument } from './input-errors';

/** Decodes a Relay global id of the expected type; null when it is not one (the caller reports the field). */
export function decodeId(value: string, typename: string): string | null {
  try {
    const decoded = decodeGlobalID(value);
    return decoded.typename === typename && decoded.id ? decoded.id : null;
  } catch {
    return null;
  }
}

/**
 * Decodes the global ids of an input in one go, collecting a field error for each one that is not an id of the
 * expected type — so a bad id is reported like any other invalid field, in the mutation's ValidationError.
 */
export function decodeIds<K extends string>(
  input: Record<K, string | null | undefined>,
  spec: Record<K, string>
): { ids: Record<K, string>; errors: FieldError[] } {
  const ids = {} as Record<K, string>;
  const errors: FieldError[] = [];
  for (const key of Object.keys(spec) as K[]) {
    const raw = input[key];
    if (raw == null) continue;
    const id = decodeId(raw, spec[key]);
    if (id) ids[key] = id;
    else errors.push({ field: key, message: `is not a valid ${spec[key]} id` });
  }
  return { ids, errors };
}

type WithoutNull<T> = { [K in keyof T]: Exclude<T[K], null> };

/**
 * GraphQL sends null for an optional input field set to null; on create-style inputs null and "left out" mean
 * the same (use the default), so nulls are dropped before validation.
 */
export function withoutNulls<T extends object>(input: T): WithoutNull<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null)) as WithoutNull<T>;
}

/** A global Organization id → the raw id, or a BAD_USER_INPUT error naming the argument. */
export function organizationIdArg(value: string | number, field: string): string {
  const id = decodeId(String(value), 'Organization');
  if (!id) throw badArgument(field, 'is not a valid Organization id');
  return id;
}
