// The workbook a partner fills, written from the declaration: what it asks, in each format, and that the reader accepts it as written.
import * as XLSX from "@e965/xlsx";
import { strFromU8, unzipSync } from "fflate";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { annexHtml } from "../../src/partners/annex";
import { templateOf, templateProblem } from "../../src/partners/template";
import { templateWorkbook } from "../../src/partners/workbook";
import { readSource } from "../../src/read";
import { tempDir } from "../read/helpers";
import { TERRITORIES, partnerSource } from "./fixtures";

const template = templateOf(partnerSource(), TERRITORIES);

describe("a partner's template", () => {
  it("lists every commune in code order with its EPCI, under the exact column names the build reads", () => {
    expect(template.fileBase).toBe("cd_2023");
    expect(template.columns.map((c) => c.name)).toEqual(["Code commune", "Nom de la commune", "EPCI", "Bénéficiaires APA", "Bénéficiaires PCH"]);
    expect(template.rows).toEqual([
      { code: "00001", name: "Unville", epci: "CC Un" },
      { code: "00002", name: "Deuxville", epci: "CC Deux" },
      { code: "00003", name: "Troisville", epci: "CC Un" },
    ]);
    expect(template.columns[3]).toMatchObject({ definition: "Bénéficiaires de l'APA", unit: "bénéficiaires", period: "au 31 décembre 2023" });
  });

  it("is refused for a source that is no partner's or mixes levels", () => {
    expect(templateProblem(partnerSource({ partner: undefined }))).toMatch(/clé partner absente/);
    expect(templateProblem(partnerSource({ code: { column: "c", levelColumn: "n", levels: { COM: "commune" } } }))).toMatch(/un seul niveau|qu'un niveau/);
  });

  for (const format of ["xlsx", "ods"] as const)
    it(`is written as .${format}: the sheet to fill, the notice, header notes, the same bytes each time, read back as « non transmis »`, async () => {
      const bytes = await templateWorkbook(template, format);
      expect(Buffer.from(await templateWorkbook(template, format)).equals(Buffer.from(bytes))).toBe(true);
      const book = XLSX.read(bytes, { cellText: false });
      expect(book.SheetNames).toEqual(["Communes", "Notice"]);
      const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets.Communes, { header: 1 });
      expect(rows[0]).toEqual(template.columns.map((c) => c.name));
      expect(rows.slice(1).map((r) => r[0])).toEqual(["00001", "00002", "00003"]);
      expect(book.Sheets.Communes.D1.c?.[0].t).toMatch(/^Bénéficiaires de l'APA \(bénéficiaires, au 31 décembre 2023\)\. Un nombre ≥ 0, « s » pour 1 à 4/);
      const notice = XLSX.utils.sheet_to_json<string[]>(book.Sheets.Notice, { header: 1 }).map((r) => r.join(" | ")).join("\n");
      expect(notice).toContain("Bénéficiaires APA | Bénéficiaires de l'APA | bénéficiaires | au 31 décembre 2023 | personnes domiciliées dans la commune");
      expect(notice).toContain("jamais 0 pour une valeur secrète");
      expect(notice).toContain("Aucune donnée personnelle");
      expect(notice).toContain("ne pas ajouter, supprimer ni réordonner de lignes");
      expect(notice).toContain("Renvoyer le fichier rempli à observatoire@gip.example avant le 31 mars 2024, sous le nom cd_2023");

      const dir = tempDir();
      writeFileSync(join(dir, `cd_2023.${format}`), bytes);
      const table = await readSource(partnerSource({ file: `cd_2023.${format}`, format }), dir);
      expect(table.rows.map((r) => [r.code, r.line, r.cells.apa.status])).toEqual([
        ["00001", 2, "missing"],
        ["00002", 3, "missing"],
        ["00003", 4, "missing"],
      ]);
    });

  it("validates the cells of the .xlsx: a number ≥ 0, the secret marker, or nothing", async () => {
    const files = unzipSync(await templateWorkbook(template, "xlsx"));
    const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]);
    expect(sheet).toMatch(/<dataValidation type="custom" allowBlank="1" showErrorMessage="1"[^>]*sqref="D2:E4"/);
    expect(sheet).toContain("<formula1>OR(AND(ISNUMBER(D2),D2&gt;=0),D2=&quot;s&quot;)</formula1>");
  });

  it("has its annex: data asked, perimeter, level, format, deadline, source mention and secrecy rule", () => {
    const html = annexHtml(template, "GIP test");
    expect(html).toContain("entre GIP test et Département de Val-Test");
    expect(html).toContain("les 3 communes du département Val-Test");
    expect(html).toContain("<code>Bénéficiaires APA</code></th><td>Bénéficiaires de l&#39;APA</td><td>bénéficiaires</td>");
    expect(html).toContain("31 mars 2024");
    expect(html).toContain("Source : Département de Val-Test, Données sociales par commune, millésime 2023.");
    expect(html).toContain("aucune donnée dont l&#39;effectif serait inférieur à 5");
    expect(html).toContain("la première ligne comporte les en-têtes des colonnes");
  });
});
