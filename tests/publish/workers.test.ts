// The workers preparing portraits (src/cli/prepare.ts) run the TypeScript sources under tsx, as the
// build does: a worker's error reaches the build, and once Astro is done they leave it the portraits. (The demo builds
// of publish.test.ts run them for real.)
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

function prepare(stopAtOnce: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), "portraits-workers-"));
  const script = join(dir, "prepare.mts");
  writeFileSync(
    script,
    `import { makePreparedDir, PortraitWorkers } from ${JSON.stringify(resolve("src/cli/prepare.ts"))};
const stop = new AbortController();
const workers = new PortraitWorkers(${JSON.stringify(join(dir, "no-models"))}, makePreparedDir(${JSON.stringify(join(dir, "models"))}), undefined, ${JSON.stringify(join(dir, "site"))});
if (${stopAtOnce}) stop.abort();
const preparing = workers.prepare(["000000001", "000000002"], [], stop.signal);
await preparing.then(() => console.log("terminé"), (error) => console.log("échec : " + error.message));`,
  );
  const run = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", script], { encoding: "utf8", timeout: 60_000 });
  return run.stdout + run.stderr;
}

describe.skipIf(availableParallelism() < 2)("the workers preparing portraits", () => {
  it("fail with a worker's error, naming the portrait", () => {
    expect(prepare(false)).toMatch(/échec : portrait (00000000[12]) : ENOENT.*no-models\/portraits\/\1\.json/);
  });

  it("leave the portraits to Astro once it is done, with no sheet to make", () => {
    expect(prepare(true)).toMatch(/terminé/);
  });
});
