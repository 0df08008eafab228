import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { DEMO_DIR, column, readCsv, readXlsx } from "./files";

const communes = readCsv("communes.csv");
const epcis = readCsv("epci.csv");
const num = (text: string) => Number(text.replace(",", "."));

describe("the fictional territory", () => {
  it("has about 450 communes in 15 EPCIs, one CA, and ~190,000 inhabitants", () => {
    expect(communes.rows.length).toBeGreaterThanOrEqual(420);
    expect(communes.rows.length).toBeLessThanOrEqual(480);
    expect(epcis.rows).toHaveLength(15);
    expect(column(epcis, "nature").filter((n) => n === "CA")).toHaveLength(1);
    const population = column(communes, "population").map(Number);
    const total = population.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(170_000);
    expect(total).toBeLessThan(215_000);
    expect(population.filter((p) => p < 100).length).toBeGreaterThan(20);
    expect(population.filter((p) => p < 1000).length / population.length).toBeGreaterThan(0.8);
    expect(Math.max(...population)).toBeGreaterThan(20_000);
  });

  it("uses codes that cannot be mistaken for real ones", () => {
    for (const code of column(communes, "code")) expect(code).toMatch(/^00\d{3}$/);
    for (const code of column(epcis, "code")) expect(code).toMatch(/^000\d{6}$/);
    expect(new Set(column(communes, "epci"))).toEqual(new Set(column(epcis, "code")));
  });

  it("has names with an apostrophe and accents, a long one, and none of a real commune", () => {
    const names = column(communes, "nom");
    expect(names).toContain("L'Isle-en-Fictivès");
    expect(Math.max(...names.map((n) => n.length))).toBeGreaterThanOrEqual(40);
    expect(new Set(names).size).toBe(names.length);
    const real = JSON.parse(readFileSync("node_modules/@etalab/decoupage-administratif/data/communes.json", "utf8")) as { nom: string }[];
    const realNames = new Set(real.map((c) => c.nom.toLowerCase()));
    expect(names.filter((n) => realNames.has(n.toLowerCase()))).toEqual([]);
  });

  it("covers the département with 4 Maisons des solidarités made of whole EPCIs", () => {
    const mds = readCsv("mds.csv");
    expect(column(mds, "commune")).toEqual(column(communes, "code"));
    expect(new Set(column(mds, "code_groupe")).size).toBe(4);
    const groupOfEpci = new Map<string, string>();
    communes.rows.forEach((row, i) => {
      const [epci, group] = [row[2], mds.rows[i][1]];
      expect(groupOfEpci.get(epci) ?? group).toBe(group);
      groupOfEpci.set(epci, group);
    });
  });

  it("has every EPCI's CTG signed except one", () => {
    const ctg = readCsv("ctg.csv");
    expect(ctg.header).toEqual(["epci", "signee", "date"]);
    expect(column(ctg, "epci").sort()).toEqual(column(epcis, "code").sort());
    const unsigned = ctg.rows.filter((r) => r[1] === "non");
    expect(unsigned).toHaveLength(1);
    expect(unsigned[0][2]).toBe("");
    for (const row of ctg.rows.filter((r) => r[1] === "oui")) expect(row[2]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("draws one polygon per commune, sharing borders exactly", () => {
    const geojson = JSON.parse(readFileSync(join(DEMO_DIR, "communes.geojson"), "utf8"));
    expect(readFileSync(join(DEMO_DIR, "communes.geojson")).length).toBeLessThan(500_000);
    expect(geojson.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual(column(communes, "code"));
    const edges = new Map<string, number>();
    for (const feature of geojson.features) {
      const ring: number[][] = feature.geometry.coordinates[0];
      expect(ring[0]).toEqual(ring.at(-1));
      for (let i = 0; i < ring.length - 1; i++) {
        const [a, b] = [ring[i].join(), ring[i + 1].join()];
        const key = a < b ? `${a}|${b}` : `${b}|${a}`;
        edges.set(key, (edges.get(key) ?? 0) + 1);
      }
    }
    // Inner borders are shared by two communes, the département's outline belongs to one.
    expect(Math.max(...edges.values())).toBe(2);
  });
});

describe("the INSEE census file", () => {
  const path = join(DEMO_DIR, "insee/base_cc_rp_2021.csv");
  const rp = readCsv("insee/base_cc_rp_2021.csv");
  const value = (row: string[], name: string) => num(row[rp.header.indexOf(name)]);

  it("is UTF-8 with a BOM, decimal commas and weighted counts", () => {
    expect([...readFileSync(path).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(rp.header.slice(0, 4)).toEqual(["CODGEO", "LIBGEO", "NIVGEO", "P21_POP"]);
    expect(rp.rows.some((row) => row.some((cell) => /^\d+,\d{6,}$/.test(cell)))).toBe(true);
    expect(rp.rows.every((row) => row.length === rp.header.length)).toBe(true);
  });

  it("has a row per commune, then the département, the région and France", () => {
    const levels = column(rp, "NIVGEO");
    expect(levels.filter((l) => l === "COM")).toHaveLength(communes.rows.length);
    expect(rp.rows.slice(-3).map((r) => [r[0], r[2]])).toEqual([["00", "DEP"], ["00", "REG"], ["FR", "FRANCE"]]);
    const departement = rp.rows.at(-3)!;
    const sum = rp.rows.filter((r) => r[2] === "COM").reduce((total, r) => total + value(r, "P21_POP"), 0);
    expect(value(departement, "P21_POP")).toBe(sum);
  });

  it("is internally consistent: parts never exceed their totals", () => {
    const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, b);
    for (const row of rp.rows) {
      const v = (name: string) => value(row, name);
      const bands = ["0014", "1529", "3044", "4559", "6074", "7589", "90P"];
      expect(close(bands.reduce((s, b) => s + v(`P21_POP${b}`), 0), v("P21_POP"))).toBe(true);
      for (const b of bands) expect(close(v(`P21_H${b}`) + v(`P21_F${b}`), v(`P21_POP${b}`))).toBe(true);
      expect(close(v("P21_POP0019") + v("P21_POP2064") + v("P21_POP65P"), v("P21_POP"))).toBe(true);
      const households = ["C21_MENPSEUL", "C21_MENCOUPSENF", "C21_MENCOUPAENF", "C21_MENFAMMONO", "C21_MENSFAM"];
      expect(close(households.reduce((s, k) => s + v(k), 0), v("C21_MEN"))).toBe(true);
      expect(close(v("P21_RP") + v("P21_RSECOCC") + v("P21_LOGVAC"), v("P21_LOG"))).toBe(true);
      expect(close(v("P21_RP_PROP") + v("P21_RP_LOC") + v("P21_RP_GRAT"), v("P21_RP"))).toBe(true);
      expect(v("P21_RP_LOCHLMV")).toBeLessThanOrEqual(v("P21_RP_LOC"));
      expect(v("P21_CHOM1564")).toBeLessThanOrEqual(v("P21_ACT1564"));
      expect(v("P21_ACT1564")).toBeLessThanOrEqual(v("P21_POP1564"));
      expect(v("P21_CHOM1524")).toBeLessThanOrEqual(v("P21_ACT1524"));
      expect(v("P21_POP80P_PSEUL")).toBeLessThanOrEqual(v("P21_POP80P"));
      expect(v("P21_NSCOL15P_DIPLMIN")).toBeLessThanOrEqual(v("P21_NSCOL15P"));
    }
  });
});

describe("the Filosofi file", () => {
  const bytes = readFileSync(join(DEMO_DIR, "insee/filosofi_2020.csv"));
  const filosofi = readCsv("insee/filosofi_2020.csv", { encoding: "latin1" });

  it("is Latin-1: accented names decode only as Latin-1", () => {
    expect(bytes.includes(Buffer.from("Fictivès", "latin1"))).toBe(true);
    expect(bytes.toString("utf8")).toContain("\uFFFD");
    expect(column(filosofi, "LIBGEO")).toContain("L'Isle-en-Fictivès");
  });

  it("has commune, EPCI, département, région and France rows; EPCI rows are never secret", () => {
    expect(new Set(column(filosofi, "NIVGEO"))).toEqual(new Set(["COM", "EPCI", "DEP", "REG", "FRANCE"]));
    const epciRows = filosofi.rows.filter((r) => r[2] === "EPCI");
    expect(epciRows.map((r) => r[0]).sort()).toEqual(column(epcis, "code").sort());
    for (const row of epciRows) expect(row).not.toContain("s");
  });

  it("hides commune values below the fiscal-household thresholds", () => {
    const at = (row: string[], name: string) => row[filosofi.header.indexOf(name)];
    const rows = filosofi.rows.filter((r) => r[2] === "COM");
    expect(rows.some((r) => at(r, "MED20") === "s")).toBe(true);
    for (const row of rows) {
      if (at(row, "NBMENFISC20") === "s") expect(at(row, "MED20")).toBe("s");
      else if (Number(at(row, "NBMENFISC20")) < 1000) {
        expect(at(row, "MED20")).not.toBe("s");
        for (const name of ["TP6020", "PIMP20", "RD20", "PPSOC20"]) expect(at(row, name)).toBe("s");
      } else expect(at(row, "TP6020")).toMatch(/^\d+,\d$/);
    }
  });
});

describe("the CAF file", () => {
  const caf = readCsv("caf/caf_allocataires_2023.csv");
  const counts = caf.header.filter((name) => name.startsWith("NB_"));

  it("rounds counts to 5 and blurs 1 to 4 as s", () => {
    const cells = caf.rows.flatMap((row) => counts.map((name) => row[caf.header.indexOf(name)]));
    for (const cell of cells) expect(cell === "s" || Number(cell) % 5 === 0).toBe(true);
    expect(cells).toContain("s");
  });

  it("keeps the placeholder rows 99999 and XXXXX, and gives the CAF's own reference totals", () => {
    const codes = column(caf, "Code_geo");
    expect(codes).toContain("99999");
    expect(codes).toContain("XXXXX");
    expect(new Set(column(caf, "Niveau_geo"))).toEqual(new Set(["COMMUNE", "DEPARTEMENT", "REGION", "FRANCE"]));
  });
});

describe("the France Travail file", () => {
  it("has two title lines above its header", () => {
    const lines = readFileSync(join(DEMO_DIR, "france-travail/defm_abc_2023T4.csv"), "utf8").split("\n");
    expect(lines[0]).toMatch(/fictives/);
    expect(lines[2].startsWith("Code commune;")).toBe(true);
    const table = readCsv("france-travail/defm_abc_2023T4.csv", { headerRow: 3 });
    for (const row of table.rows) expect(Number(row[3]) + Number(row[4])).toBeLessThanOrEqual(Number(row[2]));
  });
});

describe("the département's XLSX", () => {
  it("is the filled template: header on the first row, text codes, some secret and some empty cells", async () => {
    const { name, rows, types } = await readXlsx("partenaires/departement_2023.xlsx");
    expect(name).toBe("Communes");
    expect(rows[0]).toEqual([
      "Code commune", "Nom de la commune", "EPCI", "Bénéficiaires APA à domicile", "Bénéficiaires APA en établissement",
      "Bénéficiaires PCH", "Bénéficiaires RSA soumis aux droits et devoirs", "Bénéficiaires RSA orientés",
      "Places en EHPAD", "Médecins généralistes libéraux", "Infirmiers libéraux", "Places d'accueil du jeune enfant",
    ]);
    expect((await readXlsx("partenaires/departement_2023.xlsx", "Notice")).rows[0][0]).toBe("Données sociales et médico-sociales par commune, 2023 (fictif) — Département de Val-Fictif, millésime 2023");
    expect(rows.slice(1).map((r) => r[0])).toEqual(column(communes, "code"));
    // Text cells, so the codes keep their leading zeros.
    for (const kinds of types.slice(1)) expect(kinds[0]).toBe(ExcelJS.ValueType.String);
    const cells = rows.slice(1).flatMap((r) => r.slice(3));
    expect(cells).toContain("s");
    expect(cells.filter((c) => c === null).length).toBeGreaterThan(0);
  });
});
