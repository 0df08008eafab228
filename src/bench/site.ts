// What a built site and its build log say: charts and gzipped weight of the portraits and commune
// sheets, and how long each step of the build took.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Line } from "./process";

export interface Portraits {
  /** Portraits with at least one chart (the published ones). */
  count: number;
  charts: number;
  gzipMedianBytes: number;
  gzipMaxBytes: number;
}

/** Commune sheets with data (a CSV beside the page), and their pages' gzipped weight. */
export interface Sheets {
  count: number;
  gzipMedianBytes: number;
  gzipMaxBytes: number;
}

export function sheetsOf(site: string): Sheets {
  const sizes: number[] = [];
  for (const code of readdirSync(join(site, "commune"))) {
    if (!existsSync(join(site, "commune", code, "donnees.csv"))) continue;
    sizes.push(gzipSync(readFileSync(join(site, "commune", code, "index.html"))).length);
  }
  sizes.sort((a, b) => a - b);
  return { count: sizes.length, gzipMedianBytes: sizes[Math.floor(sizes.length / 2)] ?? 0, gzipMaxBytes: sizes[sizes.length - 1] ?? 0 };
}

/** Charts are Plot's `<svg … role="img">` (decorative icons are aria-hidden). */
const CHART = /<svg\b[^>]*\brole="img"/g;

export function portraitsOf(site: string): Portraits {
  const sizes: number[] = [];
  let charts = 0;
  // One page at a time: at national scale they weigh about a megabyte each.
  for (const code of readdirSync(join(site, "epci"))) {
    const html = readFileSync(join(site, "epci", code, "index.html"));
    const found = html.toString("utf8").match(CHART)?.length ?? 0;
    if (found === 0) continue;
    charts += found;
    sizes.push(gzipSync(html).length);
  }
  sizes.sort((a, b) => a - b);
  return {
    count: sizes.length,
    charts,
    gzipMedianBytes: sizes[Math.floor(sizes.length / 2)] ?? 0,
    gzipMaxBytes: sizes[sizes.length - 1] ?? 0,
  };
}

/** Sum of Astro's "(+N ms)" for the routes matching `route`: their page-rendering time. */
export function routeMs(lines: Line[], route: RegExp): number {
  let total = 0;
  for (const { text } of lines) {
    const match = /[├└]─ (\S+) \(\+(\d+(?:\.\d+)?)(ms|s)\)/.exec(text);
    if (match && route.test(match[1])) total += Number(match[2]) * (match[3] === "s" ? 1000 : 1);
  }
  return total;
}

/** How long `npm run pdf` spent printing, and how many tabs at once, as it says (printingSummary, src/print/pdf.ts). */
export function printingOf(lines: Line[]): { ms: number; tabs: number } | undefined {
  for (const { text } of lines) {
    const match = /\(impression : (\d+(?:\.\d+)?) s, [\d.]+ s par portrait, (\d+) à la fois\)/.exec(text);
    if (match) return { ms: Number(match[1]) * 1000, tabs: Number(match[2]) };
  }
  return undefined;
}

/** What the build's workers spent making portraits, as its "Préparés en parallèle d'Astro" line says (src/cli/prepare.ts). */
export function preparedOf(lines: Line[]): { ms: number; charts: number; chartMs: number } | undefined {
  for (const { text } of lines) {
    const match = /^Préparés en parallèle d'Astro : .* \((\d+(?:\.\d+)?) s de calcul, dont (\d+) graphiques? dessinés? en (\d+) ms\)$/.exec(text);
    if (match) return { ms: Number(match[1]) * 1000, charts: Number(match[2]), chartMs: Number(match[3]) };
  }
  return undefined;
}

/** What the build's workers spent on the commune sheets, as its "Fiches communales faites" line says (preparedSheetsLine, src/cli/prepare.ts). */
export function preparedSheetsOf(lines: Line[]): { count: number; ms: number } | undefined {
  for (const { text } of lines) {
    const match = /^Fiches communales faites par les processus légers : (\d+) fiches? de \d+ EPCI \((\d+(?:\.\d+)?) s de calcul/.exec(text);
    if (match) return { count: Number(match[1]), ms: Number(match[2]) * 1000 };
  }
  return undefined;
}

export interface Step {
  name: string;
  ms: number;
}

/**
 * Time from each progress line ("• territoires…") of the build to the next; the per-portrait
 * "modèle i/N" lines count as one step. Astro's own steps are split at "generating static routes".
 */
export function stepsOf(lines: Line[], wallMs: number): Step[] {
  const writing = "modèles JSON (écriture)";
  const marks: { name: string; at: number }[] = [{ name: "démarrage (tsx, chargement du code)", at: 0 }];
  for (const { text, at } of lines) {
    const stage = /^• (.+?)…$/.exec(text)?.[1];
    if (stage?.startsWith("modèle ")) {
      if (marks[marks.length - 1].name !== writing) marks.push({ name: writing, at });
    } else if (stage?.startsWith("pages du site")) marks.push({ name: "Astro : démarrage et bundle Vite", at });
    else if (stage) marks.push({ name: stage, at });
    else if (text.includes("generating static routes")) marks.push({ name: "Astro : rendu des pages", at });
    else if (/\[build\] Complete!/.test(text)) marks.push({ name: "fin (bascule du site, rapport)", at });
  }
  return marks.map((m, i) => ({ name: m.name, ms: (marks[i + 1]?.at ?? wallMs) - m.at }));
}
