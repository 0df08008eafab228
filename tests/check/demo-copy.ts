// A throwaway copy of the demo configuration that a test may break on purpose.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export function copyDemo(): { dir: string; config: string; edit: (file: string, change: (text: string) => string) => void } {
  const dir = mkdtempSync(join(tmpdir(), "portraits-demo-"));
  cpSync("data/demo", dir, { recursive: true });
  const config = join(dir, "config.yaml");
  // The catalogue and the plan stay in the repository: point at them absolutely.
  writeFileSync(
    config,
    readFileSync(config, "utf8")
      .replace("../../indicators", resolve("indicators"))
      .replace("../../portraits/demo.yaml", resolve("portraits/demo.yaml")),
  );
  const edit = (file: string, change: (text: string) => string) => {
    const path = join(dir, file);
    writeFileSync(path, change(readFileSync(path, "latin1")), "latin1");
  };
  return { dir, config, edit };
}
