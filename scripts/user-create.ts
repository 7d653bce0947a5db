/**
 * `npm run user:create -- --email a@b.org --role admin [--name "A B"]`: creates an account.
 * The password is read from standard input when it is not a terminal, otherwise asked for (hidden).
 */
import { parseArgs } from "node:util";
import { createAccount } from "@/db/accounts";
import { makeDb } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { ConfigError } from "@/lib/config-error";
import { ROLES, type Role } from "@/lib/domain";
import { runMain } from "./lib/cli";
import { openDatabase } from "./lib/database";

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let data = "";
    for await (const chunk of process.stdin) data += chunk;
    return data.replace(/\r?\n$/, "");
  }
  process.stdout.write("Password (at least 12 characters): ");
  process.stdin.setRawMode(true);
  process.stdin.resume();
  let value = "";
  return new Promise((resolve) => {
    process.stdin.on("data", (buf: Buffer) => {
      for (const ch of buf.toString("utf8")) {
        if (ch === "\r" || ch === "\n") {
          process.stdin.setRawMode(false);
          process.stdin.pause();
          process.stdout.write("\n");
          resolve(value);
          return;
        }
        if (ch === "\u0003") process.exit(130);
        value = ch === "\u007f" ? value.slice(0, -1) : value + ch;
      }
    });
  });
}

runMain(async () => {
  const { values } = parseArgs({
    options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
  });
  if (!values.email) throw new ConfigError("--email is required, e.g. --email you@example.org.");
  if (!values.role || !ROLES.includes(values.role as Role)) {
    throw new ConfigError(`--role must be one of ${ROLES.join(", ")}.`);
  }
  const password = await readPassword();
  const database = await openDatabase();
  const db = makeDb(database.url, { max: 2 });
  try {
    await runMigrations(database.url);
    const result = await createAccount(db, {
      email: values.email,
      name: values.name ?? values.email.split("@")[0] ?? values.email,
      role: values.role as Role,
      password,
    });
    if (!result.ok)
      throw new ConfigError(
        Object.entries(result.fieldErrors)
          .map(([f, m]) => `${f}: ${m}`)
          .join(" "),
      );
    console.log(`Created ${values.role} ${result.account.email}.`);
  } finally {
    await db.client.end();
    await database.stop();
  }
});
