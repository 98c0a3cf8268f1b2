/**
 * docs/graphql-examples.md must stay runnable: every ```graphql block parses and validates against the committed
 * schema (schema/schema.graphql, itself checked against the code by schema.test.ts), and the variables shown with
 * it ("Variables: `{…}`" before the next block) are accepted for the operation's variable types. A renamed field,
 * argument or enum value fails here instead of in a reader's terminal.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, getVariableValues, Kind, parse, validate, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const schema = buildSchema(readFileSync(resolve(root, 'schema/schema.graphql'), 'utf8'));
const doc = readFileSync(resolve(root, 'docs/graphql-examples.md'), 'utf8');

interface Example {
  line: number;
  source: string;
  /** The JSON of the first "Variables: `…`" between this block and the next ```graphql block, if any. */
  variables?: string;
}

function graphqlExamples(markdown: string): Example[] {
  const fence = /^```graphql\n([\s\S]*?)^```$/gm;
  const blocks = [...markdown.matchAll(fence)];
  return blocks.map((match, i) => {
    const after = markdown.slice(match.index + match[0].length, blocks[i + 1]?.index ?? markdown.length);
    return {
      line: markdown.slice(0, match.index).split('\n').length,
      source: match[1],
      variables: /Variables[^`]*`(\{.*?\})`/.exec(after)?.[1]
    };
  });
}

const examples = graphqlExamples(doc);
const operationOf = (example: Example) =>
  parse(example.source).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;

describe('docs/graphql-examples.md', () => {
  it('has the worked examples, each a single named operation', () => {
    const names = examples.map((e) => operationOf(e).name?.value);
    expect(names).toEqual(
      expect.arrayContaining(['FindPartners', 'Propose', 'Confirm', 'SetVisibility', 'End', 'Gaps', 'Isolated'])
    );
    for (const example of examples) {
      const operations = parse(example.source).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
      expect(operations, `block at line ${example.line}`).toHaveLength(1);
    }
    const fields = examples.flatMap((e) =>
      operationOf(e).selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []))
    );
    expect(fields).toEqual(
      expect.arrayContaining([
        'proposePartnership',
        'confirmPartnership',
        'setPartnershipVisibility',
        'endPartnership',
        'coverageMatrix',
        'brokers',
        'communities',
        'isolatedOrganizations'
      ])
    );
  });

  it.each(examples.map((e) => [e.line, e] as const))(
    'the block at line %i validates against schema.graphql',
    (_line, example) => {
      const errors = validate(schema, parse(example.source)).map((e) => e.message);
      expect(errors).toEqual([]);
    }
  );

  it.each(examples.filter((e) => e.variables).map((e) => [e.line, e] as const))(
    'the variables shown after the block at line %i fit its variable types',
    (_line, example) => {
      const definitions = operationOf(example).variableDefinitions ?? [];
      const result = getVariableValues(schema, definitions, JSON.parse(example.variables!));
      expect('errors' in result ? result.errors?.map((e) => e.message) : []).toEqual([]);
    }
  );

  it('catches an example that does not fit the schema (the check can fail)', () => {
    const broken = graphqlExamples(
      '```graphql\nquery Broken { brokers(top: 3) { brokers { organisation { name } } } }\n```\nVariables: `{}`\n'
    );
    expect(validate(schema, parse(broken[0].source)).map((e) => e.message)).toEqual([
      'Unknown argument "top" on field "Query.brokers".',
      'Cannot query field "organisation" on type "Broker". Did you mean "organization"?'
    ]);
    const op = operationOf(graphqlExamples('```graphql\nquery Q($v: Visibility!) { __typename }\n```')[0]);
    expect('errors' in getVariableValues(schema, op.variableDefinitions ?? [], { v: 'SECRET' })).toBe(true);
  });
});
