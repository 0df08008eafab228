// What the build prints: one line per stage, and errors a non-programmer can act on.
import { DeclarationError } from "../declare/issues";
import { MissingBrowserError } from "../print/browser";
import { ReadErrors } from "../read/index";
import { TerritoryError } from "../territories/errors";

export function progress(stage: string): void {
  console.log(`• ${stage}…`);
}

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
