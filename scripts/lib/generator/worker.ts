/** A worker thread that generates batches of cases (see batch.ts) for the generator's main thread. */
import { parentPort } from "node:worker_threads";
import { type BatchJob, runBatch } from "./batch";

parentPort?.on("message", (job: BatchJob) => {
  try {
    parentPort?.postMessage({ ok: true, result: runBatch(job) });
  } catch (error) {
    parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
});
