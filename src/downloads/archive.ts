// One archive of the whole dataset: every EPCI's rows, the catalogue and a notice.
// Entries carry a fixed date so the same data always gives the same bytes.
import { promisify } from "node:util";
import { constants, crc32, deflateRaw } from "node:zlib";
import { strToU8, Zip, type ZipInputFile } from "fflate";
import type { SiteModel } from "../model/types";
import { csvHead } from "./csv";

const deflate = promisify(deflateRaw);
// A final, empty block with fixed codes: it ends a deflate stream made of full-flushed pieces.
const LAST_BLOCK = Uint8Array.of(0x03, 0x00);

/**
 * A piece of an archived file (e.g. a portrait's CSV rows), compressed on its own on Node's threads
 * as soon as it is known. It ends on a byte boundary with the dictionary reset (a full flush), so
 * that pieces put end to end, then a last empty block, are one deflate stream.
 */
export interface Piece {
  data: Uint8Array;
  compressed: Promise<Buffer>;
}

export function piece(data: Uint8Array): Piece {
  return { data, compressed: deflate(data, { level: 6, finishFlush: constants.Z_FULL_FLUSH }) };
}

/**
 * `portraits`: the published portraits' CSV rows (`csvRows` of the files written to the site), in
 * order. zlib compresses at level 6, three times faster than fflate's deflate (85 MB of CSV at
 * national scale) and smaller; fflate writes the archive around the compressed entries.
 */
export async function datasetArchive(site: SiteModel, portraits: Piece[]): Promise<Uint8Array> {
  const mtime = new Date(`${site.build.date}T00:00:00Z`);
  const notice = [
    `${site.site.name} — données des portraits (${site.build.date})`,
    site.fictional ? "DONNÉES FICTIVES : département imaginaire, à des fins de démonstration." : "",
    "",
    "Licence : Licence Ouverte / Open Licence 2.0 (Etalab). Réutilisation libre, en citant les sources ci-dessous.",
    "Secret statistique : aucun effectif de 1 à 4 n'est publié ; les valeurs secrètes n'ont ni valeur, ni numérateur, ni dénominateur.",
    "",
    "Sources :",
    ...site.sources.map((s) => `- ${s.producer}, ${s.dataset}, millésime ${s.vintage} (${s.licence})${s.url ? ` — ${s.url}` : ""}`),
  ].join("\r\n");
  const csv = [piece(csvHead()), ...portraits];
  const entry = (filename: string, pieces: Piece[]) => ({
    file: { filename, size: pieces.reduce((size, p) => size + p.data.length, 0), crc: pieces.reduce((crc, p) => crc32(p.data, crc), 0), compression: 8, mtime } as ZipInputFile,
    data: Promise.all(pieces.map((p) => p.compressed)).then((parts) => Buffer.concat([...parts, LAST_BLOCK])),
  });
  const entries = [
    entry("LISEZMOI.txt", [piece(strToU8(notice + "\r\n"))]),
    entry("donnees.csv", csv),
    entry("indicateurs.json", [piece(strToU8(JSON.stringify(site.catalogue, null, 1)))]),
  ];
  const chunks: Uint8Array[] = [];
  const archive = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const { file, data } of entries) {
    archive.add(file);
    file.ondata!(null, await data, true);
  }
  archive.end();
  return Buffer.concat(chunks);
}
