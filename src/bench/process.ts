// Runs one command of the project (build, pdf) as a child process, as a user would, and records
// its wall time, its timestamped output lines and its memory. Memory two ways: GNU time's maximum
// RSS (the largest single process: tsx, the build, or Astro) and the sampled sum over the whole
// process tree (what the machine must hold at once: the build keeps its data while Astro runs).
// Children stay in the benchmark's process group, so Ctrl-C stops them too.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

const GNU_TIME = "/usr/bin/time";
const SAMPLE_MS = 200;
const PAGE_BYTES = 4096;

export interface Line {
  /** Milliseconds since the start. */
  at: number;
  text: string;
}

export interface Run {
  ok: boolean;
  timedOut: boolean;
  wallMs: number;
  lines: Line[];
  /** GNU time's "Maximum resident set size", bytes; undefined without /usr/bin/time. */
  maxProcessBytes?: number;
  /** GNU time's user + system time of the whole tree: less sensitive than wall time to other work on the machine. */
  cpuMs?: number;
  /** The machine's 1-minute load average at the start: above 0, other work shared the cores. */
  loadBefore: number;
  /** Peak of the summed RSS of the process tree, sampled every SAMPLE_MS. */
  treePeakBytes: number;
}

/** `node --import tsx <script> <args>` with this Node (22 under npm scripts), as the npm scripts run it. */
export async function runTsx(script: string, args: string[], timeoutMs: number, env: Record<string, string> = {}): Promise<Run> {
  const command = [process.execPath, "--import", "tsx", script, ...args];
  const timeDir = mkdtempSync(join(tmpdir(), "bench-time-"));
  const timeFile = join(timeDir, "time.txt");
  const [file, ...rest] = existsSync(GNU_TIME) ? [GNU_TIME, "-v", "-o", timeFile, ...command] : command;
  const loadBefore = loadavg()[0];
  const started = performance.now();
  const child = spawn(file, rest, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", ...env } });
  const lines: Line[] = [];
  const collect = (stream: NodeJS.ReadableStream) =>
    createInterface({ input: stream }).on("line", (text) => lines.push({ at: performance.now() - started, text }));
  collect(child.stdout!);
  collect(child.stderr!);

  let treePeakBytes = 0;
  const sampler = setInterval(() => (treePeakBytes = Math.max(treePeakBytes, sum(treeOf(child.pid!).map(rss)))), SAMPLE_MS);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    for (const pid of treeOf(child.pid!)) kill(pid);
  }, timeoutMs);
  const code = await new Promise<number | null>((done) => child.on("close", done));
  const wallMs = performance.now() - started;
  clearInterval(sampler);
  clearTimeout(timer);

  const report = existsSync(timeFile) ? readFileSync(timeFile, "utf8") : "";
  rmSync(timeDir, { recursive: true, force: true });
  const field = (name: string) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(report)?.[1] ?? NaN);
  const maxRssKb = field("Maximum resident set size \\(kbytes\\)");
  const cpuS = field("User time \\(seconds\\)") + field("System time \\(seconds\\)");
  return {
    ok: code === 0 && !timedOut,
    timedOut,
    wallMs,
    lines,
    loadBefore,
    treePeakBytes,
    ...(Number.isNaN(maxRssKb) ? {} : { maxProcessBytes: maxRssKb * 1024 }),
    ...(Number.isNaN(cpuS) ? {} : { cpuMs: cpuS * 1000 }),
  };
}

/** `pid` and its descendants, from /proc (processes ending meanwhile are skipped). */
function treeOf(pid: number): number[] {
  const tree: number[] = [];
  for (const pending = [pid]; pending.length > 0; ) {
    const p = pending.pop()!;
    tree.push(p);
    pending.push(...quietly(() => readdirSync(`/proc/${p}/task`).flatMap((task) => numbers(readFileSync(`/proc/${p}/task/${task}/children`, "utf8"))), []));
  }
  return tree;
}

const rss = (pid: number) => quietly(() => numbers(readFileSync(`/proc/${pid}/statm`, "utf8"))[1] * PAGE_BYTES, 0);
const kill = (pid: number) => quietly(() => process.kill(pid, "SIGKILL"), false);
const numbers = (text: string) => text.split(" ").filter(Boolean).map(Number);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** `read()`, or `fallback` when the process has ended in between. */
function quietly<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}
