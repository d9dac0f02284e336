import { serve, type Http2Bindings, type HttpBindings, type ServerType } from '@hono/node-server';
import { IncomingMessage, Server, ServerResponse } from 'node:http';

type Fetch = (request: Request) => Response | Promise<Response>;

/** How long an idle kept-alive socket stays open: past the idle time of browsers and common HTTP clients (60 s). */
const KEEP_ALIVE_MS = 65_000;

/**
 * Serves `fetch` on Node's HTTP server, keeping kept-alive connections usable after an early answer.
 *
 * A route may answer before it has read the request's body (413 for a declared length over the
 * limit, 415, 401, a bad path). Once anything has touched `request.body`, @hono/node-server reads
 * the socket through `Readable.toWeb`, whose 'data' listener pauses the request again as soon as
 * its small queue is full; the adapter's own drain then stalls and, after 500 ms, destroys the
 * socket it had just answered with `Connection: keep-alive`. The client's next request on that
 * socket meets a closed connection (ECONNRESET / UND_ERR_SOCKET). So once the answer is sent, the
 * unread rest of the body is discarded here, as Node's own `_dump` does for an untouched body; the
 * adapter's caps (64 MB, 500 ms) still bound how much is read.
 *
 * Idle kept-alive sockets are kept for KEEP_ALIVE_MS rather than Node's 5 s: Node's own http.Agent
 * keeps an idle socket however long and ignores the `Keep-Alive: timeout` hint, so a client that
 * paused 6 s had its next request reset by the server's late close. Lambda behind API Gateway has
 * no sockets: only the local store needs any of this.
 */
export function listen(fetch: Fetch, port: number, hostname: string): Promise<ServerType> {
  return new Promise((resolvePromise, reject) => {
    const server = serve(
      {
        fetch: (request: Request, env: HttpBindings | Http2Bindings) => {
          if (env.incoming instanceof IncomingMessage && env.outgoing instanceof ServerResponse) discardUnreadBodyOnceAnswered(env.incoming, env.outgoing);
          return fetch(request);
        },
        port,
        hostname,
      },
      () => resolvePromise(server),
    );
    if (server instanceof Server) {
      server.keepAliveTimeout = KEEP_ALIVE_MS;
      // Node wants the headers timeout past the keep-alive one, or a slow first line on a reused socket is cut.
      server.headersTimeout = KEEP_ALIVE_MS + 1_000;
    }
    server.once('error', reject);
  });
}

function discardUnreadBodyOnceAnswered(incoming: IncomingMessage, outgoing: ServerResponse): void {
  outgoing.once('finish', () => {
    if (incoming.readableEnded || incoming.destroyed) return;
    // Nothing reads the body after the answer: drop the stream adapter's pausing listener and let it flow.
    incoming.removeAllListeners('data');
    incoming.resume();
  });
}
