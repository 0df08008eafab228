// Work run beside the pipeline, on a thread of its own (builds have two cores): a TypeScript module
// that reads its `workerData` and posts one result.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

// The thread runs TypeScript however this process does (tsx, vitest): it loads tsx's loader itself,
// and takes none of this process's flags (some, like --max-old-space-size, are refused in a worker).
const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

export interface Aside<T> {
  /** The module's result, or its error. */
  result: Promise<T>;
  /** Ends the thread, e.g. when the pipeline fails before needing the result. */
  stop(): void;
}

export function aside<T>(module: URL, workerData: unknown): Aside<T> {
  const worker = new Worker(module, { workerData, execArgv: ["--import", tsx] });
  const result = new Promise<T>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`le calcul en parallèle s'est arrêté (code ${code}) sans résultat`)));
  });
  result.catch(() => {}); // awaited by the caller; a pipeline failing first must not report it again
  return { result, stop: () => void worker.terminate() };
}
