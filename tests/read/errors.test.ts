import ExcelJS from "exceljs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, makeSource, readError, readErrors, tempDir } from "./helpers";

const csv = (text: string, fields: Record<string, unknown> = {}) => {
  const dir = tempDir({ "f.csv": text });
  return { dir, file: join(dir, "f.csv"), source: makeSource({ file: "f.csv", columns: { a: "A" }, ...fields }) };
};

describe("read errors: where, what, what to do", () => {
  it("text in a numeric column: a ready-to-print French sentence", async () => {
    const source = makeSource({ file: "caf_bad.csv", code: { column: "Numcom", level: "commune" }, columns: { foyers: "NB_FOY", rsa: "NB_FOY_RSA" } });
    const error = await readError(source, FIXTURES);
    expect(error).toMatchObject({ file: "tests/read/fixtures/caf_bad.csv", line: 4, column: { name: "NB_FOY_RSA", index: 4 }, found: "abc" });
    expect(error.message).toBe(
      "tests/read/fixtures/caf_bad.csv, ligne 4, colonne NB_FOY_RSA (4) : « abc » n'est pas un nombre. " +
        "Attendu : un nombre (virgule décimale), une cellule vide ou l'un des marqueurs « s », « nd ». " +
        "À faire : corrigez la cellule ou déclarez le marqueur dans secretTokens / missingTokens.",
    );
  });

  it("suggests the other decimal mark when the numbers use it", async () => {
    const { dir, source } = csv("CODGEO;A\n32013;48,0\n", { decimal: "." });
    const error = await readError(source, dir);
    expect(error.message).toContain("Attendu : un nombre (point décimal)");
    expect(error.hint).toContain("déclarez decimal: ','");
  });

  it("file not found, with the closest file names of the folder", async () => {
    const dir = tempDir({ "caf_2023.csv": "", "msa.csv": "" });
    const error = await readError(makeSource({ file: "caf_2032.csv" }), dir);
    expect(error.file).toBe(join(dir, "caf_2032.csv"));
    expect(error.message).toContain("fichier introuvable");
    expect(error.message).toContain("file: caf_2032.csv");
    expect(error.hint).toContain("« caf_2023.csv »");
  });

  it("file not found because its folder does not exist", async () => {
    const error = await readError(makeSource({ file: "caf/x.csv" }), tempDir());
    expect(error.message).toMatch(/le dossier .*caf n'existe pas/);
  });

  it("wrong separator: says which one the header uses", async () => {
    const { dir, file, source } = csv("CODGEO,A\n32013,5\n");
    const error = await readError(source, dir);
    expect(error).toMatchObject({ file, line: 1 });
    expect(error.message).toContain("l'en-tête ne forme qu'une seule colonne, qui contient des « , »");
    expect(error.hint).toBe("vérifiez le séparateur déclaré (separator: ';') : ce fichier semble séparé par « , », déclarez separator: ','");
  });

  it("wrong separator: tabulations", async () => {
    const { dir, source } = csv("CODGEO\tA\n32013\t5\n");
    expect((await readError(source, dir)).hint).toContain('déclarez separator: "\\t"');
  });

  it("a Latin-1 file declared UTF-8: the line of the first accent", async () => {
    const dir = tempDir({ "f.csv": Buffer.from("CODGEO;LIBGEO;A\n32013;Auch;1\n32160;Lécussan;2\n", "latin1") });
    const error = await readError(makeSource({ file: "f.csv", columns: { a: "A" } }), dir);
    expect(error.line).toBe(3);
    expect(error.message).toContain("le fichier n'est pas en UTF-8 : déclarez encoding: latin1");
  });

  it("a UTF-8 file declared Latin-1", async () => {
    const dir = tempDir({ "f.csv": "CODGEO;Région;A\n32013;Occitanie;1\n" });
    const error = await readError(makeSource({ file: "f.csv", encoding: "latin1", columns: { a: "A" } }), dir);
    expect(error.line).toBe(1);
    expect(error.hint).toContain("déclarez encoding: utf-8");
  });

  it("declared columns missing from the header: all of them, with the closest names", async () => {
    const { dir, file, source } = csv("CODGEO;LIBGEO;NB_FOYERS;NB_FOY_RSA\n32013;Auch;1;2\n", { columns: { foyers: "NB_FOY", rsa: "NB_FOY_RSA", pop: "POP" } });
    const { errors } = await readErrors(source, dir);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatchObject({ file, line: 1, column: undefined });
    expect(errors[0].message).toContain("la colonne de la variable foyers, « NB_FOY », est absente de l'en-tête");
    expect(errors[0].hint).toContain("colonnes les plus proches : « NB_FOYERS » (3), « NB_FOY_RSA » (4)");
    expect(errors[1].message).toContain("la colonne de la variable pop, « POP »");
  });

  it("the code column missing", async () => {
    const { dir, source } = csv("CODE_INSEE;A\n32013;1\n");
    const error = await readError(source, dir);
    expect(error.message).toContain("la colonne du code des territoires (code.column), « CODGEO », est absente de l'en-tête");
    expect(error.hint).toContain("« CODE_INSEE » (1)");
  });

  it("a header below the declared line: suggests headerRow", async () => {
    const { dir, source } = csv("Allocataires CAF 2023\n\nCODGEO;A\n32013;1\n");
    const { errors } = await readErrors(source, dir);
    expect(errors[0].hint).toContain("les noms de colonnes semblent être ligne 3 : déclarez headerRow: 3");
  });

  it("a declared column that appears twice in the header", async () => {
    const { dir, source } = csv("CODGEO;A;B;A\n32013;1;2;3\n");
    expect((await readError(source, dir)).message).toContain("« A », apparaît 2 fois dans l'en-tête (colonnes 2 et 4)");
  });

  it("duplicated rows: both line numbers", async () => {
    const { dir, file, source } = csv("CODGEO;A\n32013;1\n32160;2\n32013;3\n");
    const error = await readError(source, dir);
    expect(error).toMatchObject({ file, line: 4, column: { name: "CODGEO", index: 1 }, found: "32013" });
    expect(error.message).toContain("le territoire « 32013 » (niveau commune) apparaît deux fois, lignes 2 et 4");
  });

  it.each([
    ["", "le fichier est vide"],
    ["\uFEFF\n\n", "le fichier est vide"],
    ["CODGEO;A\n", "aucune ligne de données après l'en-tête"],
    ["CODGEO;A\n\n", "aucune ligne de données après l'en-tête"],
  ])("empty file %j", async (text, expected) => {
    const { dir, source } = csv(text);
    expect((await readError(source, dir)).message).toContain(expected);
  });

  it("a header declared beyond the end of the file", async () => {
    const { dir, source } = csv("CODGEO;A\n32013;1\n", { headerRow: 5 });
    expect((await readError(source, dir)).message).toContain("le fichier n'a que 2 ligne(s) alors que l'en-tête est déclaré ligne 5");
  });

  it("a level value not declared in levels: lists the known ones", async () => {
    const text = "NIVGEO;CODGEO;A\nCOM;32013;1\nARR;32001;2\n";
    const { dir, source } = csv(text, { code: { column: "CODGEO", levelColumn: "NIVGEO", levels: { COM: "commune", DEP: "departement" } } });
    const error = await readError(source, dir);
    expect(error).toMatchObject({ line: 3, column: { name: "NIVGEO", index: 1 }, found: "ARR" });
    expect(error.message).toContain("le niveau « ARR » n'est pas déclaré. Attendu : l'une des valeurs déclarées dans code.levels : « COM », « DEP »");
  });

  it("invalid commune codes, with a hint when Excel lost the leading zero", async () => {
    const { dir, source } = csv("CODGEO;A\n1001;1\n2C004;2\n;3\n");
    const { errors } = await readErrors(source, dir);
    expect(errors.map((e) => [e.line, e.found])).toEqual([
      [2, "1001"],
      [3, "2C004"],
      [4, undefined],
    ]);
    expect(errors[0].message).toContain("« 1001 » n'est pas un code de commune");
    expect(errors[0].hint).toContain("le zéro initial a été perdu");
    expect(errors[1].hint).toContain("ignoreCodes");
    expect(errors[2].message).toContain("le code du territoire est vide");
  });

  it("invalid EPCI codes", async () => {
    const { dir, source } = csv("SIREN;A\n20006692;1\n", { code: { column: "SIREN", level: "epci" } });
    expect((await readError(source, dir)).message).toContain("« 20006692 » n'est pas un code d'EPCI. Attendu : un numéro SIREN d'EPCI de 9 chiffres");
  });

  it("a row that stops before a declared column", async () => {
    const { dir, source } = csv("CODGEO;X;A\n32013;1;2\n32160;1\n");
    const error = await readError(source, dir);
    expect(error).toMatchObject({ line: 3, column: { name: "A", index: 3 } });
    expect(error.message).toContain("la ligne s'arrête avant cette colonne");
  });

  it("a workbook declared as CSV: .xlsx, and the compound file of a .xls", async () => {
    const dir = tempDir({ "old.csv": Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("x").addRow(["CODGEO"]);
    await wb.xlsx.writeFile(join(dir, "book.csv"));
    expect((await readError(makeSource({ file: "book.csv" }), dir)).hint).toBe("déclarez format: xlsx");
    expect((await readError(makeSource({ file: "old.csv" }), dir)).hint).toBe("déclarez format: xls");
  });

  it("collects every error of a file, and prints the first 20", async () => {
    const lines = ["CODGEO;A"];
    for (let i = 1; i <= 25; i++) lines.push(`${32000 + i};n/a`);
    const { dir, file, source } = csv(lines.join("\n"));
    const result = await readErrors(source, dir);
    expect(result.total).toBe(25);
    expect(result.errors.map((e) => e.line)).toEqual(Array.from({ length: 25 }, (_, i) => i + 2));
    const printed = result.message.split("\n");
    expect(printed[0]).toBe(`25 erreurs dans ${file} :`);
    expect(printed.filter((l) => l.startsWith("- "))).toHaveLength(20);
    expect(printed.at(-1)).toBe("… et 5 autres erreurs.");
  });
});
