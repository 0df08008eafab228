// The chart cache: a stored chart is read back exactly as drawn, never for another input or another
// renderer, and a damaged file is drawn again; the renderer version covers all the code a chart runs.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { comparisonBars } from "../../src/charts";
import { cached, storeFile, withChartStore } from "../../src/charts/cache";
import { comparisonBars as drawBars } from "../../src/charts/comparison-bars";
import type { ChartOptions } from "../../src/charts/types";
import { chartCacheDir, RENDER_CODE, RENDER_PACKAGES, rendererVersion } from "../../src/cli/charts";
import * as f from "./fixtures";

const temporary = (name: string) => mkdtempSync(join(tmpdir(), `portraits-${name}-`));

describe("a cached chart", () => {
  let dir: string;
  let drawn: number;
  const bars = cached("bars-test", (input: typeof f.bars, options?: ChartOptions) => {
    drawn++;
    return drawBars(input, options);
  });
  /** One portrait's render: its charts, through its store. */
  const portrait = <T>(render: () => T) => withChartStore("000000001", render);
  const stored = () => JSON.parse(readFileSync(storeFile(dir, "000000001"), "utf8")) as Record<string, unknown>;

  beforeEach(() => {
    dir = temporary("charts");
    drawn = 0;
    process.env.PORTRAITS_CHART_DIR = dir;
  });
  afterEach(() => {
    delete process.env.PORTRAITS_CHART_DIR;
  });

  it("is read back exactly as drawn, in a later render, without drawing it again", () => {
    const first = portrait(() => bars(f.bars, { wide: true }));
    expect(first).toEqual(drawBars(f.bars, { wide: true }));
    expect(portrait(() => bars(f.bars, { wide: true }))).toEqual(first);
    expect(drawn).toBe(1);
  });

  it("is drawn again for another input or other options", () => {
    portrait(() => bars(f.bars));
    const other = { ...f.bars, values: f.bars.values.slice(0, 2) };
    expect(portrait(() => bars(other))).toEqual(drawBars(other));
    expect(portrait(() => bars(f.bars, { wide: true }))).toEqual(drawBars(f.bars, { wide: true }));
    expect(drawn).toBe(3);
  });

  it("is drawn again in another renderer version's folder, or for another portrait", () => {
    portrait(() => bars(f.bars));
    withChartStore("000000002", () => bars(f.bars));
    process.env.PORTRAITS_CHART_DIR = join(dir, "other-version");
    portrait(() => bars(f.bars));
    expect(drawn).toBe(3);
  });

  it("is kept while its portrait draws it, and dropped from the file once it does not", () => {
    const other = { ...f.bars, values: f.bars.values.slice(0, 2) };
    portrait(() => [bars(f.bars), bars(other)]);
    expect(Object.keys(stored())).toHaveLength(2);
    portrait(() => bars(other));
    expect(Object.values(stored())).toEqual([drawBars(other)]);
    expect(drawn).toBe(2);
  });

  it("ignores a damaged or half-written file and writes it again", () => {
    const file = storeFile(dir, "000000001");
    const key = Object.keys((portrait(() => bars(f.bars)), stored()))[0];
    for (const damaged of ['{"a": {"svg": "<svg', "", "null", "[]", JSON.stringify({ [key]: { svg: 1 } })]) {
      writeFileSync(file, damaged);
      expect(portrait(() => bars(f.bars))).toEqual(drawBars(f.bars));
      expect(stored()).toEqual({ [key]: drawBars(f.bars) });
    }
    expect(drawn).toBe(6);
  });

  it("leaves no temporary file behind", () => {
    portrait(() => bars(f.bars));
    expect(readdirSync(dir)).toEqual(["000000001.json"]);
  });

  it("is only drawn, and nothing written, outside a portrait or when the build set up no cache", () => {
    expect(comparisonBars(f.bars)).toEqual(drawBars(f.bars));
    delete process.env.PORTRAITS_CHART_DIR;
    expect(portrait(() => comparisonBars(f.bars))).toEqual(drawBars(f.bars));
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("the renderer version", () => {
  /** A project with the real chart code and one package per drawing package, at version 1.0.0. */
  function project(): string {
    const root = temporary("renderer");
    for (const dir of RENDER_CODE) cpSync(dir, join(root, dir), { recursive: true });
    for (const name of RENDER_PACKAGES) writePackage(root, name, { version: "1.0.0" });
    return root;
  }
  const writePackage = (root: string, name: string, pkg: object) => {
    mkdirSync(join(root, "node_modules", name), { recursive: true });
    writeFileSync(join(root, "node_modules", name, "package.json"), JSON.stringify(pkg));
  };

  it("changes with the chart or formatting code, or a patch to a drawing package", () => {
    const root = project();
    const before = rendererVersion(root);
    expect(rendererVersion(root)).toBe(before);
    writeFileSync(join(root, "src/format/number.ts"), readFileSync("src/format/number.ts", "utf8") + "\n// changed\n");
    const changed = rendererVersion(root);
    expect(changed).not.toBe(before);
    writeFileSync(join(root, "patches/linkedom+0.18.15.patch"), readFileSync("patches/linkedom+0.18.15.patch", "utf8") + "\n");
    expect(rendererVersion(root)).not.toBe(changed);
  });

  it("changes with a drawing package's version, or one of its dependencies'", () => {
    const root = project();
    const before = rendererVersion(root);
    writePackage(root, "linkedom", { version: "1.0.1" });
    const bumped = rendererVersion(root);
    expect(bumped).not.toBe(before);
    writePackage(root, "linkedom", { version: "1.0.1", dependencies: { htmlparser2: "^1" } });
    writePackage(root, "htmlparser2", { version: "1.0.0" });
    const withDependency = rendererVersion(root);
    expect(withDependency).not.toBe(bumped);
    writePackage(root, "htmlparser2", { version: "1.1.0" });
    expect(rendererVersion(root)).not.toBe(withDependency);
  });

  it("covers every module the chart code runs", () => {
    const outside: string[] = [];
    for (const dir of RENDER_CODE)
      for (const file of readdirSync(dir).filter((name) => name.endsWith(".ts"))) {
        const source = readFileSync(join(dir, file), "utf8");
        for (const [, specifier] of source.matchAll(/^(?:import|export) (?!type )[^;]*?from "([^"]+)"/gms)) {
          const covered = specifier.startsWith(".")
            ? RENDER_CODE.some((code) => !relative(resolve(code), resolve(dir, specifier)).startsWith(".."))
            : RENDER_PACKAGES.includes(specifier) || builtinModules.includes(specifier.replace(/^node:/, ""));
          if (!covered) outside.push(`${dir}/${file} → ${specifier}`);
        }
      }
    expect(outside).toEqual([]);
  });
});

describe("the cache folder", () => {
  afterEach(() => {
    delete process.env.PORTRAITS_CACHE;
  });

  it("is none when switched off", () => {
    process.env.PORTRAITS_CACHE = "off";
    expect(chartCacheDir("config.yaml")).toBeUndefined();
  });

  it("is a folder of the configuration in the renderer version's, other versions' being removed", () => {
    const root = temporary("cache");
    mkdirSync(join(root, "charts", "0123456789abcdef", "00"), { recursive: true });
    process.env.PORTRAITS_CACHE = root;
    const demo = chartCacheDir("data/demo/config.yaml")!;
    expect(dirname(demo)).toBe(join(root, "charts", rendererVersion()));
    expect(chartCacheDir(resolve("data/demo/config.yaml"))).toBe(demo);
    expect(chartCacheDir("data/gers/config.yaml")).not.toBe(demo);
    expect(existsSync(join(root, "charts", "0123456789abcdef"))).toBe(false);
  });
});
