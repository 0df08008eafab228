// Writing a build without ever leaving a half-written site: everything goes to a fresh folder
// beside the published one, which is swapped in only once the whole build has succeeded.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** A fresh staging folder next to `out` (same file system, so the final rename is atomic). */
export function stagingDir(out: string, name: string): string {
  const dir = resolve(dirname(resolve(out)), `.${name}-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function writeJson(dir: string, file: string, value: unknown): void {
  const path = join(dir, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(value));
}

/** Replaces `out` by `next`; the previous site is kept until the new one is in place. */
export function swapInto(next: string, out: string): void {
  const target = resolve(out);
  const previous = `${target}.previous-${process.pid}`;
  if (existsSync(target)) renameSync(target, previous);
  renameSync(next, target);
  rmSync(previous, { recursive: true, force: true });
}
