import { describe, expect, it } from "vitest";
import { readSource } from "../../src/read";
import type { SourceTable } from "../../src/read/types";
import { FIXTURES, makeSource, tempDir } from "./helpers";

const byCode = (table: SourceTable) => new Map(table.rows.map((row) => [row.code, row]));

describe("readSource, CSV", () => {
  // Invented lines in the exact shape of the INSEE comparateur (realdata/gers, SOURCES.md §2.1):
  // dot-decimal weighted counts and comma-decimal rates in the same file, "s", empty fields.
  it("reads the INSEE comparateur's mixed number formats and markers", async () => {
    const source = makeSource({
      file: "comparateur_extract.csv",
      columns: { pop: "P22_POP", superf: "SUPERF", men: "P22_MEN", pimp: "PIMP21", med: "MED21", nbmen: "NBMENFISC21" },
    });
    const table = await readSource(source, FIXTURES);
    expect(table).toMatchObject({ sourceId: "test", file: "tests/read/fixtures/comparateur_extract.csv" });
    expect(table.rows.map((r) => [r.code, r.line])).toEqual([
      ["00001", 2],
      ["00013", 3],
      ["00067", 4],
      ["00160", 5],
    ]);
    const rows = byCode(table);
    expect(rows.get("00001")!.cells).toEqual({
      pop: { status: "ok", value: 671 },
      superf: { status: "ok", value: 34.1 },
      men: { status: "ok", value: 365.29186733727 },
      pimp: { status: "secret" },
      med: { status: "ok", value: 16200 },
      nbmen: { status: "ok", value: 427 },
    });
    expect(rows.get("00013")!.cells.pimp).toEqual({ status: "ok", value: 51.8 });
    expect(rows.get("00013")!.cells.superf).toEqual({ status: "ok", value: 68.78 });
    // A commune merged since: empty RP fields are missing, Filosofi "s" is secret; never 0.
    expect(rows.get("00067")!.cells.pop).toEqual({ status: "missing" });
    expect(rows.get("00067")!.cells.nbmen).toEqual({ status: "secret" });
    expect(rows.get("00067")!.level).toBe("commune");
  });

  it("returns only the declared variables, keyed by variable name", async () => {
    const source = makeSource({ file: "comparateur_extract.csv", columns: { pop: "P22_POP", pop16: { column: "P16_POP", vintage: "2016" } } });
    const table = await readSource(source, FIXTURES);
    expect(Object.keys(table.rows[0].cells)).toEqual(["pop", "pop16"]);
    expect(table.rows[0].cells.pop16).toEqual({ status: "ok", value: 630 });
  });

  it("keeps leading zeros, and Corsican codes after more than 1,000 rows", async () => {
    const lines = ["CODGEO;POP"];
    for (let i = 1; i <= 1500; i++) lines.push(`${String(1000 + i).padStart(5, "0")};${i}`);
    lines.push("2A004;67", "2B033;12");
    const dir = tempDir({ "big.csv": lines.join("\n") + "\n" });
    const table = await readSource(makeSource({ file: "big.csv", columns: { pop: "POP" } }), dir);
    expect(table.rows).toHaveLength(1502);
    expect(table.rows[0]).toMatchObject({ code: "01001", line: 2 });
    const corsica = table.rows.at(-2)!;
    expect(corsica).toMatchObject({ code: "2A004", line: 1502, cells: { pop: { status: "ok", value: 67 } } });
    expect(table.rows.at(-1)!.code).toBe("2B033");
  });

  it("strips a UTF-8 BOM, so the first column keeps its name", async () => {
    const dir = tempDir({ "bom.csv": "\uFEFFCODGEO;Région;POP\n32013;Occitanie;22825\n" });
    const table = await readSource(makeSource({ file: "bom.csv", columns: { pop: "POP" } }), dir);
    expect(table.rows[0]).toMatchObject({ code: "32013", cells: { pop: { status: "ok", value: 22825 } } });
  });

  it("reads Latin-1 files, accents in column names included", async () => {
    const text = "CODGEO;Libellé;Allocataires_été\n32013;Auch;1 234\n32160;L'Isle-Jourdain;s\n";
    const dir = tempDir({ "latin1.csv": Buffer.from(text, "latin1") });
    const source = makeSource({ file: "latin1.csv", encoding: "latin1", columns: { alloc: "Allocataires_été" } });
    const table = await readSource(source, dir);
    expect(table.rows.map((r) => r.cells.alloc)).toEqual([{ status: "ok", value: 1234 }, { status: "secret" }]);
  });

  it("reads thousands separators, decimal commas, and markers as statuses (never 0)", async () => {
    const text = ["CODGEO;A;B", "32001;1 234,5;s", "32002;1\u00A0234;", "32003;12\u202F345,25;nd", "32004;0;0,0"].join("\n");
    const table = await readSource(makeSource({ file: "n.csv", columns: { a: "A", b: "B" } }), tempDir({ "n.csv": text }));
    expect(table.rows.map((r) => [r.cells.a, r.cells.b])).toEqual([
      [{ status: "ok", value: 1234.5 }, { status: "secret" }],
      [{ status: "ok", value: 1234 }, { status: "missing" }],
      [{ status: "ok", value: 12345.25 }, { status: "missing" }],
      [{ status: "ok", value: 0 }, { status: "ok", value: 0 }],
    ]);
  });

  it("uses the declared markers, compared after trimming", async () => {
    const text = "CODGEO;A\n32001; secret \n32002;ND\n32003;s\n";
    const source = makeSource({ file: "m.csv", secretTokens: ["secret"], missingTokens: [" ND"], columns: { a: "A" } });
    const error = await readSource(source, tempDir({ "m.csv": text })).catch((e: Error) => e);
    // "s" is no longer a marker here: only the third row fails.
    expect(error).toMatchObject({ total: 1, errors: [{ line: 4, found: "s" }] });
  });

  it("skips title rows above the declared header and numbers lines as in the file", async () => {
    const text = "Allocataires CAF au 31/12/2023\nSource : CAF du Gers\nNumcom;NB_ALLOC\n32013;1 234\n32160;512\n";
    const source = makeSource({ file: "t.csv", headerRow: 3, code: { column: "Numcom", level: "commune" }, columns: { alloc: "NB_ALLOC" } });
    const table = await readSource(source, tempDir({ "t.csv": text }));
    expect(table.rows.map((r) => [r.code, r.line, r.cells.alloc])).toEqual([
      ["32013", 4, { status: "ok", value: 1234 }],
      ["32160", 5, { status: "ok", value: 512 }],
    ]);
  });

  it("skips ignoreCodes rows (which would not pass the code check) and blank lines", async () => {
    const text = "CODGEO;A\n32013;1\nXXXXX;5\n\n99999;7\n32160;2\n\n";
    const source = makeSource({ file: "i.csv", ignoreCodes: ["XXXXX", "99999"], columns: { a: "A" } });
    const table = await readSource(source, tempDir({ "i.csv": text }));
    expect(table.rows.map((r) => [r.code, r.line])).toEqual([
      ["32013", 2],
      ["32160", 6],
    ]);
  });

  it("gives each row its level from a level column (NIVGEO)", async () => {
    const source = makeSource({
      file: "multi_level.csv",
      code: { column: "CODGEO", levelColumn: "NIVGEO", levels: { COM: "commune", EPCI: "epci", DEP: "departement", REG: "region", FRA: "france" } },
      columns: { alloc: "NB_ALLOC", couv: "TX_COUV" },
    });
    const table = await readSource(source, FIXTURES);
    expect(table.rows.map((r) => [r.level, r.code, r.cells.alloc, r.cells.couv])).toEqual([
      ["commune", "32013", { status: "ok", value: 1234 }, { status: "ok", value: 45.2 }],
      ["commune", "32160", { status: "ok", value: 512 }, { status: "secret" }],
      ["epci", "200066926", { status: "ok", value: 2100 }, { status: "missing" }],
      ["departement", "32", { status: "ok", value: 9876 }, { status: "ok", value: 38.7 }],
      ["region", "76", { status: "secret" }, { status: "secret" }],
      ["france", "FRANCE", { status: "ok", value: 1234567 }, { status: "ok", value: 41 }],
    ]);
  });

  it("reads comma-separated files with quoted fields, dot decimals and CRLF line ends", async () => {
    const text = 'CODGEO,LIBGEO,TAUX\r\n32013,"Auch, préfecture",12.5\r\n32160,"L\'Isle-Jourdain ""la belle""",7\r\n';
    const source = makeSource({ file: "c.csv", separator: ",", decimal: ".", columns: { taux: "TAUX" } });
    const table = await readSource(source, tempDir({ "c.csv": text }));
    expect(table.rows.map((r) => [r.code, r.line, r.cells.taux])).toEqual([
      ["32013", 2, { status: "ok", value: 12.5 }],
      ["32160", 3, { status: "ok", value: 7 }],
    ]);
  });

  it("does not count the same code at two levels as a duplicate", async () => {
    const text = "NIV;CODE;A\nDEP;76;1\nREG;76;2\n";
    const source = makeSource({ file: "d.csv", code: { column: "CODE", levelColumn: "NIV", levels: { DEP: "departement", REG: "region" } }, columns: { a: "A" } });
    const table = await readSource(source, tempDir({ "d.csv": text }));
    expect(table.rows.map((r) => `${r.level} ${r.code}`)).toEqual(["departement 76", "region 76"]);
  });
});
