/**
 * Admission control for the production server (scripts/serve.mjs): at most `limit` requests are
 * handled at once, the others wait in arrival order. A waiting request holds a socket, not a
 * render. Without it, under load every request is in flight at once: each takes as long as all of
 * them together, its objects outlive the young generation's collections and pile up in the old
 * space, and a collection then stalls every request at once. With it, each request is rendered
 * nearly alone and its garbage dies young. Throughput is the same or better, and the slowest
 * answers are faster.
 *
 * Requests `bypass` accepts (health checks, static files) never wait. Past `maxQueue` waiting
 * requests the server answers 503 with Retry-After rather than queue without end.
 *
 * Plain JavaScript: the production server runs it with Node alone, no TypeScript loader.
 */

/**
 * @param {{ limit: number; maxQueue: number; bypass: (url: string) => boolean }} options
 *   `limit` 0 admits everything at once.
 */
export function admission({ limit, maxQueue, bypass }) {
  let active = 0;
  /** @type {Array<() => void>} */
  const queue = [];

  const release = () => {
    active--;
    while (queue.length > 0 && active < limit) queue.shift()?.();
  };

  return {
    /** Requests being handled and requests waiting, now. */
    stats: () => ({ active, queued: queue.length }),

    /**
     * The handler behind the gate.
     * @param {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => unknown} handler
     */
    wrap(handler) {
      /**
       * @param {import("node:http").IncomingMessage} req
       * @param {import("node:http").ServerResponse} res
       */
      return (req, res) => {
        if (limit <= 0 || bypass(req.url ?? "/")) {
          void handler(req, res);
          return;
        }
        const start = () => {
          // The client went away while it waited: nothing to answer.
          if (res.destroyed || res.writableEnded) return;
          active++;
          let done = false;
          const finish = () => {
            if (done) return;
            done = true;
            release();
          };
          res.once("finish", finish);
          res.once("close", finish);
          Promise.resolve()
            .then(() => handler(req, res))
            .catch((error) => {
              console.error(error);
              if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
              res.end();
            });
        };
        if (active < limit) start();
        else if (queue.length >= maxQueue) {
          res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "1" });
          res.end("Casefile is busy: try again in a moment.\n");
        } else queue.push(start);
      };
    },
  };
}
