#!/usr/bin/env node
/**
 * The npm registry reachable here serves only the Linux builds of packages that ship one optional
 * package per platform (Next's SWC, Biome, Tailwind's oxide, esbuild…). `npm install` then leaves
 * the other platforms out of package-lock.json, and `npm ci` refuses a lockfile that lacks them.
 * This adds each missing optional package with its platform (os/cpu/libc), as a normal lockfile
 * has it, so that `npm ci` skips it on Linux instead of asking the registry. Run after `npm install`.
 */
import fs from "node:fs";

const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8"));
const packages = lock.packages;
const OS = ["darwin", "win32", "android", "freebsd", "openbsd", "netbsd", "sunos", "aix", "openharmony", "linux"];
const CPU = [
  ["x86_64", "x64"],
  ["x64", "x64"],
  ["arm64", "arm64"],
  ["aarch64", "arm64"],
  ["ia32", "ia32"],
  ["i686", "ia32"],
  ["gnueabihf", "arm"],
  ["armv7", "arm"],
  ["-arm-", "arm"],
  ["ppc64", "ppc64"],
  ["s390x", "s390x"],
  ["riscv64", "riscv64"],
  ["loong64", "loong64"],
  ["mips64el", "mips64el"],
  ["wasm32", "wasm32"],
  ["universal", null],
];

function platformOf(name) {
  const n = name.toLowerCase();
  const os = OS.find((o) => n.includes(o)) ?? (n.includes("wasm32") ? null : undefined);
  const cpu = CPU.find(([needle]) => n.includes(needle))?.[1];
  const out = {};
  if (os) out.os = [os];
  if (cpu) out.cpu = [cpu];
  if (os === "linux") out.libc = [n.includes("musl") ? "musl" : "glibc"];
  return out;
}

let added = 0;
for (const [path, meta] of Object.entries(packages)) {
  if (!path.startsWith("node_modules/") && path !== "") continue;
  for (const [dep, range] of Object.entries(meta.optionalDependencies ?? {})) {
    const base = path === "" ? "" : `${path}/`;
    const nested = `${base}node_modules/${dep}`;
    const top = `node_modules/${dep}`;
    if (packages[nested] || packages[top]) continue;
    const platform = platformOf(dep);
    if (!platform.os && !platform.cpu) continue; // not a per-platform build: leave it to npm
    packages[top] = { version: String(range).replace(/^[\^~=]/, ""), ...platform, dev: meta.dev, optional: true };
    if (!meta.dev) delete packages[top].dev;
    added++;
  }
}
fs.writeFileSync("package-lock.json", `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} platform-specific optional packages`);
