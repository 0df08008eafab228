// The downloads. Astro writes every portrait page before the downloads, whose routes sort after theirs
// (src/pages/epci/[...siren]/, src/pages/[folder]/): each page keeps its portrait's CSV rows for the
// archive, and, outside a build (which writes the files itself), its download files for the routes
// (bytes, off the JS heap), made with its view (src/site/portrait-page.ts), so each model is read and
// parsed once (a portrait reused from the published site, src/site/reuse.ts, gives its published CSV).
// Each portrait's CSV rows are compressed for the archive on Node's threads as soon as its page has
// them (a reused portrait's from the first page on), unless an earlier build kept them compressed
// (src/downloads/piece-store.ts); once the last page has them, the archive is put together.
import { readFile } from "node:fs/promises";
import { datasetArchive, type Piece } from "../downloads/archive";
import { csvRows } from "../downloads/csv";
import { PieceStore } from "../downloads/piece-store";
import { portraitFiles, type PortraitFiles } from "../downloads/portrait";
import { portraitModel, publication, publishedCodes, renderedPublishedCodes, reusedPath, siteModel } from "./models";

const files = new Map<string, PortraitFiles>();
/** Pieces kept by earlier builds, in the folder the build names (src/cli/caches.ts). */
const store = new PieceStore(process.env.PORTRAITS_PIECES_DIR || undefined);
let pageKeys: Record<string, string> | undefined;
/** A published portrait's CSV rows for the archive, kept by the key of its page. */
const csvPiece = (code: string, csv: Uint8Array) => store.piece(store.dir && (pageKeys ??= publication().pages ?? {})[code], csvRows(csv));
/** Each published portrait's CSV rows for the archive, compressed while Astro goes on (src/downloads/archive.ts). */
let pieces: Map<string, Piece | Promise<Piece>> | undefined;
/** The pieces, those of reused portraits started on first use. */
const csvPieces = () => (pieces ??= reusedPieces());
/** Published portraits rendered in this build whose page has not made its files yet. */
let unmade: Set<string> | undefined;
let archive: Promise<Uint8Array> | undefined;

/** Keeps the CSV rows of a published portrait rendered in this build for the archive (src/site/portrait-page.ts). */
export function keepRows(code: string, csv: Uint8Array): void {
  if (csvPieces().has(code)) return;
  csvPieces().set(code, csvPiece(code, csv));
  unmade ??= new Set(renderedPublishedCodes());
  unmade.delete(code);
  if (unmade.size === 0) portraitsArchive().catch(() => {}); // awaited by the archive's route
}

/** Keeps the download files of such a portrait for the download routes too (astro dev: the build writes them itself). */
export function keepFiles(code: string, made: PortraitFiles): void {
  files.set(code, made);
  keepRows(code, made.csv);
}

/**
 * A published portrait's download files, for the routes (astro dev, where nothing is reused): those
 * its page made, or made now (another order).
 */
export function downloadFiles(code: string): PortraitFiles {
  let found = files.get(code);
  if (!found) files.set(code, (found = portraitFiles(portraitModel(code))));
  return found;
}

/** The archive of every published portrait's CSV, the catalogue and a notice; made once. */
export function portraitsArchive(): Promise<Uint8Array> {
  archive ??= Promise.all(publishedCodes().map((code) => csvPieces().get(code) ?? csvPiece(code, downloadFiles(code).csv))).then(async (rows) => {
    const made = await datasetArchive(siteModel(), rows);
    store.prune();
    return made;
  });
  return archive;
}

/** The reused portraits' CSV rows, as published, read and compressed on Node's threads from the first page on. */
function reusedPieces(): Map<string, Piece | Promise<Piece>> {
  return new Map(
    publishedCodes().flatMap((code) => {
      const path = reusedPath(code, "donnees.csv");
      return path ? [[code, readFile(path).then((csv) => csvPiece(code, csv))] as const] : [];
    }),
  );
}
