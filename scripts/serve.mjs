/**
 * The production server: Next.js's request handler behind admission control (lib/admission.mjs),
 * in place of `next start`. `node scripts/serve.mjs -p PORT --max-renders N [-H HOST]`, with
 * NODE_ENV=production and the build in NEXT_DIST_DIR (default .next). N requests (0: no limit) are
 * handled at once: CASEFILE_MAX_RENDERS, default 4, read by scripts/lib/next-server.ts. SIGTERM or
 * SIGINT stops taking connections, lets the requests in hand finish (10 s at most) and exits.
 *
 * Plain JavaScript, run by Node alone: scripts/lib/next-server.ts builds its command line.
 */
import http from "node:http";
import next from "next";
import { admission } from "./lib/admission.mjs";

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const port = Number(option("-p") ?? process.env.PORT ?? 3000);
const hostname = option("-H");
// Checked and defaulted by scripts/lib/next-server.ts, which builds this command line.
const limit = Number(option("--max-renders"));
if (!Number.isInteger(limit) || limit < 0) {
  console.error("scripts/serve.mjs needs --max-renders N (scripts/lib/next-server.ts passes it).");
  process.exit(1);
}

process.title = "next-server (casefile)";
const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();

// Health checks answer at once however busy the server is, and static files never wait behind
// renders.
const bypass = (url) => url.startsWith("/_next/static/") || url === "/api/health" || url.startsWith("/api/health?");
const gate = admission({ limit, maxQueue: 1000, bypass });
const server = http.createServer(gate.wrap((req, res) => handle(req, res)));

server.on("error", (error) => {
  console.error(
    error.code === "EADDRINUSE"
      ? `Port ${port} is already in use: stop whatever is using it, or choose another port.`
      : `The server could not start: ${error.message}`,
  );
  process.exit(1);
});
server.listen(port, hostname, () => {
  console.log(
    `Casefile serving on http://${hostname ?? "localhost"}:${port} (${limit || "no limit on"} requests at once)`,
  );
});

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
