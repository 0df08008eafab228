// One worker of preparePortraits (prepare.ts): makes each portrait it is sent, as its page would
// (src/site/portrait-page.ts), into the prepared folder; answers when done, saying whether it made it
// (its page may have claimed it first) and in how long.
import { performance } from "node:perf_hooks";
import { parentPort } from "node:worker_threads";
import { preparePortrait } from "../site/portrait-page";
import type { WorkerAnswer } from "./prepare";

parentPort!.on("message", (code: string) => {
  const start = performance.now();
  const made = preparePortrait(code);
  parentPort!.postMessage({ made, ms: performance.now() - start } satisfies WorkerAnswer);
});
