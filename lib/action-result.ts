import type { ConflictInfo } from "@/db/dal/errors";

/** What every Server Action answers: data, or a message with errors per field (dotted paths). */
export type ActionResult<T = null> =
  | { ok: true; data: T }
  | {
      ok: false;
      code:
        | "UNAUTHENTICATED"
        | "FORBIDDEN"
        | "NOT_FOUND"
        | "CONFLICT"
        | "VALIDATION"
        | "LOCKED"
        | "UNAVAILABLE"
        | "ERROR";
      error: string;
      fieldErrors?: Record<string, string>;
      conflict?: ConflictInfo;
    };
