// What partners send back, read as sent and compared with the template: each case in each format,
// the workbooks written by the libraries themselves (SheetJS; the template's own writer).
import * as XLSX from "@e965/xlsx";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkReceived } from "../../src/partners/check-received";
import { templateOf } from "../../src/partners/template";
import { templateWorkbook } from "../../src/partners/workbook";
import { readSource } from "../../src/read";
import { tempDir } from "../read/helpers";
import { TERRITORIES, partnerSource } from "./fixtures";

const HEADER = ["Code commune", "Nom de la commune", "EPCI", "Bénéficiaires APA", "Bénéficiaires PCH"];
type Row = (string | number | null | { f: string; v: number })[];
/** Rows reordered (00003 first) as a partner may sort them. */
const ROWS: Row[] = [
  ["00003", "Troisville", "CC Un", 30, "s"],
  ["00001", "Unville", "CC Un", 120, 12],
  ["00002", "Deuxville", "CC Deux", 8, null],
];

type Format = "xlsx" | "xls" | "ods" | "csv;" | "csv,latin1";
const FORMATS: Format[] = ["xlsx", "xls", "ods", "csv;", "csv,latin1"];

/** The partner's file in `format`, and the source declared for it. */
function sent(format: Format, rows: Row[], header = HEADER) {
  const dir = tempDir();
  const extension = format.startsWith("csv") ? "csv" : format;
  const file = `cd_2023.${extension}`;
  if (format.startsWith("csv")) {
    const separator = format[3];
    const value = (v: Row[number]) => (v === null ? "" : typeof v === "object" ? String(v.v) : String(v));
    const text = [header, ...rows].map((r) => r.map(value).join(separator)).join("\r\n") + "\r\n";
    writeFileSync(join(dir, file), Buffer.from(text, format.endsWith("latin1") ? "latin1" : "utf8"));
    return { dir, source: partnerSource({ file, format: "csv", separator, encoding: format.endsWith("latin1") ? "latin1" : "utf-8" }) };
  }
  const sheet = XLSX.utils.aoa_to_sheet([header, ...rows.map((r) => r.map((v) => (v !== null && typeof v === "object" ? null : v)))]);
  rows.forEach((r, i) => r.forEach((v, c) => v !== null && typeof v === "object" && (sheet[XLSX.utils.encode_cell({ r: i + 1, c })] = { t: "n", f: v.f, v: v.v })));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, "Communes");
  writeFileSync(join(dir, file), XLSX.write(book, { type: "buffer", bookType: format === "xls" ? "biff8" : (format as "xlsx" | "ods") }));
  return { dir, source: partnerSource({ file, format }) };
}

const values = async ({ dir, source }: ReturnType<typeof sent>) =>
  (await readSource(source, dir)).rows.map((r) => [r.code, ...["apa", "pch"].map((v) => (r.cells[v].status === "ok" ? (r.cells[v] as { value: number }).value : r.cells[v].status))]);
const messages = async ({ dir, source }: ReturnType<typeof sent>) => (await checkReceived(source, dir, TERRITORIES)).map((f) => `${f.severity} ${f.message}`);
const cell = (format: Format, ref: string, line: number, column: number) => (format.startsWith("csv") ? `ligne ${line}, colonne ${column}` : ref);

