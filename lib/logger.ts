import pino from "pino";

/** Structured logs (JSON lines) for the server; level from LOG_LEVEL, default info. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { app: "casefile" },
  redact: ["password", "*.password", "passwordHash", "*.passwordHash"],
});
