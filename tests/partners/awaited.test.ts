// A partner source declared before its file arrives: a warning in the check and the build, its indicators « non disponible ».
import { rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkConfiguration } from "../../src/pipeline/check";
import { runPipeline } from "../../src/pipeline/run";
import { copyDemo } from "../check/demo-copy";

describe("a partner's file not yet arrived", () => {
  it("is a warning, not an error, and its indicators are « non disponible » at every level", async () => {
    const demo = copyDemo();
    rmSync(join(demo.dir, "partenaires/departement_2023.xlsx"));
    const findings = await checkConfiguration(demo.config, "/nonexistent-site", "2026-01-15");
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(findings.filter((f) => f.rule === "partner-awaited").map((f) => f.message)).toEqual([
      "partenaires/departement_2023.xlsx : le fichier de Département de Val-Fictif (source « departement », millésime 2023) n'est pas encore arrivé ; ses indicateurs sont « non disponible »",
    ]);
    const { portraits } = await runPipeline(demo.config, { buildDate: "2026-01-15" });
    const apa = portraits.map((p) => p.indicators.beneficiaires_apa).find(Boolean)!;
    expect(apa.values.map((v) => [v.level, v.status])).toEqual(apa.values.map((v) => [v.level, v.level === "region" || v.level === "france" ? v.status : "missing"]));
    expect(apa.values.find((v) => v.level === "epci")?.status).toBe("missing");
  });
});
