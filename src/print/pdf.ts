// Each published portrait (and, on request, each commune sheet) printed to A4 PDF by one Chromium,
// exactly as a browser's "Imprimer" would print the page, by a small pool of tabs that each take the
// next document as soon as theirs is done.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { overflowing, sheetsAsPrinted, type SheetOverflow } from "./overflow";

/** What is printed: the pages of one folder of the site, each to a PDF of its own beside its page. */
export interface Printable {
  /** The site's folder of these pages: `epci` (/epci/<code>/), `commune`. */
  folder: string;
  /** The PDF's name in the page's folder, which the page links to. */
  file: string;
  /** "portrait": what `npm run pdf` counts ("0.25 s par portrait"). */
  noun: string;
  /** How `npm run pdf` names them all, and says that one, or several, of them kept their PDF. */
  all: string;
  kept: [one: string, several: string];
}

export const PORTRAITS: Printable = {
  folder: "epci",
  file: "portrait.pdf",
  noun: "portrait",
  all: "portraits publiés",
  kept: ["portrait inchangé garde le sien", "portraits inchangés gardent le sien"],
};
export const COMMUNE_SHEETS: Printable = {
  folder: "commune",
  file: "fiche.pdf",
  noun: "fiche",
  all: "fiches communales avec données",
  kept: ["fiche inchangée garde le sien", "fiches inchangées gardent le sien"],
};

/**
 * Documents printed at once, each in a tab (a renderer process) of its own. Measured on the 2-core
 * development machine, shared with other builds (load 6 to 10), on the demo's 14 portraits printed
 * twice, on 6 December 2026: 1 tab 0.46 to 0.50 s per portrait, 2 tabs 0.42 to 0.47 s, 3 tabs 0.37 to
 * 0.49 s, 4 tabs 0.42 to 0.59 s, while the CPU per portrait grows with each tab (0.42 to 0.46 s for one,
 * 0.78 to 0.82 s for four). Two keep both cores busy; more only wait for them, with one more renderer each.
 */
export const PRINT_CONCURRENCY = 2;

/**
 * Only each sheet's own box is measured and page.pdf() lays the page out again at A4, so the window
 * is never looked at: one pixel high, Chromium paints next to nothing for the screen (about a
 * tenth less CPU). Its width stays Playwright's default, so the measure lays the page out as it always has.
 */
const VIEWPORT = { width: 1280, height: 1 };

/**
 * Puts the page of `code` in the tab. The tab's first page of a folder is loaded from its address; the
 * next ones are written into that same document (what page.setContent does), as the site serves them,
 * which spares a navigation (a new document, its window and script context, and the browser's work for
 * each): a quarter less CPU per portrait, for the same PDF byte for byte. Every page of a folder sits at
 * the same depth (/epci/<code>/), so what a page names relatively resolves as at its own address: its
 * fonts and the shared map by their path from the root, its charts' patterns (url(#…)) in the document
 * itself; only its screen links (donnees.csv), which are not printed, would point to the first page's
 * folder. The document keeps the first page's Content-Security-Policy: the site's, the same on every page.
 */
async function load(page: Page, baseUrl: string, what: Printable, code: string): Promise<void> {
  const url = `${baseUrl}/${what.folder}/${code}/`;
  if (!page.url().startsWith(`${baseUrl}/${what.folder}/`)) {
    await page.goto(url, { waitUntil: "load" });
    return;
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} : ${response.status} ${response.statusText}`);
  await page.setContent(await response.text(), { waitUntil: "load" });
}

async function printOne(page: Page, baseUrl: string, siteDir: string, what: Printable, code: string): Promise<Printed> {
  await load(page, baseUrl, what, code);
  await page.evaluate(() => document.fonts.ready);
  const overflow = overflowing(await sheetsAsPrinted(page));
  const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
  const file = join(siteDir, what.folder, code, what.file);
  writeFileSync(file, pdf);
  return { code, file, bytes: pdf.length, overflow };
}

/** "impression : 4.2 s, 0.30 s par portrait, 2 à la fois": what `npm run pdf` says of its printing, and the benchmark reads. */
export const printingSummary = (ms: number, count: number, tabs: number, noun = PORTRAITS.noun) =>
  `impression : ${(ms / 1000).toFixed(1)} s, ${(ms / 1000 / count).toFixed(2)} s par ${noun}, ${tabs} à la fois`;

export interface Printed {
  code: string;
  file: string;
  bytes: number;
  /** Sheets whose content does not fit their A4 page: cut on paper (empty when all fit). */
  overflow: SheetOverflow[];
}

/** Prints the page of every code of `what`, `tabs` at once, each tab in a context of its own; `onDone` reports progress. */
export async function printPages(
  browser: Browser,
  baseUrl: string,
  siteDir: string,
  what: Printable,
  codes: string[],
  onDone: (printed: Printed, done: number) => void,
  tabs = PRINT_CONCURRENCY,
): Promise<Printed[]> {
  const queue = [...codes];
  const printed: Printed[] = [];
  const worker = async () => {
    const page = await browser.newPage({ viewport: VIEWPORT });
    // Print media from the first load on: the measure needs no second layout, screen then print.
    await page.emulateMedia({ media: "print" });
    try {
      for (let code = queue.shift(); code !== undefined; code = queue.shift()) {
        const result = await printOne(page, baseUrl, siteDir, what, code);
        printed.push(result);
        onDone(result, printed.length);
      }
    } catch (error) {
      queue.length = 0; // the other tabs stop after their page
      throw error;
    }
    await page.close();
  };
  await Promise.all(Array.from({ length: Math.min(tabs, codes.length) }, worker));
  return printed.sort((a, b) => a.code.localeCompare(b.code));
}
