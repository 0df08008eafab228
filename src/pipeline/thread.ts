// Worker threads and child processes running this project's TypeScript modules, however this process
// runs them (tsx, vitest): each loads tsx's loader itself, and takes none of this process's flags
// (some, like --max-old-space-size, are refused in a worker).
import { fork, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

export function typeScriptWorker(module: URL, options: Omit<WorkerOptions, "execArgv"> = {}): Worker {
  return new Worker(module, { ...options, execArgv: ["--import", tsx] });
}

/** A child process sharing this one's terminal, messages cloned as between threads. */
export function typeScriptProcess(module: URL): ChildProcess {
  return fork(fileURLToPath(module), [], { execArgv: ["--import", tsx], serialization: "advanced", stdio: "inherit" });
}
