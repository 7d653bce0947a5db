import type { TestProject } from "vitest/node";
import { createTestDatabase } from "./databases";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** One fresh, migrated database for the whole Vitest run; every test file seeds its own rows. */
export default async function setup(project: TestProject) {
  const url = await createTestDatabase("vitest");
  project.provide("databaseUrl", url);
}
