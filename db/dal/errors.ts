/** Typed errors thrown by the data-access layer; pages and actions turn them into answers. */
export type DalErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "VALIDATION" | "LOCKED";

export class DalError extends Error {
  override name = "DalError";
  constructor(
    readonly code: DalErrorCode,
    message: string,
    /** Field name to message, for VALIDATION. */
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what = "Record") => new DalError("NOT_FOUND", `${what} not found.`);
export const forbidden = () => new DalError("FORBIDDEN", "You are not allowed to do this.");
