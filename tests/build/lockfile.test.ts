// Reproducible installs: `npm ci` (which CI runs) refuses a lockfile out of step with package.json,
// and on another platform one that lacks that platform's optional binaries.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8"));

describe("the committed lockfile", () => {
  it("declares exactly package.json's dependencies, overrides and scripts' needs", () => {
    const root = lock.packages[""];
    expect(root.dependencies).toEqual(pkg.dependencies);
    expect(root.devDependencies).toEqual(pkg.devDependencies);
    expect(root.hasInstallScript ?? false).toBe(Boolean(pkg.scripts.postinstall));
    expect(lock.packages[""].overrides ?? {}).toEqual(pkg.overrides ?? {});
  });

  it("locks each exact pin at that version", () => {
    for (const [name, range] of Object.entries<string>({ ...pkg.dependencies, ...pkg.devDependencies }))
      if (/^\d/.test(range)) expect(lock.packages[`node_modules/${name}`]?.version, name).toBe(range);
  });

  it("holds the optional native packages of other platforms too", () => {
    const esbuild = Object.keys(lock.packages).filter((p) => p.startsWith("node_modules/@esbuild/"));
    expect(esbuild).toEqual(expect.arrayContaining(["node_modules/@esbuild/linux-x64", "node_modules/@esbuild/darwin-arm64", "node_modules/@esbuild/win32-x64"]));
  });
});
