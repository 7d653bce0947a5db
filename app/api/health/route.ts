import { checkDatabase } from "@/db/availability";

/**
 * Liveness and database reachability, for load balancers and the start script. No data. Asks
 * PostgreSQL on its own connection, so a busy pool does not make a healthy server look down.
 */
export async function GET() {
  if (await checkDatabase()) return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
  return Response.json(
    { ok: false, error: "database unavailable" },
    { status: 503, headers: { "Retry-After": "5", "Cache-Control": "no-store" } },
  );
}
