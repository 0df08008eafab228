import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readRaw, readSource } from "../../src/read";
import { makeSource, readError, tempDir } from "./helpers";

// The first lines of INSEE's FILO2019_DISP_COM.csv as published (realdata/france): BOM, CRLF,
// decimal comma, secret cells left empty; cut to its first seven columns, plus a Corsican commune.
const FILOSOFI =
  "\uFEFFCODGEO;LIBGEO;NBMEN19;NBPERS19;NBUC19;Q119;Q219\r\n" +
  "01001;L'Abergement-Clémenciat;322;819;542,7;;23970\r\n" +
  "01004;Ambérieu-en-Bugey;6711;15040;10296,8;14940;20510\r\n" +
  "2A004;Ajaccio;25581;50494;36707,8;15630;21900\r\n";

const filosofi = (fields: Record<string, unknown> = {}) =>
  makeSource({ file: "filo.zip", member: "FILO2019_DISP_COM.csv", missingTokens: [""], columns: { menages: "NBMEN19", uc: "NBUC19", mediane: "Q219", q1: "Q119" }, ...fields });

/** A folder holding `filo.zip`: the Filosofi CSV and its documentation, as INSEE's archives are. */
function archive(level: 0 | 6 = 6, csv = FILOSOFI): string {
  const zip = zipSync({ "FILO2019_DISP_COM.csv": strToU8(csv), "meta_FILO2019_DISP_COM.csv": strToU8("COD_VAR;LIB_VAR\r\n"), "doc/": {} }, { level });
  return tempDir({ "filo.zip": zip });
}

describe("a CSV in a .zip archive", () => {
  it.each([6, 0] as const)("reads the declared member as published (compression level %i)", async (level) => {
    const table = await readSource(filosofi(), archive(level));
    expect(table.rows.map((r) => [r.code, r.line])).toEqual([
      ["01001", 2],
      ["01004", 3],
      ["2A004", 4],
    ]);
    expect(table.rows[0].cells).toEqual({
      menages: { status: "ok", value: 322 },
      uc: { status: "ok", value: 542.7 },
      mediane: { status: "ok", value: 23970 },
      q1: { status: "missing" },
    });
  });

  it("streams the member: the same grid in tiny chunks", async () => {
    const dir = archive();
    expect(await readRaw(filosofi(), dir, { chunkBytes: 3 })).toEqual(await readRaw(filosofi(), dir));
  });

  it("names the archive and the member in the file's errors", async () => {
    const error = await readError(filosofi(), archive(6, FILOSOFI.replace("23970", "n.d.")));
    expect(error.message).toMatch(/^.*filo\.zip › FILO2019_DISP_COM\.csv, ligne 2, colonne Q219 \(7\) : « n\.d\. » n'est pas un nombre/);
  });

  it("a member not in the archive: lists the members, the closest first", async () => {
    const error = await readError(filosofi({ member: "FILO2019_DISP_COM.CSV.csv" }), archive());
    expect(error.file).toMatch(/filo\.zip$/);
    expect(error.problem).toBe("l'archive ne contient pas de fichier « FILO2019_DISP_COM.CSV.csv »");
    expect(error.expected).toBe("l'un des fichiers de l'archive : « FILO2019_DISP_COM.csv », « meta_FILO2019_DISP_COM.csv »");
    expect(error.hint).toContain("noms les plus proches : « FILO2019_DISP_COM.csv », « meta_FILO2019_DISP_COM.csv »");
  });

  it("an archive declared without member: says to declare it", async () => {
    const error = await readError(filosofi({ member: undefined }), archive());
    expect(error.problem).toBe("le fichier est une archive .zip");
    expect(error.hint).toBe("déclarez member: <nom du fichier> à côté de file");
    const single = tempDir({ "filo.zip": zipSync({ "FILO2019_DISP_COM.csv": strToU8(FILOSOFI) }) });
    expect((await readError(filosofi({ member: undefined }), single)).hint).toContain("(ici member: FILO2019_DISP_COM.csv)");
  });

  it("a member declared for a file that is not an archive", async () => {
    const error = await readError(filosofi({ file: "filo.csv" }), tempDir({ "filo.csv": FILOSOFI }));
    expect(error.message).toContain("le fichier n'est pas une archive .zip, alors que member: FILO2019_DISP_COM.csv est déclaré");
  });

  it("a damaged archive", async () => {
    const zip = zipSync({ "FILO2019_DISP_COM.csv": strToU8(FILOSOFI.repeat(20)) });
    zip.fill(0xff, 60, 90); // inside the compressed bytes
    const error = await readError(filosofi(), tempDir({ "filo.zip": zip }));
    expect(error.problem).toBe("l'archive est endommagée : « FILO2019_DISP_COM.csv » ne peut pas être décompressé");
  });

  it("a workbook in an archive goes to the workbook reader", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("COM");
    sheet.addRow(["CODGEO", "P22_POP"]);
    sheet.addRow(["32013", 22825]);
    const dir = tempDir({ "rp.zip": zipSync({ "base-cc/rp.xlsx": new Uint8Array(await book.xlsx.writeBuffer()) }) });
    const table = await readSource(makeSource({ file: "rp.zip", member: "base-cc/rp.xlsx", format: "xlsx", columns: { pop: "P22_POP" } }), dir);
    expect(table.rows).toEqual([{ level: "commune", code: "32013", line: 2, cells: { pop: { status: "ok", value: 22825 } } }]);
    expect(table.file).toBe(`${join(dir, "rp.zip")} › base-cc/rp.xlsx`);
  });
});
