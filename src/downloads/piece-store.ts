// The archive's compressed pieces (archive.ts) kept between builds, one file per portrait named after
// its page key (src/site/reuse.ts): a republication compresses again only the portraits rendered anew,
// not the CSV of every one it reuses (85 MB at national scale, a second of the cores' time). An entry
// also holds the length and CRC of the rows it was made from: one that does not match is made again.
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { piece, type Piece } from "./archive";

const EXTENSION = ".deflate";
const HEADER = 8; // rows' length and CRC-32, two unsigned 32-bit integers

export class PieceStore {
  private readonly used = new Set<string>();

  /** `dir`: the folder of entries; none, every piece is compressed. */
  constructor(readonly dir?: string) {}

  /** The piece of `data`, the rows of the portrait whose page key is `key`: stored, or compressed and stored. */
  piece(key: string | undefined, data: Uint8Array): Piece {
    if (!this.dir || !key) return piece(data);
    this.used.add(key);
    const path = join(this.dir, key + EXTENSION);
    const [length, crc] = [data.length, crc32(data)];
    const compressed = readFile(path).then(
      (entry) => (entry.length >= HEADER && entry.readUInt32LE(0) === length && entry.readUInt32LE(4) === crc ? entry.subarray(HEADER) : undefined),
      () => undefined,
    );
    return {
      data,
      compressed: compressed.then(async (stored) => {
        if (stored) return stored;
        const made = await piece(data).compressed;
        const header = Buffer.alloc(HEADER);
        header.writeUInt32LE(length, 0);
        header.writeUInt32LE(crc, 4);
        // Whole or not at all; a failed write costs the compression again next time, never this build.
        mkdirSync(this.dir!, { recursive: true });
        await writeFile(`${path}.${process.pid}`, Buffer.concat([header, made]))
          .then(() => rename(`${path}.${process.pid}`, path))
          .catch(() => {});
        return made;
      }),
    };
  }

  /** Removes the entries of portraits this build did not archive. */
  prune(): void {
    if (!this.dir) return;
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of names) if (!this.used.has(name.replace(/\..*$/, ""))) rmSync(join(this.dir, name), { force: true });
  }
}
