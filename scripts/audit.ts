/**
 * `npm run audit`: `npm audit --omit=dev` must report no high or critical advisory in what Casefile
 * ships. Exits 1 when it finds one. When the registry's advisory service cannot be reached (some
 * mirrors and closed networks answer 405 or nothing), it says so plainly and exits 2, so that CI can
 * show the check as not run instead of passed.
 */
import { spawnSync } from "node:child_process";

interface AuditReport {
  metadata?: { vulnerabilities?: Record<string, number>; dependencies?: { prod?: number } };
  vulnerabilities?: Record<string, { severity: string; via: unknown[]; fixAvailable: unknown }>;
  statusCode?: number;
  message?: string;
}

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const child = spawnSync(npm, ["audit", "--omit=dev", "--json"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
let report: AuditReport;
try {
  report = JSON.parse(child.stdout) as AuditReport;
} catch {
  console.error(`✖ npm audit printed no report (exit ${child.status}): ${child.stderr.trim().split("\n").at(-1)}`);
  process.exit(2);
}

if (!report.metadata?.vulnerabilities) {
  console.error(
    `✖ npm audit did not run: the advisory service answered ${report.statusCode ?? "nothing usable"}${report.message ? ` (${report.message})` : ""}. No result: this is not a pass.`,
  );
  process.exit(2);
}

const counts = report.metadata.vulnerabilities;
const serious = Object.entries(report.vulnerabilities ?? {}).filter(([, v]) =>
  ["high", "critical"].includes(v.severity),
);
console.log(
  `npm audit --omit=dev: ${["critical", "high", "moderate", "low"].map((s) => `${counts[s] ?? 0} ${s}`).join(", ")}.`,
);
for (const [name, v] of serious) console.log(`  ${v.severity}: ${name}${v.fixAvailable ? " (fix available)" : ""}`);
process.exit(serious.length > 0 ? 1 : 0);