describe("a filled template read back", () => {
  for (const format of FORMATS) {
    it(`${format}: rows reordered, a total row, formulas: read as sent, the total noted and ignored`, async () => {
      const file = sent(format, [...ROWS, ["Total", "", "", { f: "SUM(D2:D4)", v: 158 }, { f: "SUM(E2:E4)", v: 12 }]]);
      expect(await values(file)).toEqual([
        ["00003", 30, "secret"],
        ["00001", 120, 12],
        ["00002", 8, "missing"],
      ]);
      const found = await messages(file);
      expect(found).toContainEqual(expect.stringMatching(new RegExp(`^info .*cd_2023\\.\\w+, ${cell(format, "Communes!A5", 5, 1)} : ligne de total « Total » reconnue et ignorée`)));
      expect(found.filter((m) => !m.startsWith("info"))).toEqual([]);
    });

    it(`${format}: a column renamed by hand is read at its place, and said`, async () => {
      const file = sent(format, ROWS, HEADER.map((h) => (h === "Bénéficiaires PCH" ? "PCH bénéficiaires" : h)));
      if (format.startsWith("csv")) return; // a CSV keeps only the declared columns: the rename is an absent column (below)
      expect((await values(file)).map((r) => r[2])).toEqual(["secret", 12, "missing"]);
      expect(await messages(file)).toContainEqual(expect.stringMatching(/Communes!E1 : la colonne « PCH bénéficiaires » est lue comme « Bénéficiaires PCH »/));
    });

    it(`${format}: missing and extra communes, an unknown column, text, a negative count, counts of 1 to 4 — each at its cell`, async () => {
      const rows: Row[] = [ROWS[0], ["00001", "Unville", "CC Un", -3, 2], ["99999", "Ailleurs", "", 4, 1]];
      const file = sent(format, rows.map((r) => [...r, "vu"]), [...HEADER, "Commentaire"]);
      const found = await messages(file);
      expect(found).toContainEqual(expect.stringMatching(/^warning .*1 ligne\(s\) du modèle absente\(s\) : 00002 Deuxville/));
      expect(found).toContainEqual(expect.stringMatching(new RegExp(`^warning .*${cell(format, "Communes!A4", 4, 1)} : « 99999 » n'est pas une ligne du modèle`)));
      if (!format.startsWith("csv")) expect(found).toContainEqual(expect.stringMatching(/^warning .*Communes!F1 : colonne « Commentaire » inconnue du modèle/));
      expect(found).toContainEqual(expect.stringMatching(new RegExp(`^error .*${cell(format, "Communes!D3", 3, 4)} : -3 dans « Bénéficiaires APA » : un effectif n'est jamais négatif`)));
      expect(found).toContainEqual(expect.stringMatching(/^info .*colonne « Bénéficiaires APA » : 1 valeur\(s\) de 1 à 4/));
      expect(found).toContainEqual(expect.stringMatching(/^info .*colonne « Bénéficiaires PCH » : 2 valeur\(s\) de 1 à 4/));

      const text = await messages(sent(format, [ROWS[0], ["00001", "Unville", "CC Un", "douze", 12], ROWS[2]]));
      expect(text).toContainEqual(
        expect.stringMatching(format.startsWith("csv") ? /ligne 3, colonne Bénéficiaires APA \(4\) : « douze » n'est pas un nombre/ : /cd_2023\.\w+, Communes!D3, ligne 3, colonne Bénéficiaires APA \(4\) : « douze » n'est pas un nombre/),
      );
    });
  }

  for (const format of ["xlsx", "ods"] as const)
    it(`round trip in .${format}: template → filled → read gives the values written`, async () => {
      const template = templateOf(partnerSource(), TERRITORIES);
      const dir = tempDir();
      writeFileSync(join(dir, `cd_2023.${format}`), await templateWorkbook(template, format, [[120, 12], [8, null], [30, "s"]]));
      expect(await values({ dir, source: partnerSource({ file: `cd_2023.${format}`, format }) })).toEqual([
        ["00001", 120, 12],
        ["00002", 8, "missing"],
        ["00003", 30, "secret"],
      ]);
    });
});

describe("other levels partners send", () => {
  it("a table by IRIS is summed into its communes, a masked IRIS making its commune's sum secret", async () => {
    const dir = tempDir({ "caf.csv": "IRIS;NB\n000010101;10\n000010102;15\n000020000;7\n000030101;s\n000030102;40\n" });
    const source = partnerSource({ file: "caf.csv", format: "csv", code: { column: "IRIS", level: "commune", iris: true }, columns: { alloc: "NB" } });
    const rows = (await readSource(source, dir)).rows.map((r) => [r.code, r.line, r.cells.alloc]);
    expect(rows).toEqual([
      ["00001", 2, { status: "ok", value: 25 }],
      ["00002", 4, { status: "ok", value: 7 }],
      ["00003", 5, { status: "secret" }],
    ]);
    const bad = tempDir({ "caf.csv": "IRIS;NB\n00001;10\n" });
    await expect(readSource(source, bad)).rejects.toThrow(/« 00001 » n'est pas un code IRIS/);
  });

  it("a table by EPCI has its template by EPCI, and is read at that level", async () => {
    const source = partnerSource({ code: { column: "SIREN", level: "epci" } });
    const template = templateOf(source, TERRITORIES);
    expect([template.sheet, template.columns.map((c) => c.name), template.rows.map((r) => r.code)]).toEqual([
      "EPCI",
      ["SIREN", "Nom de l'EPCI", "Bénéficiaires APA", "Bénéficiaires PCH"],
      ["200000001", "200000002"],
    ]);
    const dir = tempDir();
    writeFileSync(join(dir, "cd_2023.xlsx"), await templateWorkbook(template, "xlsx", [[150, 12], [8, "s"]]));
    const table = await readSource(source, dir);
    expect(table.rows.map((r) => [r.level, r.code, r.cells.apa])).toEqual([
      ["epci", "200000001", { status: "ok", value: 150 }],
      ["epci", "200000002", { status: "ok", value: 8 }],
    ]);
  });
});
