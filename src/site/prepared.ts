// The folder where a build's workers leave the portraits they made for Astro's pages, and the pages
// the download files of every portrait for the build to put in place (src/site/portrait-page.ts).
import { join } from "node:path";

/** Set by the build for Astro and its workers; unset (astro dev, tests), every page makes its own portrait. */
export const preparedDir = () => process.env.PORTRAITS_PREPARED_DIR || undefined;

/** A file of portrait `code` in the prepared folder `dir`; "csv" and "json" are its download files. */
export const preparedFile = (dir: string, code: string, kind: "claim" | "page.json" | "error" | "csv" | "json") => join(dir, `${code}.${kind}`);
