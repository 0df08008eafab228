// Writing a build without ever leaving a half-written site: everything goes to a fresh folder
// beside the published one, which is swapped in only once the whole build has succeeded.
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { setTimeout } from "node:timers/promises";

/** A fresh staging folder next to `out` (same file system, so the final rename is atomic). */
export function stagingDir(out: string, name: string): string {
  const dir = resolve(dirname(resolve(out)), `.${name}-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function writeText(dir: string, file: string, text: string): void {
  const path = join(dir, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

export const writeJson = (dir: string, file: string, value: unknown) => writeText(dir, file, JSON.stringify(value));

/**
 * Puts the files of folder `from` (the published site's) into `to` (the staging site's) as hard
 * links: instant, and the published files stay as they are until the swap. Nothing writes into a
 * published file (each step writes a fresh staging folder), so sharing them is safe. `names`: the
 * files the folder may hold, those missing skipped, without listing it (a third of the time for
 * the 35,000 folders of a country's commune sheets).
 */
export function linkFolder(from: string, to: string, names?: readonly string[]): void {
  mkdirSync(to, { recursive: true });
  const entries = names ? names.map((name) => ({ name, folder: false })) : readdirSync(from, { withFileTypes: true }).map((e) => ({ name: e.name, folder: e.isDirectory() }));
  for (const { name, folder } of entries) {
    const [source, target] = [join(from, name), join(to, name)];
    if (folder) linkFolder(source, target);
    else linkFile(source, target);
  }
}

function linkFile(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return; // one of `names` not there
    copyFileSync(source, target); // a file system without hard links
  }
}

/** Replaces `out` by `next`; the previous site is kept until the new one is in place. */
export function swapInto(next: string, out: string): void {
  const target = resolve(out);
  const previous = `${target}.previous-${process.pid}`;
  if (existsSync(target)) renameSync(target, previous);
  renameSync(next, target);
  rmSync(previous, { recursive: true, force: true });
}

/**
 * Runs `fn` while holding a lock file: Astro keeps per-project state (.astro/, the Vite cache),
 * so two builds of one checkout at once would corrupt each other. A lock left by a dead process
 * is taken over.
 */
export async function withLock<T>(lockFile: string, fn: () => Promise<T>): Promise<T> {
  mkdirSync(dirname(lockFile), { recursive: true });
  for (;;) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(lockFile, "utf8"));
      if (!isAlive(holder)) rmSync(lockFile, { force: true });
      else await setTimeout(200);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lockFile, { force: true });
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
