// One configuration measured the way it is used: a cold build into an empty folder, the same
// build again with nothing changed, a build after one producer file changed, then (demo only)
// the PDFs. Every run stops at the benchmark's deadline.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { profileOptions } from "./profile";
import { runTsx, type Run } from "./process";
import type { Build } from "./report";
import { portraitsOf, routeMs, stepsOf, type Portraits } from "./site";

const BUILD_DATE = "2026-01-15";
const CHROMIUM = "/usr/bin/chromium";
/** Below this, a run could not finish anyway. */
const MIN_RUN_MS = 10_000;

export type Skipped = { skipped: string };
export type Outcome = Build | Skipped;

export interface Measured {
  cold: Outcome;
  unchanged: Outcome;
  changed: Outcome;
  portraits?: Portraits;
  /** Astro's rendering time of the portrait pages in the cold build (sum of their "+N ms"). */
  portraitRenderMs?: number;
  pdf?: { wallMs: number; count: number } | Skipped;
}

export interface MeasureOptions {
  deadline: number;
  /** Edits one producer file of the configuration. */
  change: () => void;
  pdf?: boolean;
  /** Profile the cold build into this folder. */
  profileDir?: string;
}

export const isSkipped = (o: object | undefined): o is Skipped => o !== undefined && "skipped" in o;

export async function measureDataset(config: string, out: string, options: MeasureOptions): Promise<Measured> {
  const build = (env: Record<string, string> = {}) =>
    timed(options.deadline, (timeout) =>
      runTsx("src/cli/build.ts", ["--config", config, "--out", out, "--date", BUILD_DATE], timeout, env).then(asBuild),
    );
  const inherited = process.env.NODE_OPTIONS ? `${process.env.NODE_OPTIONS} ` : "";
  const cold = await build(options.profileDir ? { NODE_OPTIONS: inherited + profileOptions(options.profileDir) } : {});
  if (isSkipped(cold) || !cold.ok) {
    const why = { skipped: "la construction à froid n'a pas abouti" };
    return { cold, unchanged: why, changed: why };
  }
  const portraits = portraitsOf(out);
  const portraitRenderMs = routeMs(cold.lines, /^\/epci\/[^/]+\/index\.html$/);
  const unchanged = await build();
  options.change();
  const changed = await build();
  const pdf = options.pdf ? await printPdfs(out, options.deadline) : undefined;
  return { cold, unchanged, changed, portraits, portraitRenderMs, pdf };
}

async function printPdfs(out: string, deadline: number): Promise<Measured["pdf"]> {
  if (!existsSync(CHROMIUM)) return { skipped: "non mesuré : Chromium absent" };
  const run = await timed(deadline, (timeout) => runTsx("src/cli/pdf.ts", ["--out", out], timeout));
  if (isSkipped(run)) return run;
  if (!run.ok) return { skipped: `échec de npm run pdf : ${failureOf(run)}` };
  const count = readdirSync(join(out, "epci")).filter((code) => existsSync(join(out, "epci", code, "portrait.pdf"))).length;
  return { wallMs: run.wallMs, count };
}

/** Runs `job` with the time left before `deadline`, or skips it. */
async function timed<T>(deadline: number, job: (timeoutMs: number) => Promise<T>): Promise<T | Skipped> {
  const left = deadline - Date.now();
  return left < MIN_RUN_MS ? { skipped: "budget de temps épuisé" } : job(left);
}

function asBuild(run: Run): Build & { lines: Run["lines"] } {
  return {
    ok: run.ok,
    timedOut: run.timedOut,
    wallMs: run.wallMs,
    maxProcessBytes: run.maxProcessBytes,
    treePeakBytes: run.treePeakBytes,
    cpuMs: run.cpuMs,
    loadBefore: run.loadBefore,
    steps: stepsOf(run.lines, run.wallMs),
    ...(run.ok ? {} : { failure: run.timedOut ? "arrêtée : budget de temps atteint" : failureOf(run) }),
    lines: run.lines,
  };
}

/** The build's "Échec : …" with the first lines of its reason, V8's fatal error, or the last lines. */
function failureOf(run: Run): string {
  const texts = run.lines.map((l) => l.text.trim()).filter((t) => t !== "");
  const fatal = texts.find((t) => t.startsWith("FATAL ERROR"));
  if (fatal) return `${fatal} (après « ${[...texts].reverse().find((t) => t.startsWith("•")) ?? "?"} »)`;
  const start = texts.findIndex((t) => t.startsWith("Échec"));
  return (start >= 0 ? texts.slice(start + 1, start + 4) : texts.slice(-4)).join(" / ");
}
