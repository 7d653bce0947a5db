/**
 * One batch of cases, generated from its own seed so that batches can be made in parallel (worker
 * threads) and still give the same rows for a seed whatever the number of workers.
 */
import { finishGroup, type GeneratorState, generateCase, type Staff } from "./model";
import { Random } from "./random";
import { TABLE_NAMES, type TableName } from "./tables";

export interface BatchJob {
  index: number;
  count: number;
  seed: number;
  /** Day number of "today". */
  today: number;
  staff: Staff;
}

export interface BatchResult {
  index: number;
  count: number;
  rows: number;
  /** COPY text per table, except cases. */
  text: Partial<Record<TableName, string>>;
  /** Rows per table. */
  counts: Partial<Record<TableName, number>>;
  /** The cases' COPY lines, with REF_SLOT where the reference number goes, and each one's year. */
  caseLines: string[];
  refYears: number[];
}

/** A seed per batch, mixed from the run's seed and the batch number (splitmix32-style). */
function batchSeed(seed: number, index: number): number {
  let z = (seed ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

export function runBatch(job: BatchJob): BatchResult {
  const lines = Object.fromEntries(TABLE_NAMES.map((t) => [t, [] as string[]])) as Record<TableName, string[]>;
  const state: GeneratorState = {
    rng: new Random(batchSeed(job.seed, job.index)),
    today: job.today,
    staff: job.staff,
    sink: { push: (table, line) => lines[table].push(line) },
    refYears: [],
    group: null,
  };
  let rows = 0;
  for (let i = 0; i < job.count; i++) rows += generateCase(state);
  rows += finishGroup(state); // groups never span two batches
  const text: BatchResult["text"] = {};
  const counts: BatchResult["counts"] = {};
  for (const table of TABLE_NAMES) {
    counts[table] = lines[table].length;
    if (table !== "cases") text[table] = lines[table].join("");
  }
  return { index: job.index, count: job.count, rows, text, counts, caseLines: lines.cases, refYears: state.refYears };
}
