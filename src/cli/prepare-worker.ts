// One worker of PortraitWorkers (prepare.ts): makes the portrait of each EPCI it is sent, then its
// commune sheets, as their pages would (src/site/portrait-page.ts, src/site/commune-sheet-page.ts),
// into the prepared folder; answers when done with what it spent on each it made (a page may have
// claimed either first): how long, and the charts it drew.
import { performance } from "node:perf_hooks";
import { parentPort } from "node:worker_threads";
import { drawing } from "../charts";
import { prepareSheets } from "../site/commune-sheet-page";
import { preparePortrait } from "../site/portrait-page";
import type { WorkerAnswer } from "./prepare";

function spent(make: () => boolean) {
  const [start, before] = [performance.now(), { ...drawing }];
  if (!make()) return undefined;
  return { ms: performance.now() - start, charts: drawing.charts - before.charts, chartMs: drawing.ms - before.ms };
}

parentPort!.on("message", (code: string) => {
  const portrait = spent(() => preparePortrait(code));
  parentPort!.postMessage({ portrait, sheets: spent(() => prepareSheets(code)) } satisfies WorkerAnswer);
});
