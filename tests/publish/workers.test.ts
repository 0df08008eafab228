// The chart workers (src/cli/charts.ts) run the TypeScript sources under tsx, as the build does: a
// worker's error reaches the build, and stopping them ends the warm-up. (The demo builds of
// publish.test.ts run them for real.)
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

function warm(stopAtOnce: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), "portraits-workers-"));
  const script = join(dir, "warm.mts");
  writeFileSync(
    script,
    `import { warmCharts } from ${JSON.stringify(resolve("src/cli/charts.ts"))};
const stop = new AbortController();
const warming = warmCharts(${JSON.stringify(join(dir, "no-models"))}, ${JSON.stringify(join(dir, "charts"))}, ["000000001", "000000002"], stop.signal);
if (${stopAtOnce}) stop.abort();
await warming.then(() => console.log("terminé"), (error) => console.log("échec : " + error.message));`,
  );
  const run = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", script], { encoding: "utf8", timeout: 60_000 });
  return run.stdout + run.stderr;
}

describe.skipIf(availableParallelism() < 2)("the chart workers", () => {
  it("fail the warm-up with a worker's error", () => {
    expect(warm(false)).toMatch(/échec : ENOENT.*no-models\/portraits\/000000001\.json/);
  });

  it("stop when asked", () => {
    expect(warm(true)).toMatch(/terminé/);
  });
});
