import type { CORSOptions } from 'graphql-yoga';

/**
 * The API may be called from any web origin — but never with the visitor's cookies. Yoga's default reflects
 * the caller's origin AND allows credentials, which would let any site read the API as the signed-in visitor.
 * Without Access-Control-Allow-Credentials, browsers refuse credentialed cross-origin calls; token-authenticated
 * calls (an Authorization header) still work from anywhere.
 */
export const apiCors: CORSOptions = {
  origin: '*',
  credentials: false,
  methods: ['GET', 'POST', 'OPTIONS'],
  allowedHeaders: ['authorization', 'content-type', 'accept', 'x-atlas-csrf'],
  exposedHeaders: ['retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset'],
  maxAge: 600
};
