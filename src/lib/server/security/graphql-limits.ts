import { costLimitPlugin, costLimitRule, type CostLimitOptions } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import {
  GraphQLError,
  Kind,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type ValidationContext
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { env } from '../env';

/**
 * Limits on what one GraphQL document may ask for, checked before execution (GraphQL Armor validation rules):
 * nesting depth, an estimated cost (lists multiply by their `first`/`last`), and the number of aliases (which
 * could otherwise repeat an expensive field hundreds of times). Page sizes themselves are capped at 100 by the
 * schema. Errors state the limit, what was found and what to do.
 */
type Reject = (ctx: ValidationContext | null, error: GraphQLError) => void;

function rejectClearly(code: string, advice: string): Reject {
  return (ctx, error) => {
    const clear = new GraphQLError(`${error.message.replace(/^Syntax Error: /, '')} ${advice}`, {
      extensions: { code }
    });
    if (!ctx) throw clear;
    ctx.reportError(clear);
  };
}

export function costOptions(): CostLimitOptions {
  return {
    maxCost: env().GRAPHQL_MAX_COST,
    // Fragments cost what their fields cost: spreading one must not make a query more (or less) expensive.
    flattenFragments: true,
    onReject: [rejectClearly('QUERY_TOO_COSTLY', 'Ask for smaller pages (first/last) or fewer nested lists.')],
    propagateOnRejection: false
  };
}

export function queryLimitPlugins(): Plugin[] {
  return [
    maxDepthPlugin({
      n: env().GRAPHQL_MAX_DEPTH,
      flattenFragments: true,
      onReject: [rejectClearly('QUERY_TOO_DEEP', 'Ask for fewer nested levels, or split the query.')],
      propagateOnRejection: false
    }) as Plugin,
    costLimitPlugin(costOptions()) as Plugin,
    maxAliasesPlugin({
      n: env().GRAPHQL_MAX_ALIASES,
      onReject: [rejectClearly('TOO_MANY_ALIASES', 'Use fewer aliases, or send several requests.')],
      propagateOnRejection: false
    }) as Plugin,
    useVariableAwareCost()
  ];
}

const PAGE_ARGUMENTS = new Set(['first', 'last']);

/** The document with `first: $n` / `last: $n` replaced by the numbers sent; the same document when there are none. */
export function inlinePageSizes(document: DocumentNode, variables: Record<string, unknown> | undefined): DocumentNode {
  if (!variables) return document;
  return visit(document, {
    Argument(node) {
      if (!PAGE_ARGUMENTS.has(node.name.value) || node.value.kind !== Kind.VARIABLE) return undefined;
      const value = variables[node.value.name.value];
      if (typeof value !== 'number' || !Number.isInteger(value)) return undefined;
      return { ...node, value: { kind: Kind.INT, value: String(value) } };
    }
  });
}

/**
 * Runs the cost rule on a document. The rule only looks up fragments and reports errors, so it gets just that
 * instead of a full graphql `validate()` — which would also insist that the schema comes from the same copy of
 * the graphql package, and under Vite (dev server, Vitest) yoga and our code may load two copies.
 */
export function costErrors(document: DocumentNode, operationName?: string | null): GraphQLError[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const errors: GraphQLError[] = [];
  const context = {
    getFragment: (name: string) => fragments.get(name),
    reportError: (error: GraphQLError) => errors.push(error)
  } as unknown as ValidationContext;
  const visitor = costLimitRule(costOptions())(context);
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION || (operationName && d.name?.value !== operationName)) continue;
    visitor.OperationDefinition.enter(d);
  }
  return errors;
}

/**
 * The cost rule runs at validation, before variables are known, so `first: $n` counts as a page of one.
 * Just before execution, when the variables are known, the rule runs again on the document with the page
 * sizes filled in — so passing sizes as variables does not get around the limit.
 */
function useVariableAwareCost(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const inlined = inlinePageSizes(args.document, args.variableValues as Record<string, unknown> | undefined);
      if (inlined === args.document) return;
      const errors = costErrors(inlined, args.operationName);
      if (errors.length > 0) setResultAndStopExecution({ errors });
    }
  };
}
