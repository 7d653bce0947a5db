import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";

/** Liveness and database reachability, for load balancers and the start script. No data. */
export async function GET() {
  try {
    await getDb().execute(sql`select 1`);
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false, error: "database unavailable" }, { status: 503 });
  }
}
