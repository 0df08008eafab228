// Worker threads that make the portraits' pages for Astro (src/site/portrait-page.ts) on the
// cores its single-threaded pass leaves idle: views with their charts drawn (kept in the chart cache
// too) and download files; and, EPCI by EPCI, its commune sheets' pages and download files
// (src/site/commune-sheet-page.ts), which Astro does not render.
import { mkdirSync, renameSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import type { Worker } from "node:worker_threads";
import { typeScriptWorker } from "../pipeline/thread";
import { preparedFile, SHEET_FRAME_CODE } from "../site/prepared";
import { progress } from "./terminal";

/**
 * Astro's pass is single-threaded: one worker per other core while it runs (one on a single core:
 * the sheets are made by workers only), and one more once it is done, for the sheets left.
 */
const WORKERS = Math.max(1, availableParallelism() - 1);

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

/** What a worker is sent: an EPCI, whether to make its portrait (unless its page claimed it first) and its sheets. */
export interface WorkerTask {
  code: string;
  portrait: boolean;
  sheets: boolean;
}

/** What a worker answers for each EPCI: what it spent on its portrait (left out if its page claimed it first) and on its sheets. */
export interface WorkerAnswer {
  portrait?: Spent;
  /** The portrait was asked for, and its page had claimed it. */
  claimed?: boolean;
  sheets?: Spent & { count: number };
}

/** How many workers ran, the portraits they made and what they spent on them; the EPCIs and sheets they made, likewise. */
export interface Prepared extends Spent {
  workers: number;
  portraits: number;
  sheets: Spent & { epcis: number; count: number };
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

/**
 * "Préparés en parallèle d'Astro : 620 portraits sur 1254 (23.5 s de calcul, dont 13640 graphiques
 * dessinés en 11234 ms)"; read by the benchmark (src/bench/site.ts).
 */
export const preparedLine = ({ portraits, ms, charts, chartMs }: Spent & { portraits: number }, rendered: number) =>
  `Préparés en parallèle d'Astro : ${portraits} portrait${portraits > 1 ? "s" : ""} sur ${rendered} ${spentText({ ms, charts, chartMs })}`;

/** "Fiches communales faites par les processus légers : 1200 fiches de 40 EPCI (9.6 s de calcul, dont 2400 graphiques dessinés en 2900 ms)"; read by the benchmark. */
export const preparedSheetsLine = ({ epcis, count, ...spent }: Prepared["sheets"]) =>
  `Fiches communales faites par les processus légers : ${count} fiche${count > 1 ? "s" : ""} de ${epcis} EPCI ${spentText(spent)}`;

const spentText = ({ ms, charts, chartMs }: Spent) =>
  `(${seconds(ms)} s de calcul, dont ${charts} graphique${charts > 1 ? "s" : ""} dessiné${charts > 1 ? "s" : ""} en ${Math.round(chartMs)} ms)`;

const add = <T extends Spent>(total: T, { ms, charts, chartMs }: Spent): T => Object.assign(total, { ms: total.ms + ms, charts: total.charts + charts, chartMs: total.chartMs + chartMs });

/**
 * Worker threads that load the page code as soon as they are made (the build makes them while the
 * data stage ends), then make the portraits and sheets they are given.
 */
export class PortraitWorkers {
  private readonly workers: Worker[] = [];
  private readonly env: NodeJS.ProcessEnv;
  /** Called with the first error of a worker; until a run, the error is kept for it. */
  private onFailure: (error: unknown) => void = (error) => (this.failure ??= error);
  private failure: unknown;
  private ended = false;

  /** Models in `buildDir`, made into `prepared`, charts read from and kept in `chartDir`, if any; sheets written into `site`, the site being built. */
  constructor(buildDir: string, prepared: string, chartDir: string | undefined, site: string) {
    this.env = { ...process.env, PORTRAITS_BUILD_DIR: buildDir, PORTRAITS_PREPARED_DIR: prepared, PORTRAITS_CHART_DIR: chartDir ?? "", PORTRAITS_SHEETS_DIR: join(site, "commune") };
    for (let i = 0; i < WORKERS; i++) this.add();
  }

  private add(): Worker {
    const worker = typeScriptWorker(new URL("./prepare-worker.ts", import.meta.url), { env: this.env });
    worker.on("error", (error) => this.onFailure(error));
    worker.on("exit", (code) => this.ended || this.onFailure(new Error(`la préparation des portraits s'est arrêtée (code ${code})`)));
    this.workers.push(worker);
    return worker;
  }

  /**
   * Makes portraits `portraits` and the sheets of EPCIs `sheets`, EPCI by EPCI from the last back,
   * each worker taking the next when done with one; once `astroDone` aborts, one more worker joins for
   * the sheets left. Resolves when all are made, then ends the workers; rejects with the first worker error.
   */
  prepare(portraits: string[], sheets: string[], astroDone: AbortSignal): Promise<Prepared> {
    const [withPortrait, withSheets] = [new Set(portraits), new Set(sheets)];
    const queue: WorkerTask[] = [...new Set([...portraits, ...sheets])]
      .sort()
      .reverse()
      .map((code) => ({ code, portrait: withPortrait.has(code), sheets: withSheets.has(code) }));
    if (queue.length) progress(`portraits et fiches communales préparés en parallèle d'Astro (${this.workers.length} processus léger${this.workers.length > 1 ? "s" : ""})`);
    const done: Prepared = { workers: 0, portraits: 0, ms: 0, charts: 0, chartMs: 0, sheets: { epcis: 0, count: 0, ms: 0, charts: 0, chartMs: 0 } };
    // Once a portrait's page has claimed it, or Astro is done, Astro has made (or makes) every portrait left.
    let astroHasTheRest = false;
    return new Promise<Prepared>((resolve, reject) => {
      let [finished, busy] = [false, 0];
      const finish = (error?: unknown) => {
        if (finished) return;
        finished = true;
        void this.end().then(() => (error ? reject(error) : resolve(done)));
      };
      if (this.failure !== undefined) return finish(this.failure);
      this.onFailure = finish;
      const next = (worker: Worker) => {
        let task = queue.shift();
        while (task && astroHasTheRest && !task.sheets) task = queue.shift();
        if (task) {
          busy++;
          worker.postMessage({ ...task, portrait: task.portrait && !astroHasTheRest } satisfies WorkerTask);
        } else if (busy === 0) finish();
      };
      const start = (worker: Worker) => {
        done.workers++;
        worker.on("message", ({ portrait, claimed, sheets }: WorkerAnswer) => {
          busy--;
          if (sheets) add(done.sheets, sheets).epcis++, (done.sheets.count += sheets.count);
          if (portrait) add(done, portrait).portraits++;
          if (claimed) astroHasTheRest = true;
          next(worker);
        });
        next(worker);
      };
      const astroIsDone = () => {
        astroHasTheRest = true;
        if (!finished && queue.some((t) => t.sheets) && availableParallelism() > 1) start(this.add());
      };
      astroHasTheRest = astroDone.aborted;
      for (const worker of this.workers) start(worker);
      if (astroDone.aborted) astroIsDone();
      else astroDone.addEventListener("abort", astroIsDone, { once: true });
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
 * `site`, and removes the sheets' frame (the workers wrote the sheets in place).
 */
export function placeFiles(prepared: string, site: string, codes: string[]): void {
  for (const code of codes) placeDownloads(prepared, code, join(site, "epci", code));
  rmSync(join(site, "commune", SHEET_FRAME_CODE), { recursive: true, force: true });
}

function placeDownloads(prepared: string, name: string, folder: string): void {
  mkdirSync(folder, { recursive: true });
  renameSync(preparedFile(prepared, name, "csv"), join(folder, "donnees.csv"));
  renameSync(preparedFile(prepared, name, "json"), join(folder, "donnees.json"));
}

