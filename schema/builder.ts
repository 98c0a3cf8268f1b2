import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import ValidationPlugin from '@pothos/plugin-validation';
import { GraphQLError } from 'graphql';
import type { GraphQLContext } from '../src/lib/server/graphql/context';
import { fieldPath } from '../src/lib/server/validation/field-errors';

/** Setup only: plugins, scalars and the root types. Types live one per file beside this one. */
type AtlasSchemaTypes = {
  Context: GraphQLContext;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    Date: { Input: string; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
  };
};

/** The builder's resolved type parameters, for helpers that take Pothos refs or field builders. */
export type AtlasTypes = PothosSchemaTypes.ExtendDefaultTypes<AtlasSchemaTypes>;

export const builder = new SchemaBuilder<AtlasSchemaTypes>({
  plugins: [RelayPlugin, ValidationPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodesOnConnection: true
  },
  validation: {
    // Argument validation errors name the argument and the reason, e.g. "first: must be at most 100".
    validationError: (result) => {
      const fieldErrors = result.issues.map((issue) => ({
        field: fieldPath((issue.path ?? []).map((p) => (typeof p === 'object' ? p.key : p))),
        message: issue.message
      }));
      return new GraphQLError(fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; '), {
        extensions: { code: 'BAD_USER_INPUT', fieldErrors }
      });
    }
  }
});

builder.queryType({ description: 'Read the directory, the partnership graph and the ecosystem analytics.' });
builder.mutationType({
  description:
    'Change the directory. Every input is validated (errors name the field), written with an audit record in one ' +
    'transaction, and projected to the partnership graph before the mutation returns.'
});
