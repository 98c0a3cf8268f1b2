/**
 * Embeds show what an anonymous visitor sees, whoever is signed in: a frame copied into another site must never
 * carry the embedder's members-only or private ties. With `credentials: 'omit'` SvelteKit's fetch forwards
 * neither the session cookie nor an Authorization header to /graphql.
 */
export function anonymousFetch(fetchFn: typeof fetch): typeof fetch {
  return (input, init) => fetchFn(input, { ...init, credentials: 'omit' });
}
