// The path a site is published under: what is accepted (and how it is written), what is refused with
// a French message, on the command line and in the configuration.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDeclarations } from "../../src/declare";
import { baseProblem, normalizeBase, withBase } from "../../src/format/base";
import { errorsOf, variant } from "../declare/helpers";

describe("a site's base path", () => {
  it("accepts a path, with or without its slashes, and writes it with one of each", () => {
    for (const [given, base] of [["/", "/"], ["", "/"], ["portraits", "/portraits/"], ["/portraits", "/portraits/"], ["portraits/", "/portraits/"], ["/gip/portraits-2026/", "/gip/portraits-2026/"], ["a_b.c~d//", "/a_b.c~d/"]]) {
      expect(baseProblem(given), given).toBeUndefined();
      expect(normalizeBase(given), given).toBe(base);
    }
  });

  it("refuses an address, and what no host reads as a folder path", () => {
    expect(baseProblem("https://exemple.org/portraits/")).toMatch(/^une adresse complète n'est pas un chemin/);
    expect(baseProblem("//exemple.org/portraits/")).toMatch(/^une adresse complète/);
    for (const wrong of ["/por traits/", "/portraits?x=1", "/portraits#a", "/a//b/", "/../portraits/", "/./", "/portraits/..", "/été/", "\\portraits\\"])
      expect(baseProblem(wrong), wrong).toMatch(/^un chemin comme \/portraits\/ .* est attendu/);
  });

  it("puts a path from the site's root under the base", () => {
    expect(withBase("/", "/epci/1/")).toBe("/epci/1/");
    expect(withBase("/portraits/", "/epci/1/")).toBe("/portraits/epci/1/");
    expect(withBase("/portraits/", "/")).toBe("/portraits/");
  });
});

describe("the configuration's base key", () => {
  it("is / by default, and written with its slashes", () => {
    expect(loadDeclarations(join(variant({}), "config.yaml")).config.base).toBe("/");
    const dir = variant({ "config.yaml": ["fictional: true\n", "fictional: true\nbase: gip/portraits\n"] });
    expect(loadDeclarations(join(dir, "config.yaml")).config.base).toBe("/gip/portraits/");
  });

  it("refuses what is not a path, at its line, in French", () => {
    const dir = variant({ "config.yaml": ["fictional: true\n", "fictional: true\nbase: https://exemple.org/portraits/\n"] });
    expect(errorsOf(dir)).toMatch(/config\.yaml:4:7 › base : « https:\/\/exemple\.org\/portraits\/ » : une adresse complète n'est pas un chemin/);
  });
});

describe("npm run build -- --base", () => {
  it("refuses what is not a path before building anything, exit code 2", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "src/cli/build.ts", "--base", "/mes portraits/"], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^Erreur : --base \/mes portraits\/ : un chemin comme \/portraits\//);
  });
});
