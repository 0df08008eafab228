import { describe, expect, it } from "vitest";
import { readRaw, readSources } from "../../src/read";
import { buildTable } from "../../src/read/table";
import { makeSource, readError, tempDir } from "./helpers";

/** Chunk sizes that cut every character, line end, quote and BOM somewhere. */
const TINY = [1, 2, 3, 5, 7];

/** The first error `readRaw` rejects with. */
const rawError = (promise: Promise<unknown>) => promise.then(() => expect.fail("lecture sans erreur"), (e: unknown) => e);

// Titles above the header, a BOM, CRLF, accents, a quoted name holding the separator, a doubled
// quote and a line end, blank lines (one of separators only), a last line without line end.
const TRICKY =
  "\uFEFFDossier complet – extrait\r\n" +
  'CODGEO;LIBGEO;P22_POP;"MED;21"\r\n' +
  '32013;"Auch; préfecture";22825;20 700,5\r\n' +
  "\r\n" +
  ';;;\r\n' +
  '32160;"L\'Isle-Jourdain ""la belle""\r\n(Gers)";9011;s\r\n' +
  "2A004;Ajaccio;72300;21900";

describe("CSV read as a stream", () => {
  const source = makeSource({ file: "t.csv", headerRow: 2, columns: { pop: "P22_POP", med: "MED;21", nom: "LIBGEO" } });

  it("reads quoted fields, doubled quotes and line ends in quotes, skips blank lines, numbers lines as in the file", async () => {
    const raw = await readRaw(source, tempDir({ "t.csv": TRICKY }));
    expect(raw.header).toEqual(["CODGEO", "LIBGEO", "P22_POP", "MED;21"]);
    expect(raw.lines).toEqual([3, 6, 8]);
    expect(raw.columns[1]).toEqual(["Auch; préfecture", "L'Isle-Jourdain \"la belle\"\r\n(Gers)", "Ajaccio"]);
    expect(raw.columns[3]).toEqual(["20 700,5", "s", "21900"]);
    expect(raw.preview[1]).toEqual(["CODGEO", "LIBGEO", "P22_POP", '"MED', '21"']);
  });

  it.each(TINY)("gives the same grid whatever the chunk boundaries (%i bytes)", async (chunkBytes) => {
    const dir = tempDir({ "t.csv": TRICKY });
    expect(await readRaw(source, dir, { chunkBytes })).toEqual(await readRaw(source, dir));
  });

  it("keeps only the columns declared: the others hold no values", async () => {
    const raw = await readRaw(makeSource({ file: "t.csv", headerRow: 2, columns: { pop: "P22_POP" } }), tempDir({ "t.csv": TRICKY }));
    expect(raw.header).toHaveLength(4); // the header stays whole, for the messages
    expect(raw.columns.map((c) => c?.length)).toEqual([3, undefined, 3, undefined]);
    expect(raw.columns[2]).toEqual(["22825", "9011", "72300"]);
  });

  it("reads a file several sources share once, with the columns of them all", async () => {
    const dir = tempDir({ "t.csv": TRICKY });
    const pop = makeSource({ id: "pop", file: "t.csv", headerRow: 2, columns: { pop: "P22_POP" } });
    const med = makeSource({ id: "med", file: "t.csv", headerRow: 2, columns: { med: "MED;21" } });
    const tables = [];
    for await (const table of readSources([pop, med], dir)) tables.push(table);
    expect(tables.map((t) => t.rows.map((r) => r.cells))).toEqual([
      [{ pop: { status: "ok", value: 22825 } }, { pop: { status: "ok", value: 9011 } }, { pop: { status: "ok", value: 72300 } }],
      [{ med: { status: "ok", value: 20700.5 } }, { med: { status: "secret" } }, { med: { status: "ok", value: 21900 } }],
    ]);
  });

  it("a row blank in the declared columns only is not a blank line", async () => {
    const dir = tempDir({ "t.csv": "CODGEO;LIBGEO;A\n32013;Auch;1\n;Note de bas de page;\n" });
    const error = await readError(makeSource({ file: "t.csv", columns: { a: "A" } }), dir);
    expect(error).toMatchObject({ line: 3, problem: "le code du territoire est vide" });
  });

  it("a row that stops short of a declared column, across chunks", async () => {
    const source = makeSource({ file: "t.csv", columns: { a: "A" } });
    const dir = tempDir({ "t.csv": "CODGEO;X;A\r\n32013;1;2\r\n32160;1\r\n" });
    const raw = await readRaw(source, dir, { chunkBytes: 1 });
    expect(raw.columns[2]).toEqual(["2", undefined]);
    expect(() => buildTable(raw, source, "t.csv")).toThrow("ligne 3, colonne A (3) : la ligne s'arrête avant cette colonne");
  });

  it("CR line ends, and a line number after a quoted line end", async () => {
    const dir = tempDir({ "t.csv": 'CODGEO;NOM;A\r32013;"Auch\rGers";1\r32160;Isle;x\r' });
    const error = await readError(makeSource({ file: "t.csv", columns: { a: "A" } }), dir);
    expect(error).toMatchObject({ line: 4, found: "x" });
  });
});

