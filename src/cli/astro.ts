// Astro's pass over the models, started before the data stage has finished them: Astro loads and
// bundles (about 1.5 s) while the data stage builds and writes the models, then waits for them
// (src/site/models.ts) until `release`. Its output is held until then, so that it does not mix
// with the data stage's messages.
import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { withLock } from "./publish";

export interface AstroRun {
  /** Astro's exit code, once it has ended. */
  done: Promise<number | null>;
  /** The models are complete: Astro goes on, and what it printed meanwhile is shown. */
  release(): void;
  /** Ends it, e.g. when the data stage failed. */
  stop(): void;
}

/** The event the data stage sends once its largest tables are let go: Astro's memory fits beside it from then on. */
export const ASTRO_MAY_START = "astro-may-start";

/** The file whose presence tells the pages that the models in `models` are complete. */
export const modelsReadyFile = (models: string) => join(models, "ready");

export function startAstro(models: string, env: Record<string, string>): AstroRun {
  let child: ChildProcess | undefined;
  let stopped = false;
  let released = false;
  const held: [NodeJS.WriteStream, Buffer][] = [];
  // Astro keeps per-project state (.astro/, the Vite cache): one build of a checkout at a time.
  const done = withLock(".astro/build.lock", () => {
    if (stopped) return Promise.resolve(null);
    const astro = spawn(process.execPath, ["node_modules/astro/bin/astro.mjs", "build"], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...env, PORTRAITS_BUILD_DIR: models, PORTRAITS_MODELS_READY: modelsReadyFile(models), ASTRO_TELEMETRY_DISABLED: "1" },
    });
    child = astro;
    for (const [from, to] of [[astro.stdout, process.stdout], [astro.stderr, process.stderr]] as const)
      from.on("data", (chunk: Buffer) => (released ? to.write(chunk) : held.push([to, chunk])));
    return new Promise<number | null>((resolve, reject) => astro.on("error", reject).on("close", resolve));
  });
  return {
    done,
    release() {
      writeFileSync(modelsReadyFile(models), "");
      released = true;
      for (const [to, chunk] of held.splice(0)) to.write(chunk);
    },
    stop() {
      stopped = true;
      child?.kill();
    },
  };
}
