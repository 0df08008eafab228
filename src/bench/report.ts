// The figures of a benchmark run beside their targets, as a French table and as JSON.
import type { Step } from "./site";

export interface Build {
  ok: boolean;
  timedOut: boolean;
  wallMs: number;
  /** Largest single process (GNU time); undefined without /usr/bin/time. */
  maxProcessBytes?: number;
  /** Sampled peak of the whole process tree. */
  treePeakBytes: number;
  /** User + system time of the whole tree (GNU time). */
  cpuMs?: number;
  /** The machine's 1-minute load average when the build started. */
  loadBefore: number;
  steps: Step[];
  /** The build's last lines when it failed. */
  failure?: string;
}

export interface Figure {
  label: string;
  /** Raw value in `unit`; undefined when not measured. */
  value?: number;
  unit: "s" | "ms" | "Ko" | "Go" | "%";
  /** Decimals shown, when the unit's usual ones would hide the target (0,3 s). */
  decimals?: number;
  /** The value must not exceed it; undefined: reported without a target. */
  target?: number;
  /** How the value was obtained, when it is not a plain measurement (extrapolated, why missing). */
  note?: string;
}

export interface Section {
  title: string;
  figures: Figure[];
  /** Lines printed under the table: scale, breakdown of the time, failures. */
  details: string[];
}

export type Verdict = "OK" | "au-dessus de la cible" | "sans cible" | "non mesuré";

export function verdictOf(f: Figure): Verdict {
  if (f.value === undefined) return "non mesuré";
  if (f.target === undefined) return "sans cible";
  return f.value <= f.target ? "OK" : "au-dessus de la cible";
}

const DECIMALS: Record<Figure["unit"], number> = { s: 1, ms: 2, Ko: 1, Go: 2, "%": 0 };
const number = (v: number, f: Figure) => `${v.toFixed(f.decimals ?? DECIMALS[f.unit]).replace(".", ",")} ${f.unit}`;

export function table(section: Section): string {
  const rows = section.figures.map((f) => [
    f.label,
    f.value === undefined ? "—" : number(f.value, f),
    f.target === undefined ? "—" : `≤ ${number(f.target, f)}`,
    verdictOf(f) + (f.note ? ` (${f.note})` : ""),
  ]);
  const all = [["mesure", "valeur", "cible", "verdict"], ...rows];
  const widths = all[0].map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((cell, i) => cell.padEnd(widths[i])).join(" | ")} |`;
  return [
    `\n## ${section.title}\n`,
    line(all[0]),
    `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
    ...rows.map(line),
    ...(section.details.length ? ["", ...section.details] : []),
  ].join("\n");
}

export function toJson(sections: Section[], context: Record<string, unknown>): string {
  const figures = (s: Section) => s.figures.map((f) => ({ ...f, verdict: verdictOf(f) }));
  return JSON.stringify({ ...context, sections: sections.map((s) => ({ title: s.title, figures: figures(s), details: s.details })) }, null, 2);
}

/** 35000 → "35 000". */
export const integer = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
export const seconds = (ms: number) => ms / 1000;
export const gigabytes = (bytes: number) => bytes / 1e9;
export const kilobytes = (bytes: number) => bytes / 1000;
