// One configuration measured the way it is used: a cold build into an empty folder with an empty
// chart cache, the same build again with nothing changed, a build after one producer file changed,
// then (demo only) the PDFs. The machine is shared, and the same build has taken from 73 to 101 s at
// national scale: each pass is done several times and the fastest kept (all are printed), as
// benchmarks do to keep out what other programs cost. Every run stops at the benchmark's deadline.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { CHROMIUM } from "../print/missing-browser";
import { profileOptions } from "./profile";
import { runTsx, type Run } from "./process";
import type { Build } from "./report";
import { portraitsOf, preparedOf, preparedSheetsOf, printingOf, routeMs, sheetsOf, stepsOf, type Portraits, type Sheets } from "./site";

const BUILD_DATE = "2026-01-15";
/** Below this, a run could not finish anyway. */
const MIN_RUN_MS = 10_000;

export type Skipped = { skipped: string };
export type Outcome = Build | Skipped;

export interface Measured {
  cold: Outcome;
  unchanged: Outcome;
  changed: Outcome;
  portraits?: Portraits;
  /** The commune sheets of the cold build: their weight, and the workers' time making them (pages and downloads). */
  sheets?: Sheets & { ms?: number; made?: number };
  /** Time spent making the portrait pages in the cold build: by Astro (sum of their "+N ms") and by its workers. */
  portraitPagesMs?: number;
  /** Charts drawn by the workers in the cold build, and the time it took (drawing alone). */
  drawing?: { charts: number; ms: number };
  /** `npm run pdf` on the built site: its wall time, and its printing alone (Chromium launched, site copied). */
  pdf?: { wallMs: number; count: number; printMs: number; tabs: number } | Skipped;
  /** Wall times (ms) of every pass, fastest kept above. */
  passes: { cold?: number; unchanged?: number; changed?: number }[];
}

export interface MeasureOptions {
  deadline: number;
  /** Edits one producer file of the configuration. */
  change: () => void;
  pdf?: boolean;
  /** Profile the first cold build into this folder. */
  profileDir?: string;
  passes: number;
  /** The caches the builds use (PORTRAITS_CACHE: charts and files read), emptied before each cold build. */
  cache: string;
}

export const isSkipped = (o: object | undefined): o is Skipped => o !== undefined && "skipped" in o;

/** A build's wall time; none when it did not run or failed. */
const wallOf = (o: Outcome) => (isSkipped(o) || !o.ok ? undefined : o.wallMs);

export async function measureDataset(config: string, out: string, options: MeasureOptions): Promise<Measured> {
  const passes: Measured[] = [];
  for (let pass = 1; pass <= options.passes; pass++) {
    rmSync(out, { recursive: true, force: true });
    rmSync(options.cache, { recursive: true, force: true });
    const last = pass === options.passes;
    const measured = await onePass(config, out, { ...options, pdf: options.pdf && last, profileDir: pass === 1 ? options.profileDir : undefined });
    if (pass > 1 && isSkipped(measured.cold)) break; // out of time: the passes done stand
    passes.push(measured);
    if (isSkipped(measured.cold) || !measured.cold.ok) break;
  }
  return fastest(passes);
}

/** The fastest of each build among the passes; memory, the largest of them. */
export function fastest(passes: Measured[]): Measured {
  const wall = (o: Outcome) => wallOf(o) ?? Infinity;
  const best = (pick: (m: Measured) => Outcome) => passes.reduce((a, b) => (wall(pick(b)) < wall(pick(a)) ? b : a));
  const byCold = best((m) => m.cold);
  const peak = (key: "treePeakBytes" | "maxProcessBytes") => Math.max(...passes.map((m) => (isSkipped(m.cold) ? 0 : (m.cold[key] ?? 0))));
  const cold = isSkipped(byCold.cold) ? byCold.cold : { ...byCold.cold, treePeakBytes: peak("treePeakBytes"), maxProcessBytes: byCold.cold.maxProcessBytes && peak("maxProcessBytes") };
  return {
    ...byCold,
    cold,
    unchanged: best((m) => m.unchanged).unchanged,
    changed: best((m) => m.changed).changed,
    pdf: passes.at(-1)!.pdf,
    passes: passes.flatMap((m) => m.passes),
  };
}

/**
 * Writes back to disk what was written or deleted before (`sync`): gigabytes at national scale (the
 * synthetic files, the previous pass's site), which the kernel would otherwise write back during the
 * next build, on the same cores, billing it to that build (a cold France build measured 73 s alone and
 * 97 s right after the previous pass's site was deleted).
 */
function settle(): void {
  execFileSync("sync");
}

async function onePass(config: string, out: string, options: MeasureOptions): Promise<Measured> {
  const build = (env: Record<string, string> = {}) => {
    settle();
    return timed(options.deadline, (timeout) =>
      runTsx("src/cli/build.ts", ["--config", config, "--out", out, "--date", BUILD_DATE], timeout, env).then(asBuild),
    );
  };
  const inherited = process.env.NODE_OPTIONS ? `${process.env.NODE_OPTIONS} ` : "";
  const cold = await build(options.profileDir ? { NODE_OPTIONS: inherited + profileOptions(options.profileDir) } : {});
  if (isSkipped(cold) || !cold.ok) {
    const why = { skipped: "la construction à froid n'a pas abouti" };
    return { cold, unchanged: why, changed: why, passes: [] };
  }
  const portraits = portraitsOf(out);
  // Astro's pages and the workers share the making of portraits: their times are added.
  const prepared = preparedOf(cold.lines);
  const portraitPagesMs = routeMs(cold.lines, /^\/epci\/[^/]+\/index\.html$/) + (prepared?.ms ?? 0);
  const drawing = prepared && { charts: prepared.charts, ms: prepared.chartMs };
  const sheetsMade = preparedSheetsOf(cold.lines);
  const sheets = { ...sheetsOf(out), ms: sheetsMade?.ms, made: sheetsMade?.count };
  const unchanged = await build();
  options.change();
  const changed = await build();
  const pdf = options.pdf ? await printPdfs(out, options.deadline) : undefined;
  return { cold, unchanged, changed, portraits, sheets, portraitPagesMs, drawing, pdf, passes: [{ cold: wallOf(cold), unchanged: wallOf(unchanged), changed: wallOf(changed) }] };
}

async function printPdfs(out: string, deadline: number): Promise<Measured["pdf"]> {
  if (!existsSync(CHROMIUM)) return { skipped: "non mesuré : Chromium absent" };
  const run = await timed(deadline, (timeout) => runTsx("src/cli/pdf.ts", ["--out", out], timeout));
  if (isSkipped(run)) return run;
  if (!run.ok) return { skipped: `échec de npm run pdf : ${failureOf(run)}` };
  const count = readdirSync(join(out, "epci")).filter((code) => existsSync(join(out, "epci", code, "portrait.pdf"))).length;
  const printing = printingOf(run.lines);
  if (!printing) return { skipped: "npm run pdf n'a pas dit son temps d'impression" };
  return { wallMs: run.wallMs, count, printMs: printing.ms, tabs: printing.tabs };
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
