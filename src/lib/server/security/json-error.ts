/** An error answer in the GraphQL-over-HTTP shape (`{ errors: [...] }`) for requests refused before execution. */
export function jsonErrorResponse(
  status: number,
  message: string,
  extensions: Record<string, unknown>,
  headers: Record<string, string> = {}
): Response {
  return new Response(JSON.stringify({ errors: [{ message, extensions }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers }
  });
}
