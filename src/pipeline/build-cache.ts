// What an earlier build computed and a later one may take instead of doing it again (files as
// read, indicators' values), one file per entry in a folder of the configuration's. An entry's
// key covers everything it depends on, the code included; entries no key of the last build named
// can only serve an older build, and are removed.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";

const EXTENSION = ".v8";

/**
 * `dir`: the folder of entries, none when undefined; `code`: the code's digest
 * (src/changes/inputs.ts); `reuse`: false to take nothing (--force), still keeping what is made.
 * Plain data, for a task on another thread to open the same cache.
 */
export interface CacheSettings {
  dir?: string;
  code?: string;
  reuse?: boolean;
}

export class BuildCache<T> {
  private readonly used = new Set<string>();
  private readonly writing: Promise<void>[] = [];
  private readonly dir: string | undefined;
  private readonly code: string;
  private readonly reuse: boolean;

  constructor(readonly settings: CacheSettings = {}) {
    this.dir = settings.dir;
    this.code = settings.code ?? "";
    this.reuse = settings.reuse ?? true;
  }

  /** The key of an entry made from `parts` (JSON values); undefined when there is no cache. */
  key(parts: unknown[]): string | undefined {
    if (!this.dir) return undefined;
    const key = createHash("sha256").update(JSON.stringify([this.code, ...parts])).digest("hex");
    this.used.add(key);
    return key;
  }

  /** The entry of `key`, if one was written and may be taken; undefined if it cannot be read back. */
  get(key: string | undefined): T | undefined {
    if (!this.dir || !key || !this.reuse) return undefined;
    const path = join(this.dir, key + EXTENSION);
    if (!existsSync(path)) return undefined;
    try {
      return deserialize(readFileSync(path)) as T;
    } catch {
      return undefined; // a damaged entry costs the work again, never a build
    }
  }

  /**
   * Writes `entry` under `key`, whole or not at all: on the disk's own time (a national build
   * keeps about 150 MB), the writing done by `flush`.
   */
  put(key: string | undefined, entry: T): void {
    if (!this.dir || !key) return;
    mkdirSync(this.dir, { recursive: true });
    const path = join(this.dir, key + EXTENSION);
    const written = writeFile(`${path}.${process.pid}`, serialize(entry)).then(() => rename(`${path}.${process.pid}`, path));
    written.catch(() => {}); // reported by flush
    this.writing.push(written);
  }

  /** Once every entry put is written. */
  async flush(): Promise<void> {
    await Promise.all(this.writing.splice(0));
  }

  /** Removes the entries no key of this build named. */
  prune(): void {
    if (!this.dir || !existsSync(this.dir)) return;
    for (const name of readdirSync(this.dir))
      if (name.endsWith(EXTENSION) && !this.used.has(name.slice(0, -EXTENSION.length))) rmSync(join(this.dir, name), { force: true });
  }
}

/** A file's content digest, for keys: undefined when it cannot be read (the stage reading it says why). */
export function fileDigest(path: string): string | undefined {
  return existsSync(path) ? createHash("sha256").update(readFileSync(path)).digest("hex") : undefined;
}
