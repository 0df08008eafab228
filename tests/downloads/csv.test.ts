// The CSV downloads open in a spreadsheet: a text that it would run as a formula is shown as text,
// and numbers stay numbers.
import { describe, expect, it } from "vitest";
import { toCsv } from "../../src/downloads/csv";
import type { DataRow } from "../../src/downloads/rows";

const row = (libelle: string, territoire: string, valeur: number | null): DataRow => ({
  indicateur: "part", libelle, niveau: "commune", code_territoire: "32013", territoire, valeur, unite: "%", statut: "publiée",
  numerateur: null, denominateur: null, source: "INSEE — RP", millesime: "2022", licence: "Licence Ouverte 2.0",
});

const cells = (csv: string) => csv.replace(/^\uFEFF/, "").split("\r\n").slice(1, -1).map((line) => line.split(";"));

describe("CSV downloads in a spreadsheet", () => {
  it("write a text beginning with =, +, -, @ or a tab after an apostrophe, quoted, so it is shown as text", () => {
    const csv = toCsv([
      row('=HYPERLINK("http://exemple.org")', "+33 Commune", 12.5),
      row("-5 ans", "@SOMME(A1)", -2.25),
      row("\tTabulation", "Saint-Orens", null),
    ]);
    const [first, second, third] = cells(csv);
    expect(first[1]).toBe(`"'=HYPERLINK(""http://exemple.org"")"`);
    expect(first[4]).toBe(`"'+33 Commune"`);
    expect(second[1]).toBe(`"'-5 ans"`);
    expect(second[4]).toBe(`"'@SOMME(A1)"`);
    expect(third[1]).toBe(`"'\tTabulation"`);
    // Numbers, negative ones too, and texts with a dash inside are written as they are.
    expect([first[5], second[5], third[5]]).toEqual(["12,5", "-2,25", ""]);
    expect(third[4]).toBe("Saint-Orens");
  });
});
