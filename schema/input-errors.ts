import { GraphQLError } from 'graphql';
import type { FieldError } from '../src/lib/server/validation/field-errors';
import { FailureSignal } from '../src/lib/server/validation/outcome';

/**
 * The one shape of a refused query argument: a top-level GraphQL error with code BAD_USER_INPUT whose
 * `fieldErrors` name each field and why (the message says the same in one line). Mutations return typed
 * ValidationErrors instead (errors.ts); queries have no result union to carry them.
 */
export function badUserInput(
  fieldErrors: FieldError[],
  message = fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; ')
): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', fieldErrors } });
}

/** One refused argument. */
export function badArgument(field: string, message: string): GraphQLError {
  return badUserInput([{ field, message }]);
}

/** Service failures (bad input, unknown ids) as GraphQL errors naming the argument, like the other queries. */
export async function asGraphQLErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof FailureSignal)) throw error;
    const failure = error.failure;
    if (failure.kind === 'validation') throw badUserInput(failure.fieldErrors);
    if (failure.kind === 'not-found') {
      throw new GraphQLError(`${failure.field}: ${failure.message}`, {
        extensions: { code: 'NOT_FOUND', fieldErrors: [{ field: failure.field, message: failure.message }] }
      });
    }
    throw new GraphQLError(failure.message, { extensions: { code: 'FORBIDDEN' } });
  }
}
