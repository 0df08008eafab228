// A portrait's page is made once per build, by a worker or by the page itself (src/site/portrait-page.ts):
// either way the page shows the same thing, and the build finds the same download files.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { portraitFiles } from "../../src/downloads/portrait";
import { portraitPage, preparePortrait, type PortraitPage } from "../../src/site/portrait-page";
import { preparedFile } from "../../src/site/prepared";
import { portrait, siteModel } from "./fixtures";

const code = portrait.epci.code;
const work = mkdtempSync(join(tmpdir(), "portraits-page-"));
/** A fresh prepared folder, as the build makes one. */
function prepared(): string {
  const dir = mkdtempSync(join(work, "prepared-"));
  process.env.PORTRAITS_PREPARED_DIR = dir;
  return dir;
}

describe("a portrait page", () => {
  let alone: PortraitPage;
  beforeAll(() => {
    const models = join(work, "models");
    mkdirSync(join(models, "portraits"), { recursive: true });
    writeFileSync(join(models, "site.json"), JSON.stringify(siteModel));
    writeFileSync(join(models, "portraits", `${code}.json`), JSON.stringify(portrait));
    process.env.PORTRAITS_BUILD_DIR = models;
    alone = portraitPage(code); // no prepared folder: the page makes its own, as in astro dev
  });
  afterEach(() => {
    delete process.env.PORTRAITS_PREPARED_DIR;
  });
  afterAll(() => {
    delete process.env.PORTRAITS_BUILD_DIR;
  });

  it("is the one its page makes alone when a worker made it first, and the worker leaves the downloads", () => {
    expect(alone.view?.pages).toHaveLength(portrait.plan.pages.length);
    const dir = prepared();
    expect(preparePortrait(code)).toBe(true);
    expect(preparePortrait(code)).toBe(false); // made once
    const made = JSON.parse(readFileSync(preparedFile(dir, code, "page.json"), "utf8")) as PortraitPage;
    expect(made).toEqual(alone);
    // The page takes the worker's as it is, without making it again.
    writeFileSync(preparedFile(dir, code, "page.json"), JSON.stringify({ ...made, name: "Nom du fichier préparé" }));
    expect(portraitPage(code)).toEqual({ ...alone, name: "Nom du fichier préparé" });
    const files = portraitFiles(portrait);
    expect(readFileSync(preparedFile(dir, code, "csv"))).toEqual(Buffer.from(files.csv));
    expect(readFileSync(preparedFile(dir, code, "json"))).toEqual(Buffer.from(files.json));
  });

  it("is made by the page when it comes first, which leaves the downloads for the build; the worker then skips it", () => {
    const dir = prepared();
    expect(portraitPage(code)).toEqual(alone);
    expect(preparePortrait(code)).toBe(false);
    expect(readFileSync(preparedFile(dir, code, "csv"))).toEqual(Buffer.from(portraitFiles(portrait).csv));
  });

  it("fails with the error of the worker that claimed it", () => {
    const dir = prepared();
    writeFileSync(preparedFile(dir, code, "claim"), "");
    writeFileSync(preparedFile(dir, code, "error"), `portrait ${code} : géométrie illisible`);
    expect(() => portraitPage(code)).toThrow(`portrait ${code} : géométrie illisible`);
  });
});
