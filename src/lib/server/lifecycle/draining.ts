/**
 * Answers given after SIGTERM/SIGINT close their connection. adapter-node stops listening and closes idle
 * keep-alive connections, but a request still in progress at the signal leaves its connection open after its
 * answer until the client's keep-alive timeout: the server's close waited ~4 s for it, and only then did the
 * shutdown steps start (tests/integration/graceful-shutdown.int.test.ts). `Connection: close` on those answers
 * makes Node end the socket right after the response, so the process exits as soon as the work is done.
 */
let draining = false;

/** Once per process (hooks.server.ts init), next to adapter-node's own signal handlers. */
export function watchForShutdownSignals(): void {
  const start = () => {
    draining = true;
  };
  process.once('SIGTERM', start);
  process.once('SIGINT', start);
}

/** The response, told to close its connection when the server is shutting down. */
export function closingWhenDraining(response: Response): Response {
  if (draining) response.headers.set('connection', 'close');
  return response;
}
