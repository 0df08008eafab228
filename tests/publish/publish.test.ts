// Republishing as GIP staff do it: same inputs give the same bytes, a data update gives a change
// report, and a failed build leaves the published site exactly as it was.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { copyDemo } from "../check/demo-copy";
import { build, fingerprint } from "./tree";

const demo = copyDemo();
const site = join(mkdtempSync(join(tmpdir(), "portraits-site-")), "dist");
let first: ReturnType<typeof build>;

beforeAll(() => {
  first = build(demo.config, site);
}, 120_000);

describe("publishing the demo", () => {
  it("builds, reports a first publication, and offers the downloads", () => {
    expect(first.status, first.output).toBe(0);
    expect(first.output).toMatch(/Première publication/);
    expect(existsSync(join(site, "donnees", "portraits.zip"))).toBe(true);
    expect(existsSync(join(site, "donnees", "publication.json"))).toBe(true);
    const csv = readFileSync(join(site, "epci", "000200001", "donnees.csv"), "utf8");
    expect(csv.split("\r\n")[0]).toBe(
      "\uFEFFindicateur;libelle;niveau;code_territoire;territoire;valeur;unite;statut;numerateur;denominateur;source;millesime;licence",
    );
    // A secret value has no value, numerator or denominator in the download either.
    const secret = csv.split("\r\n").find((line) => line.includes(";secret statistique;"));
    if (secret) expect(secret.split(";").slice(5, 10).filter((c, i) => i !== 1 && i !== 2)).toEqual(["", "", ""]);
  });

  it("gives byte-identical sites for the same inputs and date, whether the charts are drawn or read from the cache", () => {
    const charts = mkdtempSync(join(tmpdir(), "portraits-charts-"));
    // Empty cache (charts drawn), the same cache full, no cache; portraits and sheets made by the workers and by Astro.
    for (const cache of [charts, charts, "off"]) {
      const again = join(mkdtempSync(join(tmpdir(), "portraits-again-")), "dist");
      const run = build(demo.config, again, undefined, { PORTRAITS_CACHE: cache });
      expect(run.status, run.output).toBe(0);
      expect(run.output).toMatch(/Préparés en parallèle d'Astro : \d+ portraits? sur 14 .*\nFiches communales faites par les processus légers : 450 fiches de 15 EPCI /);
      expect(fingerprint(again)).toEqual(fingerprint(site));
    }
    // One file per published portrait and per indicator page, in the configuration's folder of the
    // renderer version's (an unchanged commune sheet is kept whole, src/site/reuse.ts).
    const files = readdirSync(charts, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".json"));
    const portraits = readdirSync(join(site, "epci")).filter((code) => existsSync(join(site, "epci", code, "donnees.csv")));
    expect(files).toHaveLength(portraits.length + readdirSync(join(site, "indicateur")).length);
  }, 240_000);

  it("keeps the published site as it is when nothing changed, and rebuilds it when forced", () => {
    const before = fingerprint(site);
    const written = statSync(join(site, "index.html")).mtimeMs;
    const again = build(demo.config, site);
    expect(again.status, again.output).toBe(0);
    expect(again.output).toMatch(/Rien n'a changé depuis la publication du 2026-01-15/);
    expect(again.output).not.toMatch(/pages du site/);
    expect(statSync(join(site, "index.html")).mtimeMs).toBe(written);
    expect(fingerprint(site)).toEqual(before);
    const forced = build(demo.config, site, undefined, {}, ["--force"]);
    expect(forced.status, forced.output).toBe(0);
    expect(forced.output).toMatch(/Terminé en/);
    expect(forced.output).toMatch(/aucun changement/);
    expect(statSync(join(site, "index.html")).mtimeMs).not.toBe(written);
  }, 120_000);

  it("leaves the published site byte-identical when a build fails", () => {
    const before = fingerprint(site);
    const broken = copyDemo();
    broken.edit("caf/caf_allocataires_2023.csv", (t) => t.replace(";COMMUNE;00003;", ";COMMUNE;0003;"));
    const failed = build(broken.config, site);
    expect(failed.status).not.toBe(0);
    expect(failed.output).toMatch(/rien n'a été publié, le site précédent est intact/);
    expect(failed.output).toMatch(/caf_allocataires_2023\.csv, ligne \d+, colonne Code_geo/);
    expect(fingerprint(site)).toEqual(before);
  }, 120_000);

  it("leaves it byte-identical, with nothing beside it, when the build fails after Astro has started", () => {
    const folder = dirname(site);
    const before = { files: fingerprint(site), entries: readdirSync(folder) };
    // An older vintage than the one on line is refused once the whole pipeline has run.
    const older = copyDemo();
    older.edit("sources.yaml", (t) => t.replace(/(- id: caf\n(?:.*\n)*?\s+vintage: )"2023"/, '$1"2019"'));
    const failed = build(older.config, site);
    expect(failed.status).not.toBe(0);
    expect(failed.output).toMatch(/millésime 2019 .* plus ancien que celui déjà publié \(2023\)/);
    expect(failed.output).toMatch(/rien n'a été publié, le site précédent est intact/);
    expect(failed.output).not.toMatch(/\[build\]/); // what Astro printed while waiting is not shown
    expect({ files: fingerprint(site), entries: readdirSync(folder) }).toEqual(before);
  }, 120_000);

  it("reports what changed after a producer sends a new file", () => {
    // The CAF sends a file where one commune's RSA households went from their value to 500.
    demo.edit("caf/caf_allocataires_2023.csv", (t) => {
      const lines = t.split("\n");
      const header = lines[0].split(";");
      const cells = lines[2].split(";");
      cells[header.indexOf("NB_FOY_RSA")] = "500";
      lines[2] = cells.join(";");
      return lines.join("\n");
    });
    const update = build(demo.config, site, "2026-02-01");
    expect(update.status, update.output).toBe(0);
    expect(update.output).toMatch(/Changements depuis la publication du 2026-01-15/);
    expect(update.output).toMatch(/Foyers/);
    const page = readFileSync(join(site, "changements", "index.html"), "utf8");
    expect(page).toMatch(/comparée à celle du 15 janvier 2026/);
    expect(page).toMatch(/Foyers au RSA/);
  }, 120_000);

  it("after a one-commune correction, renders again only the portraits it changes, and publishes what a full rebuild would", () => {
    const before = fingerprint(site);
    const codes = readdirSync(join(site, "epci"));
    // A sheet kept as published is the published file itself (a hard link): the same inode.
    const sheetPages = () => new Map(readdirSync(join(site, "commune")).map((c) => [c, statSync(join(site, "commune", c, "index.html")).ino]));
    const sheetsBefore = sheetPages();
    // Every portrait printed: a portrait kept as published keeps its PDF, one rendered again has none yet.
    for (const code of codes) writeFileSync(join(site, "epci", code, "portrait.pdf"), `PDF ${code}`);
    const forFull = join(mkdtempSync(join(tmpdir(), "portraits-full-")), "dist");
    cpSync(site, forFull, { recursive: true });
    demo.edit("caf/caf_allocataires_2023.csv", (t) => {
      const lines = t.split("\n");
      const column = lines[0].split(";").indexOf("NB_FOY_RSA");
      const cells = lines[5].split(";");
      cells[column] = String(Number(cells[column]) + 5);
      lines[5] = cells.join(";");
      return lines.join("\n");
    });
    const update = build(demo.config, site, "2026-02-01");
    expect(update.status, update.output).toBe(0);
    const rendered = codes.filter((code) => update.output.includes(`/epci/${code}/index.html`));
    const kept = Number(/(\d+) portraits? inchangés? repris du site publié/.exec(update.output)?.[1]);
    expect(rendered.length).toBeGreaterThan(0);
    expect(rendered.length + kept).toBe(codes.length);
    for (const code of codes) expect(existsSync(join(site, "epci", code, "portrait.pdf")), code).toBe(!rendered.includes(code));
    // The portrait of the corrected commune's EPCI is among those rendered, with its new value.
    const changedPages = codes.filter((code) => fingerprint(site)[`epci/${code}/index.html`] !== before[`epci/${code}/index.html`]);
    expect(changedPages.length).toBeGreaterThan(0);
    expect(rendered).toEqual(expect.arrayContaining(changedPages));
    // Likewise the commune sheets: those the correction changes are made again, the others kept.
    const sheetsAfter = sheetPages();
    const keptSheets = [...sheetsAfter].filter(([c, ino]) => sheetsBefore.get(c) === ino).map(([c]) => c);
    expect(update.output).toContain(`${keptSheets.length} fiches communales inchangées reprises du site publié`);
    expect(keptSheets.length).toBeGreaterThan(sheetsAfter.size / 2);
    const changedSheets = [...sheetsAfter.keys()].filter((c) => fingerprint(site)[`commune/${c}/index.html`] !== before[`commune/${c}/index.html`]);
    expect(changedSheets.length).toBeGreaterThan(0);
    for (const c of changedSheets) expect(keptSheets, c).not.toContain(c);
    // A full rebuild from the same published site writes the very same files.
    const full = build(demo.config, forFull, "2026-02-01", {}, ["--force"]);
    expect(full.status, full.output).toBe(0);
    expect(full.output).not.toMatch(/repris du site publié/);
    const withoutPdf = (tree: Record<string, string>) => Object.fromEntries(Object.entries(tree).filter(([path]) => !path.endsWith("portrait.pdf")));
    expect(withoutPdf(fingerprint(site))).toEqual(fingerprint(forFull));
  }, 240_000);
});
