// The digest of a build's inputs: equal exactly when the build would read the same things.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { inputsDigest } from "../../src/changes/inputs";
import { copyDemo } from "../check/demo-copy";

const DATE = "2026-01-15";
const digestOf = (demo: { dir: string; config: string }, date = DATE) => inputsDigest(demo.config, date, join(demo.dir, "dist"));

describe("the digest of a build's inputs", () => {
  it("is the same for the same files, wherever they are", () => {
    const one = copyDemo();
    expect(digestOf(one)).toMatch(/^[0-9a-f]{64}$/);
    expect(digestOf(copyDemo())).toBe(digestOf(one));
  });

  it("changes with one cell of a producer file, or with the build date", () => {
    const demo = copyDemo();
    const before = digestOf(demo);
    expect(digestOf(demo, "2026-01-16")).not.toBe(before);
    demo.edit("caf/caf_allocataires_2023.csv", (t) => t.replace(";235;545;", ";240;545;"));
    expect(digestOf(demo)).not.toBe(before);
  });

  it("changes with a file the configuration names outside its folder (the catalogue)", () => {
    const demo = copyDemo();
    const catalogue = join(mkdtempSync(join(tmpdir(), "portraits-catalogue-")), "indicators");
    cpSync(resolve("indicators"), catalogue, { recursive: true });
    writeFileSync(demo.config, readFileSync(demo.config, "utf8").replace(resolve("indicators"), catalogue));
    const before = digestOf(demo);
    const file = join(catalogue, "emploi.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("population d'âge actif", "population en âge de travailler"));
    expect(digestOf(demo)).not.toBe(before);
  });

  it("ignores the published site and hidden folders kept in the configuration's folder", () => {
    const demo = copyDemo();
    const before = digestOf(demo);
    for (const dir of ["dist/epci", "dist.previous-12/epci", ".site-12"]) {
      mkdirSync(join(demo.dir, dir), { recursive: true });
      writeFileSync(join(demo.dir, dir, "index.html"), "<p>publié</p>");
    }
    expect(digestOf(demo)).toBe(before);
  });

  it("changes with the base the site is published under, and never reads the base as a folder", () => {
    const demo = copyDemo();
    const before = digestOf(demo);
    expect(inputsDigest(demo.config, DATE, join(demo.dir, "dist"), undefined, "/portraits/")).not.toBe(before);
    // A base that happens to name a folder of this machine (/ is every file of it) is a URL path only.
    const folder = mkdtempSync(join(tmpdir(), "portraits-base-"));
    writeFileSync(demo.config, `${readFileSync(demo.config, "utf8")}base: ${folder}/\n`);
    const withKey = digestOf(demo);
    writeFileSync(join(folder, "autre.txt"), "rien à voir");
    expect(digestOf(demo)).toBe(withKey);
  });

  it("is undefined when the declarations do not load", () => {
    const demo = copyDemo();
    writeFileSync(demo.config, "name: [\n");
    expect(digestOf(demo)).toBeUndefined();
  });
});
