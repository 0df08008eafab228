// The demo with the Département's table by EPCI instead of by commune: its template, filled, read
// and published. The EPCIs get the partner's rows, the communes nothing, the département their sum.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { choropleth } from "../../src/charts";
import { loadDeclarations } from "../../src/declare/load";
import { templateOf } from "../../src/partners/template";
import { templateWorkbook, type FilledValue } from "../../src/partners/workbook";
import { runPipeline, type PipelineResult } from "../../src/pipeline/run";
import { COMPLEMENTARY_REASON, SMALL_COUNT_REASON } from "../../src/secrecy/secrecy";
import { loadTerritories } from "../../src/territories/load";
import { copyDemo } from "../check/demo-copy";

/** The partner's row for the r-th EPCI of the template, in the order of its columns; fewer than 5 RSA orientés in the first. */
const rowOf = (r: number): FilledValue[] => [120 + r, 60 + r, 40 + r, 200 + r, r === 0 ? 3 : 150 + r, 300, 10 + r, 20 + r, 50 + r];

let result: PipelineResult;
let epcis: string[];
beforeAll(async () => {
  const demo = copyDemo();
  demo.edit("sources.yaml", (text) => text.replace(/(file: partenaires\/departement_2023\.xlsx[^]*?)column: Code commune\n      level: commune/, "$1column: Code EPCI\n      level: epci"));
  const declarations = loadDeclarations(demo.config);
  const source = declarations.sources.get("departement")!;
  const template = templateOf(source, loadTerritories(declarations.config, declarations.configDir).territories);
  epcis = template.rows.map((row) => row.code);
  writeFileSync(join(demo.dir, source.file), await templateWorkbook(template, "xlsx", epcis.map((_, r) => rowOf(r))));
  result = await runPipeline(demo.config, { buildDate: "2026-01-15" });
}, 120_000);

const signed = () => result.portraits.filter((p) => p.epci.agreement.signed);
const valueAt = (id: string, code: string, level: string) => result.portraits.find((p) => p.epci.code === code)!.indicators[id].values.find((v) => v.level === level)!;

describe("a partner table by EPCI in the demo", () => {
  it("has one template row per EPCI of the département", () => {
    expect(epcis).toEqual(result.territories.epcis.map((e) => e.code).sort());
  });

  it("publishes each EPCI's own row, and the département as the sum of its EPCIs (they cover it exactly)", () => {
    for (const portrait of signed()) {
      const r = epcis.indexOf(portrait.epci.code);
      expect(portrait.indicators.beneficiaires_apa.values[0]).toMatchObject({ level: "epci", status: "ok", value: 120 + r + 60 + r });
      // A share of two of the partner's variables (the first two EPCIs hidden, see below); a rate of one over the census's population, summed from the communes.
      if (r > 1) expect(portrait.indicators.part_rsa_orientes.values[0]).toMatchObject({ status: "ok", numerator: 150 + r, denominator: 200 + r });
      const population = portrait.indicators.population.values[0].value;
      expect(portrait.indicators.accueil_jeune_enfant.values[0]).toMatchObject({ status: "ok", numerator: 50 + r });
      expect(portrait.indicators.densite_medecins.values[0]).toMatchObject({ status: "ok", numerator: 10 + r, denominator: population });
    }
    const total = epcis.reduce((sum, _, r) => sum + 120 + r + 60 + r, 0);
    expect(valueAt("beneficiaires_apa", signed()[0].epci.code, "departement")).toMatchObject({ status: "ok", value: total });
  });

  it("gives the communes no value, and their map says so without failing", () => {
    const portrait = signed()[0];
    const communes = portrait.indicators.accueil_jeune_enfant.communes!;
    expect(communes).toHaveLength(portrait.epci.communes.length);
    expect(new Set(communes.map((c) => c.value.status))).toEqual(new Set(["not-applicable"]));
    const geometry = new Map(portrait.maps.communes.map((c) => [c.code, c]));
    const map = choropleth({
      label: "Accueil du jeune enfant",
      unit: "%",
      decimals: 1,
      territory: portrait.epci.name,
      communes: communes.map((c) => ({ ...geometry.get(c.code)!, value: c.value })),
    });
    expect(map.alt).toMatch(new RegExp(`aucune valeur diffusable ; ${communes.length} communes\\s: non disponible à cette échelle`));
  });

  it("hides an EPCI count of 1 to 4, and another EPCI so that the département minus the rest does not give it", () => {
    // The first two EPCIs have signed their CTG: their portraits show their values.
    expect(valueAt("part_rsa_orientes", epcis[0], "epci")).toMatchObject({ status: "secret", reason: SMALL_COUNT_REASON });
    // The next smallest count (151, the second EPCI's) hidden too; the département still shown.
    expect(valueAt("part_rsa_orientes", epcis[1], "epci")).toMatchObject({ status: "secret", reason: COMPLEMENTARY_REASON });
    expect(valueAt("part_rsa_orientes", epcis[1], "departement")).toMatchObject({ status: "ok" });
    const shown = signed().filter((p) => p.indicators.part_rsa_orientes.values[0].status === "ok");
    expect(shown).toHaveLength(signed().length - 2);
  });
});
