import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { requireActorOrRedirect } from "@/db/dal/session";

/** The bench's floor: a signed-in page that makes one trivial query. */
export default async function PingPage() {
  await requireActorOrRedirect();
  await getDb().execute(sql`select 1`);
  return <p>ok</p>;
}
