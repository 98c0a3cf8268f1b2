import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { exceedsNesting, findMalformedString } from '../validation/well-formed';

/**
 * Input limits of /graphql that hold BEFORE anything recursive or the database sees the request (issue #14,
 * finding 6). Each refusal is a typed GraphQL error (BAD_USER_INPUT / QUERY_TOO_LARGE / QUERY_TOO_DEEP) with the
 * field it concerns, never a 500:
 *
 * - the document: at most MAX_DOCUMENT_CHARS characters and MAX_NESTING levels of brackets, checked on the raw
 *   text before parsing (the parser recurses once per level; 50,000 nested list brackets overflowed the stack),
 *   and at most MAX_TOKENS tokens (graphql-js stops parsing there);
 * - the variables: at most MAX_NESTING levels deep, no lone UTF-16 surrogates (PostgreSQL refuses them with an
 *   internal error);
 * - string literals in the document: graphql-js's lexer already refuses lone surrogates (a syntax error);
 * - offsets and page sizes (`offset`, `skip`, `first`, `last`, `limit`): whole numbers in 0..MAX_SAFE_OFFSET, so
 *   no store sees a number outside its integer range (Neo4j's SKIP with 2147483647 failed inside the driver).
 */
export const MAX_DOCUMENT_CHARS = 100_000;
export const MAX_NESTING = 64;
export const MAX_TOKENS = 20_000;
export const MAX_SAFE_OFFSET = 1_000_000;
const RANGE_CHECKED = new Set(['offset', 'skip', 'first', 'last', 'limit']);

function badInput(code: string, field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, {
    extensions: { code, fieldErrors: [{ field, message }], http: { status: 400 } }
  });
}

/** The request's document and variables, checked before parsing; an error or null. */
export function checkRawRequest(query: unknown, variables: unknown): GraphQLError | null {
  if (typeof query === 'string') {
    if (exceedsNesting(query, MAX_NESTING)) {
      return badInput('QUERY_TOO_DEEP', 'query', `must not nest brackets more than ${MAX_NESTING} levels deep`);
    }
    if (query.length > MAX_DOCUMENT_CHARS) {
      return badInput(
        'QUERY_TOO_LARGE',
        'query',
        `must be at most ${MAX_DOCUMENT_CHARS} characters (got ${query.length})`
      );
    }
  }
  const malformed = findMalformedString(variables ?? null, 'variables', MAX_NESTING);
  if (malformed && 'tooDeep' in malformed) {
    return badInput('BAD_USER_INPUT', 'variables', `must not nest more than ${MAX_NESTING} levels deep`);
  }
  if (malformed) {
    return badInput(
      'BAD_USER_INPUT',
      malformed.loneSurrogate.replace(/^variables\.?/, '') || 'variables',
      'contains a lone UTF-16 surrogate (not valid Unicode text)'
    );
  }
  return null;
}

/** Offsets and page sizes of a parsed document, with the variables sent, out of the safe range. */
export function checkArguments(
  document: DocumentNode,
  variables: Record<string, unknown> | undefined
): GraphQLError | null {
  let problem: GraphQLError | null = null;
  visit(document, {
    Argument(node) {
      if (problem) return false;
      const name = node.name.value;
      if (!RANGE_CHECKED.has(name)) return undefined;
      const value =
        node.value.kind === Kind.INT
          ? Number(node.value.value)
          : node.value.kind === Kind.VARIABLE
            ? variables?.[node.value.name.value]
            : undefined;
      if (typeof value !== 'number') return undefined;
      if (!Number.isSafeInteger(value) || value < 0 || value > MAX_SAFE_OFFSET) {
        problem = badInput(
          'BAD_USER_INPUT',
          name,
          `must be a whole number from 0 to ${MAX_SAFE_OFFSET} (got ${value})`
        );
        return false;
      }
      return undefined;
    }
  });
  return problem;
}

export function useInputLimits(): Plugin {
  return {
    onParams({ params }) {
      const error = checkRawRequest(params.query, params.variables);
      if (error) throw error;
    },
    onParse({ setParseFn, parseFn }) {
      // graphql-js counts tokens while parsing and stops at maxTokens: a cheap bound on any document's work.
      setParseFn((source, options) => parseFn(source, { ...options, maxTokens: MAX_TOKENS }));
    },
    onExecute({ args, setResultAndStopExecution }) {
      const error = checkArguments(args.document, args.variableValues as Record<string, unknown> | undefined);
      if (error) setResultAndStopExecution({ errors: [error] });
    }
  };
}
