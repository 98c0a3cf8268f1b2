import type { ObjectRef } from '@pothos/core';
import type { FieldError } from '../src/lib/server/validation/field-errors';
import { summarize } from '../src/lib/server/validation/field-errors';
import type { Outcome } from '../src/lib/server/validation/outcome';
import { builder, type AtlasTypes } from './builder';
import { decodeIds } from './ids';

/**
 * Mutations return typed results — `union XResult = XSuccess | ValidationError | NotFoundError | ForbiddenError` —
 * instead of top-level errors: expected failures are data the client can branch on, field by field.
 */
type Tagged<N extends string, T> = T & { __typename: N };
export type ValidationErrorShape = Tagged<'ValidationError', { message: string; fieldErrors: FieldError[] }>;
export type NotFoundErrorShape = Tagged<'NotFoundError', { message: string; field: string }>;
export type ForbiddenErrorShape = Tagged<'ForbiddenError', { message: string }>;
export type ErrorShape = ValidationErrorShape | NotFoundErrorShape | ForbiddenErrorShape;

export const MutationErrorRef = builder.interfaceRef<ErrorShape>('MutationError').implement({
  description: 'An expected reason a mutation changed nothing.',
  fields: (t) => ({ message: t.exposeString('message', { description: 'A human-readable summary.' }) })
});

export const FieldErrorRef = builder.objectRef<FieldError>('FieldError').implement({
  description: 'One invalid input field and why.',
  fields: (t) => ({
    field: t.exposeString('field', {
      description: 'The input field, as a path relative to the input: "slug", "countries[2]", "endDate".'
    }),
    message: t.exposeString('message', { description: 'What is wrong with it, e.g. "is not a known country code".' })
  })
});

export const ValidationErrorRef = builder.objectRef<ValidationErrorShape>('ValidationError').implement({
  description: 'Some input fields are invalid; nothing was written.',
  interfaces: [MutationErrorRef],
  isTypeOf: (value) => (value as ErrorShape).__typename === 'ValidationError',
  fields: (t) => ({ fieldErrors: t.expose('fieldErrors', { type: [FieldErrorRef] }) })
});

export const NotFoundErrorRef = builder.objectRef<NotFoundErrorShape>('NotFoundError').implement({
  description: 'A referenced record does not exist (or the viewer may not see it); nothing was written.',
  interfaces: [MutationErrorRef],
  isTypeOf: (value) => (value as ErrorShape).__typename === 'NotFoundError',
  fields: (t) => ({ field: t.exposeString('field', { description: 'The input field holding the unknown id.' }) })
});

export const ForbiddenErrorRef = builder.objectRef<ForbiddenErrorShape>('ForbiddenError').implement({
  description: 'The viewer may not make this change (not signed in, or not a member of the organisation).',
  interfaces: [MutationErrorRef],
  isTypeOf: (value) => (value as ErrorShape).__typename === 'ForbiddenError'
});

/**
 * A mutation's success type and result union: `<Name>Success { <field>: T }` and
 * `<Name>Result = <Name>Success | ValidationError | NotFoundError | ForbiddenError`.
 */
export function mutationResult<T, F extends string>(
  name: string,
  field: F,
  type: ObjectRef<AtlasTypes, T>,
  description: string
) {
  type SuccessShape = { __typename: 'Success' } & Record<F, T>;
  const success = builder.objectRef<SuccessShape>(`${name}Success`).implement({
    description,
    isTypeOf: (value) => (value as { __typename?: string }).__typename === 'Success',
    fields: (t) => ({
      [field]: t.field({ type, resolve: (parent: SuccessShape) => parent[field] as never })
    })
  });
  const union = builder.unionType(`${name}Result`, {
    types: [success, ValidationErrorRef, NotFoundErrorRef, ForbiddenErrorRef],
    resolveType: (value) => {
      const tag = (value as { __typename: string }).__typename;
      return tag === 'Success' ? `${name}Success` : tag;
    }
  });
  /** Service outcome → the union's value. */
  const toResult = (outcome: Outcome<T>): SuccessShape | ErrorShape => {
    if (outcome.ok) return { __typename: 'Success', [field]: outcome.value } as SuccessShape;
    return toError(outcome.failure);
  };
  /**
   * For a mutation on records named by global ids: decodes them (one that is not an id of its type is a
   * ValidationError naming the argument, and the service is not called), runs the service, returns the union's value.
   */
  const withIds = async <K extends string>(
    input: Record<K, string | number | null | undefined>,
    spec: Record<K, string>,
    run: (ids: Record<K, string>) => Promise<Outcome<T>>
  ): Promise<SuccessShape | ErrorShape> => {
    const raw = Object.fromEntries(
      Object.entries<string | number | null | undefined>(input).map(([key, value]) => [
        key,
        value == null ? value : String(value)
      ])
    ) as Record<K, string | null | undefined>;
    const { ids, errors } = decodeIds(raw, spec);
    if (errors.length > 0) return validationError(errors);
    return toResult(await run(ids));
  };
  return { union, toResult, withIds };
}

/**
 * The results of several mutations whose success carries the same type in the same field, from [name, description]
 * pairs, in that order (the order they are registered in).
 */
export function mutationResults<T, F extends string, const M extends readonly (readonly [string, string])[]>(
  field: F,
  type: ObjectRef<AtlasTypes, T>,
  mutations: M
): { [I in keyof M]: ReturnType<typeof mutationResult<T, F>> } {
  return mutations.map(([name, description]) => mutationResult(name, field, type, description)) as {
    [I in keyof M]: ReturnType<typeof mutationResult<T, F>>;
  };
}

export function toError(failure: Extract<Outcome<never>, { ok: false }>['failure']): ErrorShape {
  switch (failure.kind) {
    case 'validation':
      return { __typename: 'ValidationError', message: failure.message, fieldErrors: failure.fieldErrors };
    case 'not-found':
      return { __typename: 'NotFoundError', message: failure.message, field: failure.field };
    case 'forbidden':
      return { __typename: 'ForbiddenError', message: failure.message };
  }
}

/** A ValidationError for input problems found before calling a service (e.g. malformed global ids). */
export function validationError(fieldErrors: FieldError[]): ValidationErrorShape {
  return { __typename: 'ValidationError', message: summarize(fieldErrors), fieldErrors };
}
