import type { RequestHandler } from './$types';
// The committed SDL (schema/schema.test.ts keeps it equal to the running schema), bundled at build time.
import sdl from '../../../../schema/schema.graphql?raw';

/** The schema as SDL, for code generators and for reading; linked from the API guide. */
export const GET: RequestHandler = () =>
  new Response(sdl, {
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'content-disposition': 'inline; filename="schema.graphql"',
      'cache-control': 'public, max-age=300'
    }
  });
