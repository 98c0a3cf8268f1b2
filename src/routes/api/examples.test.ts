import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { apiExamples, curlCommand, graphiqlHref, PLACEHOLDER_ORGANIZATION } from './examples';

const sdl = readFileSync(resolve(import.meta.dirname, '../../../schema/schema.graphql'), 'utf8');
const schema = buildSchema(sdl);

describe('API guide examples', () => {
  const examples = apiExamples({ id: 'T3JnYW5pemF0aW9uOjE=', slug: "o'brien-trust", name: "O'Brien Trust" });

  it('are valid against the committed schema', () => {
    for (const example of [...examples, ...apiExamples(PLACEHOLDER_ORGANIZATION)]) {
      expect(validate(schema, parse(example.query)).map((e) => `${example.key}: ${e.message}`)).toEqual([]);
    }
  });

  it('cover the five needs of the guide, once each', () => {
    expect(examples.map((e) => e.key)).toEqual(['search', 'profile', 'recommendations', 'coalition', 'coverage']);
  });

  it('open GraphiQL with the query in the URL', () => {
    const href = graphiqlHref(examples[0].query);
    expect(href.startsWith('/graphql?query=')).toBe(true);
    expect(new URL(href, 'http://x').searchParams.get('query')).toBe(examples[0].query);
  });

  it('give a curl line whose body is the query as JSON, surviving a single quote', () => {
    const profile = examples.find((e) => e.key === 'profile')!;
    const command = curlCommand('https://atlas.example', profile.query);
    expect(command).toContain('curl -s https://atlas.example/graphql');
    const quoted = /-d '(.*)'$/s.exec(command)![1].replaceAll(`'\\''`, "'");
    const body = JSON.parse(quoted) as { query: string };
    expect(body.query).toContain(`organization(slug: "o'brien-trust")`);
    expect(validate(schema, parse(body.query))).toEqual([]);
  });
});
