import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DeclarationError, formatIssues, loadDeclarations } from "../../src/declare";
import { errorsOf, VALID, variant } from "./helpers";

describe("loadDeclarations on a valid configuration", () => {
  const declarations = loadDeclarations(join(VALID, "config.yaml"));

  it("resolves paths from the configuration's folder", () => {
    expect(declarations.configPath).toBe(join(VALID, "config.yaml"));
    expect(declarations.configDir).toBe(VALID);
    expect(declarations.dataDir).toBe(join(VALID, "data"));
  });

  it("applies defaults and keeps years and codes as written", () => {
    expect(declarations.config.departement).toBe("32");
    expect(declarations.config.fictional).toBe(true);
    const rp = declarations.sources.get("insee-rp");
    expect(rp?.vintage).toBe("2021");
    expect(rp?.columns.pop_2015).toEqual({ column: "P15_POP", vintage: "2015" });
    expect(rp?.separator).toBe(";");
    expect([...declarations.sources.keys()]).toEqual(["insee-rp", "filosofi"]);
  });

  it("keeps the whole catalogue, each indicator with its theme and file", () => {
    expect(declarations.indicators.size).toBe(11);
    const chomage = declarations.indicators.get("taux_chomage_15_64");
    expect(chomage?.theme).toBe("emploi");
    expect(chomage?.file).toBe(join(VALID, "indicators", "emploi.yaml"));
    expect(declarations.indicators.get("demandeurs_emploi")?.source).toBe("france-travail");
  });

  it("lists the plan's indicators once, in plan order", () => {
    expect(declarations.plan.pages).toHaveLength(6);
    expect(declarations.planIndicators).toEqual([
      "population",
      "densite",
      "hommes_0_59",
      "femmes_0_59",
      "hommes_60_plus",
      "femmes_60_plus",
      "evolution_population",
      "revenu_median",
      "taux_emploi",
      "taux_chomage_15_64",
    ]);
  });

  it("warns about catalogue indicators this configuration cannot compute", () => {
    expect(formatIssues(declarations.warnings, VALID)).toMatchInlineSnapshot(`"indicators/emploi.yaml:36:5 › indicators[4] : source « france-travail » non déclarée dans cette configuration : 1 indicateur du catalogue ne sera pas calculé (demandeurs_emploi). Sans conséquence tant que le plan n'en a pas besoin."`);
  });
});

describe("numbers where text is expected", () => {
  it("are kept as written, leading zeros included", () => {
    const dir = variant({ "sources.yaml": ["    format: csv\n", "    format: csv\n    ignoreCodes: [01001, 99999]\n    secretTokens: [s, 0]\n"] });
    const rp = loadDeclarations(join(dir, "config.yaml")).sources.get("insee-rp");
    expect(rp?.ignoreCodes).toEqual(["01001", "99999"]);
    expect(rp?.secretTokens).toEqual(["s", "0"]);
  });
});

describe("files named by the configuration", () => {
  it("reports a missing configuration file", () => {
    expect(() => loadDeclarations(join(VALID, "absent.yaml"))).toThrowErrorMatchingInlineSnapshot(`
      [DeclarationError: Les déclarations contiennent 1 erreur :
      tests/declare/fixtures/valid/absent.yaml : fichier de configuration introuvable. Vérifier le chemin donné à --config.]
    `);
  });

  it("reports a missing file or folder where the configuration names it", () => {
    const dir = variant({ "config.yaml": [["sources: sources.yaml", "sources: source.yaml"], ["indicators: indicators", "indicators: indicateurs"]] });
    expect(errorsOf(dir)).toMatchInlineSnapshot(`
      "config.yaml:6:10 › sources : fichier « source.yaml » introuvable. Le chemin est relatif au dossier du fichier de configuration.
      config.yaml:7:13 › indicators : dossier « indicateurs » introuvable. Le chemin est relatif au dossier du fichier de configuration."
    `);
  });

  it("still checks the other files when the configuration itself is wrong", () => {
    const dir = variant({
      "config.yaml": ["publisher: GIP Essai\n", ""],
      "sources.yaml": ["format: xlsx", "format: xlsm"],
    });
    expect(errorsOf(dir)).toMatchInlineSnapshot(`
      "config.yaml:1:1 › publisher : champ obligatoire « publisher » manquant (attendu : un texte). Qui publie (ex. GIP Gers Solidaire).
      sources.yaml:30:13 › sources[2].format : valeur « xlsm » non reconnue ; valeurs possibles : csv, xlsx, xls, ods. Vouliez-vous dire : xls ?"
    `);
  });

  it("prints every issue under a French heading in the error message", () => {
    const dir = variant({ "sources.yaml": ["format: xlsx", "format: xlsm"] });
    try {
      loadDeclarations(join(dir, "config.yaml"));
      expect.unreachable();
    } catch (error) {
      expect((error as DeclarationError).issues).toHaveLength(1);
      expect((error as Error).message.split("\n")[0]).toBe("Les déclarations contiennent 1 erreur :");
    }
  });
});
