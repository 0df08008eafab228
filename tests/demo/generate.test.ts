import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateDemo } from "../../src/demo/generate";
import { DEMO_DIR } from "./files";

const dirs = [mkdtempSync(join(tmpdir(), "demo-a-")), mkdtempSync(join(tmpdir(), "demo-b-"))];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("the demo generator", () => {
  it("writes the same bytes for the same seed, and the committed files are up to date", async () => {
    const first = await generateDemo(dirs[0]);
    // XLSX archives would otherwise record the time of writing: let the clock move on.
    await new Promise((done) => setTimeout(done, 2100));
    const second = await generateDemo(dirs[1]);
    expect(second).toEqual(first);
    expect(first).toHaveLength(10);
    for (const file of first) {
      const bytes = readFileSync(join(dirs[0], file));
      expect(readFileSync(join(dirs[1], file)).equals(bytes), `${file} diffère d'une exécution à l'autre`).toBe(true);
      expect(readFileSync(join(DEMO_DIR, file)).equals(bytes), `${file} : relancer npx tsx src/demo/generate.ts`).toBe(true);
    }
  });

  it("changes the data with the seed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "demo-c-"));
    dirs.push(dir);
    await generateDemo(dir, 7);
    expect(readFileSync(join(dir, "communes.csv")).equals(readFileSync(join(DEMO_DIR, "communes.csv")))).toBe(false);
  });
});
