/**
 * `npm run lighthouse [-- --form-factor desktop|mobile] [--runs 3]`: Lighthouse (the npm package, driving
 * Debian's Chromium, or CHROME_PATH) on /sign-in, /cases, /cases/DC-2024-0001 and /dashboard of the
 * production build, against a fresh demo database, signed in as the demo coordinator for all but
 * /sign-in (its session cookie goes into Chromium's cookie jar through puppeteer-core, which
 * Lighthouse itself depends on: an extra Cookie header loses to the jar's own cookies). Prints performance, accessibility and best-practices scores per page, and for each score
 * under target the audits that fail with the elements they name; writes bench/results/lighthouse.json.
 * Each page is run --runs times (default 3) and the run with the median performance score is kept.
 * Desktop by default: the portal is used at a desk; mobile uses Lighthouse's throttled phone profile.
 */
import fs from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig } from "lighthouse";
import puppeteer from "puppeteer-core";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/db/seed/demo";
import { ConfigError } from "@/lib/config-error";
import { intFlag, parseFlags } from "./lib/bench/args";
import { openDemoDatabase } from "./lib/bench/database";
import { distDir, ensureBuild, startServer } from "./lib/bench/server";
import { signIn } from "./lib/bench/session";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./lib/chromium";
import { runMain } from "./lib/cli";

const RESULTS = path.resolve("bench/results/lighthouse.json");
const CHROME_FLAGS = ["--headless=new", ...CHROMIUM_ARGS];
const CATEGORIES = ["performance", "accessibility", "best-practices"] as const;
type Category = (typeof CATEGORIES)[number];
const TARGETS: Record<Category, number> = { performance: 95, accessibility: 100, "best-practices": 95 };
const PAGES = [
  { path: "/sign-in", signedIn: false },
  { path: "/cases", signedIn: true },
  { path: "/cases/DC-2024-0001", signedIn: true },
  { path: "/dashboard", signedIn: true },
] as const;

interface FailingAudit {
  id: string;
  title: string;
  score: number | null;
  displayValue?: string;
  elements: Array<{ selector?: string; snippet?: string; label?: string; explanation?: string }>;
}

interface PageScores {
  path: string;
  scores: Record<Category, number | null>;
  /** The performance score of every run (the median run's scores and audits are the ones kept). */
  performanceRuns: number[];
  metrics: Record<string, string | undefined>;
  failing: Partial<Record<Category, FailingAudit[]>>;
}

type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>["lhr"];

const squash = (text: string | undefined) => text?.replace(/\s+/g, " ").trim();

/** What an audit's details name: page elements (selector, snippet), else the item itself, compactly. */
function elementsOf(details: unknown): FailingAudit["elements"] {
  const items = (details as { items?: Array<Record<string, unknown>> } | undefined)?.items ?? [];
  return items.slice(0, 10).map((item) => {
    const node = (item.node ?? item.element ?? null) as {
      selector?: string;
      snippet?: string;
      nodeLabel?: string;
      explanation?: string;
    } | null;
    if (node) {
      return {
        selector: node.selector,
        snippet: squash(node.snippet),
        label: squash(node.nodeLabel),
        explanation: squash(node.explanation),
      };
    }
    const where = (item.sourceLocation as { url?: string } | undefined)?.url ?? (item.url as string | undefined);
    const wasted =
      typeof item.wastedBytes === "number" ? `${Math.round(item.wastedBytes / 1024)} KiB wasted` : undefined;
    const duration = typeof item.duration === "number" ? `${Math.round(item.duration)} ms` : undefined;
    const what =
      [item.description, item.reason, item.groupLabel, item.statistic, wasted, duration]
        .filter((x): x is string => typeof x === "string")
        .join(" ") || JSON.stringify(item).slice(0, 160);
    return { label: squash([where, what].filter(Boolean).join(": ")) };
  });
}

