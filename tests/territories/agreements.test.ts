import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readAgreements } from "../../src/territories/agreements";
import { readCommuneChanges } from "../../src/territories/changes";
import { fromFiles } from "../../src/territories/files";
import { fixtures, problemsOf, tmpFile } from "./helpers";

const { territories } = fromFiles({
  communes: join(fixtures, "communes.csv"),
  epcis: join(fixtures, "epcis.csv"),
  departement: { code: "99", name: "Fictif" },
  region: { code: "99", name: "Région fictive" },
  cogVintage: "fictif 2025",
});

describe("readAgreements", () => {
  it("maps each EPCI to its agreement; an absent EPCI is not signed, with a warning", () => {
    const { agreements, warnings } = readAgreements(join(fixtures, "agreements.csv"), territories);
    expect(agreements.get("200000001")).toEqual({ signed: true, date: "2023-06-30" });
    expect(agreements.get("200000002")).toEqual({ signed: false });
    expect(warnings).toEqual(["L'EPCI 200000002 CA du Plateau est absent du fichier des CTG : considéré comme non signataire."]);
  });

  it("rejects unknown EPCIs, bad yes/no values and bad dates", () => {
    const file = tmpFile("ctg.csv", "epci;signee;date\n200000001;Oui;2024-02-30\n200000009;non;\n200000002;peut-être;\n");
    expect(problemsOf(() => readAgreements(file, territories))).toEqual([
      "ligne 2 : date « 2024-02-30 » invalide (AAAA-MM-JJ ou JJ/MM/AAAA attendu)",
      "ligne 3 : EPCI « 200000009 » inconnu parmi les EPCI du département",
      "ligne 4 : signee vaut « peut-être » (oui ou non attendu)",
    ]);
  });
});

describe("readCommuneChanges", () => {
  it("maps former codes to current ones, following chains", () => {
    const renew = readCommuneChanges(join(fixtures, "changes.csv"));
    expect(renew("99006")).toBe("99004");
    expect(renew("99005")).toBe("99004");
    expect(renew("99001")).toBe("99001");
  });

  it("maps the Gers's 2025 mergers", () => {
    const renew = readCommuneChanges(tmpFile("c.csv", "ancien_code;nouveau_code\n32067;32365\n32260;32365\n32413;32365\n"));
    expect(["32067", "32260", "32413", "32013"].map(renew)).toEqual(["32365", "32365", "32365", "32013"]);
  });

  it("rejects bad codes, conflicts and loops", () => {
    const file = tmpFile("c.csv", "ancien_code;nouveau_code\n3206;32365\n32001;32002\n32001;32003\n32002;32001\n");
    expect(problemsOf(() => readCommuneChanges(file))).toEqual([
      "ligne 2 : code commune « 3206 » invalide",
      "ligne 4 : la commune 32001 a deux nouveaux codes : 32002 et 32003",
      "correspondances en boucle à partir de la commune 32001",
      "correspondances en boucle à partir de la commune 32002",
    ]);
  });
});
