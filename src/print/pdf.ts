// Each published portrait printed to A4 PDF by one Chromium, exactly as a browser's "Imprimer" would
// print the page, by a small pool of tabs that each take the next portrait as soon as theirs is done.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { measureSheets, overflowing, type SheetOverflow } from "./overflow";

/**
 * Portraits printed at once, each in a tab (a renderer process) of its own. Measured on the 2-core
 * development machine, shared with other builds, on the demo's 14 portraits: best of 8 runs at a
 * load of 5 to 10, 1 tab 0.66 s per portrait, 2 tabs 0.58 s, 3 tabs 0.60 s, 4 tabs 0.75 s; at a load
 * of 4, 1 tab 0.62 s, 2 tabs 0.53 s, 3 tabs 0.58 s. Two keep both cores busy; more only wait for
 * them, with one more renderer each.
 */
export const PRINT_CONCURRENCY = 2;

/**
 * Only each sheet's own box is measured and page.pdf() lays the page out again at A4, so the window
 * is never looked at: one pixel high, Chromium paints next to nothing for the screen (about a
 * tenth less CPU). Its width stays Playwright's default, so the measure lays the page out as it always has.
 */
const VIEWPORT = { width: 1280, height: 1 };

async function printOne(page: Page, baseUrl: string, siteDir: string, code: string): Promise<PrintedPortrait> {
  await page.goto(`${baseUrl}/epci/${code}/`, { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready);
  const overflow = overflowing(await measureSheets(page));
  const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
  const file = join(siteDir, "epci", code, "portrait.pdf");
  writeFileSync(file, pdf);
  return { code, file, bytes: pdf.length, overflow };
}

/** "impression : 4.2 s, 0.30 s par portrait, 2 à la fois": what `npm run pdf` says of its printing, and the benchmark reads. */
export const printingSummary = (ms: number, count: number, tabs: number) =>
  `impression : ${(ms / 1000).toFixed(1)} s, ${(ms / 1000 / count).toFixed(2)} s par portrait, ${tabs} à la fois`;

export interface PrintedPortrait {
  code: string;
  file: string;
  bytes: number;
  /** Sheets whose content does not fit their A4 page: cut on paper (empty when all fit). */
  overflow: SheetOverflow[];
}

/** Prints every code, `tabs` at once, each tab in a context of its own; `onDone` reports progress. */
export async function printPortraits(
  browser: Browser,
  baseUrl: string,
  siteDir: string,
  codes: string[],
  onDone: (printed: PrintedPortrait, done: number) => void,
  tabs = PRINT_CONCURRENCY,
): Promise<PrintedPortrait[]> {
  const queue = [...codes];
  const printed: PrintedPortrait[] = [];
  const worker = async () => {
    const page = await browser.newPage({ viewport: VIEWPORT });
    // Print media from the first load on: the measure needs no second layout, screen then print.
    await page.emulateMedia({ media: "print" });
    try {
      for (let code = queue.shift(); code !== undefined; code = queue.shift()) {
        const result = await printOne(page, baseUrl, siteDir, code);
        printed.push(result);
        onDone(result, printed.length);
      }
    } catch (error) {
      queue.length = 0; // the other tabs stop after their portrait
      throw error;
    }
    await page.close();
  };
  await Promise.all(Array.from({ length: Math.min(tabs, codes.length) }, worker));
  return printed.sort((a, b) => a.code.localeCompare(b.code));
}
