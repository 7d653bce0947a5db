/**
 * Runs in the browser before the application's own code (Next.js instrumentation-client).
 *
 * zod compiles object parsers with `new Function` unless told not to, and probes for it when the
 * first object schema is made. The Content-Security-Policy (proxy.ts) forbids eval in production,
 * so the probe fails and the browser reports a CSP violation in the console on every page that
 * loads a form schema. The interpreted parser is fast enough for forms.
 */
// zod's core, not its namespace: importing `z` here would ship the whole library to every page.
import { config } from "zod/v4/core";

config({ jitless: true });
