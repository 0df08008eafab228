// A member of a .zip archive, as INSEE distributes its files, streamed: the central directory at
// the end of the archive lists the members, then only the one declared is inflated (Node's zlib),
// as it is read. Reading the directory, not the headers in file order, is what holds for every
// archiver (sizes written after the data, ZIP64) without scanning the compressed bytes.
import type { FileHandle } from "node:fs/promises";
import { pipeline } from "node:stream";
import { createInflateRaw, crc32 } from "node:zlib";
import { ReadError } from "./errors";

export interface ZipMember {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the member's local header. */
  offset: number;
}

const END = 0x06054b50;
const END64 = 0x06064b50;
const END64_LOCATOR = 0x07064b50;
const ENTRY = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

/** The archive's members (folders left out), or undefined when the file is not a .zip archive. */
export async function zipMembers(handle: FileHandle): Promise<ZipMember[] | undefined> {
  const { size } = await handle.stat();
  const tailStart = Math.max(0, size - 22 - MAX_COMMENT);
  const tail = await readAt(handle, tailStart, size - tailStart);
  let end = -1;
  for (let i = tail.length - 22; i >= 0 && end < 0; i--) if (tail.readUInt32LE(i) === END) end = i;
  if (end < 0) return undefined;
  let count = tail.readUInt16LE(end + 10);
  let directorySize = tail.readUInt32LE(end + 12);
  let directoryStart = tail.readUInt32LE(end + 16);
  if (end >= 20 && tail.readUInt32LE(end - 20) === END64_LOCATOR) {
    const end64 = await readAt(handle, Number(tail.readBigUInt64LE(end - 12)), 56);
    if (end64.readUInt32LE(0) === END64)
      [count, directorySize, directoryStart] = [32, 40, 48].map((at) => Number(end64.readBigUInt64LE(at)));
  }
  const directory = await readAt(handle, directoryStart, directorySize);
  const members: ZipMember[] = [];
  for (let at = 0, n = 0; n < count && at + 46 <= directory.length && directory.readUInt32LE(at) === ENTRY; n++) {
    const [nameLength, extraLength, commentLength] = [28, 30, 32].map((o) => directory.readUInt16LE(at + o));
    const flags = directory.readUInt16LE(at + 8);
    // Bit 11: the name is UTF-8; otherwise CP437, read as Latin-1 (the same for ASCII names).
    const name = directory.toString(flags & 0x800 ? "utf8" : "latin1", at + 46, at + 46 + nameLength);
    const member = {
      name,
      flags,
      method: directory.readUInt16LE(at + 10),
      crc: directory.readUInt32LE(at + 16),
      compressedSize: directory.readUInt32LE(at + 20),
      size: directory.readUInt32LE(at + 24),
      offset: directory.readUInt32LE(at + 42),
    };
    zip64(member, directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    if (!name.endsWith("/")) members.push(member);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return members;
}

/** The ZIP64 extra field holds, in this order, the sizes and offset too large for 32 bits. */
function zip64(member: ZipMember, extra: Buffer): void {
  for (let at = 0; at + 4 <= extra.length; at += 4 + extra.readUInt16LE(at + 2)) {
    if (extra.readUInt16LE(at) !== 0x0001) continue;
    let field = at + 4;
    for (const key of ["size", "compressedSize", "offset"] as const)
      if (member[key] === 0xffffffff) {
        member[key] = Number(extra.readBigUInt64LE(field));
        field += 8;
      }
  }
}

/** The member's bytes, inflated as they are read; the CRC checked at the end. */
export async function* memberChunks(handle: FileHandle, member: ZipMember, chunkBytes: number, file: string): AsyncGenerator<Uint8Array> {
  const damaged = () => new ReadError({ file, problem: `l'archive est endommagée : « ${member.name} » ne peut pas être décompressé`, hint: "téléchargez à nouveau l'archive chez le producteur" });
  if (member.flags & 0x1) throw new ReadError({ file, problem: `« ${member.name} » est chiffré dans l'archive`, hint: "déposez l'archive sans mot de passe, ou le fichier lui-même" });
  if (member.method !== 0 && member.method !== 8)
    throw new ReadError({ file, problem: `« ${member.name} » est compressé d'une manière que la lecture ne connaît pas (méthode ${member.method})`, hint: "décompressez l'archive et déposez le fichier lui-même, ou recompressez-la au format .zip standard (deflate)" });
  const local = await readAt(handle, member.offset, 30);
  if (local.readUInt32LE(0) !== LOCAL) throw damaged();
  const start = member.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (member.compressedSize === 0) return;
  const raw = handle.createReadStream({ start, end: start + member.compressedSize - 1, highWaterMark: chunkBytes, autoClose: false });
  // pipeline: a read error reaches the inflated stream, and its iteration.
  const stream = member.method === 8 ? pipeline(raw, createInflateRaw({ chunkSize: Math.max(64, chunkBytes) }), () => {}) : raw;
  let crc = 0;
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      crc = crc32(chunk, crc);
      size += chunk.length;
      yield chunk;
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code?.startsWith("Z_")) throw damaged();
    throw e;
  } finally {
    raw.destroy();
    stream.destroy();
  }
  if (crc >>> 0 !== member.crc || size !== member.size) throw damaged();
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}
