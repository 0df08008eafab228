import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fromFiles } from "../../src/territories/files";
import { fixtures, problemsOf, tmpFile } from "./helpers";

const meta = { departement: { code: "99", name: "Fictif" }, region: { code: "99", name: "Région fictive" }, cogVintage: "fictif 2025" };
const epcis = join(fixtures, "epcis.csv");

describe("fromFiles", () => {
  it("reads the two CSVs (BOM, CRLF, decimal commas, spaced thousands) with codes as strings", () => {
    const { territories, warnings } = fromFiles({ ...meta, communes: join(fixtures, "communes.csv"), epcis });
    expect(territories.communes).toEqual([
      { code: "99001", name: "Aubiet-sur-Gimone", epci: "200000001", population: 1200, area: 12.5 },
      { code: "99002", name: "Bérac", epci: "200000001", population: 350, area: 8.2 },
      { code: "99003", name: "Castéra", epci: "200000002", population: 2400, area: 20 },
      { code: "99004", name: "Durban", epci: "200000002", population: 90 },
    ]);
    expect(territories.epcis).toEqual([
      { code: "200000001", name: "CC des Deux Vallées", nature: "CC", communes: ["99001", "99002"] },
      { code: "200000002", name: "CA du Plateau", nature: "CA", communes: ["99003", "99004"] },
    ]);
    expect(territories.cogVintage).toBe("fictif 2025");
    expect(warnings).toEqual([expect.stringContaining("200000003")]);
  });

  it("reports a bad EPCI code and a duplicate, in French, with their lines", () => {
    const badEpcis = tmpFile("epcis.csv", "code;nom;nature\n200000001;CC A;CC\n20000002;CC B;CC\n200000001;CC A bis;CC\n200000004;CC D;SIVU\n");
    const problems = problemsOf(() => fromFiles({ ...meta, communes: join(fixtures, "communes.csv"), epcis: badEpcis }));
    expect(problems).toEqual([
      "ligne 3 : code EPCI « 20000002 » invalide (SIREN de 9 chiffres attendu)",
      "ligne 4 : code EPCI 200000001 en double",
      "ligne 5 : nature « SIVU » inconnue (CC, CA, CU ou ME attendu)",
    ]);
  });

  it("reports bad commune rows, each with its line", () => {
    const communes = tmpFile(
      "communes.csv",
      ["code;nom;epci;population;superficie", "99001;A;200000001;10;1", "9902;B;200000001;10;1", "99001;C;200000001;10;1", "99004;D;200000009;10;1", "32001;E;200000001;dix;1"].join("\n"),
    );
    expect(problemsOf(() => fromFiles({ ...meta, communes, epcis }))).toEqual([
      "ligne 3 : code commune « 9902 » invalide (5 caractères attendus, ex. 32013 ou 2A004)",
      "ligne 4 : code commune 99001 en double",
      "ligne 5 : EPCI « 200000009 » de la commune 99004 absent du fichier des EPCI",
      "ligne 6 : la commune 32001 n'est pas dans le département 99",
      "ligne 6 : population « dix » invalide (nombre entier attendu)",
    ]);
  });

  it("refuses, in a real configuration, a commune code outside the département; accepts it in a fictional one", () => {
    const communes = tmpFile("communes.csv", "code;nom;epci;population;superficie\n99001;A;200000001;10;1\n01001;B;200000001;10;1\n35000;C;200000002;10;1\n");
    expect(problemsOf(() => fromFiles({ ...meta, communes, epcis }))).toEqual([
      "ligne 3 : la commune 01001 n'est pas dans le département 99",
      "ligne 4 : la commune 35000 n'est pas dans le département 99",
    ]);
    expect(problemsOf(() => fromFiles({ ...meta, fictional: false, communes, epcis }))).toHaveLength(2);
    const { territories } = fromFiles({ ...meta, fictional: true, communes, epcis });
    expect(territories.communes.map((c) => c.code)).toEqual(["01001", "35000", "99001"]);
    expect(territories.epcis.map((e) => e.communes)).toEqual([["01001", "99001"], ["35000"]]);
    // Every other check still applies to a fictional configuration.
    const bad = tmpFile("communes.csv", "code;nom;epci;population;superficie\n01001;A;200000001;10;1\n01001;B;200000001;10;1\n1234;C;200000001;10;1\n");
    expect(problemsOf(() => fromFiles({ ...meta, fictional: true, communes: bad, epcis }))).toEqual([
      "ligne 3 : code commune 01001 en double",
      "ligne 4 : code commune « 1234 » invalide (5 caractères attendus, ex. 32013 ou 2A004)",
    ]);
  });

  it("reports a row with a wrong number of values", () => {
    const communes = tmpFile("communes.csv", "code;nom;epci;population;superficie\n99001;A;200000001;10;1\n99002;B;200000001\n");
    expect(problemsOf(() => fromFiles({ ...meta, communes, epcis }))).toEqual(["ligne 3 : 3 valeur(s) au lieu de 5"]);
  });

  it("names the missing columns", () => {
    const communes = tmpFile("communes.csv", "code,nom,epci,population,superficie\n99001,A,200000001,10,1\n");
    expect(problemsOf(() => fromFiles({ ...meta, communes, epcis }))[0]).toMatch(/^colonne\(s\) absente\(s\) de l'en-tête : code, nom/);
  });

  it("accepts Corsican codes", () => {
    const communes = tmpFile("communes.csv", "code;nom;epci;population;superficie\n2A004;Ajaccio;200000001;76320;82\n");
    const { territories } = fromFiles({ ...meta, departement: { code: "2A", name: "Corse-du-Sud" }, communes, epcis });
    expect(territories.communes[0].code).toBe("2A004");
  });
});
