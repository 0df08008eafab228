// The archive's compressed pieces kept between builds (src/downloads/piece-store.ts): taken back for the
// same rows, made again for other rows or a damaged entry, and removed once no portrait uses them.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { piece } from "../../src/downloads/archive";
import { PieceStore } from "../../src/downloads/piece-store";

const rows = Buffer.from("200000001;population;epci;12345\r\n".repeat(50));
const other = Buffer.from("200000001;population;epci;12346\r\n".repeat(50));
/** A piece's rows, read back from its compressed bytes (a full-flushed deflate stream, without its last block). */
const inflated = async (p: { compressed: Promise<Buffer> }) => inflateRawSync(Buffer.concat([await p.compressed, Uint8Array.of(0x03, 0x00)]));

describe("the store of compressed pieces", () => {
  const dir = join(mkdtempSync(join(tmpdir(), "portraits-pieces-")), "pieces");

  it("compresses a piece as archive.ts does, and keeps it under its portrait's key", async () => {
    const made = new PieceStore(dir).piece("cle-a", rows);
    expect(await made.compressed).toEqual(await piece(rows).compressed);
    expect(readdirSync(dir)).toEqual(["cle-a.deflate"]);
  });

  it("gives back what it kept for the same rows, without compressing them again", async () => {
    // An entry altered after its header stands for one an earlier build wrote: taken as it is.
    const path = join(dir, "cle-a.deflate");
    const entry = readFileSync(path);
    writeFileSync(path, Buffer.concat([entry, Buffer.from("MARQUE")]));
    const kept = await new PieceStore(dir).piece("cle-a", rows).compressed;
    expect(kept.subarray(-6).toString()).toBe("MARQUE");
    writeFileSync(path, entry);
  });

  it("makes a piece again when the rows are not those it was kept for, or the entry is damaged", async () => {
    expect((await inflated(new PieceStore(dir).piece("cle-a", other))).equals(other)).toBe(true);
    writeFileSync(join(dir, "cle-a.deflate"), "abî");
    expect((await inflated(new PieceStore(dir).piece("cle-a", rows))).equals(rows)).toBe(true);
  });

  it("removes the pieces of portraits a build did not archive", async () => {
    const store = new PieceStore(dir);
    await store.piece("cle-b", rows).compressed;
    expect(readdirSync(dir).sort()).toEqual(["cle-a.deflate", "cle-b.deflate"]);
    store.prune();
    expect(readdirSync(dir)).toEqual(["cle-b.deflate"]);
  });

  it("compresses every piece when it has no folder", async () => {
    expect((await inflated(new PieceStore().piece("cle-a", rows))).equals(rows)).toBe(true);
  });
});
