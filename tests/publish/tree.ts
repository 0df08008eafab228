// Builds run as a person runs them, and a fingerprint of everything a build wrote.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

export function build(config: string, out: string, date = "2026-01-15", env: Record<string, string> = {}, options: string[] = []) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "src/cli/build.ts", "--config", config, "--out", out, "--date", date, ...options], {
    encoding: "utf8",
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", ...env },
  });
  return { status: run.status, output: run.stdout + run.stderr };
}

/** Relative path → sha256 of every file below `dir`. */
export function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else out[relative(dir, path)] = createHash("sha256").update(readFileSync(path)).digest("hex");
    }
  };
  walk(dir);
  return out;
}
