// The methods page lists every check the build makes: none emitted without being listed, none
// listed that the code no longer makes.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { QUALITY_RULES } from "../../src/quality/rules";

const SRC = join(import.meta.dirname, "../../src");
const emitted = new Set(
  readdirSync(SRC, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.endsWith("rules.ts"))
    .flatMap((f) => [...readFileSync(join(SRC, f), "utf8").matchAll(/rule: "([a-z-]+)"|finding\(\s*"[a-z]+",\s*"([a-z-]+)"/g)].map((m) => m.slice(1).find(Boolean)!)),
);

describe("the list of quality checks", () => {
  it("names every rule the code emits, once, and no other", () => {
    const listed = QUALITY_RULES.map((r) => r.rule);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...emitted].sort());
  });
});
