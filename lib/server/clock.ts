import "server-only";
import { cookies } from "next/headers";
import { todayIso } from "@/lib/partial-date";

/**
 * Today's date for pages that count days. Tests may set the clock with the `casefile-today` cookie
 * (YYYY-MM-DD), honoured only when the server runs with CASEFILE_TEST_CLOCK=1 (the e2e server).
 */
export async function getToday(): Promise<string> {
  if (process.env.CASEFILE_TEST_CLOCK === "1") {
    const value = (await cookies()).get("casefile-today")?.value;
    if (value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))) return value;
  }
  return todayIso();
}
