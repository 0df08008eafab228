// What the build prints: one line per stage, and errors a non-programmer can act on.
import { writeSync } from "node:fs";
import { DeclarationError } from "../declare/issues";
import { MissingBrowserError } from "../print/missing-browser";
import { ReadErrors } from "../read/errors";
import { TerritoryError } from "../territories/errors";

export function progress(stage: string): void {
  say(`• ${stage}…`);
}

/**
 * Prints `text` at once, also from the data stage's thread: a thread's console reaches the terminal
 * only when its event loop turns, so progress made in long synchronous steps would come in bursts.
 */
export function say(text: string): void {
  let bytes = Buffer.from(`${text}\n`);
  while (bytes.length > 0) {
    try {
      bytes = bytes.subarray(writeSync(1, bytes));
    } catch (error) {
      // A pipe the reader has not emptied yet (stdout may be non-blocking): wait a little.
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
      Atomics.wait(pause, 0, 0, 5);
    }
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** The build date is an input: same inputs and same date give the same bytes. */
export function buildDateFrom(arg: string | undefined): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const date = arg ?? (epoch ? new Date(Number(epoch) * 1000).toISOString().slice(0, 10) : new Date().toISOString().slice(0, 10));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) failWith(new Error(`date de construction invalide « ${date} » : attendu AAAA-MM-JJ`));
  return date;
}

const KNOWN = [DeclarationError, ReadErrors, TerritoryError, MissingBrowserError];

export function failWith(error: unknown): never {
  const known = KNOWN.some((kind) => error instanceof kind);
  console.error(`\nÉchec : rien n'a été publié, le site précédent est intact.\n${known || error instanceof Error ? (error as Error).message : String(error)}`);
  if (!known && error instanceof Error && process.env.DEBUG) console.error(error.stack);
  process.exit(1);
}
