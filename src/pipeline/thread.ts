// Worker threads running this project's TypeScript modules, however this process runs them (tsx,
// vitest): each loads tsx's loader itself, and takes none of this process's flags (some, like
// --max-old-space-size, are refused in a worker).
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

export function typeScriptWorker(module: URL, options: Omit<WorkerOptions, "execArgv"> = {}): Worker {
  return new Worker(module, { ...options, execArgv: ["--import", tsx] });
}
