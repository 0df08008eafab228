// One worker of preparePortraits (prepare.ts): makes each portrait it is sent, as its page would
// (src/site/portrait-page.ts), into the prepared folder; answers when done, saying whether it made it
// (its page may have claimed it first), in how long, and the charts it drew for it.
import { performance } from "node:perf_hooks";
import { parentPort } from "node:worker_threads";
import { drawing } from "../charts";
import { preparePortrait } from "../site/portrait-page";
import type { WorkerAnswer } from "./prepare";

parentPort!.on("message", (code: string) => {
  const [start, before] = [performance.now(), { ...drawing }];
  const made = preparePortrait(code);
  const [ms, charts, chartMs] = [performance.now() - start, drawing.charts - before.charts, drawing.ms - before.ms];
  parentPort!.postMessage({ made, ms, charts, chartMs } satisfies WorkerAnswer);
});