describe("encodings, checked as the file streams in", () => {
  // The accent is in a column nobody reads: it is found all the same.
  const latin1 = Buffer.from("CODGEO;LIBGEO;A\n32013;Auch;1\n32001;Aignan;2\n32160;Lécussan;3\n", "latin1");

  it.each([...TINY, 1 << 20])("a Latin-1 file declared UTF-8: the line of the first accent (%i bytes)", async (chunkBytes) => {
    const error = await rawError(readRaw(makeSource({ file: "f.csv", columns: { a: "A" } }), tempDir({ "f.csv": latin1 }), { chunkBytes }));
    expect(error).toMatchObject({ line: 4, problem: "le fichier n'est pas en UTF-8 : déclarez encoding: latin1" });
  });

  it.each([...TINY, 1 << 20])("a UTF-8 file declared Latin-1, the accent cut by chunks (%i bytes)", async (chunkBytes) => {
    const text = "CODGEO;LIBGEO;A\n32013;Auch;1\n32001;Lécussan;2\n";
    const error = await rawError(readRaw(makeSource({ file: "f.csv", encoding: "latin1", columns: { a: "A" } }), tempDir({ "f.csv": text }), { chunkBytes }));
    expect(error).toMatchObject({ line: 3, hint: "déclarez encoding: utf-8 (ou retirez la ligne encoding: latin1)" });
  });

  it("a UTF-8 file cut in the middle of its last character", async () => {
    const bytes = Buffer.from("CODGEO;A\n32013;1\n32160;Ré").subarray(0, -1);
    const error = await rawError(readRaw(makeSource({ file: "f.csv", columns: { a: "A" } }), tempDir({ "f.csv": bytes }), { chunkBytes: 2 }));
    expect(error).toMatchObject({ line: 3 });
  });

  it.each(TINY)("Latin-1 as Excel writes it (Windows-1252: €, œ), in the columns read (%i bytes)", async (chunkBytes) => {
    const text = "CODGEO;Libellé;Cœur_€\n32013;Auch;1 234\n32160;L'Isle-Jourdain;s\n";
    const source = makeSource({ file: "l.csv", encoding: "latin1", code: { column: "CODGEO", level: "commune" }, columns: { c: "Cœur_€", nom: "Libellé" } });
    const dir = tempDir({ "l.csv": windows1252(text) });
    const raw = await readRaw(source, dir, { chunkBytes });
    expect(raw.header).toEqual(["CODGEO", "Libellé", "Cœur_€"]);
    expect(raw.columns[2]).toEqual(["1 234", "s"]);
  });
});

/** Text in Windows-1252 (€ is 0x80, œ 0x9C): what Node's "latin1" cannot write. */
function windows1252(text: string): Buffer {
  const special: Record<string, number> = { "€": 0x80, œ: 0x9c };
  return Buffer.from([...text].map((c) => special[c] ?? c.charCodeAt(0)));
}
