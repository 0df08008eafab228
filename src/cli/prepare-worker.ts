// One worker of PortraitWorkers (prepare.ts): makes the portrait of each EPCI it is sent, as its page
// would (src/site/portrait-page.ts), into the prepared folder, then the pages and downloads of its
// commune sheets (src/site/commune-sheet-page.ts), into the site being built; answers when done with
// what it spent on each it made (a page may have claimed the portrait first): how long, and the charts
// it drew.
import { performance } from "node:perf_hooks";
import { parentPort } from "node:worker_threads";
import { drawing } from "../charts";
import { prepareSheets } from "../site/commune-sheet-page";
import { preparePortrait } from "../site/portrait-page";
import type { WorkerAnswer, WorkerTask } from "./prepare";

function spent<T>(make: () => T) {
  const [start, before] = [performance.now(), { ...drawing }];
  const made = make();
  return { made, ms: performance.now() - start, charts: drawing.charts - before.charts, chartMs: drawing.ms - before.ms };
}

parentPort!.on("message", ({ code, portrait, sheets }: WorkerTask) => {
  const answer: WorkerAnswer = {};
  if (portrait) {
    const { made, ...cost } = spent(() => preparePortrait(code));
    if (made) answer.portrait = cost;
    else answer.claimed = true;
  }
  if (sheets) {
    const { made, ...cost } = spent(() => prepareSheets(code, process.env.PORTRAITS_SHEETS_DIR!));
    answer.sheets = { ...cost, count: made };
  }
  parentPort!.postMessage(answer);
});
