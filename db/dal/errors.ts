/** Typed errors thrown by the data-access layer; pages and actions turn them into answers. */
export type DalErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "VALIDATION" | "LOCKED";

/** Who saved a record after the user loaded it, and when (ISO timestamp). */
export interface ConflictInfo {
  by: string;
  at: string;
}

export class DalError extends Error {
  override name = "DalError";
  constructor(
    readonly code: DalErrorCode,
    message: string,
    readonly extra: { fieldErrors?: Record<string, string>; conflict?: ConflictInfo } = {},
  ) {
    super(message);
  }
  get fieldErrors() {
    return this.extra.fieldErrors;
  }
}

export const notFound = (what = "Record") => new DalError("NOT_FOUND", `${what} not found.`);
export const forbidden = () => new DalError("FORBIDDEN", "You are not allowed to do this.");
export const invalid = (fieldErrors: Record<string, string>) =>
  new DalError("VALIDATION", "Some fields need attention.", { fieldErrors });
