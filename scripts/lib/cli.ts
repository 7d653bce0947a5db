import { ConfigError } from "@/lib/config-error";

/** Runs a command's main; a ConfigError (or any error) ends it with one sentence, not a stack trace. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof ConfigError) console.error(`\n✖ ${message}\n`);
    else {
      console.error(`\n✖ Casefile stopped: ${message}\n`);
      if (process.env.DEBUG) console.error(error);
    }
    process.exit(1);
  });
}
