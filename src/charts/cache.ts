// Rendered charts on disk, one file per portrait holding its charts by a hash of their kind, input and
// options: a chart already drawn by an earlier build, or by the build's workers (src/cli/prepare.ts), is
// read back without Plot or the DOM, and a portrait costs one read, and one write when a chart changed.
// The build CLI sets PORTRAITS_CHART_DIR to a folder named after the renderer version, so a change of
// chart code or of a rendering package never reads an older drawing; without it (astro dev, tests)
// every chart is drawn.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { threadId } from "node:worker_threads";
import type { ChartOutput } from "./types";

interface Store {
  stored: Record<string, unknown>;
  /** The charts of this render, stored or drawn: what the file keeps. */
  used: Map<string, ChartOutput>;
  drawn: number;
}

/** The store of the portrait being rendered; rendering is synchronous, so one at a time per thread. */
let current: Store | undefined;

/** The file of the charts stored under `name` in the cache folder `dir`. */
export const storeFile = (dir: string, name: string) => join(dir, `${name}.json`);

/** A chart's key: its inputs are plain JSON data, so their text identifies them. */
const chartKey = (kind: string, args: unknown[]) => createHash("sha1").update(`${kind}\n`).update(JSON.stringify(args)).digest("base64url");

/**
 * Runs `render`, which draws the charts of one portrait, with the charts stored under `name`; then
 * stores exactly the charts it used, when they differ from those stored (charts no longer drawn go).
 */
export function withChartStore<T>(name: string, render: () => T): T {
  const dir = process.env.PORTRAITS_CHART_DIR;
  if (!dir || current) return render();
  const file = storeFile(dir, name);
  const store: Store = { stored: readStore(file), used: new Map(), drawn: 0 };
  current = store;
  try {
    const result = render();
    if (store.drawn > 0 || store.used.size !== Object.keys(store.stored).length) writeStore(file, store.used);
    return result;
  } finally {
    current = undefined;
  }
}

/** Charts drawn by this thread and the time it took (what `npm run bench` reports per chart). */
export const drawing = { charts: 0, ms: 0 };

/** `chart` reading and writing the store of the portrait being rendered, if any. */
export function cached<A extends unknown[]>(kind: string, chart: (...args: A) => ChartOutput): (...args: A) => ChartOutput {
  const draw = (args: A) => {
    const start = performance.now();
    const output = chart(...args);
    drawing.ms += performance.now() - start;
    drawing.charts++;
    return output;
  };
  return (...args) => {
    const store = current;
    if (!store) return draw(args);
    const key = chartKey(kind, args);
    let output = store.used.get(key) ?? validChart(store.stored[key]);
    if (!output) {
      output = draw(args);
      store.drawn++;
    }
    store.used.set(key, output);
    return output;
  };
}

/** The stored charts; none when absent or damaged, so that they are drawn and written again. */
function readStore(file: string): Record<string, unknown> {
  try {
    const stored: unknown = JSON.parse(readFileSync(file, "utf8"));
    return stored !== null && typeof stored === "object" && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function validChart(o: unknown): ChartOutput | undefined {
  const c = o as ChartOutput | undefined;
  return typeof c?.svg === "string" && typeof c.title === "string" && typeof c.alt === "string" && Array.isArray(c.table?.rows) ? c : undefined;
}

/** Written whole under a name of this thread's own, then renamed: readers and other writers never see half a file. */
function writeStore(file: string, charts: Map<string, ChartOutput>): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}-${threadId}.tmp`;
  writeFileSync(temporary, JSON.stringify(Object.fromEntries(charts)));
  renameSync(temporary, file);
}
