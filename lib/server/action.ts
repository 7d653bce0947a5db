import "server-only";
import type { z } from "zod";
import { reportDatabaseError, UNAVAILABLE_MESSAGE } from "@/db/availability";
import type { Actor } from "@/db/dal/actor";
import { recordAccessDenied } from "@/db/dal/audit";
import { DalError } from "@/db/dal/errors";
import { requireActor } from "@/db/dal/session";
import type { ActionResult } from "@/lib/action-result";
import { logger } from "@/lib/logger";
import { fieldErrorsOf } from "@/lib/schemas/account";
import { UNSTORABLE_MESSAGE, unstorablePaths } from "./unstorable";

export type { ActionResult };

/**
 * The one wrapper for Server Actions: session (checked against the database), then the zod schema
 * (re-parsed on the server even though the form validated), then the DAL call. Typed arguments from
 * the client are never trusted: `raw` is unknown until parsed. DAL errors become answers; a lost
 * database connection becomes UNAVAILABLE ("try again in a moment"); anything else is logged and
 * answered with a generic message, never a stack trace.
 */
export function validatedAction<S extends z.ZodType, T>(
  schema: S,
  handler: (actor: Actor, input: z.output<S>) => Promise<T>,
): (raw: unknown) => Promise<ActionResult<T>> {
  return async (raw) => {
    let actor: Actor;
    try {
      actor = await requireActor();
    } catch (error) {
      return toResult(error);
    }
    const unstorable = unstorablePaths(raw);
    if (unstorable.length > 0) {
      return {
        ok: false,
        code: "VALIDATION",
        error: "Some fields need attention.",
        fieldErrors: Object.fromEntries(unstorable.map((p) => [p, UNSTORABLE_MESSAGE])),
      };
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      return {
        ok: false,
        code: "VALIDATION",
        error: "Some fields need attention.",
        fieldErrors: fieldErrorsOf(parsed.error),
      };
    }
    try {
      return { ok: true, data: await handler(actor, parsed.data) };
    } catch (error) {
      if (error instanceof DalError && (error.code === "FORBIDDEN" || error.code === "NOT_FOUND")) {
        await recordAccessDenied(actor.id, handler.name || "server action", { code: error.code });
      }
      return toResult(error);
    }
  };
}

function toResult(error: unknown): ActionResult<never> {
  if (error instanceof DalError) {
    return {
      ok: false,
      code: error.code,
      error: error.message,
      fieldErrors: error.fieldErrors,
      conflict: error.extra.conflict,
    };
  }
  if (isRedirectOrNotFound(error)) throw error;
  if (reportDatabaseError(error)) {
    logger.warn({ code: (error as { code?: unknown }).code }, "server action: database unavailable");
    // A connection lost during COMMIT leaves the outcome unknown to us: the message does not promise.
    return {
      ok: false,
      code: "UNAVAILABLE",
      error: `${UNAVAILABLE_MESSAGE} If you were saving, reload first to see whether it was saved.`,
    };
  }
  logger.error({ err: error }, "server action failed");
  return { ok: false, code: "ERROR", error: "Something went wrong on our side; nothing was saved. Try again." };
}

/** Next.js signals redirect() and notFound() by throwing; those must pass through. */
function isRedirectOrNotFound(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return (
    typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"))
  );
}
