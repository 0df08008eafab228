// Worker threads that make the portraits' pages for Astro (src/site/portrait-page.ts) on the
// cores its single-threaded pass leaves idle: views with their charts drawn (kept in the chart cache
// too) and download files; then, EPCI by EPCI, its commune sheets' views and download files
// (src/site/commune-sheet-page.ts).
import { mkdirSync, readdirSync, renameSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import type { Worker } from "node:worker_threads";
import { typeScriptWorker } from "../pipeline/thread";
import { preparedFile, sheetDownloads } from "../site/prepared";
import { progress } from "./terminal";

/** Astro's pass is single-threaded: one worker per other core (none on one core, where Astro makes them all). */
const WORKERS = availableParallelism() - 1;

/** The prepared folder (src/site/prepared.ts), in the build folder `models`. */
export function makePreparedDir(models: string): string {
  const dir = join(models, "prepared");
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Time spent making portraits or sheets, and drawing their charts (those not read from the chart cache). */
interface Spent {
  ms: number;
  charts: number;
  chartMs: number;
}

/** What a worker answers for each EPCI: what it spent on its portrait and on its sheets, each left out if a page claimed it first. */
export interface WorkerAnswer {
  portrait?: Spent;
  sheets?: Spent;
}

/** How many workers ran, the portraits they made and what they spent on them; the EPCIs whose sheets they made, likewise. */
export interface Prepared extends Spent {
  workers: number;
  portraits: number;
  sheets: Spent & { epcis: number };
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

/**
 * "Préparés en parallèle d'Astro : 620 portraits sur 1254 (23.5 s de calcul, dont 13640 graphiques
 * dessinés en 11234 ms)"; read by the benchmark (src/bench/site.ts).
 */
export const preparedLine = ({ portraits, ms, charts, chartMs }: Spent & { portraits: number }, rendered: number) =>
  `Préparés en parallèle d'Astro : ${portraits} portrait${portraits > 1 ? "s" : ""} sur ${rendered} ${spentText({ ms, charts, chartMs })}`;

/** "Fiches communales préparées en parallèle d'Astro : celles de 12 EPCI sur 14 (1.2 s de calcul, dont 700 graphiques dessinés en 900 ms)". */
export const preparedSheetsLine = ({ epcis, ...spent }: Prepared["sheets"], rendered: number) =>
  `Fiches communales préparées en parallèle d'Astro : celles de ${epcis} EPCI sur ${rendered} ${spentText(spent)}`;

const spentText = ({ ms, charts, chartMs }: Spent) =>
  `(${seconds(ms)} s de calcul, dont ${charts} graphique${charts > 1 ? "s" : ""} dessiné${charts > 1 ? "s" : ""} en ${Math.round(chartMs)} ms)`;

const add = <T extends Spent>(total: T, { ms, charts, chartMs }: Spent): T => Object.assign(total, { ms: total.ms + ms, charts: total.charts + charts, chartMs: total.chartMs + chartMs });

/**
 * Worker threads that load the page code as soon as they are made (the build makes them while the
 * data stage ends), then make the portraits they are given.
 */
export class PortraitWorkers {
  private readonly workers: Worker[];
  /** Called with the first error of a worker; until a run, the error is kept for it. */
  private onFailure: (error: unknown) => void = (error) => (this.failure ??= error);
  private failure: unknown;
  private ended = false;

  /** Models in `buildDir`, portraits made into `prepared`, charts read from and kept in `chartDir`, if any. */
  constructor(buildDir: string, prepared: string, chartDir: string | undefined) {
    const env = { ...process.env, PORTRAITS_BUILD_DIR: buildDir, PORTRAITS_PREPARED_DIR: prepared, PORTRAITS_CHART_DIR: chartDir ?? "" };
    this.workers = Array.from({ length: WORKERS }, () => typeScriptWorker(new URL("./prepare-worker.ts", import.meta.url), { env }));
    for (const worker of this.workers) {
      worker.on("error", (error) => this.onFailure(error));
      worker.on("exit", (code) => this.ended || this.onFailure(new Error(`la préparation des portraits s'est arrêtée (code ${code})`)));
    }
  }

  /**
   * Makes portraits `codes` and their EPCIs' sheets, in this order, each worker taking the next EPCI
   * when done with one, until all are made or `stop` aborts; then ends the workers. Rejects with the
   * first worker error.
   */
  prepare(codes: string[], stop: AbortSignal): Promise<Prepared> {
    const queue = [...codes];
    const workers = this.workers.slice(0, codes.length);
    if (workers.length) progress(`portraits préparés en parallèle d'Astro (${workers.length} processus léger${workers.length > 1 ? "s" : ""})`);
    const done: Prepared = { workers: workers.length, portraits: 0, ms: 0, charts: 0, chartMs: 0, sheets: { epcis: 0, ms: 0, charts: 0, chartMs: 0 } };
    return new Promise<Prepared>((resolve, reject) => {
      let finished = false;
      const finish = (error?: unknown) => {
        if (finished) return;
        finished = true;
        void this.end().then(() => (error ? reject(error) : resolve(done)));
      };
      if (this.failure !== undefined) return finish(this.failure);
      this.onFailure = finish;
      stop.addEventListener("abort", () => finish(), { once: true });
      let idle = 0;
      for (const worker of workers) {
        const next = () => {
          const code = queue.shift();
          if (code !== undefined) worker.postMessage(code);
          else if (++idle === workers.length) finish();
        };
        worker.on("message", ({ portrait, sheets }: WorkerAnswer) => {
          if (sheets) add(done.sheets, sheets).epcis++;
          if (portrait) add(done, portrait).portraits++;
          // Its page claimed it: Astro, going the other way, has passed every portrait left (were it not
          // so, it would make them), and every sheet, which it renders before the portraits.
          else queue.length = 0;
          next();
        });
        next();
      }
      if (workers.length === 0) finish();
    });
  }

  /** Ends the workers, e.g. when the build fails before they are given anything. */
  async end(): Promise<void> {
    this.ended = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Puts the download files of portraits `codes`, made by the pages and the workers, in their folders of
 * `site`; then those of every sheet with data, all made (every sheet is rendered), in its commune's.
 */
export function placeDownloads(prepared: string, site: string, codes: string[]): void {
  for (const code of codes) place(prepared, code, join(site, "epci", code));
  for (const file of readdirSync(prepared)) {
    const commune = /^commune-(.+)\.csv$/.exec(file)?.[1];
    if (commune) place(prepared, sheetDownloads(commune), join(site, "commune", commune));
  }
}

function place(prepared: string, name: string, folder: string): void {
  mkdirSync(folder, { recursive: true });
  renameSync(preparedFile(prepared, name, "csv"), join(folder, "donnees.csv"));
  renameSync(preparedFile(prepared, name, "json"), join(folder, "donnees.json"));
}
