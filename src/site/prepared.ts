// The folder where a build's workers leave what they made for Astro's pages (the views of portraits,
// src/site/portrait-page.ts), and the workers and pages the download files of every portrait, for the
// build to put in place. Whichever starts a portrait first, a worker or its page, claims it by creating
// a file no one else can, so none is made twice; a page that finds it claimed waits for what the worker
// leaves.
import { closeSync, openSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { threadId } from "node:worker_threads";
import type { PortraitFiles } from "../downloads/portrait";
import { waitFor } from "./models";

/** Set by the build for Astro and its workers; unset (astro dev, tests), every page makes its own view. */
export const preparedDir = () => process.env.PORTRAITS_PREPARED_DIR || undefined;

/** A file of piece `name` in the prepared folder `dir`; "csv" and "json" are a portrait's download files. */
export const preparedFile = (dir: string, name: string, kind: "claim" | "page.json" | "error" | "csv" | "json") => join(dir, `${name}.${kind}`);

/** The code of the page Astro renders as every commune sheet's frame in a build (src/site/commune-sheet-page.ts); the build removes it. */
export const SHEET_FRAME_CODE = "modele";

/** Leaves the download files of piece `name` for the build to put in place. */
export function writeDownloads(dir: string, name: string, files: PortraitFiles): void {
  writeFileSync(preparedFile(dir, name, "csv"), files.csv);
  writeFileSync(preparedFile(dir, name, "json"), files.json);
}

/** True for the first caller only, across threads and processes. */
export function claim(dir: string, name: string): boolean {
  try {
    closeSync(openSync(preparedFile(dir, name, "claim"), "wx"));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/**
 * A worker's part: makes piece `name` (`what` names it in an error) into the prepared folder, unless
 * its page has claimed it first (false).
 */
export function prepare(dir: string, name: string, what: string, make: () => unknown): boolean {
  if (!claim(dir, name)) return false;
  try {
    const made = make();
    // The page reads it as soon as it is there: written whole under another name first.
    const temporary = `${preparedFile(dir, name, "page.json")}.${threadId}.tmp`;
    writeFileSync(temporary, JSON.stringify(made));
    renameSync(temporary, preparedFile(dir, name, "page.json"));
    return true;
  } catch (error) {
    const message = `${what} : ${error instanceof Error ? error.message : String(error)}`;
    writeFileSync(preparedFile(dir, name, "error"), message); // the page waiting for it fails with it
    throw new Error(message);
  }
}

/** What the worker that claimed piece `name` made, once it is there; its error if it failed. */
export function preparedPiece<T>(dir: string, name: string): T {
  return waitFor(() => {
    try {
      return JSON.parse(readFileSync(preparedFile(dir, name, "page.json"), "utf8")) as T;
    } catch {
      const error = readIfThere(preparedFile(dir, name, "error"));
      if (error) throw new Error(error);
      return undefined;
    }
  });
}

function readIfThere(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
