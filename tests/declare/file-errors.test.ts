// Errors found in one file: YAML syntax and schema (zod) errors, in French, with file:line:column.
import { describe, expect, it } from "vitest";
import { errorsOf, variant } from "./helpers";

describe("YAML syntax", () => {
  it("gives the file, line and column", () => {
    const dir = variant({ "indicators/emploi.yaml": ["    label: Taux d'emploi des 15-64 ans", "    label 'Taux d'emploi des 15-64 ans"] });
    expect(errorsOf(dir)).toMatchInlineSnapshot(`"indicators/emploi.yaml:16:5 : erreur de syntaxe YAML : une clé doit tenir sur une ligne et être suivie de « : ». Vérifier l'indentation (des espaces, alignés), le « : » suivi d'une espace après chaque clé et la fermeture des guillemets et crochets."`);
  });

  it("names a duplicated key", () => {
    const dir = variant({ "sources.yaml": ["    format: csv\n", "    format: csv\n    format: xlsx\n"] });
    expect(errorsOf(dir)).toMatchInlineSnapshot(`"sources.yaml:9:5 : erreur de syntaxe YAML : clé « format » en double. Garder une seule fois cette clé."`);
  });
});

describe("schema errors", () => {
  it("reports an unknown key where it is written, with the closest known key", () => {
    const dir = variant({ "indicators/territoire.yaml": ["    unit: hab/km²", "    unite: hab/km²"] });
    expect(errorsOf(dir)).toMatchInlineSnapshot(`"indicators/territoire.yaml:15:5 › indicators[2].unite : clé inconnue « unite ». Vouliez-vous dire : unit ?"`);
  });

  it("lists the allowed values of a wrong enum value, and the closest one", () => {
    const dir = variant({ "indicators/emploi.yaml": ["    polarity: higher-is-worse", "    polarity: higher-is-bad"] });
    expect(errorsOf(dir)).toMatchInlineSnapshot(`"indicators/emploi.yaml:8:15 › indicators[1].polarity : valeur « higher-is-bad » non reconnue ; valeurs possibles : neutral, higher-is-better, higher-is-worse. Vouliez-vous dire : higher-is-better, higher-is-worse ?"`);
  });

  it("reports a missing required field on the object that lacks it, with the field's documentation", () => {
    const dir = variant({ "sources.yaml": ["    licence: Licence Ouverte 2.0\n    file: filosofi.xlsx", "    file: filosofi.xlsx"] });
    expect(errorsOf(dir)).toMatchInlineSnapshot(`"sources.yaml:24:5 › sources[2].licence : champ obligatoire « licence » manquant (attendu : un texte). Licence de réutilisation (ex. Licence Ouverte 2.0)."`);
  });

  it("explains wrong types and formats", () => {
    const dir = variant({
      "indicators/territoire.yaml": [
        ["    decimals: 1\n", "    decimals: 1.5\n"],
        ["formula: { kind: count, value: insee-rp.pop }", "formula: { kind: count, value: pop }"],
        ["formula: { kind: count, value: insee-rp.hommes_0_59 }", "formula: { kind: counts, value: insee-rp.hommes_0_59 }"],
      ],
    });
    expect(errorsOf(dir)).toMatchInlineSnapshot(`
      "indicators/territoire.yaml:10:36 › indicators[1].formula.value : attendu : une référence « source.variable », ex. « insee-rp.pop », trouvé : « pop ».
      indicators/territoire.yaml:16:15 › indicators[2].decimals : attendu : un nombre entier, trouvé : le nombre 1.5. Décimales affichées.
      indicators/territoire.yaml:37:22 › indicators[4].formula.kind : valeur « counts » non reconnue ; valeurs possibles : count, share, rate, density, evolution, published. Vouliez-vous dire : count ?"
    `);
  });

  it("says how to write a list", () => {
    const dir = variant({ "plan.yaml": ["indicators: [evolution_population]", "indicators: evolution_population"] });
    expect(errorsOf(dir)).toMatchInlineSnapshot(`"plan.yaml:23:21 › pages[3].blocks[1].indicators : attendu : une liste, trouvé : « evolution_population ». Une liste s'écrit [a, b], ou une ligne « - a » par élément."`);
  });

  it("reduces a failed union to the branch that was meant", () => {
    const dir = variant({
      "sources.yaml": [
        ["      level: commune", "      level: communes"],
        ["pop_2015: { column: P15_POP, vintage: 2015 }", "pop_2015: { column: P15_POP, millesime: 2015 }"],
      ],
      "indicators/emploi.yaml": ["      denominator: insee-rp.actifs_15_64", "      denominator: { a: 1 }"],
    });
    expect(errorsOf(dir)).toMatchInlineSnapshot(`
      "sources.yaml:11:14 › sources[1].code.level : valeur « communes » non reconnue ; valeurs possibles : commune, epci, group, departement, region, france. Vouliez-vous dire : commune ?
      sources.yaml:14:17 › sources[1].columns.pop_2015.vintage : champ obligatoire « vintage » manquant (attendu : un texte). Millésime propre à cette colonne, s'il diffère de celui de la source.
      sources.yaml:14:36 › sources[1].columns.pop_2015.millesime : clé inconnue « millesime ». Clés possibles : column, vintage.
      indicators/emploi.yaml:13:20 › indicators[1].formula.denominator : attendu : un texte ou une liste, trouvé : un bloc « clé: valeur »."
    `);
  });

  it("requires six pages", () => {
    const dir = variant({
      "plan.yaml": [
        "  - title: La densité\n    theme: logement\n    blocks:\n      - kind: choropleth\n        title: Densité par commune\n        indicators: [densite]\n        wide: true\n",
        "",
      ],
    });
    expect(errorsOf(dir)).toMatchInlineSnapshot(`"plan.yaml:3:3 › pages : un portrait compte exactement six pages (trouvé : 5)."`);
  });

  it("reports an empty file", () => {
    expect(errorsOf(variant({ "plan.yaml": "" }))).toMatchInlineSnapshot(`"plan.yaml : le fichier est vide."`);
  });
});
