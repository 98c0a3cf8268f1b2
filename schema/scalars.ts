import { GraphQLError } from 'graphql';
import { builder } from './builder';

builder.scalarType('DateTime', {
  description: 'An ISO 8601 timestamp in UTC.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: (value) => {
    const date = new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime must be an ISO 8601 timestamp');
    return date;
  }
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;
builder.scalarType('Date', {
  description: 'A calendar date, YYYY-MM-DD.',
  // PostgreSQL `date` columns arrive as Date objects at UTC midnight.
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)).slice(0, 10),
  parseValue: (value) => {
    const text = String(value);
    if (!DATE.test(text) || Number.isNaN(Date.parse(text))) throw new GraphQLError('Date must be YYYY-MM-DD');
    return text;
  }
});

builder.scalarType('JSON', {
  description: 'Arbitrary JSON.',
  serialize: (value) => value,
  parseValue: (value) => value
});