runMain(async () => {
  const flags = parseFlags(process.argv.slice(2), { values: ["form-factor", "runs"] });
  const runs = intFlag(flags, "runs", 3, 1, 9);
  const formFactor = flags.get("form-factor") ?? "desktop";
  if (formFactor !== "desktop" && formFactor !== "mobile") {
    throw new ConfigError(`--form-factor must be desktop or mobile, got "${formFactor}".`);
  }
  const chromePath = process.env.CHROME_PATH ?? CHROMIUM_PATH;
  if (!fs.existsSync(chromePath)) {
    throw new ConfigError(`No Chromium at ${chromePath}: install Debian's chromium or set CHROME_PATH.`);
  }

  // Lighthouse's logger switches DEBUG on, which would turn the one-sentence error into a stack trace.
  const debug = process.env.DEBUG;
  const cleanup: Array<() => Promise<void>> = [];
  const cleanUp = async () => {
    for (const step of cleanup.splice(0).reverse()) await step().catch(() => {});
    if (debug === undefined) delete process.env.DEBUG;
    else process.env.DEBUG = debug;
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => void cleanUp().then(() => process.exit(130)));
  }
  try {
    const database = await openDemoDatabase();
    cleanup.push(() => database.stop());
    await ensureBuild(
      { DATABASE_URL: database.url, AUTH_SECRET: "lighthouse-build-0123456789abcdef0123456789" },
      console.log,
    );
    const server = await startServer(database.url);
    cleanup.push(() => server.stop());
    const coordinator = DEMO_ACCOUNTS.find((a) => a.role === "coordinator");
    if (!coordinator) throw new Error("the demo has no coordinator");
    const cookie = await signIn(server.url, coordinator.email, DEMO_PASSWORD);
    console.log(`Server: ${server.url} (build ${distDir()}/), demo database ${database.where}; ${formFactor}.`);

    const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS, logLevel: "silent" });
    cleanup.push(async () => {
      chrome.kill();
    });
    const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
    cleanup.push(() => browser.disconnect());
    const tab = await browser.newPage();
    const [cookieName = "", cookieValue = ""] = cookie.split(/=(.*)/s);
    const results: PageScores[] = [];
    for (const page of PAGES) {
      const url = `${server.url}${page.path}`;
      // One unmeasured visit first, so that the server's first render of the route is not what is scored.
      await (await fetch(url, { headers: page.signedIn ? { cookie } : {} })).arrayBuffer();
      const jar = { name: cookieName, domain: "127.0.0.1", path: "/" };
      if (page.signedIn) await browser.setCookie({ ...jar, value: cookieValue, httpOnly: true, sameSite: "Lax" });
      else await tab.deleteCookie(jar);
      process.stdout.write(`Lighthouse ${page.path}… `);
      // Several runs, the one with the median performance score kept (Lighthouse's own advice: one
      // run's blocking time moves with whatever else the machine does). A trace that fails to
      // record (NO_NAVSTART, …) is tried again once.
      const lhrs: Lhr[] = [];
      for (let attempt = 0; lhrs.length < runs && attempt < runs + 2; attempt++) {
        const run = await lighthouse(
          url,
          { output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] },
          formFactor === "desktop" ? desktopConfig : undefined,
          tab,
        );
        if (!run) throw new Error(`Lighthouse returned nothing for ${page.path}`);
        if (run.lhr.runtimeError) process.stdout.write(`(${run.lhr.runtimeError.code}) `);
        else lhrs.push(run.lhr);
      }
      if (lhrs.length === 0) throw new Error(`Lighthouse could not record ${page.path}, twice`);
      lhrs.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
      const lhr = lhrs[Math.floor(lhrs.length / 2)] as Lhr;
      const perfRuns = lhrs.map((l) => Math.round((l.categories.performance?.score ?? 0) * 100));
      if (!lhr.finalDisplayedUrl.endsWith(page.path)) {
        throw new Error(`${page.path} ended at ${lhr.finalDisplayedUrl}: the session did not hold`);
      }
      const scores = {} as PageScores["scores"];
      const failing: PageScores["failing"] = {};
      for (const category of CATEGORIES) {
        const c = lhr.categories[category];
        const score = c?.score === null || c?.score === undefined ? null : Math.round(c.score * 100);
        scores[category] = score;
        if (c && (score === null || score < TARGETS[category])) {
          failing[category] = c.auditRefs
            .filter((ref) => ref.group !== "hidden")
            .map((ref) => lhr.audits[ref.id])
            .filter((a): a is NonNullable<typeof a> => !!a)
            .filter((a) => a.score !== null && a.score < (category === "performance" ? 0.9 : 1))
            .filter((a) => a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "notApplicable")
            .map((a) => ({
              id: a.id,
              title: a.title,
              score: a.score,
              displayValue: a.displayValue,
              elements: elementsOf(a.details),
            }));
        }
      }
      const metric = (id: string) => lhr.audits[id]?.displayValue;
      results.push({
        path: page.path,
        scores,
        performanceRuns: perfRuns,
        metrics: {
          FCP: metric("first-contentful-paint"),
          LCP: metric("largest-contentful-paint"),
          TBT: metric("total-blocking-time"),
          CLS: metric("cumulative-layout-shift"),
          SI: metric("speed-index"),
        },
        failing,
      });
      console.log(
        `${CATEGORIES.map((c) => `${c} ${scores[c] ?? "–"}`).join(", ")} (performance runs: ${perfRuns.join(", ")})`,
      );
    }

    console.log(
      `\n${"page".padEnd(22)}  ${"perf".padStart(5)}  ${"a11y".padStart(5)}  ${"best".padStart(5)}   FCP / LCP / TBT / CLS`,
    );
    for (const r of results) {
      const s = (c: Category) => {
        const v = r.scores[c];
        return `${v ?? "–"}${v !== null && v < TARGETS[c] ? "!" : " "}`.padStart(5);
      };
      console.log(
        `${r.path.padEnd(22)}  ${s("performance")}  ${s("accessibility")}  ${s("best-practices")}   ${r.metrics.FCP} / ${r.metrics.LCP} / ${r.metrics.TBT} / ${r.metrics.CLS}`,
      );
    }
    console.log(
      `(targets: performance ≥ ${TARGETS.performance}, accessibility ${TARGETS.accessibility}, best practices ≥ ${TARGETS["best-practices"]}; ! = under)`,
    );
    for (const r of results) {
      for (const [category, audits] of Object.entries(r.failing)) {
        if (!audits?.length) continue;
        console.log(`\n${r.path} — ${category} ${r.scores[category as Category]}:`);
        for (const a of audits) {
          console.log(`  ${a.id}${a.displayValue ? ` (${a.displayValue})` : ""}: ${a.title}`);
          for (const e of a.elements) {
            console.log(`    - ${[e.selector, e.label, e.snippet].filter(Boolean).join("  ").slice(0, 220)}`);
          }
        }
      }
    }
    fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
    fs.writeFileSync(
      RESULTS,
      `${JSON.stringify({ formFactor, targets: TARGETS, at: new Date().toISOString(), pages: results }, null, 2)}\n`,
    );
    console.log(`\nWrote ${path.relative(process.cwd(), RESULTS)}.`);
  } finally {
    await cleanUp();
  }
});
