// One logical source over several files (`extends`): refs use the logical id, columns and levels are
// the union of the files', and each variable comes from one file at each level.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssues, loadDeclarations } from "../../src/declare";
import { errorsOf, variant } from "./helpers";

/** A sources.yaml entry completing `target`, appended to the fixture's sources. */
const extension = (id: string, target: string, code: string, columns: string) =>
  `  - id: ${id}\n    extends: ${target}\n    producer: INSEE\n    dataset: Complément\n    vintage: 2022\n    licence: Licence Ouverte 2.0\n    file: ${id}.csv\n    format: csv\n    code: ${code}\n    columns: ${columns}\n`;
const append = (entry: string): [string, string] => ["      mediane: MED21\n", `      mediane: MED21\n${entry}`];
const COMMUNES = "{ column: CODGEO, level: commune }";

describe("a file that extends a source", () => {
  it("gives variables that the catalogue reads under the source's own id, with that file's provenance", () => {
    const dir = variant({
      "sources.yaml": [["      superficie: SUPERF\n", ""], append(extension("insee-geo", "insee-rp", COMMUNES, "{ superficie: SUPERF }"))],
    });
    const declarations = loadDeclarations(join(dir, "config.yaml"));
    expect(declarations.computable.has("densite")).toBe(true);
    expect(declarations.sources.get("insee-geo")?.extends).toBe("insee-rp");
  });

  it("may give the same variables at other levels, which count for the plan's EPCI rule", () => {
    const noEpci: [string, string] = ["levels: { EPCI: epci, DEP: departement,", "levels: { DEP: departement,"];
    expect(errorsOf(variant({ "sources.yaml": noEpci }))).toMatch(/« revenu_median » ne peut pas être calculé pour un EPCI/);
    const dir = variant({
      "sources.yaml": [noEpci, append(extension("filosofi-epci", "filosofi", "{ column: CODGEO, level: epci }", "{ mediane: MED21 }"))],
    });
    expect(() => loadDeclarations(join(dir, "config.yaml"))).not.toThrow();
  });

  it("refuses a variable given by two files at the same level, naming both files", () => {
    const dir = variant({ "sources.yaml": append(extension("insee-rp-bis", "insee-rp", COMMUNES, "{ pop: P22_POP, pop_0014: P22_POP0014 }")) });
    expect(errorsOf(dir)).toMatchInlineSnapshot(`"sources.yaml:47:21 › sources[3].columns.pop : la variable « pop » de « insee-rp » au niveau commune est donnée à la fois par rp.csv (source « insee-rp ») et par insee-rp-bis.csv (source « insee-rp-bis »). Une variable vient d'un seul fichier à chaque niveau : la retirer des columns de l'une des deux sources."`);
  });

  it("must name a source declared without extends", () => {
    const unknown = variant({ "sources.yaml": append(extension("insee-geo", "insee-pr", COMMUNES, "{ superficie_bis: SUPERF }")) });
    expect(errorsOf(unknown)).toMatchInlineSnapshot(`"sources.yaml:39:14 › sources[3].extends : source « insee-pr » inconnue. Vouliez-vous dire : insee-rp ?"`);
    const chained = variant({
      "sources.yaml": append(
        extension("insee-geo", "insee-rp", COMMUNES, "{ superficie_bis: SUPERF }") + extension("insee-geo-2", "insee-geo", COMMUNES, "{ superficie_ter: SUPERF }"),
      ),
    });
    expect(errorsOf(chained)).toMatchInlineSnapshot(`"sources.yaml:49:14 › sources[4].extends : la source « insee-geo » complète elle-même « insee-rp ». Écrire extends: insee-rp (la source que tous ses fichiers complètent)."`);
    const itself = variant({ "sources.yaml": append(extension("insee-geo", "insee-geo", COMMUNES, "{ superficie_bis: SUPERF }")) });
    expect(errorsOf(itself)).toMatchInlineSnapshot(`"sources.yaml:39:14 › sources[3].extends : une source ne peut pas se compléter elle-même. Retirer extends, ou nommer la source que ce fichier complète."`);
  });

  it("is not a source of its own: refs name the source it completes", () => {
    const dir = variant({
      "sources.yaml": [["      superficie: SUPERF\n", ""], append(extension("insee-geo", "insee-rp", COMMUNES, "{ superficie: SUPERF }"))],
      "indicators/territoire.yaml": ["area: insee-rp.superficie", "area: insee-geo.superficie"],
    });
    expect(errorsOf(dir)).toMatch(/montre « densite », que cette configuration ne peut pas calculer : source « insee-geo » non déclarée/);
  });
});

describe("variables a configuration's files lack", () => {
  const extra =
    "  - id: part_jeunes\n    label: Part des jeunes\n    definition: Moins de 15 ans.\n    unit: \"%\"\n    decimals: 1\n    polarity: neutral\n    source: insee-rp\n    formula: { kind: share, numerator: insee-rp.pop_0014, denominator: insee-rp.pop }\n    aggregation: sum\n";

  it("only make the indicators using them uncomputable, with one warning per source, while the plan does not show them", () => {
    const dir = variant({ "indicators/territoire.yaml": ["  - id: densite\n", `${extra}  - id: densite\n`] });
    const declarations = loadDeclarations(join(dir, "config.yaml"));
    expect(declarations.computable.has("part_jeunes")).toBe(false);
    expect(declarations.computable.has("population")).toBe(true);
    expect(formatIssues(declarations.warnings, dir)).toContain(
      "indicators/territoire.yaml:12:5 › indicators[2] : variables absentes des fichiers de la source « insee-rp » dans cette configuration (pop_0014) : 1 indicateur du catalogue ne sera pas calculé (part_jeunes). Sans conséquence tant que le plan n'en a pas besoin.",
    );
  });

  it("are an error when the plan shows an indicator that needs them", () => {
    const dir = variant({
      "indicators/territoire.yaml": ["  - id: densite\n", `${extra}  - id: densite\n`],
      "plan.yaml": ["indicators: [population, densite]", "indicators: [population, densite, part_jeunes]"],
    });
    expect(errorsOf(dir)).toMatch(/indicators\[2\]\.formula\.numerator : variable « pop_0014 » inconnue dans la source « insee-rp »/);
  });
});

describe("a published indicator with commune values only", () => {
  const communesOnly = { "sources.yaml": ["levels: { EPCI: epci, DEP: departement, REG: region, FRA: france }", "levels: { COM: commune }"] };

  it("can feed a map by commune (its EPCI value is then « non disponible à cette échelle »)", () => {
    const dir = variant({
      ...communesOnly,
      "plan.yaml": [
        ["indicators: [revenu_median]", "indicators: [population]"],
        ["indicators: [densite]", "indicators: [revenu_median]"],
      ],
    });
    const plan = loadDeclarations(join(dir, "config.yaml")).plan;
    expect(plan.pages.flatMap((p) => p.blocks).filter((b) => b.kind === "choropleth")[0].indicators).toEqual(["revenu_median"]);
  });

  it("cannot be shown in any other block", () => {
    expect(errorsOf(variant(communesOnly))).toMatch(/« revenu_median » ne peut pas être calculé pour un EPCI : ses sources ne donnent que les niveaux commune/);
  });
});
