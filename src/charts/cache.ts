// Rendered charts on disk, one file per chart named by a hash of its kind, input and options: a chart
// already drawn by an earlier build, or by the build's workers (src/cli/charts.ts), is read back
// without Plot or the DOM. The build CLI sets PORTRAITS_CHART_DIR to a folder named after the renderer
// version, so a change of chart code or of a rendering package never reads an older drawing; without
// it (astro dev, tests) every chart is rendered.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { threadId } from "node:worker_threads";
import type { ChartOutput } from "./types";

/** The file of a chart in the cache folder `dir`: the inputs are plain JSON data, so their text identifies them. */
export function chartFile(dir: string, kind: string, args: unknown[]): string {
  const hash = createHash("sha1").update(`${kind}\n`).update(JSON.stringify(args)).digest("hex");
  return join(dir, hash.slice(0, 2), `${hash.slice(2)}.json`);
}

/** `chart` reading and writing the cache, when the build set one up. */
export function cached<A extends unknown[]>(kind: string, chart: (...args: A) => ChartOutput): (...args: A) => ChartOutput {
  return (...args) => {
    const dir = process.env.PORTRAITS_CHART_DIR;
    if (!dir) return chart(...args);
    const file = chartFile(dir, kind, args);
    const stored = readChart(file);
    if (stored) return stored;
    const output = chart(...args);
    writeChart(file, output);
    return output;
  };
}

/** A stored chart; undefined when absent or damaged, so that it is drawn and written again. */
function readChart(file: string): ChartOutput | undefined {
  try {
    const o = JSON.parse(readFileSync(file, "utf8"));
    return typeof o.svg === "string" && typeof o.title === "string" && typeof o.alt === "string" && Array.isArray(o.table?.rows) ? o : undefined;
  } catch {
    return undefined;
  }
}

/** Written whole under a name of this thread's own, then renamed: readers and other writers never see half a file. */
function writeChart(file: string, output: ChartOutput): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}-${threadId}.tmp`;
  writeFileSync(temporary, JSON.stringify(output));
  renameSync(temporary, file);
}
