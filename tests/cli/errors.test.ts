// Errors that reach the user from the command line: the file named, what to do, no stack trace, and
// nothing published.
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyDemo } from "../check/demo-copy";
import { build } from "../publish/tree";

describe("a contour file that is not whole", () => {
  const broken = (cut: (text: string) => string) => {
    const demo = copyDemo();
    const file = join(demo.dir, "communes.geojson");
    writeFileSync(file, cut(readFileSync(file, "utf8")));
    return build(demo.config, join(mkdtempSync(join(tmpdir(), "portraits-broken-")), "dist"));
  };

  it("says a truncated GeoJSON stops early, and to download it again", () => {
    const run = broken((text) => text.slice(0, 1000));
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/communes\.geojson : 1 problème\(s\)\n- le fichier s'arrête avant la fin du GeoJSON \(téléchargement interrompu \?\)\. À faire : téléchargez de nouveau le fichier de contours/);
    expect(run.output).toMatch(/rien n'a été publié/);
    expect(run.output).not.toMatch(/in JSON at position|\n\s+at /);
  }, 60_000);

  it("locates a damaged GeoJSON by line and column", () => {
    const run = broken((text) => text.replace("\n", "\n\n").replace("[0.28352,", "[-,"));
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/communes\.geojson : 1 problème\(s\)\n- ligne 3, colonne \d+ : ce n'est pas du JSON valide\. À faire : /);
  }, 60_000);
});
