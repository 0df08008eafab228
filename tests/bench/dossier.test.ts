import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DOSSIER_FILE, writeDossierComplet } from "../../src/bench/dossier";
import { table } from "../../src/bench/report";
import { readSection } from "../../src/bench/sections";
import { readSource } from "../../src/read";

const dir = mkdtempSync(join(tmpdir(), "bench-dossier-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the synthetic dossier complet", () => {
  it("is in the official layout, and its declared source reads 40 columns of it", async () => {
    const { source, columns } = writeDossierComplet(dir, 200);
    const lines = readFileSync(join(dir, DOSSIER_FILE), "utf8").trimEnd().split("\n");
    const header = lines[0].split(";");
    expect(header[0]).toBe("CODGEO");
    expect(header).toHaveLength(columns);
    expect(columns).toBeGreaterThan(1_900);
    expect(lines).toHaveLength(201);
    expect(lines.slice(1).every((line) => line.split(";").length === columns)).toBe(true);
    const table = await readSource(source, dir);
    expect(table.rows).toHaveLength(200);
    expect(table.rows.some((r) => r.code.startsWith("2A"))).toBe(true);
    expect(Object.keys(table.rows[0].cells)).toHaveLength(40);
    const cells = table.rows.flatMap((r) => Object.values(r.cells));
    expect(cells.some((c) => c.status === "missing")).toBe(true);
    expect(cells.some((c) => c.status === "ok" && !Number.isInteger(c.value))).toBe(true);
  });

  it("reports the read beside its targets", () => {
    const read = { ms: 3_500, rows: 35_000, peakBytes: 1.2e9, fileBytes: 596e6, columns: 1_926, declared: 40 };
    const text = table(readSection(read, 9_000));
    expect(text).toContain("| 3,5 s ");
    expect(text).toContain("≤ 10,0 s  | OK");
    expect(text).toContain("| 1,20 Go | ≤ 1,00 Go | au-dessus de la cible |");
    expect(table(readSection({ skipped: "budget de temps épuisé" }, 0))).toContain("non mesuré (budget de temps épuisé)");
  });
});
