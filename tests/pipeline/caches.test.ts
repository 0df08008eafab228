// The build caches: a republication takes from them what an earlier build read and computed, and
// gives what a build without them gives; after one file changed, only what depends on it is redone.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { beforeAll, describe, expect, it } from "vitest";
import { CHANGED_FILE, changeOneSource, copyDemo } from "../../src/bench/datasets";
import { formulaParts } from "../../src/compute/formula";
import { loadDeclarations } from "../../src/declare/load";
import { logicalId } from "../../src/declare/source-files";
import { BuildCache } from "../../src/pipeline/build-cache";
import type { BuildCaches, StoredValues } from "../../src/pipeline/read-compute";
import { runPipeline, type PipelineResult } from "../../src/pipeline/run";
import { countsPeople, type HiddenValues } from "../../src/secrecy/secrecy";

const DATE = "2026-01-15";
const work = mkdtempSync(join(tmpdir(), "portraits-caches-"));
const config = copyDemo(join(work, "demo"));
const cacheDir = join(work, "cache");

function caches(reuse = true): BuildCaches {
  const settings = (kind: string) => ({ dir: join(cacheDir, kind), code: "test", reuse });
  return {
    readings: new BuildCache(settings("readings")),
    values: new BuildCache(settings("values")),
    secrecy: new BuildCache(settings("secrecy")),
    geometry: settings("geometry"),
  };
}
const KINDS = ["readings", "values", "secrecy", "geometry"];
const entries = (kind: string) => readdirSync(join(cacheDir, kind)).sort();
/** What a build publishes of a pipeline's result. */
const published = ({ portraits, site, findings, secrecy }: PipelineResult) => JSON.stringify({ portraits, site, findings, secrecy });

describe("the build caches", () => {
  let first: PipelineResult;
  let uncached: PipelineResult;
  let before: Record<string, string[]>;
  beforeAll(async () => {
    uncached = await runPipeline(config, { buildDate: DATE });
    first = await runPipeline(config, { buildDate: DATE, caches: caches() });
    before = Object.fromEntries(KINDS.map((kind) => [kind, entries(kind)]));
  });

  it("keeps one reading per source, one entry per indicator, what secrecy hid and the maps", () => {
    const declarations = loadDeclarations(config);
    expect(before.readings).toHaveLength(declarations.sources.size);
    expect(before.values).toHaveLength(declarations.computable.size);
    // One entry per indicator counting people, those of a pyramid or a stacked bar sharing one.
    const counting = [...declarations.indicators.values()].filter((ind) => declarations.computable.has(ind.id) && countsPeople(ind));
    expect(before.secrecy.length).toBeGreaterThan(0);
    expect(before.secrecy.length).toBeLessThan(counting.length);
    expect(before.geometry).toHaveLength(1);
    expect(published(first)).toBe(published(uncached));
  });

  it("are read: a value found in the cache is the one published", async () => {
    // Entries altered by hand stand for ones an earlier build wrote: the build must take them as they are.
    // All are altered: their names hang on the work folder, so any single one may be an indicator no page shows.
    const paths = entries("values").map((name) => join(cacheDir, "values", name));
    const secret = entries("secrecy").map((name) => join(cacheDir, "secrecy", name));
    const kept = [...paths, ...secret].map((path) => readFileSync(path));
    paths.forEach((path, i) => {
      const values = deserialize(kept[i]) as StoredValues;
      writeFileSync(path, serialize({ ...values, departement: { status: "ok", value: 987654321 } }));
    });
    secret.forEach((path, i) => {
      const hidden = deserialize(kept[paths.length + i]) as HiddenValues;
      writeFileSync(path, serialize({ ...hidden, primary: hidden.primary + 1 }));
    });
    try {
      const result = await runPipeline(config, { buildDate: DATE, caches: caches() });
      expect(published(result).includes("987654321"), "the altered entries are published").toBe(true);
      expect(result.secrecy.primary).toBe(first.secrecy.primary + secret.length);
      const forced = await runPipeline(config, { buildDate: DATE, caches: caches(false) });
      expect(published(forced)).toBe(published(first)); // --force takes nothing from them
    } finally {
      [...paths, ...secret].forEach((path, i) => writeFileSync(path, kept[i]));
    }
  });

  it("ignore a damaged entry and do the work again", async () => {
    for (const kind of KINDS) for (const name of entries(kind)) writeFileSync(join(cacheDir, kind, name), "abîmé");
    expect(published(await runPipeline(config, { buildDate: DATE, caches: caches() }))).toBe(published(first));
  });

  it("after one file changed, read it again and compute again only the indicators using it", async () => {
    await runPipeline(config, { buildDate: DATE, caches: caches() }); // whole entries again, after the damaged ones
    const whole = Object.fromEntries(KINDS.map((kind) => [kind, entries(kind)]));
    changeOneSource(join(work, "demo"));
    const cached = await runPipeline(config, { buildDate: DATE, caches: caches() });
    expect(published(cached)).toBe(published(await runPipeline(config, { buildDate: DATE })));
    expect(published(cached)).not.toBe(published(first));

    const declarations = loadDeclarations(config);
    const changed = [...declarations.sources.values()].filter((s) => s.file === CHANGED_FILE);
    const logical = new Set(changed.map(logicalId));
    const using = [...declarations.indicators.values()].filter(
      (ind) => declarations.computable.has(ind.id) && Object.values(formulaParts(ind.formula)).flat().some((ref) => logical.has(ref.split(".")[0])),
    );
    expect(using.length).toBeGreaterThan(0);
    const renewed = (kind: string) => entries(kind).filter((name) => !whole[kind].includes(name)).length;
    expect(renewed("readings")).toBe(changed.length);
    expect(renewed("values")).toBe(using.length);
    const secret = renewed("secrecy");
    expect(secret).toBeGreaterThan(0); // the changed file's counts of people are hidden again…
    expect(secret).toBeLessThan(whole.secrecy.length); // …and only theirs
    expect(entries("geometry")).toEqual(whole.geometry);
    // Entries of the files as they were can serve no later build: removed.
    for (const kind of ["readings", "values", "secrecy"]) expect(entries(kind)).toHaveLength(whole[kind].length);
  });
});
